"""The side-by-side view: one Markdown page per page pair, aligned by heading id.

Pure: text in, text out, no MkDocs. ``plugin.py`` adds the result to the build as a
generated page (``compare/<page>.md`` in each language), so nothing is copied by hand and the view
follows every edit of either source file.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from translations.read.markdown import HEADING_ID_RE, HEADING_RE, LINK_RE, fenced_lines
from translations.read.markers import WIDGET_LINE_RE
from translations.read.source import split_front_matter

# Link targets left alone: other sites, mail, in-page anchors.
EXTERNAL_PREFIXES = ("http://", "https://", "mailto:", "#", "/")
# The kinds of checks.staleness.SectionChange that mark a row, each with its note in the build's
# language: extra.ui.drift_<kind> in mkdocs.yml.
DRIFT_KINDS = ("changed", "added", "removed")


@dataclass(frozen=True)
class Section:
    """A heading and the lines under it, up to the next heading of any level."""

    id: str
    level: int
    heading: str  # the heading line as written
    body: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    """One aligned row of the view: a section id with its English and Chinese sections."""

    id: str
    en: Section | None
    zh: Section | None


def split_sections(text: str, rel: str = "") -> tuple[str, list[Section]]:
    """A page's front-matter title and its sections (text before the first heading dropped).

    The front matter is read by the checks' own parser, so the title is the value the front
    matter check validated, not a second reading of the raw line (a YAML comment or a second
    `title:` would differ)."""
    source = split_front_matter(text, rel)
    title = source.meta.get("title")
    title = title if isinstance(title, str) else ""
    lines = source.body.split("\n")
    sections: list[Section] = []
    for line, in_code in zip(lines, fenced_lines(lines), strict=True):
        heading = None if in_code or not line.startswith("#") else HEADING_RE.match(line)
        if heading and heading.group("id"):
            sections.append(Section(heading.group("id"), len(heading.group("hashes")), line))
        elif sections:
            sections[-1].body.append(line)
    return title, sections


def align(en: list[Section], zh: list[Section]) -> list[Row]:
    """Rows in English order; a Chinese section without English counterpart comes last."""
    zh_by_id = {s.id: s for s in zh}
    rows = [Row(s.id, s, zh_by_id.pop(s.id, None)) for s in en]
    rows += [Row(s.id, None, s) for s in zh if s.id in zh_by_id]
    return rows


def language_root(lang: str, default: str) -> str:
    """Where a language's pages live in the built site: the root for the default language."""
    return "" if lang == default else f"{lang}/"


def rewrite_link(
    target: str, page: str, column: str, build: str, default: str, compare_dir: str
) -> str:
    """Re-point a relative link of ``page`` (a path under docs/<lang>/) for the compare page.

    The column of the language being built keeps ``.md`` links (MkDocs checks and converts them);
    the other column's pages are not part of this build, so its links go to their built HTML
    (see :func:`_link`).
    """
    if target.startswith(EXTERNAL_PREFIXES):
        return target
    path, _, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    here = posixpath.dirname(posixpath.join(compare_dir, page))  # the plugin option compare_dir
    if column == build:
        new = posixpath.relpath(resolved, here)
    else:
        site_here = posixpath.join(language_root(build, default), here) or "."
        site_target = language_root(column, default) + re.sub(r"\.md$", ".html", resolved)
        new = posixpath.relpath(site_target, site_here)
    return f"{new}#{anchor}" if anchor else new


def _column(
    section: Section | None, lang: str, page: str, build: str, default: str, compare_dir: str
) -> str:
    """One cell: the section's heading (ids prefixed by language, so both stay unique) and body."""
    if section is None:
        return ""
    heading = HEADING_ID_RE.sub(lambda m: "{#" + f"{lang}-{m.group('id')}", section.heading, 1)
    # a widget's copy in the view would be a second instance, e.g. a second tag listing that the
    # tags plugin could pick as the target of tag links; the view shows text, so it is dropped
    body = WIDGET_LINE_RE.sub("", "\n".join(section.body)).strip("\n")
    body = LINK_RE.sub(lambda m: _link(m, page, lang, build, default, compare_dir), body)
    return f"{heading}\n\n{body}\n"


def _link(
    match: re.Match[str], page: str, lang: str, build: str, default: str, compare_dir: str
) -> str:
    """A link of the compare page: Markdown for this build's pages, inline HTML for the others.

    MkDocs validates Markdown links against the pages of the language it is building; the other
    language's built HTML is not among them, so those links are written as ``<a>`` (the text
    between the tags is still Markdown).
    """
    target = rewrite_link(match.group("target"), page, lang, build, default, compare_dir)
    if lang == build or target.startswith(EXTERNAL_PREFIXES):
        return f"[{match.group('text')}]({target}{match.group('title') or ''})"
    return f'<a href="{target}">{match.group("text")}</a>'


def compare_page(
    page: str,
    en_text: str,
    zh_text: str,
    build: str,
    languages: tuple[str, str],
    ui: Mapping[str, str],
    compare_dir: str,
    drift: Mapping[str, str] | None = None,
) -> tuple[str, int]:
    """The Markdown of ``compare/<page>`` for the build of language ``build``, and its row count.

    Each row is a ``<section id="<heading id>">`` holding the English and the Chinese section,
    so ``compare/<page>.html#<id>`` opens at the section a reader came from. ``drift`` maps the
    ids of sections whose English changed since the translation to how (changed, added,
    removed); those rows are marked, with a note in the build's language. ``languages``: the
    reference (the default language) and the translation; ``ui``: the build language's
    interface text (extra.ui); ``compare_dir``: the views' folder (the plugin option compare_dir).
    """
    drift = drift or {}
    default, other = languages
    notes = {kind: ui[f"drift_{kind}"] for kind in DRIFT_KINDS}
    en_title, en_sections = split_sections(en_text)
    zh_title, zh_sections = split_sections(zh_text)
    rows = align(en_sections, zh_sections)
    # the title in the build's language first: the tab, the header and search engines show it
    title = en_title if build == default else zh_title
    meta = {
        "title": f"{title} · {ui['side_by_side']}",
        "description": ui["compare_description"].format(reference=en_title, translation=zh_title),
        "search": {"exclude": True},
        "hide": ["toc", "navigation"],
        "ac_compare_of": page,
    }
    out = ["---"] + [
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    ]
    out += ["---", "", '<div class="ac-compare" markdown>', ""]
    for row in rows:
        kind = drift.get(row.id)
        if kind in notes:
            out += [
                f'<section class="ac-compare__row ac-compare__row--drift" id="{row.id}" '
                f'data-ac-drift="{kind}" markdown>',
                "",
                f'<p class="ac-compare__drift">{notes[kind]}</p>',
                "",
            ]
        else:
            out += [f'<section class="ac-compare__row" id="{row.id}" markdown>', ""]
        out += [
            f'<div class="ac-compare__col" lang="{default}" markdown>',
            "",
            _column(row.en, default, page, build, default, compare_dir),
            "</div>",
            "",
            f'<div class="ac-compare__col" lang="{other}" markdown>',
            "",
            _column(row.zh, other, page, build, default, compare_dir),
            "</div>",
            "",
            "</section>",
            "",
        ]
    out.append("</div>")
    return "\n".join(out) + "\n", len(rows)
