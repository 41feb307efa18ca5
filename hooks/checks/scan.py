"""Regex matches found through their first character, for the regexes run over whole pages.

The regex engine looks for a pattern that starts with a character class (`[$0-9]`, or the
first characters of an alternation) by testing the class at every position, an order of
magnitude slower than it looks for a literal. Three ways around it, each finding exactly what
finditer finds:

- finditer with marks: the first characters are a few ASCII ones, so one bytes.translate marks
  them all and bytes.find jumps from mark to mark; the pattern is tried only there. This pays
  when matches are sparse (numbers, paths), not for dense ones (capitalised words).
- a regex over the marks themselves, when a match depends only on classes of ASCII characters
  (capitalised words: A[Aad]* over marks of upper case, lower case and digits); the marks have
  one byte per character, so the spans are the text's.
- first_of: an alternation split into regexes that each start with a literal, each searched
  from that literal with str.find (LiteralFirst), which skips text faster than the engine."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

SPACE = ord(" ")


def mark_table(classes: dict[str, str]) -> bytes:
    """A bytes.translate table: each character of classes[mark] to that one-character mark,
    every other byte to a space (non-ASCII characters arrive as "?")."""
    table = bytearray([SPACE] * 256)
    for mark, chars in classes.items():
        for char in chars:
            table[ord(char)] = ord(mark)
    return bytes(table)


def marks(text: str, table: bytes) -> bytes:
    """One byte per character of text, as mark_table maps it."""
    return text.encode("ascii", "replace").translate(table)


def finditer(
    regex: re.Pattern[str], text: str, marked: bytes, mark: str
) -> Iterator[re.Match[str]]:
    """regex.finditer(text), for a regex that can only start at a character marked `mark` (and
    never matches an empty string); `marked` is marks(text, ...)."""
    byte = ord(mark)
    start = marked.find(byte)
    while start >= 0:
        match = regex.match(text, start)  # lookbehinds still see the text before start
        if match is None:
            start = marked.find(byte, start + 1)
        else:
            yield match
            start = marked.find(byte, match.end())


@dataclass(frozen=True)
class LiteralFirst:
    """A regex that can only match where `literal` starts: search() is regex.search, from
    str.find (a fast substring search) to each occurrence of the literal."""

    literal: str
    regex: re.Pattern[str]

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        literal, regex = self.literal, self.regex
        start = text.find(literal, pos)
        while start >= 0:
            match = regex.match(text, start)  # lookbehinds still see the text before start
            if match is not None:
                return match
            start = text.find(literal, start + 1)
        return None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """regex.finditer(text) (the regex never matches an empty string)."""
        match = self.search(text)
        while match is not None:
            yield match
            match = self.search(text, match.end())


def first_of(regexes: Sequence[LiteralFirst], text: str) -> Iterator[re.Match[str]]:
    """finditer of the alternation `A|B|...` of the regexes, from a search of each: with a literal
    first character each, they are found fast where the alternation is not. As in the
    alternation, the leftmost match comes first, and at one position the first regex's (none may
    match an empty string)."""
    pending = [regex.search(text) for regex in regexes]
    while True:
        first: re.Match[str] | None = None
        for match in pending:
            if match is not None and (first is None or match.start() < first.start()):
                first = match
        if first is None:
            return
        yield first
        end = first.end()
        for index, match in enumerate(pending):
            if match is not None and match.start() < end:  # overlaps: search again after it
                pending[index] = regexes[index].search(text, end)
