"""Drive Material's search box as a reader does: click, type, read the result links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

SEARCH_BOX = "input.md-search__input"
RESULT_LINKS = "a.md-search-result__link"
# The meta line reads "Type to start searching", then "N matching documents" / "No matching…"
ANSWERED = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && /\\d|No |没有/.test(meta.textContent);
}"""
# An empty box: the meta line no longer answers and the result list holds no link
CLEARED = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && !/\\d|No |没有/.test(meta.textContent)
        && !document.querySelector('.md-search-result__list a');
}"""


def search(page: Any, url: str, query: str, timeout_ms: int = 10_000) -> list[str]:
    """Open ``url``, type ``query`` into the search box, return the result URLs (no query string).

    The text goes in as one input, the way an input method commits Chinese, followed by a key
    release: Material searches on ``keyup``, and Playwright types non-ASCII characters without
    key events. A search that never answers (no index, nothing matched) returns no results; the
    callers assert on those.
    """
    page.goto(url)
    page.locator(SEARCH_BOX).click()
    return type_query(page, query, timeout_ms)


def search_again(page: Any, query: str, timeout_ms: int = 10_000) -> list[str]:
    """Search the page that ``page`` shows for ``query`` after an earlier search: the reader
    empties the box (select all, Backspace: Material clears its results on the key release) and
    types the new query. The index stays loaded, as it does for a reader."""
    page.locator(SEARCH_BOX).click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Backspace")
    page.wait_for_function(CLEARED, timeout=timeout_ms)
    return type_query(page, query, timeout_ms)


def type_query(page: Any, query: str, timeout_ms: int = 10_000) -> list[str]:
    """Type ``query`` into the focused search box; the result URLs once Material answers."""
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    try:
        page.wait_for_function(ANSWERED, timeout=timeout_ms)
    except PlaywrightTimeout:
        return []
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    return [h.split("?")[0].split("#")[0] for h in hrefs]


def relative(urls: list[str], site: Path) -> list[str]:
    """Result URLs relative to the site root, for readable assertions."""
    root = site.as_uri() + "/"
    return [u[len(root) :] if u.startswith(root) else u for u in urls]
