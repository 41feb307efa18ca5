"""The start page's path finder: areas (A–Q) and roles, each with the pages to read, in order.

Pure: reads ``data/paths.yml`` and the pages' front matter, returns plain data for the template
``overrides/partials/pathfinder.html``. A malformed entry, or a listed page that does not exist
in every language, stops the build with the line of ``paths.yml`` that holds it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from translations.model import InputError
from translations.read.source import YamlDoc, load_yaml, read_text, split_front_matter

KINDS = ("areas", "roles")


@dataclass(frozen=True)
class Entry:
    """One area or role as written in paths.yml."""

    id: str
    names: dict[str, str]  # language -> name
    summaries: dict[str, str]  # language -> one-line summary (areas only)
    pages: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Paths:
    rel: str
    areas: tuple[Entry, ...]
    roles: tuple[Entry, ...]


@dataclass(frozen=True)
class Link:
    title: str
    href: str  # relative to the page that holds the path finder


@dataclass(frozen=True)
class Group:
    """One area or one role in one language: id, name, optional summary and reading list."""

    id: str
    name: str
    summary: str
    pages: list[Link]


@dataclass(frozen=True)
class PathFinder:
    areas: list[Group]
    roles: list[Group]


def load_paths(data_file: Path, languages: tuple[str, ...]) -> Paths:
    """Read and validate paths.yml: every entry needs an id, a name per language and pages."""
    doc = load_yaml(data_file, f"data/{data_file.name}")
    data = doc.data if isinstance(doc.data, dict) else {}
    return Paths(doc.rel, *(_entries(doc, data.get(kind), kind, languages) for kind in KINDS))


def _entries(
    doc: YamlDoc, items: object, kind: str, languages: tuple[str, ...]
) -> tuple[Entry, ...]:
    if not isinstance(items, list):
        raise InputError.at(doc.rel, doc.line(kind), f"`{kind}` must be a list of entries")
    entries = []
    for index, item in enumerate(items):
        line = doc.line(kind, index)
        missing = [
            key
            for key in ("id", *languages, "pages")
            if not isinstance(item, dict) or key not in item
        ]
        if missing or not isinstance(item["pages"], list):
            what = ", ".join(f"`{key}`" for key in missing) or "`pages` as a list"
            raise InputError.at(doc.rel, line, f"{kind} entry needs {what}")
        summary = item.get("summary") or {}  # `summary: {en: ..., zh: ...}`
        if not isinstance(summary, dict):
            raise InputError.at(doc.rel, line, "`summary` must map each language to a text")
        entries.append(
            Entry(
                id=str(item["id"]),
                names={lang: str(item[lang]) for lang in languages},
                summaries={lang: str(summary.get(lang, "")) for lang in languages},
                pages=tuple(str(page) for page in item["pages"]),
                line=line,
            )
        )
    return tuple(entries)


def page_title(docs: Path, lang: str, page: str) -> str:
    """A page's title from its front matter (falls back to the file name)."""
    rel = f"docs/{lang}/{page}"
    source = split_front_matter(read_text(docs / lang / page, rel), rel)
    return str(source.meta.get("title") or page)


def resolve(paths: Paths, docs: Path, lang: str, from_page: str) -> PathFinder:
    """The path finder in language ``lang``, with links relative to ``from_page``."""
    here = posixpath.dirname(from_page) or "."
    languages = sorted(p.name for p in docs.iterdir() if p.is_dir())

    def group(entry: Entry) -> Group:
        links = []
        for page in entry.pages:
            for other in languages:
                if not (docs / other / page).is_file():
                    raise InputError.at(
                        paths.rel, entry.line, f"{page} does not exist in docs/{other}/"
                    )
            href = posixpath.relpath(page[: -len(".md")] + ".html", here)
            links.append(Link(page_title(docs, lang, page), href))
        return Group(entry.id, entry.names[lang], entry.summaries[lang], links)

    return PathFinder([group(e) for e in paths.areas], [group(e) for e in paths.roles])


def role_names(paths: Paths, lang: str) -> dict[str, str]:
    """Role id -> its name in ``lang``: the tags a page's ``roles`` front matter becomes."""
    return {entry.id: entry.names[lang] for entry in paths.roles}


def finder_markdown(finder: PathFinder, ui: dict[str, str]) -> str:
    """The path finder as Markdown, for the page's twin: every list a reader without JavaScript
    sees, with the ids the template gives its headings (links between twins name them)."""
    blocks = []
    for kind, groups in (("area", finder.areas), ("role", finder.roles)):
        blocks.append(f"### {_plain(ui[f'pathfinder_{kind}s'])} {{#paths-by-{kind}}}")
        for group in groups:
            # as the template writes them: "A) Name" and `#area-a`, "Name" and `#role-owner`
            name = f"{group.id}) {group.name}" if kind == "area" else group.name
            anchor = group.id.lower() if kind == "area" else group.id
            blocks.append(f"#### {_plain(name)} {{#{kind}-{anchor}}}")
            blocks.append(_plain(group.summary))
            blocks.append(
                "\n".join(
                    f"{number}. [{_plain(link.title)}]({link.href.removesuffix('.html')}.md)"
                    for number, link in enumerate(group.pages, 1)
                )
            )
    return "\n\n".join(block for block in blocks if block) + "\n"


def _plain(text: str) -> str:
    return " ".join(text.split())
