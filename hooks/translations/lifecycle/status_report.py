"""The translation status report (`python -m translations report`): per translation language a
table of every page, its state and the first finding, as Markdown (a CI summary, a pull
request, a page of the site) or JSON (a script).

States, from least to most serious; `--fail-on LEVEL` fails (exit 1) on a page at that level or
above, and without it the report never fails:

- `up to date` (also `untranslated`: declared in the untranslated-pages file);
- `missing`: the translation has no such page (readers get the reference's), or the reference
  has none (the translation has a page of its own);
- `behind`: the reference changed after the version the translation follows (its stamp, or on a
  site without stamps its last commit): `behind since DATE, N sections`; a page without a stamp
  on a site that stamps its pages is `not stamped`, at this level too;
- `contradicts`: the translation checks (parity, facts, glossary, links) report an issue for the
  pair: readers of the translation are told something the reference does not say;
- `unreadable`: the page has an input error (the first one is its finding): it cannot be checked,
  and fails under every `--fail-on`.

Pure: reads a SiteReport (checks/report.py), writes text."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass

from translations.checks.report import SiteReport, plural
from translations.model import PARITY_RULES

LEVELS = ("up to date", "missing", "behind", "contradicts", "unreadable")  # least serious first
FAIL_ON = ("missing", "behind", "contradicts")  # the choices of --fail-on
FORMATS = ("md", "json")


@dataclass(frozen=True)
class Row:
    """One page in one translation language."""

    page: str
    state: str  # what the reader of the report sees: "behind since 2026-01-02, 3 sections"
    level: str  # one of LEVELS: what --fail-on compares
    finding: str = ""  # the first finding, `file:line: message`
    since: str | None = None  # behind: the date of the first reference change
    sections: int | None = None  # behind: how many reference sections changed since
    issues: int = 0  # the pair's parity issues


def rows(report: SiteReport, docs_rel: str = "docs") -> dict[str, list[Row]]:
    """Translation language -> its rows, most serious first, then in page order."""
    known = [name for pages in report.pages.values() for name in pages]
    names = list(dict.fromkeys([*known, *sorted(report.unreadable)]))
    order = {name: index for index, name in enumerate(names)}
    return {
        lang: sorted(
            (_row(report, name, lang, docs_rel) for name in names),
            key=lambda row: (-LEVELS.index(row.level), order[row.page]),
        )
        for lang in report.languages.translations
    }


def _row(report: SiteReport, name: str, lang: str, docs_rel: str) -> Row:
    languages = report.languages
    ref_rel = f"{docs_rel}/{languages.path(languages.reference, name)}"
    rel = f"{docs_rel}/{languages.path(lang, name)}"
    if name in report.unreadable:
        problems = report.unreadable[name]
        return Row(name, "unreadable", "unreadable", problems[0] if problems else "")
    status = report.pages[lang][name]
    # an issue of the pair names the translation on its own side or the other (an older
    # reference version is named `commit:path`, never the translation's path)
    mine = [i for i in report.issues if i.page == name and rel in (i.path, i.other_path)]
    first = str(mine[0]) if mine else ""
    if not status.present.get(lang, False):
        if status.untranslated:
            return Row(name, "untranslated", "up to date", first)
        return Row(name, "missing", "missing", first or f"{rel}:1: page is missing")
    if not status.present.get(languages.reference, False):
        return Row(name, "missing in the reference", "missing", first)
    parity = [issue for issue in mine if issue.rule in PARITY_RULES]
    lag, since, sections = status.lag, None, None
    behind = ""
    if lag is not None:
        sections = len(lag.changes)
        since = lag.since.isoformat() if lag.since else None
        behind = (
            f"behind since {since}, {plural(sections, 'section')}"
            if since and not lag.not_found
            else lag.summary().replace("outdated", "behind", 1)
        )
    elif status.state == "not stamped":
        behind = "not stamped"
    if parity:
        state = f"contradicts ({plural(len(parity), 'issue')})"
        state += f"; {behind}" if behind else ""
        return Row(name, state, "contradicts", str(parity[0]), since, sections, len(parity))
    if behind:
        change = lag.changes[0] if lag is not None and lag.changes else None
        where = f"{ref_rel}:{change.line}: {change.kind} {change.label}" if change else first
        return Row(name, behind, "behind", where, since, sections)
    return Row(name, "up to date", "up to date", first)


def failing(tables: dict[str, list[Row]], fail_on: str | None) -> list[Row]:
    """The rows at or above the --fail-on level (an unreadable page is above every level)."""
    if fail_on is None:
        return []
    least = LEVELS.index(fail_on)
    return [row for table in tables.values() for row in table if LEVELS.index(row.level) >= least]


def counts(table: list[Row]) -> dict[str, int]:
    """How many pages at each level, in LEVELS order (levels no page has left out)."""
    found = Counter(row.level for row in table)
    return {level: found[level] for level in LEVELS if found[level]}


def markdown(report: SiteReport, tables: dict[str, list[Row]]) -> str:
    """The report as Markdown: a line of counts and a table per translation language."""
    reference = report.languages.reference
    lines = ["# Translation status", ""]
    lines.append(f"Reference language: `{reference}`; {plural(len(report.pages), 'page')}.")
    for lang, table in tables.items():
        summary = ", ".join(f"{count} {level}" for level, count in counts(table).items())
        lines += ["", f"## `{lang}`", "", f"{summary or 'no pages'}.", ""]
        lines += ["| Page | State | First finding |", "|---|---|---|"]
        lines += [
            f"| `{_cell(row.page)}` | {_cell(row.state)} | {_cell(row.finding)} |" for row in table
        ]
    if report.notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {_cell(note)}" for note in report.notes]
    return "\n".join(lines) + "\n"


def to_json(report: SiteReport, tables: dict[str, list[Row]]) -> str:
    """The report as JSON: per language its counts and rows, then the run's notes."""
    doc = {
        "reference": report.languages.reference,
        "pages": len(report.pages),
        "languages": {
            lang: {"counts": counts(table), "rows": [asdict(row) for row in table]}
            for lang, table in tables.items()
        },
        "notes": list(report.notes),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    """Text for one table cell: one line, `|` escaped, cut at 300 characters."""
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= 300 else text[:299] + "…"
