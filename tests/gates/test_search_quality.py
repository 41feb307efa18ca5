"""Search-quality gate: the query set of bench/search_queries.yml on the real site.

Per language, from file:// and over HTTP: at least 95% of the queries have one of their expected
pages among the first three result pages, and no result comes from the other language. The
misses are listed in the failure message; `make bench` reports the same figures.
"""

from __future__ import annotations

import pytest

from bench.search_quality import TOP3_BAR, load_queries, run
from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def check(reports) -> None:
    for report in reports:
        where = f"{report.where} {report.lang}"
        assert report.other_language == 0, (
            f"{where}: {report.other_language} results from the other language"
        )
        assert report.top3 >= TOP3_BAR, (
            f"{where}: top-3 {report.top3:.1%} < {TOP3_BAR:.0%}; misses:\n"
            + "\n".join(report.describe_misses())
        )


def test_queries_find_their_pages_from_file(real_site: Build, page) -> None:
    check(run(page, real_site.site.as_uri(), "file://", load_queries()))


def test_queries_find_their_pages_over_http(hosted: str, page) -> None:
    check(run(page, hosted, "HTTP", load_queries()))
