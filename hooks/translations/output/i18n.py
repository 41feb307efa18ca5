"""Pure fixes for what mkdocs-static-i18n writes to ``site/``; nothing here imports MkDocs.

static-i18n merges every language's search entries into one index, so a Chinese reader would get
English results: :func:`write_search_indexes` splits it into one index per language, with the
index-only words of ``search_words`` added (identifiers whole, synonyms). The other functions
fix the language links of a page's head and menu.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from translations.output.search_words import (
    Group,
    SearchIndex,
    add_synonyms,
    drop_unsearched_fields,
    identifier_words,
)

COMPOUNDS_FIELD = "compounds"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def words_to_keep_whole(terms: Sequence[str], cut: Callable[[str], Iterable[str]]) -> list[str]:
    """Glossary terms that jieba's ``cut`` breaks into a lone Chinese character (分群 -> 分 群).

    jieba would split such a term one way here and another there, so a query for it would miss
    places; the hooks add these terms to jieba's dictionary. A term split into words (线索评分 ->
    线索 评分) stays split, so each word is found."""
    return [
        term for term in terms if any(len(piece) == 1 and _HAN.match(piece) for piece in cut(term))
    ]


def add_compound_words(index: SearchIndex) -> SearchIndex:
    """Give every entry its code identifiers whole (``whatsapp`` for WhatsApp, which the
    separator splits), in a field mkdocs.yml declares and Material never displays."""
    if COMPOUNDS_FIELD not in index["config"].get("fields", {}):
        return index
    docs = []
    for entry in index["docs"]:
        words = identifier_words(f"{entry.get('title', '')} {entry.get('text', '')}")
        docs.append({**entry, COMPOUNDS_FIELD: " ".join(words)} if words else entry)
    return {**index, "docs": docs}


def split_search_index(
    index: Mapping[str, Any], languages: Sequence[str], default: str
) -> dict[str, SearchIndex]:
    """One index per language; a translation's locations lose their ``<lang>/`` prefix, as its
    index is served from ``<lang>/search/``."""
    out: dict[str, SearchIndex] = {
        # lunr only needs the stemmer and stop words of the language it indexes
        lang: {"config": {**index["config"], "lang": [lang]}, "docs": []}
        for lang in languages
    }
    for entry in index["docs"]:
        head = entry["location"].split("/", 1)[0]
        if head in languages and head != default:
            out[head]["docs"].append({**entry, "location": entry["location"][len(head) + 1 :]})
        else:
            out[default]["docs"].append(entry)
    return out


def write_search_indexes(
    site_dir: Path,
    languages: Sequence[str],
    default: str,
    synonyms: Mapping[str, Sequence[Group]] | None = None,
) -> dict[str, int]:
    """Rewrite ``site_dir``'s merged index as one per language; return the entry counts.

    Each index loses its boost-0 fields and gains identifiers whole and the words of each concept
    its entries use (``synonyms``: per language). Written as ``search_index.json`` (for hosts) and
    ``search_index.js`` (for ``file://``, as Material's offline plugin reads it)."""
    merged = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for lang, lang_index in split_search_index(merged, languages, default).items():
        lang_index = drop_unsearched_fields(lang_index)
        lang_index = add_compound_words(lang_index)
        lang_index = add_synonyms(lang_index, (synonyms or {}).get(lang, ()))
        folder = site_dir / "search" if lang == default else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        # sort_keys + fixed separators: byte-identical output for identical input
        data = json.dumps(lang_index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        counts[lang] = len(lang_index["docs"])
    return counts


def head_alternates(
    alternates: Sequence[Mapping[str, str]], site_url: str | None, fallbacks: Iterable[str]
) -> list[dict[str, str]]:
    """The ``hreflang`` alternates of a page's head: absolute (search engines ignore relative
    ones), real translations only (a language in ``fallbacks`` serves another's text)."""
    skip = set(fallbacks)
    return [
        {**alt, "link": urljoin(site_url, alt["link"]) if site_url else alt["link"]}
        for alt in alternates
        if alt["lang"] not in skip
    ]


def language_menu(
    alternates: Sequence[Mapping[str, str]], fallbacks: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The language menu's entries, links as given (relative, for file://). A language that serves
    another's page (``fallbacks``: language -> that language) gets its locale and name as
    ``only_lang`` and ``only``, so the menu offers it as what it is: "English only"."""
    names = {alt["lang"]: alt["name"] for alt in alternates}
    menu = []
    for alt in alternates:
        served = fallbacks.get(alt["lang"])
        only = {"only": names.get(served, served), "only_lang": served} if served else {}
        menu.append({**alt, **only})
    return menu
