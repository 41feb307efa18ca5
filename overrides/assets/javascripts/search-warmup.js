/* Warm the search before the reader types. From file:// Material hands the index to its search
   worker only when the search box opens, so the first query waits while lunr indexes the whole
   language. hooks/theme_patches.py (search-warmup) lets this event do it instead; we fire it once
   the page has loaded and the browser is idle, so it never delays the first paint. Over HTTP
   Material has already started, and the event changes nothing. */
(function () {
  "use strict";
  if (!document.forms.namedItem("search")) return;
  function warm() {
    document.dispatchEvent(new Event("ac:search-warmup"));
  }
  function whenIdle() {
    if ("requestIdleCallback" in window) window.requestIdleCallback(warm, { timeout: 1000 });
    else window.setTimeout(warm, 0);
  }
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
})();
