"""What a translator may change without changing a fact: these are not drift.

- A code block's comments, and words in its strings, translated: the code is compared token by
  token (Pygments, by the fence's language), comments left out, a token written in another
  script standing for any run of tokens.
- A placeholder's words translated: `{原文件名}_middle.json` is `{original_filename}_middle.json`.
- A name in other capitals (Github, GitHub), or only in a link (github.com); a word's code
  formatting dropped (`XLSX`, XLSX); prose set in backticks written out (`PDF / 图片`, `[0,1]`);
  English words set in backticks, written in the translation's own words (`command line mode`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.token import Comment, Error, Generic, Text
from pygments.util import ClassNotFound

# A run of characters outside ASCII: translated words, in code or in a placeholder.
TRANSLATED_RE = re.compile(r"[^\x00-\x7f]+")
# A letter outside ASCII: a word of another language (not a box-drawing line or an arrow).
TRANSLATED_WORD_RE = re.compile(r"(?![\x00-\x7f])[^\W\d_]")
# Stands for any run of tokens (or characters) on the other side.
ANY = None
# Above this many tokens a block is compared as written (the matching is quadratic at worst).
MAX_TOKENS = 5_000
# A Latin letter: a span with one is a name or code. A word or number of a span: PDF, 0.5.
_LATIN_RE = re.compile(r"[A-Za-z]")
# What makes one-letter names code, not a formula: brackets, `;`, `=`, `<`, `>`, `++`, `--`.
_CODE_MARK_RE = re.compile(r"[][(){};=<>]|\+\+|--")
_WORD_RE = re.compile(r"\w+(?:\.\w+)*", re.ASCII)
_TOKEN_RE = re.compile(r"[^\x00-\x7f]+|\w+|[^\w\s]", re.ASCII)
# Two or more lower-case words of letters alone, one space apart: words, or a command.
PHRASE_RE = re.compile(r"[a-z]+(?: [a-z]+)+")
# A help text's columns: the first gap of two or more spaces after a line's first word.
_COLUMN_RE = re.compile(r"(?<=\S) {2,}(?=\S)")


def same_code(reference: str, translation: str, info: str = "") -> bool:
    """Two code blocks hold the same code, whatever their comments and translated words."""
    if reference == translation:
        return True
    ours, theirs = _tokens(reference, info), _tokens(translation, info)
    if max(len(ours), len(theirs)) > MAX_TOKENS:
        return False
    return _match(theirs, ours) if ANY in theirs else _match(ours, theirs)


def code_key(code: str, info: str = "") -> str:
    """A block's code as `same_code` sees it, for pairing blocks in order (`*` for translated)."""
    return " ".join(token or "*" for token in _tokens(code, info))


def same_span(reference: str, translation: str) -> bool:
    """Two code spans (or a code span and its placeholder) name the same thing."""
    pattern = [ANY if TRANSLATED_RE.fullmatch(part) else part for part in _split(translation)]
    return ANY in pattern and _match(pattern, list(reference))


def written_in(text: str, haystack: str) -> bool:
    """A name or code word appears in `haystack` as a word, in any capitals, with full-width
    punctuation, `_` or `-` for a space, or an English plural (`page_footnote`: page footnotes)."""
    words = _plain(text.strip("`"))
    if not words:
        return False
    spaced = re.escape(words).replace(r"\ ", r"\s*")  # 0, 90 is 0,90
    pattern = rf"(?<![\w-]){spaced}(?:e?s)?(?![\w-])"
    return re.search(pattern, _plain(haystack), re.IGNORECASE | re.ASCII) is not None


def prose_in_backticks(span: str, written: str, prose: str) -> bool:
    """A code span that is prose set in backticks, and written out on the other side: words in
    another script around names `written` holds (`PDF / 图片 / DOCX`: `PDF`, image, `DOCX`),
    a formula in one-letter names (`e^x`: e 的 x 次幂), or numbers alone that `prose` writes
    together (`[0,1]`: 0-1). A span with a longer Latin name and no word in another script is
    code: False."""
    names = _WORD_RE.findall(span)
    # `e^x`, `x^y`: in words, e 的 x 次幂 (not code: `A[i]`, `a++;`, `x = y`)
    formula = all(len(name) == 1 for name in names) and not _CODE_MARK_RE.search(span)
    if TRANSLATED_WORD_RE.search(span) or formula or not _LATIN_RE.search(span):
        if _LATIN_RE.search(span) or not names:
            return all(written_in(name, written) for name in names)
        # the numbers in order, apart by up to three spaces or marks (no letter in any script)
        together = r"[\W_]{1,3}".join(re.escape(number) for number in names)
        return re.search(rf"(?<![0-9A-Za-z.]){together}(?![0-9A-Za-z.])", _plain(prose)) is not None
    return False


