"""Search-quality gate: each query set of bench/search_quality.QUERY_SETS on the real site.

Per language, from file://: at least the set's bar (95% for bench/search_queries.yml and for the
cold set bench/search_queries_fresh.yml) of the queries have one of their expected pages among the
first three result pages, and no result comes from the other language. The misses are listed in
the failure message; `make bench` reports the same figures.

Over HTTP the browser reads ``search_index.json`` where file:// reads its ``search_index.js``
twin; the same lunr runs on the same index, so the answers are the same. One test requires the
two files to hold the same index, and a sample of the cold set (every eighth query, about eight
per language) runs over HTTP to show that a host serves each language its own index. Running
every query of both sets over HTTP as well took about 25 s of the test run.
"""

from __future__ import annotations

import pytest

from bench.search_quality import LANGUAGES, QUERY_SETS, QuerySet, load_queries, run
from tests.sitebuild import Build

pytestmark = pytest.mark.slow
browser = pytest.mark.browser


def check(reports, bar: float) -> None:
    for report in reports:
        where = f"{report.where} {report.lang}"
        assert report.other_language == 0, (
            f"{where}: {report.other_language} results from the other language"
        )
        assert report.top3 >= bar, (
            f"{where}: top-3 {report.top3:.1%} < {bar:.0%}; misses:\n"
            + "\n".join(report.describe_misses())
        )


@browser
@pytest.mark.parametrize("query_set", QUERY_SETS, ids=lambda s: s.path.name)
def test_queries_find_their_pages_from_file(real_site: Build, page, query_set: QuerySet) -> None:
    queries = load_queries(query_set.path, query_set.min_queries)
    check(run(page, real_site.site.as_uri(), "file://", queries), query_set.top3_bar)


def index_mismatches(site) -> list[str]:
    """The languages whose search_index.js (file://) holds another index than their
    search_index.json (HTTP)."""
    mismatches = []
    for n, lang in enumerate(LANGUAGES):
        folder = site / (lang if n else "") / "search"
        json_text = (folder / "search_index.json").read_text("utf-8")
        if (folder / "search_index.js").read_text("utf-8") != f"var __index = {json_text}":
            mismatches.append(lang)
    return mismatches


def test_file_and_http_read_the_same_index(real_site: Build, tmp_path) -> None:
    assert index_mismatches(real_site.site) == []
    # negative control: one changed character in the English twin
    import shutil

    for n, lang in enumerate(LANGUAGES):
        part = f"{lang}/search" if n else "search"
        shutil.copytree(real_site.site / part, tmp_path / part)
    twin = tmp_path / "search" / "search_index.js"
    twin.write_text(twin.read_text("utf-8").replace('"title":', '"title": ', 1), "utf-8")
    assert index_mismatches(tmp_path) == ["en"]


@browser
def test_a_sample_finds_its_pages_over_http(hosted: str, page) -> None:
    fresh = next(s for s in QUERY_SETS if s.path.name == "search_queries_fresh.yml")
    queries = load_queries(fresh.path, fresh.min_queries)
    sample = [q for lang in LANGUAGES for q in [q for q in queries if q.lang == lang][::8]]
    assert all(sum(q.lang == lang for q in sample) >= 8 for lang in LANGUAGES)
    check(run(page, hosted, "HTTP", sample), fresh.top3_bar)
