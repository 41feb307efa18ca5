"""Drive Material's search box as a reader does: click, type, read the result links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

RESULT_LINKS = "a.md-search-result__link"
# The meta line reads "Type to start searching", then "N matching documents" / "No matching…"
ANSWERED = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && /\\d|No |没有/.test(meta.textContent);
}"""


def search(page: Any, url: str, query: str, timeout_ms: int = 10_000) -> list[str]:
    """Open ``url``, type ``query`` into the search box, return the result URLs (no query string).

    The text goes in as one input, the way an input method commits Chinese, followed by a key
    release: Material searches on ``keyup``, and Playwright types non-ASCII characters without
    key events. A search that never answers (no index, nothing matched) returns no results; the
    callers assert on those.
    """
    page.goto(url)
    page.locator("input.md-search__input").click()
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
