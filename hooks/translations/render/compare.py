"""The side-by-side view: one Markdown page per page pair, aligned by heading id.

Pure: text in, text out. ``plugin.py`` adds it to each language's build as a generated page
(``compare/<page>.md``), so the view follows every edit of either source file.
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
    """A page's front-matter title (as the checks' parser read it) and its sections, text before
    the first heading dropped."""
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


def rewrite_link(
    target: str, page: str, column: str, build: str, default: str, compare_dir: str
) -> str:
    """Re-point a relative link of ``page`` (under docs/<column>/) for the compare page: the
    built language's column keeps ``.md`` links (MkDocs checks and converts them), the other
    column's pages are not in this build, so its links go to their built HTML."""
    if target.startswith(EXTERNAL_PREFIXES):
        return target
    path, _, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    here = posixpath.dirname(posixpath.join(compare_dir, page))  # the plugin option compare_dir
    if column == build:
        new = posixpath.relpath(resolved, here)
    else:
        # where each language's pages are in the built site: the default language at the root
        root = {lang: "" if lang == default else f"{lang}/" for lang in (build, column)}
        site_target = root[column] + re.sub(r"\.md$", ".html", resolved)
        new = posixpath.relpath(site_target, posixpath.join(root[build], here) or ".")
    return f"{new}#{anchor}" if anchor else new


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

    Each row is a ``<section id="<heading id>">`` holding both sections, so a reader lands on the
    section they came from. ``drift`` maps the ids of sections whose reference changed since the
    translation to how (DRIFT_KINDS); those rows are marked, with a note from ``ui`` (the build
    language's extra.ui). ``languages``: the reference (the default language), the translation.
    """
    drift = drift or {}
    default, other = languages
    notes = {kind: ui[f"drift_{kind}"] for kind in DRIFT_KINDS}
    en_title, en_sections = split_sections(en_text)
    zh_title, zh_sections = split_sections(zh_text)
    rows = align(en_sections, zh_sections)

    def link(match: re.Match[str], lang: str) -> str:
        # MkDocs validates Markdown links against the built language's pages only, so links to
        # the other language's HTML are inline `<a>` (the text between the tags is still Markdown)
        target = rewrite_link(match["target"], page, lang, build, default, compare_dir)
        if lang == build or target.startswith(EXTERNAL_PREFIXES):
            return f"[{match['text']}]({target}{match['title'] or ''})"
        return f'<a href="{target}">{match["text"]}</a>'

    def column(section: Section | None, lang: str) -> str:
        if section is None:
            return ""
        # heading ids prefixed by the language, so that both columns' stay unique
        heading = HEADING_ID_RE.sub(lambda m: "{#" + f"{lang}-{m['id']}", section.heading, 1)
        # a widget's copy would be a second instance (a second tag listing the tags plugin could
        # pick as the target of tag links); the view shows text, so it is dropped
        body = WIDGET_LINE_RE.sub("", "\n".join(section.body)).strip("\n")
        body = LINK_RE.sub(lambda m: link(m, lang), body)
        return f"{heading}\n\n{body}\n"

    # the title in the build's language first: the tab, the header and search engines show it
    title = en_title if build == default else zh_title
    meta = {
        "title": f"{title} · {ui['side_by_side']}",
        "description": ui["compare_description"].format(reference=en_title, translation=zh_title),
        "search": {"exclude": True},
        "hide": ["toc", "navigation"],
        "ac_compare_of": page,
    }
    out = [
        "---",
        *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()),
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
        for lang, section in ((default, row.en), (other, row.zh)):
            out += [f'<div class="ac-compare__col" lang="{lang}" markdown>', ""]
            out += [column(section, lang), "</div>", ""]
        out += ["</section>", ""]
    out.append("</div>")
    return "\n".join(out) + "\n", len(rows)
