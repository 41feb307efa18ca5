/* Site behaviour that Material does not provide. No network, no dependencies; every feature
   degrades to plain links and full lists without JavaScript. */
(function () {
  "use strict";

  /* Links that keep the reader's section: the language switcher and the side-by-side view.
     Both languages and the compare view share heading ids, so the target opens at the same
     #anchor. Capture phase, so it runs before Material's own alternate handler (which looks
     the page up in a sitemap and drops the hash). */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[data-ac-keep-hash]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    var hash = location.hash;
    if (!hash || hash.indexOf("=") !== -1) return; /* no section, or path-finder state */
    var url = new URL(link.href, location.href);
    url.hash = hash;
    event.preventDefault();
    event.stopPropagation();
    location.href = url.href;
  }, true);

  /* Path finder on the start page: filter the full lists by area and role and keep the choice
     in the URL (#area=C&role=revops) so it can be shared and survives a language switch. */
  var finder = document.querySelector("[data-ac-pathfinder]");
  if (!finder) return;
  var form = finder.querySelector("form");
  var groups = finder.querySelectorAll("[data-ac-area], [data-ac-role]");

  function readState() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    return { area: params.get("area") || "", role: params.get("role") || "" };
  }

  function apply(state) {
    form.elements.area.value = state.area;
    form.elements.role.value = state.role;
    var filtering = state.area || state.role;
    groups.forEach(function (group) {
      var area = group.getAttribute("data-ac-area");
      var role = group.getAttribute("data-ac-role");
      var shown = !filtering || (area !== null && area === state.area) ||
        (role !== null && role === state.role);
      group.hidden = !shown;
    });
    finder.querySelectorAll("[data-ac-kind]").forEach(function (list) {
      var kind = list.getAttribute("data-ac-kind");
      list.hidden = filtering && !state[kind];
    });
  }

  function save() {
    var state = { area: form.elements.area.value, role: form.elements.role.value };
    var params = new URLSearchParams();
    if (state.area) params.set("area", state.area);
    if (state.role) params.set("role", state.role);
    var hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    apply(state);
  }

  form.hidden = false;
  form.addEventListener("change", save);
  form.addEventListener("reset", function () { setTimeout(save, 0); });
  apply(readState());
  if (location.hash.indexOf("=") !== -1) finder.scrollIntoView();
})();
