"""Pure fixes for what mkdocs-static-i18n writes to ``site/``.

static-i18n builds the site once per language into one ``site_dir`` and then merges every
language's search entries into one index at ``search/search_index.json``. A Chinese reader would
get English results and vice versa. :func:`split_search_index` turns the merged index into one
index per language, each with locations relative to that language's root, so that a page
searches only its own language. Nothing here imports MkDocs.

:func:`add_compound_words` keeps code identifiers findable whole: the separator splits WhatsApp
into whats + app and /api/3/contact/sync into its segments (so setEmail is found by its parts),
and a reader who types ``whatsapp`` would find nothing. Each entry gets the lowercased whole words
in a field of their own, which mkdocs.yml declares under the search plugin's ``fields`` and
Material never displays. :func:`write_search_indexes` adds the other index-only words of
``search_words`` (synonyms) and drops the fields declared with boost 0 (role tags).
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
    add_synonyms,
    drop_unsearched_fields,
    identifier_words,
)

SearchIndex = dict[str, Any]

COMPOUNDS_FIELD = "compounds"


_HAN = re.compile(r"[\u4e00-\u9fff]")


def words_to_keep_whole(terms: Sequence[str], cut: Callable[[str], Iterable[str]]) -> list[str]:
    """Glossary terms that jieba's ``cut`` breaks into a lone Chinese character (分群 -> 分 群).

    jieba segments such a term one way here and another way there, so a query for the term
    misses the places where it was split; the hooks add these terms to jieba's dictionary.
    Terms that jieba splits into words (线索评分 -> 线索 评分) stay split, so each word is found.
    """
    return [
        term for term in terms if any(len(piece) == 1 and _HAN.match(piece) for piece in cut(term))
    ]


def add_compound_words(index: SearchIndex) -> SearchIndex:
    """Give every entry its code identifiers whole (search_words.identifier_words), if the
    index declares the field."""
    if COMPOUNDS_FIELD not in index["config"].get("fields", {}):
        return index
    docs = []
    for entry in index["docs"]:
        words = identifier_words(f"{entry.get('title', '')} {entry.get('text', '')}")
        docs.append({**entry, COMPOUNDS_FIELD: " ".join(words)} if words else entry)
    return {**index, "docs": docs}


def language_of_location(location: str, languages: Sequence[str], default: str) -> str:
    """Return the language whose folder a search location lives in (``zh/x.html`` -> ``zh``)."""
    head = location.split("/", 1)[0]
    return head if head in languages and head != default else default


def split_search_index(
    index: Mapping[str, Any], languages: Sequence[str], default: str
) -> dict[str, SearchIndex]:
    """Split a merged search index into one index per language.

    Locations of a non-default language lose their ``<lang>/`` prefix: each index is served
    from ``<lang>/search/`` and its locations are resolved against that language's root.
    """
    out: dict[str, SearchIndex] = {
        lang: {"config": dict(index["config"]), "docs": []} for lang in languages
    }
    for entry in index["docs"]:
        lang = language_of_location(entry["location"], languages, default)
        if lang != default:
            entry = {**entry, "location": entry["location"][len(lang) + 1 :]}
        out[lang]["docs"].append(entry)
    for lang, lang_index in out.items():
        # lunr only needs the stemmer/stop words of the language it indexes
        lang_index["config"]["lang"] = [lang]
    return out


def write_search_indexes(
    site_dir: Path,
    languages: Sequence[str],
    default: str,
    synonyms: Mapping[str, Sequence[Group]] | None = None,
) -> dict[str, int]:
    """Rewrite ``site_dir``'s merged index as one index per language; return entry counts.

    Each language's index loses its boost-0 fields and gains its entries' identifiers whole and
    the words of each concept they use (``synonyms``: per language, search_words.synonym_groups).

    Writes ``search_index.json`` (for hosts) and ``search_index.js`` (for ``file://``, the form
    Material's offline plugin reads) under ``search/`` for the default language and
    ``<lang>/search/`` for the others.
    """
    merged_path = site_dir / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
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
    """The ``hreflang`` alternates of a page's head: fully qualified, real translations only.

    Search engines ignore relative alternates, so each link is resolved against ``site_url``
    (static-i18n gives them relative to the site root, or as absolute paths). A language in
    ``fallbacks`` serves another language's text under its folder and is left out.
    """
    skip = set(fallbacks)
    return [
        {**alt, "link": urljoin(site_url, alt["link"]) if site_url else alt["link"]}
        for alt in alternates
        if alt["lang"] not in skip
    ]


def language_menu(
    alternates: Sequence[Mapping[str, str]], fallbacks: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The language menu's entries, links as given (relative, for file://).

    An entry whose language serves another language's page (``fallbacks``: language -> the
    language of the page it serves) carries that language's locale and name as ``only_lang``
    and ``only``, so the menu offers it as what it is: "English only".
    """
    names = {alt["lang"]: alt["name"] for alt in alternates}
    menu = []
    for alt in alternates:
        served = fallbacks.get(alt["lang"])
        only = {"only": names.get(served, served), "only_lang": served} if served else {}
        menu.append({**alt, **only})
    return menu
