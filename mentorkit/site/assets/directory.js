// Mentor directory filters: plain DOM, no library, nothing fetched.
// Each card carries data attributes written at build time; filtering only hides cards.
(function () {
  "use strict";

  function words(value) {
    return (value || "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  function setUp(root) {
    var form = root.querySelector("form");
    var cards = Array.prototype.slice.call(root.querySelectorAll("[data-mentor]"));
    var counter = root.querySelector("[data-mk-count]");
    var empty = root.querySelector("[data-mk-empty]");
    var field = function (name) { return root.querySelector('[data-filter="' + name + '"]'); };

    function apply() {
      var query = words(field("text").value);
      var skill = field("skill").value;
      var department = field("department").value;
      var language = field("language").value;
      var offset = field("offset").value;
      var openOnly = field("open").checked;
      var shown = 0;
      cards.forEach(function (card) {
        var data = card.dataset;
        var text = data.text || "";
        var visible =
          (!skill || data.skills.indexOf(" " + skill + " ") !== -1) &&
          (!department || data.department === department) &&
          (!language || data.languages.indexOf(" " + language + " ") !== -1) &&
          (!offset || data.offset === offset) &&
          (!openOnly || data.open === "yes") &&
          query.every(function (word) { return text.indexOf(word) !== -1; });
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      counter.textContent = shown === cards.length
        ? cards.length + " mentors"
        : shown + " of " + cards.length + " mentors";
      empty.hidden = shown !== 0;
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
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
