"""The docs for AI assistants: a Markdown twin of every page, ``llms.txt`` and ``llms-full.txt``.

Not the ``mkdocs-llmstxt`` plugin: it writes one ``site_dir/llms.txt`` for all languages, lists
hand-picked sources instead of the translated nav, and converts the rendered HTML back to
Markdown, losing the banners. This module writes, per language, what that language's reader sees,
from the page sources: the body rendered as the HTML pages are (``render_page``), widgets
replaced by their Markdown, banners as notes under the title, heading ids kept (links between
twins name them). Pure: ``plugin.py`` passes the pieces in and writes the files.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from translations.read.data import SiteData
from translations.read.markdown import EXTERNAL_RE, TARGET_RE, fenced_lines
from translations.read.markers import COMMENT_LINE_RE, COMMENT_RE
from translations.read.source import split_front_matter
from translations.render.generate import render_page

# An md_in_html wrapper line (`<div class="grid cards" markdown>`) and the `</div>` closing it.
MD_IN_HTML_OPEN_RE = re.compile(r"^[ \t]*<div\b[^>]*\bmarkdown(?:=\S+)?[^>]*>[ \t]*$")
MD_IN_HTML_CLOSE_RE = re.compile(r"^[ \t]*</div>[ \t]*$")
# The first H1 of a page (the title), where the notes go under.
H1_RE = re.compile(r"^# .*$", re.MULTILINE)
# Three or more newlines: one blank line is enough between blocks.
BLANK_RUN_RE = re.compile(r"\n{3,}")
# Between a note's title and its text: the colon of the language's punctuation (full-width in
# Chinese), a rule of the script keyed by code; any other language gets ": ".
NOTE_SEPARATORS = {"zh": "："}


@dataclass(frozen=True)
class Note:
    """A banner as a note: its title and its text (Markdown, links kept)."""

    title: str
    text: str


@dataclass
class Twin:
    """One page's Markdown twin in one language build."""

    name: str  # page name inside the language folder: guides/crm-pipeline.md
    lang: str  # the language of the build (the reader's language)
    title: str
    description: str
    body: str  # the rendered Markdown, without the notes
    notes: list[Note] = field(default_factory=list)

    def text(self) -> str:
        """The file: the body with the notes under the title."""
        return with_notes(self.body, self.notes, self.lang)


@dataclass(frozen=True)
class Section:
    """A nav section of llms.txt: its title in the build's language and its pages in order."""

    title: str
    pages: list[str]  # page names


def twin_body(
    text: str,
    *,
    lang: str,
    page_name: str,
    rel: str,
    data: SiteData,
    related_page: str,  # SiteConfig.related_skills_page
    widgets: Mapping[str, str] | None = None,
    skills_base_url: str | None = None,
) -> str:
    """The page source as a reader of the built page gets it, in Markdown. ``widgets`` maps a
    whole-line comment (``pathfinder``, ``material/tags``) to the Markdown of what it renders."""
    source = split_front_matter(text, rel)
    rendered = render_page(
        source.body,
        lang=lang,
        page_name=page_name,
        rel=rel,
        data=data,
        related_page=related_page,
        skills_base_url=skills_base_url,
        first_line=source.body_line,
    )
    widgets = widgets or {}
    lines = rendered.split("\n")
    out: list[str] = []
    for line, fenced in zip(lines, fenced_lines(lines), strict=True):
        comment = None if fenced else COMMENT_LINE_RE.match(line)
        if fenced:
            out.append(line)
        elif comment:
            out.append(widgets.get(comment["name"], ""))
        elif MD_IN_HTML_OPEN_RE.match(line) or MD_IN_HTML_CLOSE_RE.match(line):
            out.append("")
        else:
            out.append(COMMENT_RE.sub("", line))
    return tidy("\n".join(out))


