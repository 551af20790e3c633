// Interest quiz enhancements. Everything works without this file: answers are saved
// with each page's Save button, and results can be printed from the browser menu.
(function () {
  "use strict";

  // The words come from the page, in its language: the status region carries them as
  // data-save-failed and data-offline (see assessments/templates/assessments/page.html).
  // The English here is only for a page that does not.
  var FALLBACK = {
    saveFailed: "We could not save that answer. Use the Save button at the bottom of the page.",
    offline: "You seem to be offline, so that answer is not saved yet. " +
      "It will be saved when you press the Save button."
  };
  function words(status, name) {
    return status.dataset[name] || FALLBACK[name];
  }

  // When saving one answer fails (a finished quiz, an expired form), say so in the
  // page's status region instead of failing silently.
  document.addEventListener("htmx:responseError", function (event) {
    var status = document.getElementById("quiz-status");
    if (!status) return;
    var message = words(status, "saveFailed");
    var text = event.detail.xhr && event.detail.xhr.responseText;
    if (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var problem = doc.getElementById("quiz-problem") || doc.querySelector("main");
      if (problem && problem.textContent.trim()) {
        message = problem.textContent.replace(/\s+/g, " ").trim();
      }
    }
    status.textContent = message;
  });

  document.addEventListener("htmx:sendError", function () {
    var status = document.getElementById("quiz-status");
    if (status) {
      status.textContent = words(status, "offline");
    }
  });

  // A print button, shown only when it can work.
  function setUpPrint() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPrint);
  } else {
    setUpPrint();
  }
})();
