"""Generated Markdown: pricing tables and the glossary where markers stand, links for skill
mentions. Pure, so the output can be tested without a build."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from translations.checks.glossary import GLOSSARY_MARKER, glossary_markdown
from translations.checks.pricing import render_marker
from translations.checks.skills import link_mentions
from translations.checks.sources import with_sources
from translations.model import InputError
from translations.read.data import SiteData
from translations.read.markdown import fenced_lines
from translations.read.markers import MARKER_COMMENT_RE, is_marker, marker_problem

if TYPE_CHECKING:
    from translations.checks.report import SiteReport
    from translations.config import SiteConfig

# A block of another language inside a page (the side-by-side compare view): `<div lang="zh" ...>`.
LANG_BLOCK_RE = re.compile(r'<(?:div|section)\b[^>]*\blang="(?P<lang>[a-z]{2})"')


def render_page(
    markdown: str,
    *,
    lang: str,
    page_name: str,
    rel: str,
    data: SiteData,
    related_page: str,  # SiteConfig.related_skills_page: where skill mentions link
    skills_base_url: str | None = None,
    first_line: int = 1,
    titles: dict[str, str] | None = None,
) -> str:
    """Page Markdown with markers replaced and skill mentions linked, fenced code left alone and
    other hooks' markers (`pathfinder`) left for them. An unknown marker is an InputError naming
    `rel` and the line (`first_line`: the file line of the first Markdown line). `titles`: page
    name -> title in this language, the text of generated links."""
    lines = markdown.split("\n")
    names = [skill.name for skill in data.skills]
    out = []
    block_lang = lang  # tables follow the language of the enclosing `lang="…"` block
    for number, (line, fenced) in enumerate(
        zip(lines, fenced_lines(lines), strict=True), first_line
    ):
        if fenced:
            out.append(line)
            continue
        if "lang=" in line and (block := LANG_BLOCK_RE.search(line)):
            block_lang = block["lang"]
        elif line.strip() == "</div>":
            block_lang = lang
        if "<!--" in line:
            line = _replace_markers(line, number, block_lang, rel, data, titles or {})
        out.append(
            link_mentions(line, page_name, names, skills_base_url, related_page, data.skill_prefix)
        )
    return "\n".join(out)


def render_site_page(
    markdown: str,
    *,
    report: SiteReport,
    site: SiteConfig,
    lang: str,
    page_name: str,
    rel: str,
    first_line: int,
    sources_label: str | None = None,  # extra.ui.sources of the language: the Sources lines
) -> str:
    """What the build makes of a page's Markdown (plugin.py): render_page with the
    checks' data and titles and the site's names, then the page's Sources lines."""
    rendered = render_page(
        markdown,
        lang=lang,
        page_name=page_name,
        rel=rel,
        data=report.data,
        skills_base_url=site.skills_base_url,
        first_line=first_line,
        related_page=site.related_skills_page,
        titles=report.page_titles(lang),
    )
    if report.sources is None or sources_label is None:
        return rendered
    return with_sources(rendered, report.sources, page_name, sources_label)


def _replace_markers(
    line: str, number: int, lang: str, rel: str, data: SiteData, titles: dict[str, str]
) -> str:
    def replace(match: re.Match[str]) -> str:
        marker, name, arg = match[0], match["name"], match["arg"]
        if not is_marker(name, arg):
            return marker
        if problem := marker_problem(name, arg):
            raise InputError.at(rel, number, problem)
        if name == GLOSSARY_MARKER:
            if lang not in data.glossary_labels:
                raise InputError.at(rel, number, _needs_labels(marker, data.glossary_rel, lang))
            entries = glossary_markdown(
                data.terms, lang, titles, data.languages, data.glossary_labels
            )
            return "\n\n" + entries + "\n\n"
        if name != "pricing":
            return marker  # another hook's (pathfinder)
        if data.pricing is None:
            raise InputError.at(rel, number, f"<!-- pricing:{arg} --> needs a pricing data file")
        if lang not in data.pricing.labels:
            raise InputError.at(rel, number, _needs_labels(marker, data.pricing.rel, lang))
        return "\n\n" + render_marker(data.pricing, arg, lang) + "\n\n"

    return MARKER_COMMENT_RE.sub(replace, line)


def _needs_labels(marker: str, data_rel: str, lang: str) -> str:
    return f"{marker} needs the words of what it generates: `labels: {{{lang}: ...}}` in {data_rel}"
