"""One term per concept in each translation (data/glossary.yml), and brand names spelled
exactly."""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from translations.config import Languages
from translations.model import Issue
from translations.read.data import SiteData, Term
from translations.read.markdown import Page, Section

SPELLING_CUTOFF = 0.85  # difflib ratio above which a word is taken for a misspelt brand


def _term_regex(words: list[str]) -> re.Pattern[str]:
    """A term in lowercased prose: whole words (not part of a path, domain or hyphenated name),
    plural s allowed. The boundary before the first word is a lookbehind placed after it, so that
    the regex starts with a literal, which the engine finds with a fast string search (several
    times faster than trying a lookbehind at every position: the glossary's terms are the checks'
    largest cost at 500 page pairs)."""
    first = re.escape(words[0])
    rest = "".join(r"\s+" + re.escape(word) for word in words[1:])
    return re.compile(rf"{first}(?<![a-z0-9_/.@-]{first}){rest}(?:s|es)?(?![a-z0-9_-]|\.[a-z])")


@dataclass
class Glossary:
    """Glossary lookups built once per site: terms with their regexes, brand spellings."""

    terms: tuple[Term, ...]
    rel: str
    _lookups: list[tuple[re.Pattern[str], Term]] = field(default_factory=list)
    _brand_cases: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # regex, spelling
    _lowered: dict[str, Term] = field(default_factory=dict)  # brand in lower case -> term
    _suggestions: dict[str, Term | None] = field(default_factory=dict)  # word -> suggest(word)

    def __post_init__(self) -> None:
        for term in self.terms:
            words = term.en.lower().split()
            if term.brand:
                self._lowered[term.en.lower()] = term
                # any spelling that differs only in case: Activecampaign, postmark
                self._brand_cases.append((_term_regex(words), term.en))
            elif words:
                self._lookups.append((_term_regex(words), term))

    def _uses(self, page: Page) -> dict[int, dict[str, tuple[Term, re.Match[str]]]]:
        """The first use of each term in each section of a page, by section index. The line and
        text of a use are left to the few that are reported."""
        lower = page.lower
        starts = page.section_starts
        used: dict[int, dict[str, tuple[Term, re.Match[str]]]] = {}
        for regex, term in self._lookups:
            pos = 0
            while (match := regex.search(lower, pos)) is not None:
                start = match.start()
                if term.not_in and _inside(lower, start, term):
                    pos = start + 1  # part of a longer name: "sales engagement" is not engagement
                    continue
                index = bisect_right(starts, start) - 1
                used.setdefault(index, {}).setdefault(term.en, (term, match))
                pos = match.end()
        return used

    def compare(
        self, en: Page, zh: Page, pairs: Iterable[tuple[int, Section, Section]]
    ) -> Iterator[Issue]:
        """Each translated section carries the translation's term for every glossary term its
        reference section uses. pairs: (index of the reference section, reference section,
        translated section)."""
        used = self._uses(en)
        if not used:
            return
        for index, e, z in pairs:
            if index not in used:
                continue
            z_lower = z.lower  # a property: lower-cased once per section
            for term, match in used[index].values():
                wanted = term.names.get(zh.lang)
                if wanted is not None and wanted.lower() not in z_lower:
                    yield Issue(
                        zh.rel,
                        z.line,
                        f"section {e.label} lacks the glossary term {wanted}",
                        en.rel,
                        en.line_of(match.start()),
                        '"' + " ".join(match.group(0).split()) + '"',
                        rule="glossary",
                        page=zh.name,
                    )

    def avoided(self, page: Page) -> Iterator[Issue]:
        """Renderings the glossary rules out in the page's language (`avoid: {zh: [...]}`),
        anywhere in its prose: 追踪 where the term is 跟踪, 呆滞商机 where it is 停滞商机; except
        inside a longer rendering the term allows (`allow: {zh: [...]}`): 联系人评分 is ruled out
        for the scoring model, 联系人评分模型 is its name."""
        text, to_prose = _without_bold(page.prose)  # **Goal** action reads Goal action
        for term in self.terms:
            taken: list[tuple[int, int]] = []  # 兜底值 already reported: not also 兜底
            right = term.names.get(page.lang, "")
            allowed = term.allow.get(page.lang, ())
            for wrong in sorted(term.avoid.get(page.lang, ()), key=len, reverse=True):
                start = text.find(wrong)
                while start >= 0:
                    end = start + len(wrong)
                    if not any(a <= start < b for a, b in taken) and not (
                        allowed and _allowed(text, start, wrong, allowed)
                    ):
                        taken.append((start, end))
                        yield Issue(
                            page.rel,
                            page.line_of(to_prose(start)),
                            f"{wrong} is not the glossary term; write {right} ({term.en})",
                            self.rel,
                            term.line,
                            f"{term.en}: {right}",
                            rule="glossary",
                            page=page.name,
                        )
                    start = text.find(wrong, end)

    def suggest(self, word: str) -> Term | None:
        """The brand a word misspells (case or a typo), or None; difflib once per word."""
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
        differ only in case (a brand written all in lower case) are searched here."""
        if not self._lowered:
            return  # no brands
        hits = [
            (fact.line, fact.text)
            for section in page.sections
            for fact in section.facts
            if fact.kind == "misspelt"
        ]
        text = page.prose
        lower = page.lower
        for regex, spelt in self._brand_cases:
            for m in regex.finditer(lower):
                word = text[m.start() : m.end()]
                if word == spelt or " ".join(word.split()) == spelt:
                    continue  # spelt right, as most uses are: no line to look up
                if not word[0].isupper() or " " in spelt:  # capitalised ones are facts
                    hits.append((page.line_of(m.start()), word))
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


_BOLD = re.compile(r"\*\*|__")


def _without_bold(prose: str) -> tuple[str, Callable[[int], int]]:
    """The prose without bold markers, and what maps an offset in it back to the prose: one
    pass per page, then every ruled-out rendering is a plain search."""
    pieces = _BOLD.split(prose)
    if len(pieces) == 1:
        return prose, lambda offset: offset
    starts: list[int] = []  # where each piece starts, in the text without markers
    origins: list[int] = []  # and in the prose (a marker is two characters)
    plain = 0
    for k, piece in enumerate(pieces):
        starts.append(plain)
        origins.append(plain + 2 * k)
        plain += len(piece)

    def to_prose(offset: int) -> int:
        k = bisect_right(starts, offset) - 1
        return origins[k] + offset - starts[k]

    return "".join(pieces), to_prose


def _allowed(text: str, start: int, wrong: str, allowed: tuple[str, ...]) -> bool:
    """Whether the ruled-out `wrong` at `start` is part of one of the allowed longer renderings."""
    for phrase in allowed:
        offset = phrase.find(wrong)
        while offset >= 0:
            if start >= offset and text.startswith(phrase, start - offset):
                return True
            offset = phrase.find(wrong, offset + 1)
    return False


def _inside(lower: str, start: int, term: Term) -> bool:
    """Whether the use of a term at `start` is part of one of its `not_in` phrases."""
    text = " ".join(term.en.lower().split())
    for phrase in term.not_in:
        offset = phrase.find(text)
        if offset >= 0 and start >= offset and lower.startswith(phrase, start - offset):
            return True
    return False


GLOSSARY_MARKER = "glossary"  # <!-- glossary:terms --> on glossary.md


def entries(terms: Iterable[Term]) -> list[Term]:
    """The terms the glossary page lists (those with a definition), by English term."""
    return sorted((t for t in terms if t.definition), key=lambda t: t.en.lower())


def generated_anchors(page: Page, data: SiteData) -> set[str]:
    """Anchors that a page's markers generate: one per glossary entry, `term-lead-scoring`."""
    markers = (marker.name for section in page.sections for marker in section.markers)
    return {term.anchor for term in entries(data.terms)} if GLOSSARY_MARKER in markers else set()


