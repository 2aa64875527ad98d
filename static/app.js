// qa's small client script: starts GOV.UK Frontend on each new piece of page, and the idle warning.
import { initAll } from "./vendor/govuk-frontend-6.6.0/govuk-frontend.min.js";
import "./challenge.js";
import "./section11.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

function start(scope) {
  initAll({ scope });
}

start(document.body);
document.addEventListener("htmx:load", (event) => {
  if (event.target !== document.body) start(event.target);
});

// Idle warning (WCAG 2.2.1): warn before the server signs an idle person out.
let warnTimer = null;
function page() { return document.getElementById("page"); }

function resetIdle() {
  const root = page();
  if (!root || !root.dataset.idleSeconds) return;
  const idle = Number(root.dataset.idleSeconds);
  const warning = Number(root.dataset.warningSeconds);
  clearTimeout(warnTimer);
  warnTimer = setTimeout(showWarning, Math.max(idle - warning, 1) * 1000);
}

function showWarning() {
  const dialog = document.getElementById("idle-warning");
  if (dialog && !dialog.open) dialog.showModal();
}

document.addEventListener("click", async (event) => {
  if (event.target.id !== "idle-stay") return;
  const root = page();
  const headers = JSON.parse(root.getAttribute("hx-headers") || "{}");
  await fetch(root.dataset.keepaliveUrl, { method: "POST", headers, credentials: "same-origin" });
  document.getElementById("idle-warning").close();
  resetIdle();
});

document.addEventListener("htmx:afterRequest", resetIdle);
resetIdle();
