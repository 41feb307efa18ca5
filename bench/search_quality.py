"""Search quality: the query sets (QUERY_SETS), typed into the built site's search.

bench/search_queries.yml was written knowing the pages; bench/search_queries_fresh.yml was written
cold, from the reader roles' needs and the page names only (issue 27).

Each query names the pages where its answer lives. A query is a top-1 hit when the first result
page is one of them, a top-3 hit when one of them is among the first three result pages (results
grouped by page, as Material shows them). Every result link from the other language counts
against the index split. `make bench` reports the figures; tests/gates/test_search_quality.py
holds them to each set's bar (top-3 >= 95% per language for both sets; no other-language result),
from file:// and over HTTP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
FRESH_QUERIES_FILE = Path(__file__).with_name("search_queries_fresh.yml")
LANGUAGES = ("en", "zh")
MIN_QUERIES = 40  # per language
ROLES = ("owner", "marketer", "developer", "agency", "revops")
TOP3_BAR = 0.95


@dataclass(frozen=True)
class QuerySet:
    """A query file, the queries it must hold per language and its top-3 bar per language."""

    path: Path
    min_queries: int
    top3_bar: float


QUERY_SETS = (
    QuerySet(QUERIES_FILE, MIN_QUERIES, TOP3_BAR),
    # Issue 27's goal: the cold set at TOP3_BAR too. It reaches 100% (en 72, zh 75 queries), from
    # file:// and over HTTP, since pages answer its last misses (pagination, abandoned carts,
    # welcome series) and plain words match identifiers only whole (deal stages); the bar leaves
    # three misses per language (en 69 of 72, zh 72 of 75 pass).
    QuerySet(FRESH_QUERIES_FILE, 60, TOP3_BAR),
)


class QuerySetError(Exception):
    """The query file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    pages: tuple[str, ...]  # relative to the language's root, e.g. "lead-scoring.html"
    role: str
    line: int
    source: str = QUERIES_FILE.name  # the query file's name, for messages


@dataclass(frozen=True)
class QueryResult:
    query: Query
    pages: tuple[str, ...]  # result pages in order, relative to the language's root
    other_language: tuple[str, ...]  # result links that belong to the other language

    @property
    def top1(self) -> bool:
        return bool(self.pages) and self.pages[0] in self.query.pages

    @property
    def top3(self) -> bool:
        return any(p in self.query.pages for p in self.pages[:3])


@dataclass
class QualityReport:
    lang: str
    where: str  # "file://" or "HTTP"
    results: list[QueryResult] = field(default_factory=list)

    @property
    def top1(self) -> float:
        return sum(r.top1 for r in self.results) / len(self.results)

    @property
    def top3(self) -> float:
        return sum(r.top3 for r in self.results) / len(self.results)

    @property
    def misses(self) -> list[QueryResult]:
        """Queries whose expected pages are not in the top three."""
        return [r for r in self.results if not r.top3]

    @property
    def other_language(self) -> int:
        return sum(len(r.other_language) for r in self.results)

    def describe_misses(self) -> list[str]:
        return [
            f"{r.query.source}:{r.query.line}: {r.query.text!r} expected "
            f"{', '.join(r.query.pages)}; got {', '.join(r.pages[:3]) or 'no result'}"
            for r in self.misses
        ]


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping, for messages that name it."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_queries(path: Path = QUERIES_FILE, min_queries: int = MIN_QUERIES) -> list[Query]:
    """Read and check the query set; a malformed entry raises QuerySetError naming its line."""
    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise QuerySetError(f"{name}{line}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise QuerySetError(f"{name}:1: expected a mapping of languages to lists of queries")
    queries: list[Query] = []
    for lang in LANGUAGES:
        entries = data.get(lang)
        if not isinstance(entries, list):
            raise QuerySetError(f"{name}:{data['__line__']}: no list of queries for {lang!r}")
        for entry in entries:
            line = entry.get("__line__", 0) if isinstance(entry, dict) else 0
            if not isinstance(entry, dict) or not isinstance(entry.get("q"), str):
                raise QuerySetError(f"{name}:{line}: each query needs a text `q`")
            pages = entry.get("pages")
            if (
                not isinstance(pages, list)
                or not pages
                or not all(isinstance(p, str) and p.endswith(".html") for p in pages)
            ):
                raise QuerySetError(f"{name}:{line}: `pages` must list the expected .html pages")
            if entry.get("role") not in ROLES:
                raise QuerySetError(f"{name}:{line}: `role` must be one of {', '.join(ROLES)}")
            queries.append(Query(lang, entry["q"], tuple(pages), entry["role"], line, name))
        count = sum(q.lang == lang for q in queries)
        if count < min_queries:
            raise QuerySetError(f"{name}: {count} queries for {lang!r}, at least {min_queries}")
    return queries


# In the page: clear the box, wait until the results are gone, type the query (value + keyup,
# as Material listens), wait for the answer, return every result link and each page's link.
RUN_QUERY = """async (query) => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  const answered = () => /\\d|No |没有/.test(meta.textContent);
  const until = (ok) => new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => ok() ? resolve() :
      performance.now() - started > 10000 ? reject(new Error('no answer: ' + query)) :
      setTimeout(poll, 5);
    poll();
  });
  input.value = '';
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'Backspace', bubbles: true}));
  await until(() => !answered() && !list.querySelector('a'));
  input.value = query;
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'End', bubbles: true}));
  await until(answered);
  const first = li => li.querySelector('a.md-search-result__link');
  return {
    pages: [...list.querySelectorAll(':scope > li')].map(first).filter(Boolean).map(a => a.href),
    links: [...list.querySelectorAll('a.md-search-result__link')].map(a => a.href),
  };
}"""


def _path(url: str) -> str:
    return url.split("?")[0].split("#")[0]


def run_language(page: Any, root: str, start: str, queries: Sequence[Query]) -> list[QueryResult]:
    """Type each query into ``start`` (a page under the language root URL ``root``)."""
    page.goto(start)
    page.locator("input.md-search__input").click()
    results = []
    for query in queries:
        found = page.evaluate(RUN_QUERY, query.text)
        pages = [_path(u) for u in found["pages"]]
        links = [_path(u) for u in found["links"]]
        ours = [u.removeprefix(root) for u in pages if u.startswith(root)]
        other = [u for u in links if not u.startswith(root) or _other_root(u, root)]
        results.append(QueryResult(query, tuple(dict.fromkeys(ours)), tuple(other)))
    return results


def _other_root(url: str, root: str) -> bool:
    """A default-language root also contains ``zh/``: those links are the other language."""
    rest = url.removeprefix(root)
    return any(rest.startswith(f"{lang}/") for lang in LANGUAGES[1:])


def run(page: Any, base: str, where: str, queries: Sequence[Query]) -> list[QualityReport]:
    """Every language's queries against the site at ``base`` (``file:///…/site`` or a URL)."""
    reports = []
    for lang in LANGUAGES:
        root = f"{base}/" if lang == LANGUAGES[0] else f"{base}/{lang}/"
        mine = [q for q in queries if q.lang == lang]
        reports.append(
            QualityReport(lang, where, run_language(page, root, root + "index.html", mine))
        )
    return reports
