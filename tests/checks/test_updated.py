"""The "last updated" date of a page (translations/lifecycle/updated.py): from git history, the
later of the page and its translation, in UTC, so every machine and every time zone writes the same
date."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from translations.lifecycle.updated import last_changed, pair_date, updated_label

# 2026-03-01 23:30 UTC: already March 2 east of Greenwich, still March 1 in UTC
LATE = "2026-03-01T23:30:00+00:00"
LATER = "2026-04-10T08:00:00+00:00"


def commit(repo: Path, message: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=repo, check=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    for lang in ("en", "zh"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "a.md").write_text("# A\n", "utf-8")
        (tmp_path / "docs" / lang / "b.md").write_text("# B\n", "utf-8")
    commit(tmp_path, "first", LATE)
    (tmp_path / "docs" / "zh" / "b.md").write_text("# B 中文\n", "utf-8")
    commit(tmp_path, "translate b", LATER)
    return tmp_path


def test_a_page_is_dated_by_its_last_commit_in_utc(repo: Path, monkeypatch) -> None:
    dates = {}
    for zone in ("Pacific/Kiritimati", "America/Los_Angeles"):  # UTC+14, UTC-8
        monkeypatch.setenv("TZ", zone)
        dates[zone] = last_changed(repo / "docs")
    assert dates["Pacific/Kiritimati"] == dates["America/Los_Angeles"]
    found = dates["America/Los_Angeles"]
    assert found["en/a.md"] == dt.date(2026, 3, 1)
    assert found["zh/b.md"] == dt.date(2026, 4, 10)


def test_the_later_of_the_page_and_its_translation(repo: Path) -> None:
    dates = last_changed(repo / "docs")
    assert pair_date(dates, ("en/a.md", "zh/a.md")) == dt.date(2026, 3, 1)
    # the translation changed later: both languages show the translation's date
    assert updated_label(dates, ("en/b.md", "zh/b.md"), "en") == "April 10, 2026"
    assert updated_label(dates, ("en/b.md", "zh/b.md"), "zh") == "2026年4月10日"


def test_uncommitted_edits_do_not_move_the_date(repo: Path) -> None:
    (repo / "docs" / "en" / "a.md").write_text("# A changed\n", "utf-8")
    assert last_changed(repo / "docs")["en/a.md"] == dt.date(2026, 3, 1)
    # negative control: once committed, the date moves
    commit(repo, "edit a", LATER)
    assert last_changed(repo / "docs")["en/a.md"] == dt.date(2026, 4, 10)


def test_without_git_history_no_page_is_dated(tmp_path: Path) -> None:
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "a.md").write_text("# A\n", "utf-8")
    dates = last_changed(tmp_path / "docs")
    assert dates == {} and updated_label(dates, ("en/a.md", "zh/a.md"), "en") == ""
