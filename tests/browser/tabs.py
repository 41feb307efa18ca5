"""A reader's tabs, kept open for the tests of one module.

Chromium spends about 0.5 s of CPU on a new browser context with its first page, and about 0.3 to
0.4 s on each load of a page of the real site (measured with ``/proc/<pid>/stat`` of its processes,
issue 28). pytest-playwright's ``page`` fixture pays the first for every test, and a test that
searches pays the second and the search index's build in the page again, although the reader it
stands for would have the page open already. The tests that only read a page (measure its layout,
run axe-core on it, type queries into its search box) share one context per module
(``tabs`` in tests/conftest.py) and reuse its tabs:

- ``search`` keeps a tab per address with its search index loaded, and empties the box before the
  next query, as a reader does;
- ``show`` loads a page in one tab of a given size and colour scheme, fresh for every call (a test
  may restyle the page it measures);
- ``kept`` loads a page once and hands the same document to the next test that asks for it, in
  the colour scheme that test asks for (Material's palette follows the system's scheme as it
  changes), for checks that change nothing on the page.

A test that needs a page as it is first opened (the search warm-up, the requests a page makes)
keeps pytest-playwright's own ``page``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.browser.search import search, search_again

DESKTOP = {"width": 1280, "height": 900}  # tests/conftest.py: browser_context_args


class Tabs:
    """Tabs of one browser context, by address, the least recently used closed first."""

    def __init__(self, context: Any, keep: int = 4) -> None:
        self.context = context
        self.keep = keep
        self._tabs: dict[str, Any] = {}

    @property
    def pages(self) -> list[Any]:
        """The open tabs, the most recently used last (screenshots of a failed test)."""
        return list(self._tabs.values())

    def _tab(self, key: str) -> tuple[Any, bool]:
        """The tab kept under ``key`` and False, or a new one and True."""
        page = self._tabs.pop(key, None)
        new = page is None or page.is_closed()
        if new:
            page = self.context.new_page()
        self._tabs[key] = page
        while len(self._tabs) > self.keep:
            self._tabs.pop(next(iter(self._tabs))).close()
        return page, new

    def search(
        self, url: str, query: str, on_open: Callable[[Any], None] | None = None
    ) -> tuple[Any, list[str]]:
        """Search ``url`` for ``query`` in its tab (opened at the first search); the tab and the
        result URLs (tests/browser/search.py). ``on_open(tab)`` runs when the tab opens."""
        page, new = self._tab(url)
        if new and on_open is not None:
            on_open(page)
        if new or page.url != url:
            return page, search(page, url, query)
        try:
            return page, search_again(page, query)
        except Exception:
            self._tabs.pop(url).close()  # a tab left in an unknown state serves no other test
            raise

    def show(
        self,
        url: str,
        viewport: dict[str, int] = DESKTOP,
        scheme: str = "light",
        on_open: Callable[[Any], None] | None = None,
    ) -> Any:
        """``url`` loaded anew in a ``viewport``-sized tab under the system colour ``scheme``;
        ``on_open(tab)`` runs when the tab opens."""
        page, new = self._tab("show")
        if new and on_open is not None:
            on_open(page)
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=scheme)
        if page.url.split("#")[0] == url.split("#")[0] and "#" in page.url + url:
            page.goto("about:blank")  # else only the #fragment would change, in the same document
        page.goto(url)
        return page

    def kept(
        self, url: str, scheme: str = "light", on_open: Callable[[Any], None] | None = None
    ) -> Any:
        """``url`` in its own tab, loaded once, under the system colour ``scheme``;
        ``on_open(tab)`` runs when the tab opens, before the page loads."""
        page, new = self._tab(url)
        if new and on_open is not None:
            on_open(page)
        page.emulate_media(color_scheme=scheme)
        if new or page.url != url:
            page.goto(url)
        return page
