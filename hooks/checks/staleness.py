"""Staleness of translations: a Chinese page records the hash of the English body it translates."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from .markdown import Page
from .model import InputError, Issue
from .source import FRONT_MATTER_RE, body_hash, decode, read_text, split_front_matter

FIELD = "translation_of"
# The staleness record inside front matter: `translation_of: <hash>` on a line of its own.
FIELD_RE = re.compile(rf"^{FIELD}[ \t]*:.*$", re.MULTILINE)


def check_staleness(en: Page, zh: Page) -> Issue | None:
    """An outdated or never stamped Chinese page (a warning: strict builds fail on it)."""
    current = body_hash(en.source.body)
    recorded = zh.source.meta_raw.get(FIELD)
    command = f"`make stamp PAGE={zh.name}`"
    if recorded is None:
        message = f"{FIELD} is missing; check the translation, then run {command}"
    elif recorded != current:
        message = f"translation is outdated ({FIELD}: {recorded}); update it, then run {command}"
    else:
        return None
    line = zh.source.meta_lines.get(FIELD, 1)
    return Issue(
        zh.rel,
        line,
        message,
        en.rel,
        1,
        f"English page is now {current}",
        rule="staleness",
        page=zh.name,
    )


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


def page_name(page: str, langs: tuple[str, ...] = ("en", "zh")) -> str:
    """`crm.md`, `docs/zh/crm.md` and `zh/crm.md` all name the page crm.md."""
    parts = PurePosixPath(page.replace("\\", "/")).parts
    if parts and parts[0] == "docs":
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in langs:
        parts = parts[1:]
    return "/".join(parts)


def stamp_pages(
    docs_dir: Path, names: list[str], docs_rel: str = "docs", en: str = "en", zh: str = "zh"
) -> list[str]:
    """Write `translation_of` into Chinese pages (all pairs when names is empty); one line each.

    Line endings of the Chinese file are kept. Missing pages are an InputError."""
    if not names:
        names = sorted(
            path.relative_to(docs_dir / zh).as_posix()
            for path in (docs_dir / zh).rglob("*.md")
            if (docs_dir / en / path.relative_to(docs_dir / zh)).is_file()
        )
    problems = [
        f"{docs_rel}/{lang}/{name}:1: no such page; stamping needs the page in both languages"
        for name in names
        for lang in (en, zh)
        if not (docs_dir / lang / name).is_file()
    ]
    if problems:
        raise InputError(problems)
    done = []
    for name in names:
        en_rel, zh_rel = f"{docs_rel}/{en}/{name}", f"{docs_rel}/{zh}/{name}"
        digest = body_hash(split_front_matter(read_text(docs_dir / en / name, en_rel), en_rel).body)
        path = docs_dir / zh / name
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
    return done
