"""Spelling of the Latin text of both languages: codespell (settings in .codespellrc) over the
pages, the data files, the README and the contributing guide, with a short allow-list."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CODESPELL = Path(sys.executable).with_name("codespell")
CHECKED = ["docs", "data", "README.md", "CONTRIBUTING.md"]
SETTINGS = configparser.ConfigParser()
SETTINGS.read(REPO / ".codespellrc", encoding="utf-8")
ALLOWED = SETTINGS["codespell"]["ignore-words-list"].split(",")


def codespell(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """codespell as `make test` runs it; from cwd, whose .codespellrc it reads."""
    return subprocess.run(
        [str(CODESPELL), *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_site_has_no_misspellings() -> None:
    run = codespell(*CHECKED)
    assert run.returncode == 0 and run.stdout == "", run.stdout + run.stderr


def test_planted_misspellings_are_reported_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / ".codespellrc").write_text((REPO / ".codespellrc").read_text("utf-8"))
    en, zh = tmp_path / "docs" / "en" / "page.md", tmp_path / "docs" / "zh" / "page.md"
    en.parent.mkdir(parents=True)
    zh.parent.mkdir(parents=True)
    en.write_text("# Page\n\nContacts recieve the email.\n", "utf-8")
    zh.write_text("# 页面\n\n联系人会recieve邮件，这是一个gotcha。\n", "utf-8")  # glued to Chinese
    run = codespell("docs", cwd=tmp_path)
    assert run.returncode != 0
    assert sorted(run.stdout.splitlines()) == [
        "docs/en/page.md:3: recieve ==> receive",
        "docs/zh/page.md:3: recieve ==> receive",
    ]


def test_a_british_spelling_is_reported(tmp_path: Path) -> None:
    """The English pages are US English (behavior, center, analyze), as ActiveCampaign writes."""
    (tmp_path / ".codespellrc").write_text((REPO / ".codespellrc").read_text("utf-8"))
    page = tmp_path / "docs" / "en" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Page\n\nSite behaviour, in the help centre.\n", "utf-8")
    run = codespell("docs", cwd=tmp_path)
    assert sorted(run.stdout.splitlines()) == [
        "docs/en/page.md:3: behaviour ==> behavior",
        "docs/en/page.md:3: centre ==> center",
    ]


def test_a_stamp_hash_is_not_a_word_but_the_same_letters_in_prose_are(tmp_path: Path) -> None:
    """A commit hash in `translation_of` can hold a flagged word (f58ed2ded2a1: ded); it is
    skipped, and the same word in the text is still reported."""
    (tmp_path / ".codespellrc").write_text((REPO / ".codespellrc").read_text("utf-8"))
    page = tmp_path / "docs" / "zh" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntranslation_of: f58ed2ded2a1\n---\n\n# 页面\n\n一个ded词。\n", "utf-8")
    run = codespell("docs", cwd=tmp_path)
    assert run.stdout.splitlines() == ["docs/zh/page.md:7: ded ==> dead"]


@pytest.mark.parametrize("word", ALLOWED)
def test_allow_list_holds_only_words_the_dictionaries_flag(tmp_path: Path, word: str) -> None:
    """An entry that codespell would not flag anyway is noise: the list stays short."""
    (tmp_path / "words.txt").write_text(f"The {word} here.\n", "utf-8")
    builtin = SETTINGS["codespell"]["builtin"]
    run = codespell("--builtin", builtin, "words.txt", cwd=tmp_path)
    assert f"{word} ==> " in run.stdout, f"{word} is not flagged without the allow-list"