def tidy(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces at line ends, one final newline."""
    lines = [line.rstrip() for line in markdown.strip().split("\n")]
    return BLANK_RUN_RE.sub("\n\n", "\n".join(lines)) + "\n"


def with_notes(body: str, notes: Sequence[Note], lang: str) -> str:
    """The body with each note as a one-line quote under the title (H1)."""
    if not notes:
        return body
    sep = NOTE_SEPARATORS.get(lang, ": ")
    block = "\n\n".join(
        f"> **{note.title}**{sep}{note.text}" if note.title else f"> {note.text}" for note in notes
    )
    title = H1_RE.search(body)
    end = title.end() if title else 0  # no title: the notes go first
    return tidy(body[:end] + "\n\n" + block + "\n\n" + body[end:])


def md_link(href: str) -> str:
    """A link of the built page as a link between twins: ``x.html#a`` -> ``x.md#a``."""
    if EXTERNAL_RE.match(href) or href.startswith(("#", "/")):
        return href
    path, hash_, anchor = href.partition("#")
    if path.endswith(".html"):
        path = path[: -len(".html")] + ".md"
    return path + hash_ + anchor


# A banner of the built page: `<div class="admonition … ac-banner" data-ac-banner="…">…</div>`
# (overrides/partials/banners.html), its title paragraph, then its text.
BANNER_RE = re.compile(
    r'<div\b[^>]*\bdata-ac-banner="[^"]*"[^>]*>\s*'
    r'(?:<p class="admonition-title">(?P<title>.*?)</p>|)(?P<text>.*?)</div>',  # title optional
    re.DOTALL,
)
# What a banner's text holds besides words: links, paragraphs and entities.
BANNER_LINK_RE = re.compile(r'<a href="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.DOTALL)
BANNER_TAG_RE = re.compile(r"<[^>]*>")


def banner_notes(page_html: str, link: Callable[[str], str] = md_link) -> list[Note]:
    """The banners a built page shows, as notes: the words the banner template wrote, so they
    are put together in one place (paragraphs of words and links, nothing else)."""

    def markdown(fragment: str) -> str:
        fragment = BANNER_LINK_RE.sub(
            lambda m: f"[{m['text']}]({link(html.unescape(m['href']))})", fragment
        )
        fragment = BANNER_TAG_RE.sub("", fragment.replace("</p>", " "))
        return " ".join(html.unescape(fragment).split())

    return [
        Note(markdown(match["title"] or ""), markdown(match["text"]))
        for match in BANNER_RE.finditer(page_html)
    ]


def tags_markdown(
    pages: Iterable[tuple[str, str, Sequence[str]]], roles: Mapping[str, str], from_page: str
) -> str:
    """The tag index (``<!-- material/tags -->``) as Markdown: one section per role in the order
    of ``roles``, listing the pages (name, title, role ids) linked relative to ``from_page``."""
    pages = list(pages)
    here = posixpath.dirname(from_page) or "."
    blocks = []
    for role, name in roles.items():
        listed = [(page, title) for page, title, page_roles in pages if role in page_roles]
        if not listed:
            continue
        items = "\n".join(f"- [{title}]({posixpath.relpath(page, here)})" for page, title in listed)
        blocks.append(f"## {name} {{#tag-{role}}}\n\n{items}")
    return "\n\n".join(blocks)


def rebase_links(markdown: str, page_name: str) -> str:
    """Links of a twin made relative to the language root (for llms-full.txt, which sits there):
    ``../pricing.md#x`` from ``guides/a.md`` -> ``pricing.md#x``, ``#x`` -> ``guides/a.md#x``."""
    folder = posixpath.dirname(page_name)

    def rebase(match: re.Match[str]) -> str:
        target = match["target"]
        if EXTERNAL_RE.match(target) or target.startswith("/"):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        path = posixpath.normpath(posixpath.join(folder, path)) if path else page_name
        return f"]({path}{hash_}{anchor}{match['rest']})"

    lines = markdown.split("\n")
    fenced = fenced_lines(lines)
    return "\n".join(
        line if code else TARGET_RE.sub(rebase, line)
        for line, code in zip(lines, fenced, strict=True)
    )


def one_line(text: str) -> str:
    return " ".join(str(text or "").split())


def llms_txt(
    title: str,
    summary: str,
    sections: Sequence[Section],
    twins: Mapping[str, Twin],
    words: Mapping[str, str],
    *,
    full_name: str = "llms-full.txt",
    pdf_name: str | None = None,
) -> str:
    """The llms.txt of one language (llmstxt.org): the pages by nav section, each linking its
    twin, with its description. ``words``: the language's extra.ui (llms_full, llms_pdf)."""
    out = [f"# {one_line(title)}", "", f"> {one_line(summary)}", ""]
    out.append(f"- [{full_name}]({full_name}): {words['llms_full']}")
    if pdf_name:
        out.append(f"- [{posixpath.basename(pdf_name)}]({pdf_name}): {words['llms_pdf']}")
    for section in sections:
        entries = [twins[name] for name in section.pages if name in twins]
        if not entries:
            continue
        out += ["", f"## {one_line(section.title)}", ""]
        for twin in entries:
            described = f": {one_line(twin.description)}" if twin.description else ""
            out.append(f"- [{one_line(twin.title)}]({twin.name}){described}")
    return "\n".join(out) + "\n"


def nav_order(sections: Sequence[Section]) -> list[str]:
    return [name for section in sections for name in section.pages]


def llms_full(title: str, summary: str, order: Sequence[str], twins: Mapping[str, Twin]) -> str:
    """Every page's twin in nav order, links rebased to the language root."""
    parts = [f"# {one_line(title)}\n\n> {one_line(summary)}\n"]
    for name in order:
        if name in twins:
            parts.append(rebase_links(twins[name].text(), name))
    return "\n".join(parts)
