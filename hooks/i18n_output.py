"""Pure fixes for what mkdocs-static-i18n writes to ``site/``.

static-i18n builds the site once per language into one ``site_dir`` and then merges every
language's search entries into one index at ``search/search_index.json``. A Chinese reader would
get English results and vice versa. :func:`split_search_index` turns the merged index into one
index per language, each with locations relative to that language's root, so that a page
searches only its own language. Nothing here imports MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

SearchIndex = dict[str, Any]


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


def write_search_indexes(site_dir: Path, languages: Sequence[str], default: str) -> dict[str, int]:
    """Rewrite ``site_dir``'s merged index as one index per language; return entry counts.

    Writes ``search_index.json`` (for hosts) and ``search_index.js`` (for ``file://``, the form
    Material's offline plugin reads) under ``search/`` for the default language and
    ``<lang>/search/`` for the others.
    """
    merged_path = site_dir / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for lang, lang_index in split_search_index(merged, languages, default).items():
        folder = site_dir / "search" if lang == default else site_dir / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        # sort_keys + fixed separators: byte-identical output for identical input
        data = json.dumps(lang_index, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        counts[lang] = len(lang_index["docs"])
    return counts
