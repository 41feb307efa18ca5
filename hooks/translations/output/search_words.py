"""What a reader's words mean to the search index (pure, nothing from MkDocs).

Material's lunr index matches the words a page uses. Readers type other words for the same
thing (鉴权 for 身份验证, upsert for contact/sync), and code whole (/api/3/contact/sync) where the
separator indexes its parts. Each function here adds index-only words to an entry, in a
field of its own that the search plugin's ``fields`` declares (mkdocs.yml) and Material never
displays:

- :func:`add_synonyms`: every word of a concept, when the entry uses one of them. The groups come
  from the glossary (``aliases:`` of a term, ``synonyms:`` for concepts without a term), per
  language: a maintainer adds a synonym in one place (:func:`synonym_groups`).
- :func:`identifier_words`: code identifiers whole, beside the parts the separator makes (and
  numbers: 2,500 is also 2500).
- :func:`drop_unsearched_fields`: a field declared with boost 0 (the role chips, ``tags``) leaves
  the index and the result snippets.

Written by hand because no maintained lunr plugin does this for Material's worker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

SearchIndex = dict[str, Any]
Group = tuple[str, ...]

SYNONYMS_FIELD = "synonyms"

# jieba's word breaks in Chinese text (Material's search plugin inserts them)
_BREAK = "\u200b"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a run of ASCII letters and digits: one piece of a Latin word or of an identifier
_ALNUM = re.compile(r"[A-Za-z0-9]+")
# a path or pair of code words joined by slashes: /api/3/contact/sync, contact/sync, dealGroups/1;
# after a dot it is the path of an address (activecampaign.com/pricing: the host's ending first)
_PATH = re.compile(r"(?P<host>(?<=\.))?/?[A-Za-z0-9_]+(?:/[A-Za-z0-9_]+)+")
# a capitalised word: prose alternatives joined by slashes (Proposal/Demo, Starter/Pro/Enterprise)
# are not code, and their joins (proenterprise) would rank any query that starts like them
_WORD = re.compile(r"[A-Z][a-z]+")
# a number with thousands separators (2,500; 10,000): the separator splits it at the comma, and
# readers type it whole (2500)
_GROUPED_NUMBER = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?![\d,])")
# where Material's recommended camelCase separator (?!\b)(?=[A-Z][a-z]) splits a word
_CAMEL_BREAK = re.compile(r"(?<=[A-Za-z0-9])[A-Z][a-z]")
# the query side (theme patch split-word-required) looks up a split word whole when it joins
# to at least this many letters and digits; shorter joins (a/b -> ab) would match too much
MIN_JOINED = 6


class SynonymError(ValueError):
    """The glossary's synonyms are malformed; the message names the file and the entry."""


# --- synonyms ---------------------------------------------------------------------------------


def synonym_groups(glossary: Mapping[str, Any], lang: str, where: str) -> list[Group]:
    """Each concept's words in ``lang``: a term with its ``aliases[lang]``, and each entry of
    ``synonyms:`` (words per language, for concepts the glossary has no term for).

    ``where`` (the glossary's path) starts every error message.
    """
    groups: list[Group] = []
    for term in glossary.get("terms") or []:
        aliases = term.get("aliases") if isinstance(term, Mapping) else None
        if aliases is None:
            continue
        name = term.get(lang) if isinstance(term, Mapping) else None
        words = _words(aliases, lang, f"{where}: term {name!r}: aliases")
        if words and isinstance(name, str):
            groups.append(_unique([name, *words]))
    for number, entry in enumerate(glossary.get("synonyms") or [], start=1):
        words = _words(entry, lang, f"{where}: synonyms entry {number}")
        if len(words) > 1:
            groups.append(_unique(words))
    return groups


def _words(entry: Any, lang: str, what: str) -> list[str]:
    if not isinstance(entry, Mapping):
        raise SynonymError(f"{what} must map each language to a list of words")
    words = entry.get(lang, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise SynonymError(f"{what}: {lang} must be a list of words")
    return [w.strip() for w in words]


def _unique(words: Iterable[str]) -> Group:
    return tuple(dict.fromkeys(words))


def word_pattern(word: str) -> re.Pattern[str]:
    """Where an entry uses ``word``: Chinese anywhere (jieba's breaks ignored), a Latin word or
    phrase case-insensitively on word boundaries, its pieces joined by any separator, plural s
    allowed (contact sync also matches contact/sync and Contact-Syncs)."""
    if _HAN.search(word):
        return re.compile(re.escape(word))
    pieces = _ALNUM.findall(word)
    body = r"[^A-Za-z0-9\u4e00-\u9fff]+".join(re.escape(p) for p in pieces)
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?:e?s)?(?![A-Za-z0-9])", re.IGNORECASE)


