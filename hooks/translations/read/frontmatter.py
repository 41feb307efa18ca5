"""The front matter schema: which keys a page may have, in which language, with which values.

One table, KEYS: `front_matter_problems` checks a page against it and
`python -m translations.read.frontmatter` renders it into CONTRIBUTING.md (a test keeps the two
equal). Not a JSON Schema: the messages must name the line and the allowed values in words a
translator understands, which is most of the code either way."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translations.config import Languages, language_name
from translations.read.source import Source

# The keys whose allowed values are the ids a data file lists (the path finder's areas and
# roles, in data/paths.yml): key -> the list in that file. Without the file, any list of words.
LISTED = {"area": "areas", "roles": "roles"}
# What Material's `hide` key may hide.
HIDE = ("navigation", "toc", "footer", "path", "tags")
# Where a key may stand: on the pages of the reference language, of the translation, or both.
REFERENCE, TRANSLATION = "reference", "translation"
BOTH = (REFERENCE, TRANSLATION)
# The staleness record written by `make stamp`: 12 lowercase hex digits (see source.body_hash).
HASH_RE = re.compile(r"[0-9a-f]{12}")
WORD_RE = re.compile(r"[\w-]+")  # an id where no data file lists the ids

BEGIN = "<!-- front-matter:begin -->"
END = "<!-- front-matter:end -->"


def _text(value: Any, raw: str | None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be text on one line, not empty"
    if any(char in value for char in '<>"'):
        # the theme writes titles and descriptions into the page's <head> without escaping
        return 'must not contain <, > or "; write ‹ › or “ ” instead'
    return None


def _choices(allowed: tuple[str, ...] | None) -> Callable[[Any, str | None], str | None]:
    """A list whose items are each one of `allowed` (None: any word), each at most once."""
    shown = _listing(allowed or ())

    def check(value: Any, raw: str | None) -> str | None:
        if not isinstance(value, list):
            example = ", ".join((allowed or ("a", "b"))[:2])
            return f"must be a list such as [{example}]" + (f", of: {shown}" if allowed else "")
        for item in value:
            if allowed is None and not (isinstance(item, str) and WORD_RE.fullmatch(item)):
                return f"has {_shown(item)}, which is not a word (letters, digits, - or _)"
            if allowed is not None and (not isinstance(item, str) or item not in allowed):
                return f"has {_shown(item)}, which is not one of: {shown}"
        repeated = [item for index, item in enumerate(value) if item in value[:index]]
        if repeated:
            return f"lists {repeated[0]} twice"
        return None

    return check


def _listing(ids: tuple[str, ...]) -> str:
    """Ids as a message lists them: a run of single letters as `A–Q`, else each one."""
    letters = "".join(ids)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if len(ids) > 3 and len(letters) == len(ids) and letters in alphabet:
        return f"{ids[0]}–{ids[-1]}"
    return ", ".join(ids)


def _hash(value: Any, raw: str | None) -> str | None:
    written = raw if raw is not None else value
    if isinstance(written, str) and HASH_RE.fullmatch(written):
        return None
    advice = "run `make stamp PAGE=<page>` to write it"
    return f"is {_shown(written)}, not a hash of 12 hex digits (0-9, a-f); {advice}"


def _search(value: Any, raw: str | None) -> str | None:
    if not isinstance(value, dict):
        return "must be a mapping of boost: <number> and/or exclude: true|false"
    for key, item in value.items():
        if key not in ("boost", "exclude"):
            return f"has the key {_shown(key)}; allowed: boost (a number), exclude (true|false)"
        if key == "exclude" and not isinstance(item, bool):
            return "exclude must be true or false"
        if key == "boost" and (isinstance(item, bool) or not isinstance(item, (int, float))):
            return "boost must be a number"
    return None


def _shown(value: Any) -> str:
    return f'"{value}"' if isinstance(value, str) else repr(value)


@dataclass(frozen=True)
class Key:
    """One front matter key: where it may appear and what its value must be."""

    name: str
    values: str  # the allowed values, as CONTRIBUTING.md and the messages say them
    meaning: str
    check: Callable[[Any, str | None], str | None]  # value, value as written -> problem or None
    sides: tuple[str, ...] = BOTH  # REFERENCE and/or TRANSLATION
    required: bool = False  # when the site requires front matter (`require_front_matter`)


KEYS = (
    Key("title", "text", "page title; on a Chinese page the Chinese title", _text, required=True),
    Key(
        "description", "text", "one sentence for search engines and previews", _text, required=True
    ),
    Key(
        "area",
        "list of the `areas` ids of data/paths.yml",
        "the path finder's areas the page serves",
        _choices(()),  # replaced by the ids the site lists (front_matter_problems)
    ),
    Key(
        "roles",
        "list of the `roles` ids of data/paths.yml",
        "the readers the page serves; they become its tags",
        _choices(()),
    ),
    Key(
        "translation_of",
        "12 hex digits",
        "the English text this page translates; written by `make stamp`",
        _hash,
        sides=(TRANSLATION,),
    ),
    Key(
        "search",
        "boost: number, exclude: true/false",
        "Material's search ranking of the page",
        _search,
    ),
    Key(
        "hide",
        "list of " + ", ".join(HIDE),
        "parts of Material's layout the page hides",
        _choices(HIDE),
    ),
)
BY_NAME = {key.name: key for key in KEYS}


def allowed_keys(side: str) -> list[str]:
    return [key.name for key in KEYS if side in key.sides]


def _names(sides: tuple[str, ...], languages: Languages) -> list[str]:
    return [
        language_name(languages.reference) if side == REFERENCE else "translated" for side in sides
    ]


def front_matter_problems(
    source: Source,
    lang: str,
    languages: Languages | None = None,
    listed: Mapping[str, tuple[str, ...]] | None = None,
    *,
    required: bool = True,
) -> list[str]:
    """Every way a page's front matter breaks the schema, as `file:line: message`. `listed`: the
    ids a data file lists for each of LISTED's keys (without them, any word). `required` (the
    site's `require_front_matter`): the schema is the whole front matter, its required keys must
    be there and no other may be; otherwise keys outside it are left to whoever reads them."""
    languages = languages or Languages()
    listed = listed or {}
    checks = {name: _choices(listed.get(kind)) for name, kind in LISTED.items()}
    side = REFERENCE if lang == languages.reference else TRANSLATION
    problems = []
    rel = source.rel
    for name, value in source.meta.items():
        line = source.meta_lines.get(str(name), 2)
        key = BY_NAME.get(str(name))
        if key is None and not required:
            continue  # another plugin's or the theme's key (`comments`, `icon`): theirs to check
        if key is None or side not in key.sides:
            where = "not a front matter key"
            if key is not None:
                where = f"only on {' and '.join(_names(key.sides, languages))} pages"
            problems.append(
                f"{rel}:{line}: `{name}` is {where}; keys of {language_name(lang)} "
                f"pages: {', '.join(allowed_keys(side))}"
            )
            continue
        problem = checks.get(key.name, key.check)(value, source.meta_raw.get(key.name))
        if problem:
            problems.append(f"{rel}:{line}: `{key.name}` {problem}")
    for key in KEYS:
        if required and key.required and side in key.sides and key.name not in source.meta:
            problems.append(
                f"{rel}:1: front matter has no `{key.name}`; add `{key.name}: <{key.values}>` "
                f"({key.meaning})"
            )
    return problems


def contributing_table() -> str:
    """The schema as the Markdown table CONTRIBUTING.md shows between BEGIN and END."""
    rows = ["| Key | Pages | Required | Allowed values | What it is |", "|---|---|---|---|---|"]
    for key in KEYS:
        pages = "both" if key.sides == BOTH else ", ".join(_names(key.sides, Languages()))
        rows.append(
            f"| `{key.name}` | {pages} | {'yes' if key.required else 'no'} | {key.values} "
            f"| {key.meaning} |"
        )
    return "\n".join(rows)


def with_table(text: str) -> str:
    """CONTRIBUTING.md's text with the table between the markers rendered from KEYS."""
    head, begin, rest = text.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise ValueError(f"CONTRIBUTING.md needs the markers {BEGIN} and {END}")
    return f"{head}{BEGIN}\n{contributing_table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    """Rewrite the front matter table of CONTRIBUTING.md (the path may be given)."""
    path = Path(argv[0] if argv else "CONTRIBUTING.md")
    text = path.read_text("utf-8")
    path.write_text(with_table(text), "utf-8")
    print(f"{path}: front matter table written from hooks/translations/read/frontmatter.py")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
