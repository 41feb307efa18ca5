"""The translation lifecycle: a Chinese page records the hash of the English body it translates.

A page that disagrees with the English version it translates is a defect (parity). A page that
is merely behind the current English is news: readers see a banner, `status` lists the English
sections that changed since, and only a page behind for longer than the grace period of
data/translation.yml fails. Pure: no MkDocs, no git (history.py finds the translated version)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from translations.checks.facts import MONTHS
from translations.config import FOLDER, Languages
from translations.lifecycle.history import NO_GIT, SHALLOW, NotFound
from translations.model import Fact, InputError, Issue, plural
from translations.read.markdown import Page, Section
from translations.read.source import (
    FRONT_MATTER_RE,
    body_hash,
    decode,
    load_yaml,
    read_text,
    split_front_matter,
)

FIELD = "translation_of"
# The staleness record inside front matter: `translation_of: <hash>` on a line of its own.
FIELD_RE = re.compile(rf"^{FIELD}[ \t]*:.*$", re.MULTILINE)
POLICY = "translation.yml"
GRACE_DAYS = 30  # when data/translation.yml is absent


@dataclass(frozen=True)
class Policy:
    """How long a translation may follow an older English version before the checks fail."""

    grace_days: int
    rel: str  # data/translation.yml
    line: int


def load_policy(data_dir: Path, rel_dir: str = "data") -> Policy:
    """data/translation.yml (optional); a bad value is an InputError naming file and line."""
    rel = f"{rel_dir}/{POLICY}"
    path = data_dir / POLICY
    if not path.exists():
        return Policy(GRACE_DAYS, rel, 1)
    doc = load_yaml(path, rel)
    value = doc.data.get("grace_days") if isinstance(doc.data, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InputError.at(rel, doc.line("grace_days"), "`grace_days` must be a whole number >= 0")
    return Policy(value, rel, doc.line("grace_days"))


@dataclass(frozen=True)
class SectionChange:
    """One English section that changed since the translated version (the translator's to-do)."""

    kind: str  # added, removed or changed
    label: str  # {#id}, or "(before the title)"
    id: str  # "" before the title
    line: int  # in the current English; in the translated version for a removed section
    diff: tuple[str, ...]  # "- old line", "+ new line", "~ a [-word-]{+diff+}" (line_diff)
    appeared: tuple[str, ...] = ()  # facts only the current English has
    vanished: tuple[str, ...] = ()  # facts only the translated version has


@dataclass
class Lag:
    """How far a Chinese page is behind its English page (PageStatus.lag)."""

    commit: str = ""  # the commit of the translated English version; "" when not found
    follows: dt.date | None = None  # the date of that version
    since: dt.date | None = None  # when the English first changed after it (None: uncommitted)
    changes: list[SectionChange] = field(default_factory=list)
    not_found: str = ""  # history.NotFound.reason

    def summary(self) -> str:
        """`outdated since 2026-12-01, 2 sections changed` (the status and check wording)."""
        if self.not_found:
            return "outdated, translated version not found"
        when = f"since {self.since.isoformat()}" if self.since else "by an uncommitted edit"
        return f"outdated {when}, {plural(len(self.changes), 'section')} changed"


def recorded_hash(zh: Page) -> str | None:
    """The English body hash a Chinese page says it translates."""
    return zh.source.meta_raw.get(FIELD)


def is_current(en: Page, zh: Page) -> bool:
    return recorded_hash(zh) == body_hash(en.source.body)


def _issue(en: Page, zh: Page, line: int, message: str, other: str = "") -> Issue:
    other = other or f"English page is now {body_hash(en.source.body)}"
    return Issue(zh.rel, line, message, en.rel, 1, other, rule="staleness", page=zh.name)


def unstamped_issue(en: Page, zh: Page) -> Issue:
    """A Chinese page that records no English version: it cannot be checked for lag."""
    message = f"{FIELD} is missing; check the translation, then run `make stamp PAGE={zh.name}`"
    return _issue(en, zh, 1, message)


def not_found_issue(en: Page, zh: Page, missing: NotFound) -> Issue:
    """The translated version cannot be read: say why and what fixes it (a warning: strict
    builds fail, as nothing vouches for the page)."""
    if missing.reason == NO_GIT:
        why = (
            "there is no git history here"
            if "not a git repository" in missing.detail
            else f"git cannot read the history: {missing.detail}"
        )
        fix = "build from a git clone (`git clone`), not a copy of the files"
    elif missing.reason == SHALLOW:
        why = f"no version of {en.rel} in this shallow clone has it"
        fix = "run `git fetch --unshallow`, then build again"
    else:
        why = f"no committed version of {en.rel} has it"
        fix = "check the translation against the current English, then run "
        fix += f"`make stamp PAGE={zh.name}`"
    message = (
        f"cannot check the translation: {FIELD}: {recorded_hash(zh)} names an English version "
        f"that is not found ({why}); {fix}"
    )
    return _issue(en, zh, zh.source.meta_lines.get(FIELD, 1), message)


def overdue_issue(en: Page, zh: Page, lag: Lag, policy: Policy, today: dt.date) -> Issue | None:
    """A page behind its English page for longer than the grace period (a warning: CI fails)."""
    if lag.since is None or (today - lag.since).days <= policy.grace_days:
        return None
    message = (
        f"translation is {lag.summary()} ({(today - lag.since).days} days, more than the "
        f"{policy.grace_days} of {policy.rel}); translate what `make status PAGE={zh.name}` "
        f"lists, then run `make stamp PAGE={zh.name}`"
    )
    follows = lag.follows.isoformat() if lag.follows else "?"
    other = f"English page of {follows} changed since"
    return _issue(en, zh, zh.source.meta_lines.get(FIELD, 1), message, other)


def lag_note(zh: Page, lag: Lag, policy: Policy) -> str:
    """What `make check` and the build say about a page within its grace period."""
    note = f"{zh.rel}: {lag.summary()}; `make status PAGE={zh.name}` lists what changed"
    if lag.since is not None:
        due = lag.since + dt.timedelta(days=policy.grace_days)
        note += f" (checks fail after {due.isoformat()})"
    return note


def date_label(day: dt.date, lang: str) -> str:
    """A date as a reader of `lang` writes it: `2026年11月30日` in Chinese and Japanese,
    `November 30, 2026` in any other language (another format is added here, by code)."""
    if lang in ("zh", "ja"):
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _section_text(page: Page) -> dict[str, tuple[Section, list[str]]]:
    """Each section's Markdown lines, keyed by id ("" before the title; a heading without an
    id by its title), trailing blank lines dropped."""
    lines = page.source.body.split("\n")
    base = page.source.body_line
    starts = [section.line - base for section in page.sections] + [len(lines)]
    found: dict[str, tuple[Section, list[str]]] = {}
    for section, start, end in zip(page.sections, starts, starts[1:], strict=False):
        key = (section.id or section.title) if section.level else ""
        text = [line.rstrip() for line in lines[start:end]]
        while text and not text[-1]:
            text.pop()
        if key not in found and (text or section.level):
            found[key] = (section, text)
    return found


def _shown(facts: list[Fact], other: list[Fact]) -> tuple[str, ...]:
    keys = {fact.key for fact in other}
    return tuple(dict.fromkeys(f.shown for f in facts if not f.soft and f.key not in keys))


def word_diff(old: str, new: str) -> str:
    """One line with its edits marked as `git diff --word-diff` does: `[-old-]{+new+}` (words
    compared as split on whitespace, joined by one space)."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        gone = f"[-{' '.join(a[i1:i2])}-]" if i2 > i1 else ""
        came = f"{{+{' '.join(b[j1:j2])}+}}" if j2 > j1 else ""
        out.append(gone + came)
    return " ".join(out)


def line_diff(old: list[str], new: list[str]) -> tuple[str, ...]:
    """The lines that differ: `- old` and `+ new`, or `~ ` and a word diff for a line that was
    edited in place (the usual change of a sentence: the translator sees which words moved)."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1:
            out.extend(f"~ {word_diff(a, b)}" for a, b in zip(old[i1:i2], new[j1:j2], strict=True))
        elif op != "equal":
            out.extend(f"- {line}" for line in old[i1:i2])
            out.extend(f"+ {line}" for line in new[j1:j2])
    return tuple(out)


def section_changes(old: Page, new: Page) -> list[SectionChange]:
    """The English sections added, removed or changed from `old` to `new`, in the order of
    `new` (removed sections last), with their line diff and the facts that appeared or vanished.
    Both pages need their facts extracted (FactExtractor.extract_page)."""
    before, after = _section_text(old), _section_text(new)
    absent: tuple[Section | None, list[str]] = (None, [])
    changes = []
    for key in [*after, *(key for key in before if key not in after)]:
        was, old_text = before.get(key, absent)
        now, text = after.get(key, absent)
        if was is not None and now is not None and old_text == text:
            continue
        kind = "added" if was is None else "removed" if now is None else "changed"
        section = now or was
        assert section is not None
        old_facts, new_facts = (was.facts if was else []), (now.facts if now else [])
        changes.append(
            SectionChange(
                kind,
                section.label,
                key,
                section.line,
                line_diff(old_text, text),
                _shown(new_facts, old_facts),
                _shown(old_facts, new_facts),
            )
        )
    return changes


def format_changes(zh_rel: str, en_rel: str, name: str, lag: Lag) -> list[str]:
    """The readable diff of `make status PAGE=...`: one block per changed English section."""
    if lag.not_found:
        return [f"{zh_rel}: {lag.summary()}; `make check` says why and what fixes it"]
    assert lag.follows is not None
    head = (
        f"{zh_rel} translates {en_rel} of {lag.follows.isoformat()} (commit {lag.commit[:12]}); "
        f"{lag.summary()}:"
    )
    lines = [head]
    for change in lag.changes:
        where = f"{lag.commit[:12]}:{en_rel}" if change.kind == "removed" else en_rel
        lines += ["", f"{change.kind} {change.label} ({where}:{change.line})"]
        lines.extend(f"    {line}".rstrip() for line in change.diff)
        if change.appeared:
            lines.append(f"    facts that appeared: {', '.join(change.appeared)}")
        if change.vanished:
            lines.append(f"    facts that vanished: {', '.join(change.vanished)}")
    lines += ["", f"Translate these sections in {zh_rel}, then run `make stamp PAGE={name}`."]
    return lines


def stamp_text(text: str, digest: str) -> str:
    """The page text with `translation_of: <digest>` in its front matter (added if absent)."""
    record = f"{FIELD}: {digest}"
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return f"---\n{record}\n---\n" + text
    front = match.group("yaml")
    if FIELD_RE.search(front):
        front = FIELD_RE.sub(record, front, count=1)
    else:
        front = front + ("" if front.endswith("\n") or not front else "\n") + record + "\n"
    start = match.start("yaml")
    return text[:start] + front + text[match.end("yaml") :]


def page_target(page: str, languages: Languages) -> tuple[str, str | None]:
    """The page a command-line argument names, and its language if it names one file:
    `crm.md` is (crm.md, None); `docs/zh/crm.md`, `zh/crm.md` (folder layout) and `crm.zh.md`
    (suffix layout) are (crm.md, zh)."""
    path = page.replace("\\", "/").removeprefix("./").removeprefix("docs/")
    lang, name = languages.split(path)
    if languages.structure == FOLDER and lang is None:
        return path, None  # a bare page name
    if (
        languages.structure != FOLDER
        and lang == languages.reference
        and languages.path(lang, name) == path
    ):
        return name, None  # the reference's file is also the bare name
    return name, lang


def stamp_pages(
    docs_dir: Path,
    names: list[str],
    docs_rel: str = "docs",
    languages: Languages | None = None,
    parity: Callable[[list[str]], dict[str, list[Issue]]] | None = None,
) -> tuple[list[str], list[str]]:
    """Write `translation_of` into translated pages: each named page in every translation (or
    in the one its name gives, `docs/zh/x.md`), all pairs when names is empty; a page that
    `parity` (current_parity) finds issues in is refused. Returns (one line per page stamped or
    left unchanged, the refusals with every issue); a missing page is an InputError."""
    languages = languages or Languages()
    en = languages.reference
    targets: list[tuple[str, str]] = []  # (translation, page name)
    for given in names:
        name, lang = page_target(given, languages)
        targets += [(code, name) for code in ([lang] if lang else languages.translations)]
    if not names:  # every page that exists in the reference language and the translation
        pages = languages.pages(docs_dir)
        targets = [
            (lang, n) for lang in languages.translations for n in sorted(pages[en] & pages[lang])
        ]
    problems = [
        f"{docs_rel}/{languages.path(lang, name)}:1: no such page; stamping needs the page in "
        "the reference language and the translation"
        for code, name in targets
        for lang in (en, code)
        if not (docs_dir / languages.path(lang, name)).is_file()
    ]
    if problems:
        raise InputError(list(dict.fromkeys(problems)))
    names = list(dict.fromkeys(name for _, name in targets))
    differs = parity(names) if parity is not None else {}
    done, refused = [], []
    for zh, name in targets:
        en_rel = f"{docs_rel}/{languages.path(en, name)}"
        zh_rel = f"{docs_rel}/{languages.path(zh, name)}"
        issues = [issue for issue in differs.get(name, ()) if issue.path in (zh_rel, en_rel)]
        if issues:
            refused.append(
                f"{zh_rel}: not stamped: {plural(len(issues), 'parity issue')} against the "
                f"current English {en_rel}; fix them, then stamp again:"
            )
            refused.extend(f"    {issue}" for issue in issues)
            continue
        en_path = docs_dir / languages.path(en, name)
        digest = body_hash(split_front_matter(read_text(en_path, en_rel), en_rel).body)
        path = docs_dir / languages.path(zh, name)
        raw = path.read_bytes()
        text = decode(raw, zh_rel)
        before = split_front_matter(text, zh_rel).meta_raw.get(FIELD)
        if before == digest:
            done.append(f"{zh_rel}: {FIELD}: {digest} (unchanged)")
            continue
        stamped = stamp_text(text, digest)
        if b"\r\n" in raw:
            stamped = stamped.replace("\n", "\r\n")
        path.write_bytes(stamped.encode("utf-8"))
        done.append(f"{zh_rel}: {FIELD}: {digest} (was {before or 'missing'})")
    return done, refused
