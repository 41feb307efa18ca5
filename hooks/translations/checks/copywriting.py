"""Chinese copywriting: spacing between Chinese and Latin letters or digits, full-width punctuation,
no line break inside a sentence between two Chinese characters (Markdown keeps it, and Chrome
shows it as a space: 销售 代表), and corner brackets 「」 for quotation marks, never curly quotes
“”. Rules of Chinese: on a site, they apply to the language whose code
is `zh`.

A thin wrapper over autocorrect (autocorrect-py, a maintained linter that works offline) with the
project's rules in `.autocorrectrc` (CONTRIBUTING.md, "Chinese style"). It lints
the Chinese pages (Markdown-aware: code, URLs and link targets are left alone) and the Chinese
strings of the data files that generated text comes from. Run from `make test`
(tests/test_chinese_copy.py), or by hand:

    python -m translations.checks.copywriting           # lint docs/zh/ and data/; 1: findings
    python -m translations.checks.copywriting --fix F.. # rewrite the given Chinese pages
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import autocorrect_py

from translations.model import InputError
from translations.options import read_site_config
from translations.read.markdown import fenced_lines
from translations.read.source import load_yaml, read_text

CONFIG = ".autocorrectrc"
# The spacing and punctuation rule is a rule of Chinese, attached to its language code: it lints
# the site's Chinese pages (none, on a site without Chinese) and the Chinese strings of the data
# files (the values of `zh:` keys, at any depth: `def: {zh: ...}`, `gloss: {zh: ...}`).
LANGUAGE = "zh"


@dataclass(frozen=True)
class Finding:
    """One line the linter would rewrite."""

    rel: str
    line: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.rel}:{self.line}: {self.old.strip()} -> {self.new.strip()}"


def configure(root: Path) -> None:
    """Load the project's rules (autocorrect keeps them for the process)."""
    autocorrect_py.load_config(read_text(root / CONFIG, CONFIG))


def without_code(text: str) -> tuple[str, dict[int, str]]:
    """The text with the lines of fenced code blocks (fences included) emptied, and those lines
    by index: autocorrect would otherwise lint comments and strings of known languages, and the
    rule leaves code alone."""
    lines = text.split("\n")
    marks = fenced_lines(lines)
    code = {i: line for i, (line, fenced) in enumerate(zip(lines, marks, strict=True)) if fenced}
    return "\n".join("" if i in code else line for i, line in enumerate(lines)), code


# Chinese characters and full-width punctuation: a line break between two of them renders as a
# space that Chinese does not have
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# a line that starts a block of its own (heading, list item, table row, quote, admonition, HTML)
_BLOCK_START = re.compile(r"^(?:#|[-*+] |\d+[.)] |\||>|!!!|\?\?\?|<|---|:::)")
_MARKUP = "*_~"  # emphasis around the first or last character


def broken_lines(text: str) -> list[tuple[int, int]]:
    """Index pairs (i, i + 1) of lines where a paragraph or list item goes on after a line break
    between two Chinese characters. Front matter and fenced code are not prose."""
    lines = text.split("\n")
    skip = fenced_lines(lines)
    if lines and lines[0] == "---":  # front matter, up to its closing line
        end = next((i for i in range(1, len(lines)) if lines[i] == "---"), 0)
        skip = [True] * (end + 1) + skip[end + 1 :]
    found = []
    for i in range(len(lines) - 1):
        here, after = lines[i].rstrip().rstrip(_MARKUP), lines[i + 1].strip()
        if skip[i] or skip[i + 1] or not here or not after:
            continue
        if here.lstrip().startswith(("#", "|")) or _BLOCK_START.match(after):
            continue
        if _CJK.match(here[-1]) and _CJK.match(after.lstrip(_MARKUP + "[") or " "):
            found.append((i, i + 1))
    return found


# curly quotes in prose, each with its corner bracket; an inline code span keeps whatever it holds
_CURLY = str.maketrans("“”", "「」")
_INLINE_CODE = re.compile(r"(`[^`]*`)")


def curly_quotes(text: str) -> list[int]:
    """Indexes of the lines that quote with “” outside inline code (fenced code is emptied
    before)."""
    return [
        i
        for i, line in enumerate(text.split("\n"))
        if any(mark in _INLINE_CODE.sub("", line) for mark in "“”")
    ]


