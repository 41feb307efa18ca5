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

from translations.lifecycle.history import _git
from translations.lifecycle.staleness import date_label

# `git log` output: a line per commit, this mark and its committer time (Unix seconds), then the
# names of the files it changed, one a line
COMMIT_MARK = "\x01"


def last_changed(docs_dir: Path) -> dict[str, dt.date]:
    """Path under docs_dir (`en/plans.md`) -> the UTC date of the last commit that changed it;
    {} without git history."""
    docs_dir = Path(docs_dir)
    try:
        top = _git(docs_dir, ["rev-parse", "--show-toplevel"]).decode("utf-8").strip()
        out = _git(
            docs_dir,
            ["log", f"--format={COMMIT_MARK}%ct", "--name-only", "--no-renames", "--", "."],
        ).decode("utf-8", "replace")
    except OSError:
        return {}
    prefix = docs_dir.resolve().relative_to(Path(top).resolve()).as_posix().strip(".") + "/"
    prefix = prefix.lstrip("/")
    found: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in out.splitlines():
        if line.startswith(COMMIT_MARK):
            day = dt.datetime.fromtimestamp(int(line[1:]), dt.UTC).date()
        elif line and day is not None and line.startswith(prefix):
            found.setdefault(line[len(prefix) :], day)  # newest first: keep the first seen
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
