"""Command line: `python -m translations [check | status [PAGE ...] | diff PAGE ... | stamp
[PAGE ...] | report [--format md|json] [--output FILE] [--fail-on LEVEL]]` from the repo root.

Exit codes: 0 clean, 1 content issues, 2 unreadable input or bad usage (never a traceback)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from translations.checks.nav import missing_from_nav, read_nav
from translations.checks.report import SiteReport, check_site, current_parity, plural
from translations.config import SiteConfig, language_name
from translations.lifecycle.staleness import format_changes, page_target, stamp_pages
from translations.lifecycle.status_report import FAIL_ON, FORMATS, failing, markdown, rows, to_json
from translations.model import InputError
from translations.options import read_site_config

EXIT_OK, EXIT_ISSUES, EXIT_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m translations",
        description="Translation checks of a bilingual (or multilingual) MkDocs site's pages "
        "against their reference language and data/.",
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="check",
        choices=["check", "status", "diff", "stamp", "report"],
        help="check (default): report issues; status: translation status per page, or with "
        "pages (diff: the same) the reference's changes since the version each page translates; "
        "stamp: record that translated pages translate the current reference pages; report: a "
        "table per translation language (missing, behind, contradicts, up to date)",
    )
    parser.add_argument(
        "pages", nargs="*", help="status, diff, stamp: pages (stamp without pages: all)"
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="repository root")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="date for the price-age check")
    parser.add_argument("--format", choices=FORMATS, help="report: md (default) or json")
    parser.add_argument("--output", type=Path, help="report: write to this file, not stdout")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help="report: exit 1 if a page is at this level or above (missing < behind < "
        "contradicts; an unreadable page fails at every level); without it, exit 0",
    )
    return parser


def _usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with a valid parse: pages or options the command does not take."""
    if args.pages and args.command in ("check", "report"):
        return f"{args.command} takes no pages"
    if not args.pages and args.command == "diff":
        return "diff needs a page: make diff PAGE=crm-deals-pipelines.md"
    if args.command != "report" and (args.format or args.output or args.fail_on):
        return "--format, --output and --fail-on are options of report"
    return None


def _input_errors(error: InputError) -> int:
    """Print the input errors to stderr (as many as InputError shows); the exit code for them."""
    for problem in error.shown:
        print(f"error: {problem}", file=sys.stderr)
    print(f"{error.count} input error(s); fix them and run again", file=sys.stderr)
    return EXIT_INPUT


def main(argv: list[str] | None = None) -> int:
    """Run one command; the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if problem := _usage_error(args):
        parser.error(problem)
    try:
        config = read_site_config(args.root)
        if args.command == "stamp":
            return stamp(args.root, args.pages, config)
        # check, report: a page with input errors is set aside and named, the others are checked
        keep_going = args.command in ("check", "report")
        report = check_site(args.root, today=args.today, config=config, keep_going=keep_going)
        nav = read_nav(args.root) if args.command == "check" else None
    except InputError as error:
        return _input_errors(error)
    if args.command == "report":
        return write_report(report, args.format or "md", args.output, args.fail_on)
    if args.pages:
        return changes(report, [page_target(page, config.languages) for page in args.pages])
    if args.command == "status":
        print(status_table(report))
        return EXIT_OK
    unreached = []
    if nav is not None:  # a site without a nav lists every page
        entries, line, not_in_nav = nav
        pages = config.languages.pages(args.root / "docs")
        unreached = missing_from_nav(
            entries, pages, config.languages, nav_line=line, not_in_nav=not_in_nav
        )
    for issue in [*report.issues, *unreached]:
        print(issue)
    for note in report.notes:
        print(f"note: {note}")
    print(report.summary())
    if unreached:
        print(f"{plural(len(unreached), 'page')} in no nav entry")
    if report.unreadable:  # pages set aside, each with its input errors: the others were checked
        return _input_errors(InputError([p for found in report.unreadable.values() for p in found]))
    return EXIT_ISSUES if report.issues or unreached else EXIT_OK


def changes(report: SiteReport, targets: list[tuple[str, str | None]]) -> int:
    """`status PAGE...`: the reference's changes since the version each translation of a page
    translates (a page given with its language: that translation only)."""
    languages, reference = report.languages, report.languages.reference
    names = {name for pages in report.pages.values() for name in pages}
    unknown = [name for name, _ in targets if name not in names]
    for name in unknown:
        print(f"error: docs/{languages.path(reference, name)}:1: no such page", file=sys.stderr)
    if unknown:
        return EXIT_INPUT
    blocks = []
    for name, only in targets:
        for lang in [only] if only and only != reference else languages.translations:
            status = report.pages[lang].get(name)
            if status is None:
                continue
            zh_rel = f"docs/{languages.path(lang, name)}"
            if status.lag is None:
                what = f"no {language_name(reference)} changes to translate"
                blocks.append(f"{zh_rel}: {status.state}; {what}")
                continue
            en_rel = f"docs/{languages.path(reference, name)}"
            lines = format_changes(zh_rel, en_rel, name, status.lag)
            if status.from_git:  # a site without stamps: committing the translation ends the lag
                lines[-1] = f"Translate these sections in {zh_rel} and commit it."
            blocks.append("\n".join(lines))
    if blocks:
        print("\n\n".join(blocks))
    return EXIT_OK


def status_table(report: SiteReport) -> str:
    """Per page: present in each language, translation state, number of parity issues; one
    table per translation."""
    tables = []
    for lang, pages in report.pages.items():
        statuses = list(pages.values())
        languages = (report.languages.reference, lang)
        header = ("PAGE", *(language_name(code).upper() for code in languages), "TRANSLATION")
        table = [(*header, "PARITY ISSUES")] + [
            (
                status.name,
                *("present" if present else "missing" for present in status.present.values()),
                status.translation,
                str(status.parity_issues),
            )
            for status in statuses
        ]
        widths = [max(len(cell) for cell in column) for column in zip(*table, strict=True)]
        lines = [
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in table
        ]
        states = [status.state for status in statuses]
        counts = ", ".join(f"{states.count(state)} {state}" for state in sorted(set(states)))
        total = sum(status.parity_issues for status in statuses)
        lines.append(f"{plural(len(states), 'page')}: {counts}; {plural(total, 'parity issue')}")
        tables.append("\n".join(lines))
    return "\n\n".join(tables)


def stamp(root: Path, pages: list[str], config: SiteConfig) -> int:
    """Record in each translated page the hash of the reference page it now translates; refuse
    a page that disagrees with the current reference (exit 1), naming every difference."""
    done, refused = stamp_pages(
        root / "docs",
        pages,
        languages=config.languages,
        parity=lambda names: current_parity(root, names, config=config),
    )
    for line in done:
        print(line)
    for line in refused:
        print(line, file=sys.stderr)
    return EXIT_ISSUES if refused else EXIT_OK


def write_report(site: SiteReport, form: str, output: Path | None, fail_on: str | None) -> int:
    """`report`: every page's status in every translation language (status_report.py), to stdout
    or a file; a page with input errors is one row."""
    tables = rows(site)
    text = (to_json if form == "json" else markdown)(site, tables)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"error: {output}: cannot write the report: {error.strerror}", file=sys.stderr)
            return EXIT_INPUT
    bad = failing(tables, fail_on)
    if output is not None or bad:
        where = f"written to {output}" if output is not None else "above"
        shown = f"; {plural(len(bad), 'page')} at or above --fail-on {fail_on}" if bad else ""
        print(f"translation status report {where}{shown}", file=sys.stderr)
    return EXIT_ISSUES if bad else EXIT_OK
