"""Search in headless Chromium: time to the first result, and the quality of the results.

Timing: the built site, and a copy of it with Material's search scripts as shipped (without
output/theme_patches.py: no warm-up, the previous figure), both from file:// and over HTTP,
interleaved page by page so that both see the same machine. Quality: bench/search_queries*.yml
through bench/search_quality.py, from file:// and over HTTP.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from bench import search_quality
from bench.runner import median
from tests.gates.tools import serve
from tests.sitebuild import CHROMIUM, restore_material_scripts

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
FIRST_PAINT = """() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return paint ? paint.startTime : null;
}"""

QUERIES = {
    # language: start page, first query (right after the page loaded), second query
    "en": ("index.html", "pipeline", "lead scoring"),
    "zh": ("zh/index.html", "销售管道", "线索评分"),
}
# A reader's first keystroke comes no sooner than this after the page appears: move the mouse,
# find the box, click it, type. The bench moves the mouse at load (search-warmup.js starts on
# the reader's first move) and types this long after; "typed at load" shows the worst case.
READER_DELAY_MS = 1000
VARIANTS = ("shipped", "patched")  # Material's scripts as shipped (before) / as this site builds
MODES = ("file://", "HTTP")


@dataclass(frozen=True)
class SearchTiming:
    lang: str
    mode: str
    variant: str
    first_query: str
    second_query: str
    first_ms: list[float | None]  # typed as soon as the page has loaded: includes index loading
    second_ms: list[float | None]  # the next query on the same page: the index is ready
    paint_ms: list[float | None]  # first contentful paint of the page
    reader_ms: list[float | None]  # first query typed READER_DELAY_MS after the page loaded

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

    @property
    def paint(self) -> float | None:
        return self._median(self.paint_ms)

    @property
    def reader(self) -> float | None:
        return self._median(self.reader_ms)


@dataclass
class SearchResults:
    timings: list[SearchTiming]
    quality: list[search_quality.QualityReport]
    queries: int  # in the query set


def available() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


Timing = tuple[float | None, float | None, float | None, float | None]


def _time_one(browser, base: str, lang: str) -> Timing:
    """First query at load, next query, first paint; then, on a fresh page, the mouse moved at
    load and the first query typed READER_DELAY_MS after load."""
    start, first_query, second_query = QUERIES[lang]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/{start}")
        first = page.evaluate(TIME_TO_FIRST_RESULT, first_query)
        paint = page.evaluate(FIRST_PAINT)
        page.evaluate(CLEAR)
        page.wait_for_function(NO_RESULTS, timeout=10_000)
        second = page.evaluate(TIME_TO_FIRST_RESULT, second_query)
    finally:
        page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base}/{start}")
        page.mouse.move(600, 400)  # the reader's hand on the mouse, on its way to the box
        page.wait_for_timeout(READER_DELAY_MS)
        reader = page.evaluate(TIME_TO_FIRST_RESULT, first_query)
    finally:
        page.close()
    return first, second, paint, reader


def run(site: Path, reps: int, log=print) -> SearchResults:
    from playwright.sync_api import sync_playwright

    shipped = site.parent / f"{site.name}-shipped"
    shutil.rmtree(shipped, ignore_errors=True)
    shutil.copytree(site, shipped)
    restore_material_scripts(shipped)
    sites = {"shipped": shipped, "patched": site}
    runs: dict[tuple[str, str, str], list[Timing]] = {}
    query_sets = [
        (qs.path.name, search_quality.load_queries(qs.path, qs.min_queries))
        for qs in search_quality.QUERY_SETS
    ]
    quality: list[search_quality.QualityReport] = []
    try:
        with (
            sync_playwright() as p,
            serve(shipped) as shipped_url,
            serve(site) as patched_url,
        ):
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
            )
            bases = {
                ("file://", "shipped"): sites["shipped"].as_uri(),
                ("file://", "patched"): sites["patched"].as_uri(),
                ("HTTP", "shipped"): shipped_url,
                ("HTTP", "patched"): patched_url,
            }
            for mode in MODES:
                for lang in QUERIES:
                    for _ in range(reps):
                        for variant in VARIANTS:  # interleaved: both see the same machine
                            key = (mode, lang, variant)
                            runs.setdefault(key, []).append(
                                _time_one(browser, bases[(mode, variant)], lang)
                            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, queries in query_sets:  # "from" names the set: file:// search_queries.yml
                for where in ("file://", "HTTP"):
                    base = bases[(where, "patched")]
                    quality += search_quality.run(page, base, f"{where} {name}", queries)
            browser.close()
    finally:
        shutil.rmtree(shipped, ignore_errors=True)
    timings = []
    for (mode, lang, variant), values in runs.items():
        _, first_query, second_query = QUERIES[lang]
        timing = SearchTiming(
            lang,
            mode,
            variant,
            first_query,
            second_query,
            [v[0] for v in values],
            [v[1] for v in values],
            [v[2] for v in values],
            [v[3] for v in values],
        )
        timings.append(timing)
        log(
            f"  {mode} {lang} {variant}: first query at load {timing.first} ms, "
            f"{READER_DELAY_MS} ms after load {timing.reader} ms, next {timing.second} ms, "
            f"first paint {timing.paint} ms"
        )
    for report in quality:
        log(
            f"  quality {report.where} {report.lang}: top-1 {report.top1:.0%}, "
            f"top-3 {report.top3:.0%}, other-language results {report.other_language}"
        )
    return SearchResults(timings, quality, sum(len(q) for _, q in query_sets))
