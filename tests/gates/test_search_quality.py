"""Search-quality gate: each query set of bench/search_quality.QUERY_SETS on the real site.

Per language, from file:// and over HTTP: at least the set's bar (95% for bench/search_queries.yml
and for the cold set bench/search_queries_fresh.yml) of the queries have one of their expected
pages among the first three result pages, and no result comes from the other language. The misses
are listed in the failure message; `make bench` reports the same figures.
"""

from __future__ import annotations

import pytest

from bench.search_quality import QUERY_SETS, QuerySet, load_queries, run
from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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


@pytest.mark.parametrize("query_set", QUERY_SETS, ids=lambda s: s.path.name)
def test_queries_find_their_pages_from_file(real_site: Build, page, query_set: QuerySet) -> None:
    queries = load_queries(query_set.path, query_set.min_queries)
    check(run(page, real_site.site.as_uri(), "file://", queries), query_set.top3_bar)


@pytest.mark.parametrize("query_set", QUERY_SETS, ids=lambda s: s.path.name)
def test_queries_find_their_pages_over_http(hosted: str, page, query_set: QuerySet) -> None:
    queries = load_queries(query_set.path, query_set.min_queries)
    check(run(page, hosted, "HTTP", queries), query_set.top3_bar)
