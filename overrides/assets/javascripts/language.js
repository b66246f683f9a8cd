// Switching language keeps the reader's place: same page, same section.
//
// The links in Material's language menu already point to the same page in
// the other language (mkdocs-static-i18n). What a server cannot know is the
// section the reader is at: the #id in the address bar (navigation.tracking
// keeps it up to date while scrolling). Headings have the same id in both
// languages, so we add it to the link just before it is followed, opened in
// a new tab, or copied.
//
// Without JavaScript the links still work; they open the top of the page.
(function () {
  "use strict";

  var LANGUAGE_LINKS = "a.md-select__link[hreflang]";

  function keepSection(event) {
    var target = event.target;
    var link = target && target.closest ? target.closest(LANGUAGE_LINKS) : null;
    if (!link) return;
    var url = new URL(link.href, document.baseURI);
    url.hash = location.hash;
    link.href = url.href;
  }

  // Capture phase, so the address is set before any other click handler or
  // the browser itself reads it.
  ["click", "auxclick", "contextmenu", "focusin"].forEach(function (type) {
    document.addEventListener(type, keepSection, true);
  });
})();
