"""Negative controls: put a trap back on the two-page fixture tree; the reader's view breaks.

These prove the browser tests can fail: the same search that works on the real configuration
finds nothing, or the wrong language, when one fix is removed.
"""

from __future__ import annotations

import pytest

from tests.browser.search import relative, search
from tests.sitebuild import Build, build_mini_site, plugin

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_fixture_tree_searches_chinese_body_text(mini_site: Build, page) -> None:
    url = (mini_site.site / "zh" / "index.html").as_uri()
    assert relative(search(page, url, "销售管道"), mini_site.site) == ["zh/automations.html"]


def test_without_u200b_in_the_separator_chinese_search_finds_nothing(tmp_path, page) -> None:
    def english_separator(config: dict) -> None:
        plugin(config, "search")["separator"] = r"[\s\-]+"

    build = build_mini_site(tmp_path, english_separator)
    assert build.returncode == 0, build.log
    url = (build.site / "zh" / "index.html").as_uri()
    assert search(page, url, "销售管道") == []


def test_without_the_index_split_a_chinese_reader_finds_nothing(tmp_path, page) -> None:
    # Without the plugin there is only static-i18n's merged index at the site root;
    # Chinese pages look for their own index and search stays empty.
    def no_hooks(config: dict) -> None:
        config["plugins"] = [p for p in config["plugins"] if "translations" not in p]

    build = build_mini_site(tmp_path, no_hooks)
    assert build.returncode == 0, build.log
    assert not (build.site / "zh" / "search" / "search_index.js").exists()
    url = (build.site / "zh" / "index.html").as_uri()
    assert search(page, url, "销售管道") == []
