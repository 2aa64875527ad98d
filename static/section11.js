// Autosaved forms (the Section 11 rating, a case audit's domains and summary): the autosave waits
// a second after typing stops, so words typed and the page left sooner were lost. What is unsaved
// is sent as the page is left -- a boosted link or form, Back, another site, closing the tab -- as
// the same autosave post, its CSRF token in the form.
// Loaded on every page; does nothing without an autosaved form (#rating-form, form[data-autosave]).
const AUTOSAVED = "#rating-form, form[data-autosave]";
const unsaved = new Set(); // the autosaved forms holding changes no save has carried yet

function autosaved(elt) {
  if (!elt || !elt.closest) return null;
  return elt.closest(AUTOSAVED) || (elt.form && elt.form.matches(AUTOSAVED) ? elt.form : null);
}

function flush() {
  const forms = [...unsaved];
  unsaved.clear();
  for (const form of forms) {
    if (!form.isConnected) continue;
    // fetch with keepalive outlives the page, like sendBeacon, and can say it is the autosave
    // (HX-Request), so the server answers with the save state rather than a redirect and a flash.
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      keepalive: true,
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    }).catch(() => {});
  }
}

document.addEventListener("input", (event) => {
  const form = autosaved(event.target);
  if (form) unsaved.add(form);
});
document.addEventListener("change", (event) => {
  const form = autosaved(event.target);
  if (form) unsaved.add(form);
});
// The form's own posts (the autosave, "Save and continue") carry everything typed so far.
document.addEventListener("submit", (event) => {
  unsaved.delete(event.target);
}, true);
document.addEventListener("htmx:beforeRequest", (event) => {
  const form = autosaved(event.detail.elt);
  if (form) unsaved.delete(form);
  else if (event.detail.boosted) flush(); // leaving by a boosted link or form
});
window.addEventListener("pagehide", flush);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flush();
});
