/* Warm the search before the reader types. From file:// Material hands the index to its search
   worker only when the search box opens, so the first query waits while lunr indexes the whole
   language. hooks/theme_patches.py (search-warmup) lets this event do it instead. We fire it at
   the reader's first sign of life after the page has loaded (pointer, touch, key, wheel), the
   moment they start reaching for the search box, and then only when the browser is idle: the
   first paint is long done, and a page nobody touches loads nothing more. Over HTTP Material has
   already started, and the event changes nothing. */
(function () {
  "use strict";
  if (!document.forms.namedItem("search")) return;
  var signs = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel"];
  var warmed = false;
  function warm() {
    if (warmed) return;
    warmed = true;
    signs.forEach(function (type) { window.removeEventListener(type, whenIdle, true); });
    document.dispatchEvent(new Event("ac:search-warmup"));
  }
  function whenIdle() {
    if ("requestIdleCallback" in window) window.requestIdleCallback(warm, { timeout: 200 });
    else window.setTimeout(warm, 0);
  }
  function listen() {
    signs.forEach(function (type) {
      window.addEventListener(type, whenIdle, { capture: true, passive: true });
    });
  }
  if (document.readyState === "complete") listen();
  else window.addEventListener("load", listen, { once: true });
})();
