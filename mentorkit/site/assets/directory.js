// Mentor directory filters: plain DOM, no library, nothing fetched.
// Each card carries data attributes written at build time; filtering only hides cards.
// The search matches the start of words ("go" finds "Go" and "Gomez", not "negotiation"),
// and the live count is announced once typing pauses, and only when it changed.
(function () {
  "use strict";

  var PAUSE_MS = 400;

  function words(value) {
    return (value || "").toLowerCase().split(/[\s\-–—.,;:()\/]+/).filter(Boolean);
  }

  function startsAWord(cardWords, query) {
    return cardWords.some(function (word) { return word.lastIndexOf(query, 0) === 0; });
  }

  function setUp(root) {
    var form = root.querySelector("form");
    var cards = Array.prototype.slice.call(root.querySelectorAll("[data-mentor]"));
    var counter = root.querySelector("[data-mk-count]");
    var empty = root.querySelector("[data-mk-empty]");
    var toggle = root.querySelector("[data-mk-toggle]");
    var more = root.querySelector("[data-mk-more]");
    var field = function (name) { return root.querySelector('[data-filter="' + name + '"]'); };
    var cardWords = cards.map(function (card) { return words(card.dataset.text); });
    var announced = counter.textContent;
    var timer = null;

    function announce(text) {
      // A live region read aloud on every keystroke (or on blur) is noise: wait for a
      // pause, and say nothing when the count did not change.
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (text !== announced) {
          announced = text;
          counter.textContent = text;
        }
      }, PAUSE_MS);
    }

    function apply() {
      var query = words(field("text").value);
      var skill = field("skill").value;
      var department = field("department").value;
      var language = field("language").value;
      var offset = field("offset").value;
      var openOnly = field("open").checked;
      var shown = 0;
      cards.forEach(function (card, index) {
        var data = card.dataset;
        var visible =
          (!skill || data.skills.indexOf(" " + skill + " ") !== -1) &&
          (!department || data.department === department) &&
          (!language || data.languages.indexOf(" " + language + " ") !== -1) &&
          (!offset || data.offset === offset) &&
          (!openOnly || data.open === "yes") &&
          query.every(function (word) { return startsAWord(cardWords[index], word); });
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      empty.hidden = shown !== 0;
      announce(shown === cards.length
        ? cards.length + " mentors"
        : shown + " of " + cards.length + " mentors");
    }

    if (toggle && more) {
      // Small screens: the filters beyond the search box fold away behind a button.
      toggle.hidden = false;
      root.classList.add("mk-collapsible");
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        root.classList.toggle("mk-filters-open", open);
      });
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", function (event) {
      // A text field fires "change" on blur as well: it changed nothing new.
      if (event.target !== field("text")) { apply(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mk-directory]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
