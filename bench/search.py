"""Search in headless Chromium from file://: time from typing a query to the first result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.runner import median
from tests.sitebuild import CHROMIUM

# In the page: type the query the way Material listens for it (value, then keyup) and resolve
# with the milliseconds until the first result link is in the list (null after 15 s).
TIME_TO_FIRST_RESULT = """(query) => new Promise(resolve => {
  const input = document.querySelector('input.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  input.focus();
  const start = performance.now();
  const seen = new MutationObserver(() => {
    if (list.querySelector('a.md-search-result__link')) {
      seen.disconnect();
      resolve(performance.now() - start);
    }
  });
  seen.observe(list, {childList: true, subtree: true});
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  setTimeout(() => { seen.disconnect(); resolve(null); }, 15000);
})"""
CLEAR = """() => {
  const input = document.querySelector('input.md-search__input');
  input.value = '';
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'Backspace', bubbles: true}));
}"""
NO_RESULTS = "() => !document.querySelector('a.md-search-result__link')"

QUERIES = {
    # language: start page, first query (right after the page loaded), second query
    "en": ("index.html", "pipeline", "lead scoring"),
    "zh": ("zh/index.html", "销售管道", "线索评分"),
}


@dataclass(frozen=True)
class SearchTiming:
    lang: str
    first_query: str
    second_query: str
    first_ms: list[float | None]  # typed as soon as the page has loaded: includes index loading
    second_ms: list[float | None]  # the next query on the same page: the index is ready

    @staticmethod
    def _median(values: list[float | None]) -> float | None:
        done = [v for v in values if v is not None]
        return median(done) if done and len(done) == len(values) else None

    @property
    def first(self) -> float | None:
        return self._median(self.first_ms)

    @property
    def second(self) -> float | None:
        return self._median(self.second_ms)


def available() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def run(site: Path, reps: int, log=print) -> list[SearchTiming]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        for lang, (start, first_query, second_query) in QUERIES.items():
            firsts: list[float | None] = []
            seconds: list[float | None] = []
            for _ in range(reps):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto((site / start).as_uri())
                firsts.append(page.evaluate(TIME_TO_FIRST_RESULT, first_query))
                page.evaluate(CLEAR)
                page.wait_for_function(NO_RESULTS, timeout=10_000)
                seconds.append(page.evaluate(TIME_TO_FIRST_RESULT, second_query))
                page.close()
            timing = SearchTiming(lang, first_query, second_query, firsts, seconds)
            results.append(timing)
            log(f"  {lang}: first query {timing.first} ms, next query {timing.second} ms")
        browser.close()
    return results
