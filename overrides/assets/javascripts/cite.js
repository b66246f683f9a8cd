// Fills in the reader's date in every citation before Material's clipboard
// integration copies it ("geraadpleegd op {datum}" / "accessed {datum}").
// Without JavaScript the cite buttons do nothing, and the ID stays visible.
(function () {
  function fill() {
    var lang = document.documentElement.lang === "en" ? "en-GB" : "nl-NL";
    var today = new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll(".cite-button[data-clipboard-text]").forEach(function (button) {
      button.setAttribute("data-clipboard-text", button.getAttribute("data-clipboard-text").replace("{datum}", today));
    });
  }
  if (window.document$) { window.document$.subscribe(fill); } else { document.addEventListener("DOMContentLoaded", fill); }
})();