def _cornered(text: str) -> str:
    """The text with the curly quotes of its prose lines, outside inline code, as 「」."""
    lines = text.split("\n")
    for i in curly_quotes(text):
        parts = _INLINE_CODE.split(lines[i])  # odd items: the code spans
        lines[i] = "".join(p if k % 2 else p.translate(_CURLY) for k, p in enumerate(parts))
    return "\n".join(lines)


def _joined(text: str) -> str:
    """The text with each broken line joined to the one before it."""
    lines = text.split("\n")
    for i, j in reversed(broken_lines(text)):
        lines[i : j + 1] = [lines[i].rstrip() + lines[j].strip()]
    return "\n".join(lines)


def lint_text(text: str, rel: str, first_line: int = 1) -> list[Finding]:
    """Findings in one text; rel's extension chooses the parser (`.md`: Markdown-aware, and
    fenced code is skipped)."""
    breaks: list[Finding] = []
    if rel.endswith(".md"):
        lines = text.split("\n")
        for i, j in broken_lines(text):
            tail, head = lines[i].rstrip()[-12:], lines[j].strip()[:12]
            breaks.append(Finding(rel, first_line + i, f"{tail}⏎{head}", f"{tail}{head}"))
        text, _ = without_code(text)
    lines = text.split("\n")
    quotes = [
        Finding(rel, first_line + i, lines[i], _cornered(lines[i])) for i in curly_quotes(text)
    ]
    result = autocorrect_py.lint_for(text, rel)
    found = [Finding(rel, first_line + line.line - 1, line.old, line.new) for line in result.lines]
    return sorted(found + breaks + quotes, key=lambda f: f.line)


def lint_pages(root: Path, pages: list[Path]) -> list[Finding]:
    found = []
    for path in pages:
        rel = path.relative_to(root).as_posix()
        found.extend(lint_text(read_text(path, rel), rel))
    return found


def _zh_strings(
    value: Any, keys: tuple[str | int, ...], chinese: bool = False
) -> Iterator[tuple[tuple, str]]:
    """Every Chinese string of a data file (a `zh:` value, or an item of a `zh:` list), with its
    key path."""
    if isinstance(value, str) and chinese:
        yield keys, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _zh_strings(item, (*keys, key), key == LANGUAGE)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _zh_strings(item, (*keys, index), chinese and isinstance(item, str))


def lint_data(root: Path) -> list[Finding]:
    """Findings in the Chinese strings of the data files (their names: the site's config), at
    the line of each string."""
    config = read_site_config(root)
    found = []
    for name in (config.glossary_file, config.pricing_file, config.paths_file):
        rel = f"data/{name}"
        doc = load_yaml(root / "data" / name, rel)
        for keys, text in _zh_strings(doc.data, ()):
            for finding in lint_text(text, "text.txt"):
                found.append(Finding(rel, doc.line(*keys), finding.old, finding.new))
    return found


def zh_pages(root: Path) -> list[Path]:
    """The site's Chinese pages, in its layout (docs/zh/ or *.zh.md)."""
    languages = read_site_config(root).languages
    if LANGUAGE not in languages.all:
        return []
    names = languages.pages(root / "docs")[LANGUAGE]
    return sorted(root / "docs" / languages.path(LANGUAGE, name) for name in names)


def fix_pages(root: Path, pages: list[Path]) -> list[str]:
    """Rewrite pages with autocorrect's fixes and 「」 for curly quotes, fenced code kept as it was;
    returns the pages that changed."""
    changed = []
    for path in pages:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        text = read_text(path, rel)
        prose, code = without_code(text)
        lines = autocorrect_py.format_for(prose, rel).split("\n")
        if len(lines) != len(text.split("\n")):
            raise InputError.at(rel, 1, "autocorrect changed the number of lines; fix by hand")
        fixed = _joined("\n".join(code.get(i, _cornered(line)) for i, line in enumerate(lines)))
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            changed.append(rel)
    return changed


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m translations.checks.copywriting")
    parser.add_argument("--fix", action="store_true", help="rewrite the given pages in place")
    parser.add_argument("pages", nargs="*", type=Path, help="Chinese pages (default: docs/zh/)")
    args = parser.parse_args(argv)
    root = root or Path.cwd()
    try:
        configure(root)
        pages = [Path(p).resolve() for p in args.pages] or zh_pages(root)
        if args.fix:
            for rel in fix_pages(root, pages):
                print(f"fixed {rel}")
            return 0
        findings = lint_pages(root.resolve(), pages) + lint_data(root)
    except InputError as error:
        for problem in error.shown:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    print(f"{len(findings)} Chinese copywriting finding(s)" if findings else "no findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
