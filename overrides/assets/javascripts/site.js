/* Site behaviour that Material does not provide. No network, no dependencies. */
(function () {
  "use strict";

  /* Language switcher keeps the section: both languages share heading ids, so the other
     language's page opens at the same #anchor. Capture phase, so it runs before Material's own
     alternate handler (which would look the page up in a sitemap and drop the hash). */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[data-ac-lang]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    var url = new URL(link.href, location.href);
    url.hash = location.hash;
    event.preventDefault();
    event.stopPropagation();
    location.href = url.href;
  }, true);
})();