def words_in_backticks(span: str, prose: str, code: str) -> bool:
    """A code span that is English words set in backticks (`command line mode`), which a
    translation may write in its own words: two or more lower-case words of letters alone, each
    one a word the page's `prose` writes outside backticks and none a name in its `code` (its
    code blocks and other code spans: `pip install notes` is a command there). A span with any
    other character (`max_tokens`, `--lang ch`) or of one word (`pipeline`) is code: False."""
    if not PHRASE_RE.fullmatch(span):
        return False
    words = span.split(" ")
    names = set(_WORD_RE.findall(code.lower()))
    return not names.intersection(words) and all(
        re.search(rf"\b{word}\b", prose, re.IGNORECASE) for word in words
    )


def _plain(text: str) -> str:
    """Text with full-width forms as ASCII (NFKC), `_` and `-` as spaces, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("_", " ").replace("-", " ").split())


def _split(text: str) -> list[str]:
    """Characters, with each translated run kept whole."""
    parts: list[str] = []
    last = 0
    for m in TRANSLATED_RE.finditer(text):
        parts.extend(text[last : m.start()])
        parts.append(m.group(0))
        last = m.end()
    parts.extend(text[last:])
    return parts


def _tokens(code: str, info: str) -> list[str | None]:
    """The code's tokens without comments and blanks; a translated token is ANY. In text that
    is not code (a command's help output, a tree's labels, text a lexer cannot read), the rest
    of a line from its first word in another script is translated prose: ANY, and so is a line
    that continues it in its column (a help text's description wraps where its words do)."""
    lexer = _lexer(info)
    # no language: one run of text, split below (its comments are not known)
    pieces = [(Text, code)] if lexer is None else list(lexer.get_tokens(code))
    continues = _continuations(code.split("\n"))
    line = 0  # index of the line the pieces have reached
    tokens: list[str | None] = []
    prose = False  # the line so far has turned into translated prose
    for kind, value in pieces:
        if kind in Comment:
            if "\n" in value:
                line += value.count("\n")
                prose = prose and line < len(continues) and continues[line]
            continue
        for number, segment in enumerate(value.split("\n")):
            if number:  # a new line: prose only if it continues the prose of the line before
                line += 1
                prose = prose and line < len(continues) and continues[line]
            words = "" if prose else segment
            if not prose and (kind in Text or kind in Generic or kind in Error):
                start = TRANSLATED_WORD_RE.search(segment)
                prose = start is not None
                words = segment[: start.start()] if start else segment
            # words and single punctuation marks, whatever the lexer grouped (`[{` is `[` `{`)
            tokens += [ANY if TRANSLATED_RE.search(w) else w for w in _TOKEN_RE.findall(words)]
            if prose and segment.strip():
                tokens.append(ANY)
    return _collapse(tokens)


def _continuations(lines: list[str]) -> list[bool]:
    """For each line, whether it continues the line before in that line's last column: it
    starts, indented, where the text after the first gap of two or more spaces starts on the
    line before (`  --port INTEGER   服务端口` then a line indented to 服务), or, without such a
    gap, at the same indentation. A line starting with `-` starts an option, not a continuation."""
    out = [False]
    for before, line in pairwise(lines):
        text = line.lstrip(" ")
        gap = _COLUMN_RE.search(before)
        column = gap.end() if gap else len(before) - len(before.lstrip(" "))
        out.append(0 < len(line) - len(text) == column and text != "" and text[0] != "-")
    return out


def _collapse(tokens: list[str | None]) -> list[str | None]:
    """Neighbouring ANYs are one; so is a number right after a translated word (a numbered
    placeholder, `表达式 1` for `expr1`)."""
    out: list[str | None] = []
    for token in tokens:
        if out and out[-1] is ANY and (token is ANY or token.isdigit()):
            continue
        out.append(token)
    return out


def _lexer(info: str) -> Lexer | None:
    name = info.strip().split()[0].lstrip(".{") if info.strip() else ""
    if not name:
        return None
    try:
        return get_lexer_by_name(name, stripnl=False)  # lines as `_continuations` counts them
    except ClassNotFound:
        return None


def _match(pattern: Sequence[str | None], text: Sequence[str | None]) -> bool:
    """Glob matching: ANY in `pattern` stands for any run of `text` (ANY in `text` for any one
    item). Greedy with backtracking to the last ANY: at worst len(pattern) * len(text) steps."""
    p = t = 0
    star, mark = -1, 0
    while t < len(text):
        if p < len(pattern) and pattern[p] is not ANY and (pattern[p] == text[t] or text[t] is ANY):
            p += 1
            t += 1
        elif p < len(pattern) and pattern[p] is ANY:
            star, mark = p, t
            p += 1
        elif star >= 0:
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    while p < len(pattern) and pattern[p] is ANY:
        p += 1
    return p == len(pattern)