def _needle(word: str) -> tuple[str, bool]:
    """A piece of text every match of ``word_pattern(word)`` holds, and whether to look for it
    in the case-folded text: a cheap test that skips the regex on most entries."""
    if _HAN.search(word):
        return word, False
    pieces = _ALNUM.findall(word)
    return (pieces[0].lower() if pieces else ""), True


def _uses(found: Sequence[tuple[str, bool, re.Pattern[str]]], text: str, folded: str) -> bool:
    return any(
        needle in (folded if fold else text) and pattern.search(text)
        for needle, fold, pattern in found
    )


def add_synonyms(index: SearchIndex, groups: Sequence[Group]) -> SearchIndex:
    """Give every entry that uses a word of a group all the group's words, in the synonyms
    field, if the index declares it.

    A group that the entry's heading names (营销活动分析 for 打开率) is what the entry is about:
    its words come first and twice, so that they weigh more there than in an entry that only
    mentions the concept (打开率 in a sentence about A/B tests).
    """
    if SYNONYMS_FIELD not in index["config"].get("fields", {}) or not groups:
        return index
    patterns = [[(*_needle(w), word_pattern(w)) for w in group] for group in groups]
    docs = []
    for entry in index["docs"]:
        title = entry.get("title", "").replace(_BREAK, "")
        text = f"{title} {entry.get('text', '')}".replace(_BREAK, "")
        folded_title, folded_text = title.casefold(), text.casefold()
        named: dict[str, None] = {}  # the groups of the heading
        used: dict[str, None] = {}  # the groups of the text
        for group, found in zip(groups, patterns, strict=True):
            if _uses(found, title, folded_title):
                named.update(dict.fromkeys(group))
            elif _uses(found, text, folded_text):
                used.update(dict.fromkeys(group))
        words = [*named, *named, *(w for w in used if w not in named)]
        docs.append({**entry, SYNONYMS_FIELD: " ".join(words)} if words else entry)
    return {**index, "docs": docs}


# --- identifiers --------------------------------------------------------------------------------


def identifier_words(text: str) -> list[str]:
    """Code identifiers of ``text`` whole, lowercased, sorted, unique: the words the camelCase
    separator splits (WhatsApp, dealGroups), and each tail of two or more segments of a path,
    joined (/api/3/contact/sync: api3contactsync, 3contactsync, contactsync), as the query side
    joins a split word that a reader types. Not code: words of prose joined by slashes
    (Basic/Pro/Team) and the host of an address (example.com/pricing: com).
    Numbers with thousands separators are identifiers too: 2,500 is also the word 2500."""
    words = {w.lower() for w in _ALNUM.findall(text) if _CAMEL_BREAK.search(w)}
    words.update(n.replace(",", "") for n in _GROUPED_NUMBER.findall(text))
    for match in _PATH.finditer(text):
        segments = _ALNUM.findall(match.group())
        if match["host"] is not None:
            segments = segments[1:]
        if not match.group().startswith("/") and all(_WORD.fullmatch(s) for s in segments):
            continue
        for start in range(len(segments) - 1):
            joined = "".join(segments[start:]).lower()
            if len(joined) >= MIN_JOINED:
                words.add(joined)
    return sorted(words)


# --- fields -------------------------------------------------------------------------------------


def drop_unsearched_fields(index: SearchIndex) -> SearchIndex:
    """Take every field declared with boost 0 out of the index's config and entries, so that
    nothing matches it and Material shows none of it in the results (tags appear there as chips).
    The role tags above a page's title say who it is for, not what it says."""
    fields = index["config"].get("fields", {})
    dropped = {name for name, spec in fields.items() if (spec or {}).get("boost", 1) == 0}
    if not dropped:
        return index
    config = {**index["config"], "fields": {k: v for k, v in fields.items() if k not in dropped}}
    docs = [{k: v for k, v in entry.items() if k not in dropped} for entry in index["docs"]]
    return {**index, "config": config, "docs": docs}
