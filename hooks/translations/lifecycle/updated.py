"""When each page last changed: the "last updated" line under a page, from git history.

One `git log` over the docs folder gives every file's last commit; a page's date is the later of
its own and its translation's, so a reader of either language sees when the pair last changed.
Commit dates, read in UTC, are the same on every machine and in every time zone, so two builds
of one commit write the same date (the reproducible-build gate compares them byte for byte);
uncommitted edits do not move it. No history (a copy without .git, git missing): no dates, and
the pages show no line. Pure: no MkDocs (plugin.py passes the result to the pages).
"""

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
        commits = git_log(Path(docs_dir), ["."])
    except OSError:
        return {}
    found: dict[str, dt.date] = {}
    for _, day, files in commits:
        for file in files:
            if file.startswith(prefix):
                found.setdefault(file[len(prefix) :], day)  # newest first: keep the first seen
    return found


def pair_date(dates: dict[str, dt.date], files: Iterable[str]) -> dt.date | None:
    """The latest date of a page's files (`en/plans.md`, `zh/plans.md`), or None."""
    return max((dates[file] for file in files if file in dates), default=None)


def updated_label(dates: dict[str, dt.date], files: Iterable[str], lang: str) -> str:
    """The date a reader of `lang` sees under the page (`December 6, 2026`, `2026年12月6日`):
    the latest of its files' (the page in every language: a reader of any language sees when
    the page last changed anywhere); "" when none has committed history."""
    day = pair_date(dates, files)
    return date_label(day, lang) if day else ""
