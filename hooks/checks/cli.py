"""Command line: `python -m hooks.checks [check | status | stamp [PAGE ...]]` from the repo root.

Exit codes: 0 clean, 1 content issues, 2 unreadable input or bad usage (never a traceback)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .model import InputError
from .site import REFERENCE, TRANSLATION, SiteReport, check_site, plural
from .staleness import page_name, stamp_pages

EXIT_OK, EXIT_ISSUES, EXIT_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hooks.checks",
        description="Translation-honesty checks of docs/en and docs/zh against data/.",
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="check",
        choices=["check", "status", "stamp"],
        help="check (default): report issues; status: translation status per page; "
        "stamp: record that Chinese pages translate the current English pages",
    )
    parser.add_argument("pages", nargs="*", help="stamp only: pages to stamp (default: all)")
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="date for the price-age check")
    parser.add_argument(
        "--jobs", type=int, default=None, help="processes (default: per core on big sites)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.pages and args.command != "stamp":
        parser.error(f"{args.command} takes no pages")
    try:
        if args.command == "stamp":
            return stamp(args.root, args.pages)
        report = check_site(args.root, today=args.today, jobs=args.jobs)
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(error.problems)} input error(s); fix them and run again", file=sys.stderr)
        return EXIT_INPUT
    if args.command == "status":
        print(status_table(report))
        return EXIT_OK
    for issue in report.issues:
        print(issue)
    for notice in report.notices:
        print(f"notice: {notice}")
    print(report.summary())
    return EXIT_ISSUES if report.issues else EXIT_OK


def status_table(report: SiteReport) -> str:
    """Per page: present in each language, translation state, number of parity issues."""
    header = ("PAGE", "ENGLISH", "CHINESE", "TRANSLATION", "PARITY ISSUES")
    rows = [
        (
            status.name,
            "present" if status.present[REFERENCE] else "missing",
            "present" if status.present[TRANSLATION] else "missing",
            status.state,
            str(status.parity_issues),
        )
        for status in report.pages.values()
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    states = [status.state for status in report.pages.values()]
    counts = ", ".join(f"{states.count(state)} {state}" for state in dict.fromkeys(sorted(states)))
    total = sum(status.parity_issues for status in report.pages.values())
    lines.append(f"{plural(len(states), 'page')}: {counts}; {plural(total, 'parity issue')}")
    return "\n".join(lines)


def stamp(root: Path, pages: list[str]) -> int:
    """Record in each Chinese page the hash of the English page it now translates."""
    for line in stamp_pages(root / "docs", [page_name(page) for page in pages]):
        print(line)
    return EXIT_OK
