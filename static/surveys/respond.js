// The children's survey screens: Quick exit (button or Shift three times), "Read it to me", focus after each screen.
(function () {
  "use strict";
  document.body.classList.add("js-enabled", "govuk-frontend-supported");

  // Each question has its own entry in the history (so Back goes to the question before), and
  // Quick exit can replace only the one it leaves. So it leaves a mark in this tab: a survey screen
  // reached again by Back or Forward after it leaves at once, and so on down the history. Opening
  // the link afresh clears the mark.
  const EXITED = "qa-survey-exited";
  function exitedHere() {
    try { return window.sessionStorage.getItem(EXITED) === "1"; } catch (error) { return false; }
  }
  const arrival = window.performance && performance.getEntriesByType
    ? (performance.getEntriesByType("navigation")[0] || {}).type : "navigate";
  if (exitedHere()) {
    if (arrival !== "navigate") {
      const way = document.querySelector("[data-exit]");
      if (way) {
        document.body.classList.add("govuk-exit-this-page-hide-content");
        window.location.replace(way.href);
        return;
      }
    }
    try { window.sessionStorage.removeItem(EXITED); } catch (error) { /* nothing kept */ }
  }

  // Quick exit hides the page at once, asks the server to end the visit (the link's own address,
  // which without JavaScript does that and redirects), then replaces this page in the history with
  // the neutral site, so Back does not return to the survey. It waits at most a second for the server.
  let leaving = false;
  function exitNow() {
    const link = document.querySelector("[data-exit]");
    if (!link || leaving) return;
    leaving = true;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    document.body.classList.add("govuk-exit-this-page-hide-content");
    const overlay = document.createElement("div");
    overlay.className = "govuk-exit-this-page-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    try { window.sessionStorage.setItem(EXITED, "1"); } catch (error) { /* replace still works */ }
    const leave = function () { window.location.replace(link.dataset.exitTo || link.href); };
    const ended = window.fetch
      ? window.fetch(link.href, { credentials: "same-origin", keepalive: true, redirect: "manual" })
      : Promise.resolve();
    Promise.race([ended, new Promise(function (done) { setTimeout(done, 1000); })]).then(leave, leave);
  }

  document.addEventListener("click", function (event) {
    const exit = event.target.closest("[data-exit]");
    if (exit) {
      event.preventDefault();
      exitNow();
    }
  });

  // Shift three times leaves, counted as GOV.UK Frontend's Exit this page counts them (its
  // handleKeypress, vendored in govuk-frontend-6.6.0), only stricter: a press counts only when Shift
  // went down and came up alone, with no other key between, and any other key starts the count
  // again. So a child typing "My Dad Shouts At Me" with Shift for each capital never leaves.
  let shiftPresses = 0;
  let shiftTimer = null;
  let shiftAlone = false;

  function resetShift() {
    if (shiftPresses) say("");
    shiftPresses = 0;
    clearTimeout(shiftTimer);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    resetShift();
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    const counted = shiftAlone;
    shiftAlone = false;
    if (!counted) {
      resetShift();
      return;
    }
    shiftPresses += 1;
    clearTimeout(shiftTimer);
    shiftTimer = setTimeout(resetShift, 5000);
    if (shiftPresses >= 3) {
      shiftPresses = 0;
      exitNow();
    } else {
      say("Shift, press " + (3 - shiftPresses) + " more time" + (shiftPresses === 2 ? "" : "s") + " to leave.");
    }
  }, true);

  function say(text) {
    const status = document.querySelector("[data-exit-status]");
    if (status) status.textContent = text;
  }

  // "Read it to me": the browser's own speech, nothing sent anywhere. Hidden where there is none.
  const speech = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window ? window.speechSynthesis : null;

  function showReadAloud(scope) {
    if (!speech) return;
    scope.querySelectorAll("[data-read-aloud]").forEach(function (button) { button.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-read-aloud]");
    if (!button || !speech) return;
    const screen = button.closest(".qa-screen") || document;
    const words = Array.from(screen.querySelectorAll("[data-read]"))
      .map(function (element) { return element.textContent.replace(/\s+/g, " ").trim(); })
      .filter(Boolean);
    speech.cancel();
    const utterance = new SpeechSynthesisUtterance(words.join(". "));
    utterance.lang = document.documentElement.lang || "en-GB";
    utterance.rate = 0.9;
    speech.speak(utterance);
  });

  // Put focus on the screen's question (its heading or legend, tabindex -1), so a screen reader
  // reads it first and nothing from the screen before stays focused.
  function focusQuestion(screen) {
    const heading = screen.querySelector("[data-heading], h1");
    if (heading) heading.focus({ preventScroll: true });
  }

  // After htmx swaps in the next screen: stop talking, name the page, and put focus on its question.
  document.addEventListener("htmx:afterSwap", function () {
    if (speech) speech.cancel();
    const screen = document.getElementById("screen");
    if (!screen) return;
    if (screen.dataset.title) document.title = screen.dataset.title;
    showReadAloud(screen);
    focusQuestion(screen);
  });
  // And once it has settled, if focus was lost on the way (left on the page's body, or on
  // something no longer in it), back to the question.
  document.addEventListener("htmx:afterSettle", function () {
    const screen = document.getElementById("screen");
    const active = document.activeElement;
    if (screen && (!active || active === document.body || !document.body.contains(active))) {
      focusQuestion(screen);
    }
  });

  showReadAloud(document);
  // A question loaded as a whole page (the phone's Back button, carrying on) is focused too.
  const firstScreen = document.getElementById("screen");
  if (firstScreen && firstScreen.querySelector(".qa-progress")) focusQuestion(firstScreen);

  // "Press Shift three times" only where there is a keyboard: never on a phone or tablet.
  if (window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
    document.querySelectorAll("[data-shift-hint]").forEach(function (hint) { hint.hidden = false; });
  }
})();
