"""The language pair is configuration: the Larkspur fixture site with its languages renamed from
en/zh to de/ja (folders, the i18n plugin's `languages:`, the glossary's keys) checks exactly as
the original does, from the command line and in a strict build. A language without its folder,
or a missing interface string, is one line naming the file, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import build_config_file, copy_fixture_site
from translations import cli
from translations.checks.report import check_site
from translations.config import Languages, languages_from
from translations.model import InputError
from translations.options import read_site_config

RENAME = {"en": "de", "zh": "ja"}


def renamed_larkspur(workdir: Path) -> Path:
    """tests/fixtures/larkspur with en -> de and zh -> ja; returns its mkdocs.yml."""
    config = copy_fixture_site("larkspur", workdir)
    docs = workdir / "docs"
    for old, new in RENAME.items():
        shutil.move(docs / old, docs / new)
    text = config.read_text("utf-8")
    for old, new in RENAME.items():
        text = re.sub(rf"(locale|language): {old}\b", rf"\1: {new}", text)
    config.write_text(text, "utf-8")
    glossary = workdir / "data" / "glossary.yml"
    text = glossary.read_text("utf-8")
    for old, new in RENAME.items():
        text = re.sub(rf"\b(def_)?{old}:", rf"\g<1>{new}:", text)
    glossary.write_text(text, "utf-8")
    return config


def test_the_pair_is_read_from_the_i18n_plugin(tmp_path: Path) -> None:
    renamed_larkspur(tmp_path)
    assert read_site_config(tmp_path).languages == Languages("de", ("ja",))
    assert Languages("de", ("ja",)).all == ("de", "ja")


def test_a_renamed_pair_checks_like_the_original(tmp_path: Path) -> None:
    original = tmp_path / "original"
    copy_fixture_site("larkspur", original)
    renamed = tmp_path / "renamed"
    renamed_larkspur(renamed)
    before = check_site(original, config=read_site_config(original))
    after = check_site(renamed, config=read_site_config(renamed))
    assert after.summary() == before.summary() == "3 pages (3 page pairs): no issues"
    assert after.titles == {RENAME[lang]: titles for lang, titles in before.titles.items()}


def test_a_defect_names_the_renamed_folders(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    renamed_larkspur(tmp_path)
    page = tmp_path / "docs" / "ja" / "install.md"
    page.write_text(page.read_text("utf-8") + "\n## 额外 {#extra}\n", "utf-8")
    assert cli.main(["--root", str(tmp_path)]) == cli.EXIT_ISSUES
    out = capsys.readouterr().out
    assert "docs/ja/install.md:" in out and "docs/de/install.md" in out
    assert "docs/en/" not in out and "docs/zh/" not in out


def test_a_language_without_its_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    config = renamed_larkspur(tmp_path)
    data = yaml.safe_load(config.read_text("utf-8"))
    i18n = next(p["i18n"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append({"locale": "fr", "name": "Français", "build": True})
    config.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert read_site_config(tmp_path).languages == Languages("de", ("ja", "fr"))
    assert cli.main(["--root", str(tmp_path)]) == cli.EXIT_ISSUES
    out = capsys.readouterr()
    found = [line for line in out.out.splitlines() if "docs/fr" in line]
    assert found == [
        "docs/fr:1: the i18n plugin lists fr, but there is no such folder; add it, or remove "
        "fr from the i18n plugin's languages (mkdocs.yml)"
    ]
    assert "Traceback" not in out.err


@pytest.mark.slow
def test_a_renamed_pair_builds_strictly(tmp_path: Path) -> None:
    build = build_config_file(renamed_larkspur(tmp_path))
    assert build.returncode == 0, build.log
    assert "WARNING" not in build.log
    assert "translation checks: 3 pages (3 page pairs): no issues" in build.log
    assert (build.site / "index.html").is_file() and (build.site / "ja" / "index.html").is_file()
    view = (build.site / "side-by-side" / "install.html").read_text("utf-8")
    assert 'class="ac-compare__col" lang="de"' in view and 'hreflang="ja" lang="ja"' in view
    assert not re.search(r'lang="(en|zh)"', view)  # nothing assumes the pair of the real site


@pytest.mark.slow
def test_a_missing_interface_string_stops_the_build(tmp_path: Path) -> None:
    config = renamed_larkspur(tmp_path)
    text = config.read_text("utf-8")
    line = next(line for line in text.splitlines() if "drift_added: " in line and "英文" in line)
    config.write_text(text.replace(line + "\n", ""), "utf-8")
    build = build_config_file(config)
    assert build.returncode == 1
    assert "mkdocs.yml:1: extra.ui.drift_added is missing for language ja" in build.log
    assert "Traceback" not in build.log


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        (
            [{"locale": "de"}, {"locale": "ja"}],
            "mkdocs.yml:1: exactly one i18n language must have `default: true`",
        ),
        (
            [{"locale": "de", "default": True}, {"locale": "ja", "default": True}],
            "mkdocs.yml:1: exactly one i18n language must have `default: true`",
        ),
        (
            [{"locale": "de", "default": True}],
            "mkdocs.yml:1: the i18n plugin must list two or more languages, each once; found de",
        ),
        (
            [{"locale": "de", "default": True}, {"locale": "de"}],
            "mkdocs.yml:1: the i18n plugin must list two or more languages, each once; "
            "found de, de",
        ),
        ("de", "mkdocs.yml:1: the i18n plugin's `languages` must list `locale:` entries"),
    ],
)
def test_a_pair_that_is_not_one_names_the_file(entries: object, problem: str) -> None:
    with pytest.raises(InputError) as error:
        languages_from(entries)
    assert error.value.problems == [problem]
