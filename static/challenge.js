// Findings autosave on a flaky connection: keep what is typed in this browser until the server has it,
// say plainly when a save failed, and retry with backoff. Loaded on every page; does nothing without autosave fields.
const PREFIX = "qa-finding:";
const MAX_WAIT = 30000;
const attempts = new WeakMap();

function keyOf(el) { return PREFIX + el.dataset.autosaveKey; }
function baseOf(el) { return document.getElementById(el.dataset.autosaveBase); }
function stateOf(el) { return document.getElementById(el.dataset.autosaveState); }

function autosaveOf(elt) {
  if (!elt || !elt.closest) return null;
  return elt.closest("[data-autosave-state]");
}

function remember(el) {
  const base = baseOf(el);
  try {
    localStorage.setItem(keyOf(el), JSON.stringify({ text: el.value, base: base ? base.value : "", at: Date.now() }));
  } catch (error) { /* storage full or disabled: the retry still protects the text on this page */ }
}

function forget(el) {
  try { localStorage.removeItem(keyOf(el)); } catch (error) { /* nothing kept */ }
}

function say(el, text, failed) {
  const box = stateOf(el);
  if (!box) return;
  const p = document.createElement("p");
  p.className = failed ? "qa-not-saved" : "govuk-body-s qa-muted govuk-!-margin-bottom-0";
  p.textContent = text;
  box.replaceChildren(p);
}

// A copy kept from before a reload, crash or lost connection comes back if the server's is older.
function restore(el) {
  if (!el.dataset.autosaveKey) return;
  if (el.dataset.discardLocal) { forget(el); return; }
  let kept = null;
  try { kept = JSON.parse(localStorage.getItem(keyOf(el)) || "null"); } catch (error) { forget(el); return; }
  if (!kept || kept.text === el.value) { if (kept) forget(el); return; }
  const savedAt = Number(el.dataset.savedAt || 0);
  if (kept.base === el.value || kept.at > savedAt) {
    el.value = kept.text;
    say(el, "Restored what you typed earlier on this device. Saving…", false);
    window.htmx.trigger(el, "qa:retry");
  }
}

function retry(el) {
  const n = (attempts.get(el) || 0) + 1;
  attempts.set(el, n);
  const wait = Math.min(MAX_WAIT, 1000 * 2 ** (n - 1));
  say(el, `Not saved — retrying in ${Math.round(wait / 1000)} second${wait === 1000 ? "" : "s"}. What you typed is kept on this device.`, true);
  setTimeout(() => window.htmx.trigger(el, "qa:retry"), wait);
}

document.addEventListener("input", (event) => {
  const el = event.target;
  if (el.dataset && el.dataset.autosaveKey) remember(el);
});

document.addEventListener("htmx:sendError", (event) => {
  const el = autosaveOf(event.detail.elt);
  if (el) retry(el);
});

document.addEventListener("htmx:timeout", (event) => {
  const el = autosaveOf(event.detail.elt);
  if (el) retry(el);
});

document.addEventListener("htmx:responseError", (event) => {
  const el = autosaveOf(event.detail.elt);
  if (!el) return;
  const status = event.detail.xhr.status;
  if (status >= 500 || status === 429 || status === 0) retry(el);
  else say(el, "Not saved: reload the page and try again. What you typed is kept on this device.", true);
});

document.addEventListener("htmx:afterRequest", (event) => {
  const el = autosaveOf(event.detail.elt);
  if (el && event.detail.successful) attempts.delete(el);
});

// Once the server holds exactly what is in the box, the kept copy is no longer needed.
document.addEventListener("htmx:afterSettle", () => {
  document.querySelectorAll("textarea[data-autosave-key]").forEach((el) => {
    const base = baseOf(el);
    if (base && base.value === el.value) forget(el);
  });
});

document.addEventListener("htmx:configRequest", (event) => {
  if (autosaveOf(event.detail.elt)) event.detail.timeout = 15000;
});

// htmx:load comes after htmx has wired the new content's triggers, so a restored text can be sent at once.
document.addEventListener("htmx:load", (event) => {
  const scope = event.target;
  const found = scope.matches && scope.matches("textarea[data-autosave-key]") ? [scope] : scope.querySelectorAll("textarea[data-autosave-key]");
  found.forEach(restore);
});