def _display(term: Term) -> str:
    """The English term as a heading: sentence case, brands as spelt."""
    return term.en if term.brand or term.en[:1].isupper() else term.en[:1].upper() + term.en[1:]


def glossary_markdown(
    terms: Iterable[Term],
    lang: str,
    titles: dict[str, str],
    languages: Languages,
    labels: dict[str, dict[str, str]],
) -> str:
    """The entries of glossary.md: per term a heading in the page's language, the term in the
    other languages (marked with their `lang`, so search finds either), the one-line definition
    and a link to the page that explains it. titles: page name -> title in this language."""
    words = labels[lang]
    out = []
    for term in entries(terms):
        assert term.definition is not None
        own = term.names.get(lang, term.en)
        heading = _display(term) if lang == languages.reference else own
        others = languages.translations if lang == languages.reference else (languages.reference,)
        shown = [
            f"**{term.names[code]}**{{lang={code}}}"
            for code in others
            if term.names.get(code, own) != own
        ]
        out.append(f"### {heading} {{#{term.anchor}}}")
        out.append("")
        text = words["other"].format(term=" / ".join(shown)) if shown else ""
        text += term.definition[lang]
        if term.page:
            name = term.page.partition("#")[0]
            link = f"[{titles.get(name, name)}]({term.page})"
            text += words["more"].format(link=link)
        out.append(text)
        out.append("")
    return "\n".join(out).rstrip("\n")
