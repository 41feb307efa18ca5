"""The start page's path finder: areas (A–Q) and roles, each with the pages to read, in order.

Pure: reads ``data/paths.yml`` and the pages' front matter, returns plain data for the template
``overrides/partials/pathfinder.html``. Every listed page must exist in every language, or the
build stops with the line of ``paths.yml`` that names it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks.model import InputError
from checks.source import load_yaml, read_text, split_front_matter


@dataclass(frozen=True)
class Link:
    title: str
    href: str  # relative to the page that holds the path finder


@dataclass(frozen=True)
class Group:
    """One area or one role: its id, name, optional summary and reading list."""

    id: str
    name: str
    summary: str
    pages: list[Link]


@dataclass(frozen=True)
class PathFinder:
    areas: list[Group]
    roles: list[Group]


def page_title(docs: Path, lang: str, page: str) -> str:
    """A page's title from its front matter (falls back to the file name)."""
    rel = f"docs/{lang}/{page}"
    source = split_front_matter(read_text(docs / lang / page, rel), rel)
    return str(source.meta.get("title") or page)


def load_path_finder(data_file: Path, docs: Path, lang: str, from_page: str) -> PathFinder:
    """Resolve ``paths.yml`` for language ``lang``, with links relative to ``from_page``."""
    doc = load_yaml(data_file, f"data/{data_file.name}")
    data = doc.data or {}
    here = posixpath.dirname(from_page)
    languages = sorted(p.name for p in docs.iterdir() if p.is_dir())

    def links(pages: list[str], key: str, index: int) -> list[Link]:
        out = []
        for n, page in enumerate(pages):
            for other in languages:
                if not (docs / other / page).is_file():
                    line = doc.line(key, index, "pages", n)
                    raise InputError.at(doc.rel, line, f"{page} does not exist in docs/{other}/")
            href = posixpath.relpath(page[: -len(".md")] + ".html", here or ".")
            out.append(Link(page_title(docs, lang, page), href))
        return out

    def groups(key: str) -> list[Group]:
        items: list[dict[str, Any]] = data.get(key) or []
        return [
            Group(
                id=str(item["id"]),
                name=str(item[lang]),
                summary=str(item.get(f"summary_{lang}", "")),
                pages=links(item["pages"], key, index),
            )
            for index, item in enumerate(items)
        ]

    return PathFinder(areas=groups("areas"), roles=groups("roles"))


def role_names(data_file: Path, lang: str) -> dict[str, str]:
    """Role id -> its name in ``lang``: the tags a page's ``roles`` front matter becomes."""
    data = load_yaml(data_file, f"data/{data_file.name}").data or {}
    return {str(r["id"]): str(r[lang]) for r in data.get("roles") or []}
