"""One Chinese term per concept (data/glossary.yml), and brand names spelled exactly."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .data import Term
from .markdown import Page, Section
from .model import Issue

SPELLING_CUTOFF = 0.85  # difflib ratio above which a word is taken for a misspelt brand


def _term_regex(words: list[str]) -> re.Pattern[str]:
    """A term in lowercased prose: whole words (not part of a path, domain or hyphenated name),
    plural s allowed. The first word comes first so that the engine searches for it as a literal;
    the boundary before it is a lookbehind placed after it."""
    first = re.escape(words[0])
    rest = "".join(r"\s+" + re.escape(word) for word in words[1:])
    return re.compile(rf"{first}(?<![a-z0-9_/.@-]{first}){rest}(?:s|es)?(?![a-z0-9_-]|\.[a-z])")


@dataclass
class Glossary:
    """Glossary lookups built once per site: terms with their regexes, brand spellings."""

    terms: tuple[Term, ...]
    rel: str
    _lookups: list[tuple[str, re.Pattern[str], Term]] = field(default_factory=list)
    _brands: dict[str, Term] = field(default_factory=dict)
    _brand_cases: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    _suggestions: dict[str, Term | None] = field(default_factory=dict)
    _lowered: dict[str, Term] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for term in self.terms:
            words = term.en.lower().split()
            if term.brand:
                self._brands[term.en] = term
                self._lowered[term.en.lower()] = term
                # any spelling that differs only in case: Activecampaign, postmark
                self._brand_cases.append((term.en.lower(), _term_regex(words)))
            elif words:
                self._lookups.append((words[0], _term_regex(words), term))

    def terms_used(self, page: Page) -> dict[int, dict[str, tuple[Term, int, str]]]:
        """Terms an English page uses, by section index: term -> (term, line, as written).

        Case-insensitive, whole words, plural s allowed. One search per term over the whole
        page, and only for terms whose first word occurs on it."""
        lower = page.lower
        starts = [section.line for section in page.sections]
        used: dict[int, dict[str, tuple[Term, int, str]]] = {}
        for first_word, regex, term in self._lookups:
            if first_word not in lower:  # cheap test first: most terms are absent
                continue
            for match in regex.finditer(lower):
                line = page.line_of(match.start())
                found = used.setdefault(bisect_right(starts, line) - 1, {})
                if term.en not in found:
                    found[term.en] = (term, line, " ".join(match.group(0).split()))
        return used

    def compare(
        self, en: Page, zh: Page, pairs: Iterable[tuple[int, Section, Section]]
    ) -> Iterator[Issue]:
        """Each Chinese section carries the Chinese term of every glossary term its English
        section uses. pairs: (index of the English section, English section, Chinese section)."""
        used = self.terms_used(en)
        if not used:
            return
        for index, e, z in pairs:
            for term, line, text in used.get(index, {}).values():
                if term.zh.lower() not in z.lower:
                    yield Issue(
                        zh.rel,
                        z.line,
                        f"section {e.label} lacks the glossary term {term.zh}",
                        en.rel,
                        line,
                        f'"{text}"',
                        rule="glossary",
                        page=zh.name,
                    )

    def suggest(self, word: str) -> Term | None:
        """The brand a word misspells (case or a typo), or None; cached per word."""
        if word not in self._suggestions:
            close = difflib.get_close_matches(
                word.lower(), list(self._lowered), n=1, cutoff=SPELLING_CUTOFF
            )
            term = self._lowered[close[0]] if close else None
            self._suggestions[word] = None if term is None or term.en == word else term
        return self._suggestions[word]

    def misspells(self, word: str) -> str | None:
        """The brand name a word misspells, or None."""
        term = self.suggest(word)
        return term.en if term is not None else None

    def spelling(self, page: Page) -> Iterator[Issue]:
        """Brand names spelled exactly as in the glossary, in any language.

        Capitalised misspellings come from the fact extractor (kind "misspelt"); spellings that
        differ only in case (activecampaign, Active intelligence) are searched here."""
        if not self._brands:
            return
        hits = [
            (fact.line, fact.text)
            for section in page.sections
            for fact in section.facts
            if fact.kind == "misspelt"
        ]
        text = page.prose
        lower = page.lower
        for name, regex in self._brand_cases:
            if name.split()[0] in lower:
                for m in regex.finditer(lower):
                    word = text[m.start() : m.end()]
                    if not word[0].isupper() or " " in name:  # capitalised ones are facts
                        line = page.line_of(m.start())
                        hits.append((line, word))
        for line, word in sorted(set(hits)):
            term = self.suggest(" ".join(word.split()))
            if term is not None:
                yield Issue(
                    page.rel,
                    line,
                    f"{word} is misspelt; did you mean {term.en}?",
                    self.rel,
                    term.line,
                    f"brand {term.en}",
                    rule="glossary",
                    page=page.name,
                )
