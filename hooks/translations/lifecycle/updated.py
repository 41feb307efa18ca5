"""When each page last changed, from git: the "last updated" line under a page.

A page's date is the latest commit of its files in any language, in UTC, so that two builds of
one commit write the same date (the reproducible-build gate compares them); uncommitted edits do
not move it, and without history no page shows the line. Pure: no MkDocs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from translations.lifecycle.history import git_log, repo_state
from translations.lifecycle.staleness import date_label


def last_changed(docs_dir: Path) -> dict[str, dt.date]:
    """Path under docs_dir (`en/plans.md`) -> the UTC date of the last commit that changed it;
    {} without git history."""
    try:
        _, prefix = repo_state(Path(docs_dir))
        commits = git_log(Path(docs_dir), prefix, ["."])
    except OSError:
        return {}
    found: dict[str, dt.date] = {}
    for _, day, files in commits:
        for file in files:
            found.setdefault(file, day)  # newest first: keep the first seen
    return found


def pair_date(dates: dict[str, dt.date], files: Iterable[str]) -> dt.date | None:
    """The latest date of a page's files (`en/plans.md`, `zh/plans.md`), or None."""
    return max((dates[file] for file in files if file in dates), default=None)


def updated_label(dates: dict[str, dt.date], files: Iterable[str], lang: str) -> str:
    """The date a reader of `lang` sees under the page (`2026年12月6日`): the latest of its files
    in every language; "" when none has committed history."""
    day = pair_date(dates, files)
    return date_label(day, lang) if day else ""
