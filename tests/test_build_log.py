"""A normal build's log is the problems and a short summary (translations/output/quiet_logs.py):
static-i18n's configuration dump and jieba's dictionary loading are kept for ``--verbose``."""

from __future__ import annotations

import logging

import pytest

from tests.sitebuild import Build, build_mini_site
from translations.output.quiet_logs import BelowLevelUnlessVerbose, quiet_loggers

CHATTER = ("mkdocs_static_i18n: Overriding", "mkdocs_static_i18n: Building", "Prefix dict")


def test_a_normal_build_prints_no_configuration_dump(mini_site: Build) -> None:
    assert [line for line in mini_site.log.splitlines() if line.startswith(CHATTER)] == []
    # what is left: MkDocs' own three lines
    assert len(mini_site.log.splitlines()) <= 4, mini_site.log


@pytest.mark.slow
def test_the_real_build_says_what_it_checked_and_made_in_a_few_lines(real_site: Build) -> None:
    lines = real_site.log.splitlines()
    assert [line for line in lines if line.startswith(CHATTER)] == []
    assert any("translation checks:" in line for line in lines)  # the checks' summary
    assert sum("PDF pages (" in line for line in lines) == 2  # one line per PDF
    # notes and summaries of the hooks, MkDocs' own three lines; a problem adds its line
    assert len(lines) <= 10, real_site.log


# jieba segments only with SEARCH_SEGMENTER=jieba (otherwise rjieba, which logs nothing)
JIEBA = {"SEARCH_SEGMENTER": "jieba"}


@pytest.mark.slow
def test_verbose_shows_it(tmp_path) -> None:
    # the negative control: the dump is there, and only the filter keeps it out of a normal build
    build = build_mini_site(tmp_path, None, "--verbose", env=JIEBA)
    assert build.returncode == 0, build.log
    assert "mkdocs_static_i18n: Overriding 'zh' config 'site_name'" in build.log
    assert "Prefix dict has been built" in build.log


@pytest.mark.slow
def test_jieba_loading_its_dictionary_is_quiet_too(tmp_path) -> None:
    build = build_mini_site(tmp_path, env=JIEBA)
    assert build.returncode == 0, build.log
    assert [line for line in build.log.splitlines() if line.startswith(CHATTER)] == []


def test_the_filter_drops_info_and_keeps_warnings() -> None:
    logger = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.test-only")
    assert "mkdocs.plugins.mkdocs_static_i18n.test-only" in quiet_loggers()
    [flt] = [f for f in logger.filters if isinstance(f, BelowLevelUnlessVerbose)]
    info = logger.makeRecord(logger.name, logging.INFO, __file__, 1, "Overriding", (), None)
    warning = logger.makeRecord(logger.name, logging.WARNING, __file__, 1, "Unknown", (), None)
    mkdocs = logging.getLogger("mkdocs")
    level = mkdocs.level
    try:
        mkdocs.setLevel(logging.INFO)
        assert (flt.filter(info), flt.filter(warning)) == (False, True)
        mkdocs.setLevel(logging.DEBUG)  # --verbose
        assert flt.filter(info) is True
    finally:
        mkdocs.setLevel(level)
        logger.removeFilter(flt)
