"""One reference language and any number of translations: the Larkspur fixture with Japanese as a
third language (tests/fixtures/trilingual/) builds strictly with a search index, a 404 page,
hreflang alternates and banners per language, and its checks catch a defect in each translation
on its own, naming that translation's file and line and nothing of the other one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.sitebuild import Build, build_config_file, trilingual_site
from translations import cli

LANGUAGES = ("en", "zh", "ja")
ROOTS = {"en": "", "zh": "zh/", "ja": "ja/"}


def drop_number(root: Path, lang: str) -> str:
    """Remove the 200 (MB of disk space) from a translation of install.md; returns where the
    checks report it: the file and line of the section that lacks it (its heading)."""
    page = root / "docs" / lang / "install.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("200 MB", "MB"), "utf-8")
    heading = text[: text.index("{#install}")].count("\n") + 1
    return f"docs/{lang}/install.md:{heading}: section {{#install}} lacks 200"


@pytest.mark.parametrize(("broken", "untouched"), [("ja", "zh"), ("zh", "ja")])
def test_a_defect_in_one_translation_names_only_that_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str, untouched: str
) -> None:
    trilingual_site(tmp_path)
    assert cli.main(["--root", str(tmp_path)]) == cli.EXIT_OK
    capsys.readouterr()
    where = drop_number(tmp_path, broken)
    assert cli.main(["--root", str(tmp_path)]) == cli.EXIT_ISSUES
    out = capsys.readouterr().out
    issues = [text for text in out.splitlines() if text.startswith("docs/")]
    assert issues == [f"{where} (docs/en/install.md:7: 200)"]
    assert f"docs/{untouched}/" not in out


def test_status_has_a_table_per_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trilingual_site(tmp_path)
    assert cli.main(["status", "--root", str(tmp_path)]) == cli.EXIT_OK
    tables = capsys.readouterr().out.split("\n\n")
    assert [table.split("\n")[0].split()[:3] for table in tables] == [
        ["PAGE", "ENGLISH", "CHINESE"],
        ["PAGE", "ENGLISH", "JAPANESE"],
    ]
    assert "sync.md     present  missing   untranslated" in tables[1]
    assert "untranslated" not in tables[0]  # listed for Japanese only


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_config_file(trilingual_site(tmp_path_factory.mktemp("trilingual")))
    assert build.returncode == 0, build.log
    return build


@pytest.mark.slow
def test_builds_strictly_with_every_pair_checked(built: Build) -> None:
    assert "WARNING" not in built.log
    assert "translation checks: 3 pages (5 page pairs): no issues" in built.log


@pytest.mark.slow
def test_each_language_has_its_search_index_404_and_hreflang(built: Build) -> None:
    not_found = {"en": "Page not found", "zh": "页面未找到", "ja": "ページが見つかりません"}
    for lang in LANGUAGES:
        root = built.site / ROOTS[lang]
        index = json.loads((root / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
        assert any(doc["location"] == "install.html" for doc in index["docs"])
        assert not_found[lang] in (root / "404.html").read_text("utf-8")
        page = (root / "install.html").read_text("utf-8")
        assert f'<html lang="{lang}"' in page
        alternates = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', page)
        assert {code: url for url, code in alternates} == {
            "en": "https://larkspur.example.org/install.html",
            "zh": "https://larkspur.example.org/zh/install.html",
            "ja": "https://larkspur.example.org/ja/install.html",
            "x-default": "https://larkspur.example.org/install.html",
        }


@pytest.mark.slow
def test_banners_and_side_by_side_views_follow_each_translation(built: Build) -> None:
    # sync.md is untranslated in Japanese only: the English page, under a Japanese banner
    assert "未翻訳" in (built.site / "ja/sync.html").read_text("utf-8")
    assert "未翻訳" not in (built.site / "zh/sync.html").read_text("utf-8")
    assert "Not translated" not in (built.site / "zh/sync.html").read_text("utf-8")
    # each translation's view shows the reference beside it; with two translations the
    # reference has none of its own
    view = (built.site / "ja/side-by-side/install.html").read_text("utf-8")
    assert 'class="ac-compare__col" lang="en"' in view
    assert 'class="ac-compare__col" lang="ja"' in view
    assert 'class="ac-compare__col" lang="zh"' not in view
    assert sorted(p.name for p in (built.site / "zh/side-by-side").glob("*.html")) == [
        "index.html",
        "install.html",
        "sync.html",
    ]
    assert not (built.site / "side-by-side").exists()


@pytest.mark.slow
def test_a_number_dropped_from_the_japanese_page_fails_the_build(tmp_path: Path) -> None:
    config = trilingual_site(tmp_path)
    where = drop_number(tmp_path, "ja")
    build = build_config_file(config)
    assert build.returncode == 1
    assert where in build.log
    assert "docs/zh/" not in build.log and "Traceback" not in build.log
