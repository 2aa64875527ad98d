// Section 11 rating: the autosave waits a second after typing stops, so words typed and the page
// left sooner were lost. What is unsaved is sent as the page is left -- a boosted link or form,
// Back, another site, closing the tab -- as the same autosave post, its CSRF token in the form.
// Loaded on every page; does nothing without the rating form.
const FORM_ID = "rating-form";
let unsaved = null; // the rating form, while it holds changes no save has carried yet

function ratingForm(elt) {
  if (!elt || !elt.closest) return null;
  return elt.closest(`#${FORM_ID}`) || (elt.form && elt.form.id === FORM_ID ? elt.form : null);
}

function flush() {
  const form = unsaved;
  unsaved = null;
  if (!form || !form.isConnected) return;
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

document.addEventListener("input", (event) => {
  const form = ratingForm(event.target);
  if (form) unsaved = form;
});
document.addEventListener("change", (event) => {
  const form = ratingForm(event.target);
  if (form) unsaved = form;
});
// The form's own posts (the autosave, "Save and continue") carry everything typed so far.
document.addEventListener("submit", (event) => {
  if (event.target.id === FORM_ID) unsaved = null;
}, true);
document.addEventListener("htmx:beforeRequest", (event) => {
  if (ratingForm(event.detail.elt)) unsaved = null;
  else if (event.detail.boosted) flush(); // leaving by a boosted link or form
});
window.addEventListener("pagehide", flush);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flush();
});
