"""The docs for AI assistants: a Markdown twin of every page, ``llms.txt`` and ``llms-full.txt``.

Why not the ``mkdocs-llmstxt`` plugin: it writes one fixed ``site_dir/llms.txt`` (static-i18n
builds every language into one site root, so the last language built overwrites the others), its
sections are a hand-written list of source paths, not the translated nav, its descriptions come
from mkdocs.yml instead of front matter, and it converts the rendered HTML back to Markdown, which
loses the banners (they are in the template, not the page content). This module writes, per
language, what the reader of that language sees, from the page sources:

- the body goes through the project's renderer (``generate.render_page``: pricing tables from
  data/pricing.yml, skill mentions as links), exactly as the HTML pages do;
- markers that other hooks own (``<!-- pathfinder -->``, ``<!-- material/tags -->``) are replaced
  by the Markdown of what they render, other HTML comments and ``md_in_html`` wrappers go;
- the page's banners become one-line notes under the title, in the reader's language;
- heading ids stay (``## Plans {#plans}``): links between twins (``pricing.md#plans``) name them.

Pure: no MkDocs; the hook in ``plugin.py`` passes the pieces in and writes the files.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from translations.checks.facts import FactExtractor
from translations.checks.glossary import Glossary
from translations.checks.parity import compare_pages
from translations.model import Issue
from translations.read.data import SiteData
from translations.read.markdown import EXTERNAL_RE, TARGET_RE, fenced_lines, parse_page
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
# CJK ideographs, kana, hangul and full-width punctuation: none may stand in an English file.
CJK_RE = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]"
)
# Text deliberately in another language, marked as such (the glossary's `**附加功能**{lang=zh}`).
OTHER_LANGUAGE_RE = re.compile(r"\*\*[^*\n]+\*\*\{lang=[A-Za-z-]+\}")

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
    file_lang: str  # the language of the source file (en for an untranslated page)
    rel: str  # the source shown in messages: docs/zh/guides/crm-pipeline.md
    title: str
    description: str
    body: str  # the rendered Markdown, without the notes
    notes: list[Note] = field(default_factory=list)

    @property
    def path(self) -> str:
        """Where the twin goes, relative to the language root: beside the page's .html."""
        return self.name

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
    """The page source as a reader of the built page gets it, in Markdown.

    ``widgets`` maps a whole-line comment (``pathfinder``, ``material/tags``) to the Markdown that
    stands for what the build renders there. Raises InputError as ``render_page`` does."""
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
        if fenced:
            out.append(line)
            continue
        comment = COMMENT_LINE_RE.match(line)
        if comment:
            out.append(widgets.get(comment["name"], ""))
            continue
        if MD_IN_HTML_OPEN_RE.match(line) or MD_IN_HTML_CLOSE_RE.match(line):
            out.append("")
            continue
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
    match = H1_RE.search(body)
    if match is None:
        return tidy(block + "\n\n" + body)
    return tidy(body[: match.end()] + "\n\n" + block + "\n\n" + body[match.end() :])


def md_link(href: str) -> str:
    """A link of the built page as a link between twins: ``x.html#a`` -> ``x.md#a``."""
    if EXTERNAL_RE.match(href) or href.startswith(("#", "/")):
        return href
    path, hash_, anchor = href.partition("#")
    if path.endswith(".html"):
        path = path[: -len(".html")] + ".md"
    return path + hash_ + anchor


class _FragmentToMarkdown(HTMLParser):
    """Markdown for the HTML the hooks and templates generate (banners, path finder): headings with
    ids, paragraphs, lists, links, emphasis, code. Hidden elements, forms and scripts are left out:
    a reader without JavaScript does not see them either."""

    SKIP = frozenset({"form", "script", "style", "select", "button", "template", "svg"})
    BLOCKS = frozenset({"p", "div", "section", "nav", "ul", "ol", "li", "h1", "h2", "h3", "h4"})
    VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "wbr"})

    def __init__(self, link: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.link = link
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.skip_depth = 0  # >0 inside a skipped element
        self.stack: list[str] = []
        self.lists: list[list[int | None]] = []  # per open list: [next number or None]
        self.prefix = ""
        self.heading: tuple[int, str | None] | None = None
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            if tag == "br" and not self.skip_depth:
                self.text.append("\n")
            return
        attr = dict(attrs)
        self.stack.append(tag)
        if self.skip_depth or tag in self.SKIP or "hidden" in attr:
            self.skip_depth += 1
            return
        if tag in self.BLOCKS:
            self._flush()
        if tag in ("ul", "ol"):
            self.lists.append([1 if tag == "ol" else None])
        elif tag == "li" and self.lists:
            number = self.lists[-1][0]
            indent = "   " * (len(self.lists) - 1)
            self.prefix = indent + (f"{number}. " if number is not None else "- ")
            if number is not None:
                self.lists[-1][0] = number + 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = (int(tag[1]), attr.get("id"))
        elif tag == "a":
            href = attr.get("href")
            self.hrefs.append(href)
            if href:
                self.text.append("[")
        elif tag in ("strong", "b"):
            self.text.append("**")
        elif tag in ("em", "i"):
            self.text.append("*")
        elif tag == "code":
            self.text.append("`")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.stack:
            return
        while self.stack and self.stack[-1] != tag:  # unclosed inner elements (<p> in <li>)
            self._close(self.stack.pop())
        if self.stack:
            self._close(self.stack.pop())

    def _close(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag == "a" and self.hrefs:
            href = self.hrefs.pop()
            if href:
                self.text.append(f"]({self.link(href)})")
        elif tag in ("strong", "b"):
            self.text.append("**")
        elif tag in ("em", "i"):
            self.text.append("*")
        elif tag == "code":
            self.text.append("`")
        if tag in self.BLOCKS:
            self._flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.blocks.append("")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.text.append(data)

    def _flush(self) -> None:
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.text)).strip()
        self.text = []
        if not text:
            return
        if self.heading is not None:
            level, anchor = self.heading
            text = "#" * level + " " + text + (f" {{#{anchor}}}" if anchor else "")
            self.heading = None
            self.blocks.append("")
        if self.prefix:
            text, self.prefix = self.prefix + text, ""
            self.blocks.append(text)
        else:
            self.blocks.extend([text, ""])

    def markdown(self) -> str:
        self._flush()
        return tidy("\n".join(self.blocks)) if any(self.blocks) else ""


def fragment_markdown(html: str, link: Callable[[str], str] = md_link) -> str:
    """The Markdown of a generated HTML fragment; ``link`` maps each href."""
    parser = _FragmentToMarkdown(link)
    parser.feed(html)
    parser.close()
    return parser.markdown()


# A banner of the built page: `<div class="admonition … ac-banner" data-ac-banner="…">…</div>`
# (overrides/partials/banners.html), its title paragraph, then its text.
BANNER_RE = re.compile(
    r'<div\b[^>]*\bdata-ac-banner="[^"]*"[^>]*>\s*'
    r'(?:<p class="admonition-title">(?P<title>.*?)</p>|)(?P<text>.*?)</div>',  # title optional
    re.DOTALL,
)


def banner_notes(page_html: str, link: Callable[[str], str] = md_link) -> list[Note]:
    """The banners a built page shows, as notes; their words come from the one template."""
    notes = []
    for match in BANNER_RE.finditer(page_html):
        title = fragment_markdown(match["title"] or "", link).strip()
        text = " ".join(fragment_markdown(match["text"], link).split())
        notes.append(Note(title, text))
    return notes


def tags_markdown(
    pages: Iterable[tuple[str, str, Sequence[str]]], roles: Mapping[str, str], from_page: str
) -> str:
    """The tag index (``<!-- material/tags -->``) as Markdown: one section per role, in the order
    of data/paths.yml (the same in both languages), listing the pages (name, title, role ids) in
    nav order, linked relative to ``from_page``."""
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
    out = []
    for line, fenced in zip(lines, fenced_lines(lines), strict=True):
        out.append(line if fenced else TARGET_RE.sub(rebase, line))
    return "\n".join(out)


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
    """The llms.txt of one language: title, summary, then the pages by nav section, each with the
    link to its twin and its front-matter description (llmstxt.org). ``words``: the language's
    interface text (extra.ui: llms_full, llms_pdf)."""
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
            line = f"- [{one_line(twin.title)}]({twin.path})"
            if twin.description:
                line += f": {one_line(twin.description)}"
            out.append(line)
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


# ---- checks of the outputs ---------------------------------------------------------------------


def fact_extractor(data: SiteData) -> FactExtractor:
    """The extractor the page checks use (checks.site), built from the same data."""
    glossary = Glossary(data.terms, data.glossary_rel)
    plans = data.pricing.plans if data.pricing is not None else ()
    brands = [term.en for term in data.terms if term.brand] + [p.name for p in plans]
    return FactExtractor(brands, glossary.misspells)


def twin_issues(
    twins: Mapping[str, Mapping[str, Twin]],
    data: SiteData,
    *,
    reference: str,  # the reference language's code (the i18n default)
    unpaired: Iterable[str] = (),
) -> list[Issue]:
    """The twins checked like the pages: the same page set in every language, the same
    structure and facts (parity.compare_pages), English in the English files only.

    ``unpaired``: pages whose twins are not compared with the English twin, because the page is
    untranslated or translates an older English version (the checks compare it with that one).

    ``twins``: language -> page name -> twin. Issues name ``site/<lang>/<page>`` (output) with
    the source it came from."""
    issues: list[Issue] = []
    extractor = fact_extractor(data)
    langs = sorted(twins, key=lambda lang: (lang != reference, lang))
    ref = twins.get(reference, {})
    skip = set(unpaired)
    for lang in langs:
        for twin in twins[lang].values():
            issues.extend(language_issues(twin, reference))
        if lang == reference:
            continue
        for name in sorted(set(ref) - set(twins[lang])):
            issues.append(_missing(name, lang, ref[name], "no twin in this language", reference))
        for name in sorted(set(twins[lang]) - set(ref)):
            issues.append(
                _missing(name, reference, twins[lang][name], "no English twin", reference)
            )
        for name in sorted(set(ref) & set(twins[lang]) - skip):
            pages = []
            for twin in (ref[name], twins[lang][name]):
                source = split_front_matter(twin.body, output_rel(twin, reference))
                page = parse_page(source, twin.file_lang, name)
                for section, found in zip(
                    page.sections, extractor.extract_page(page.sections, page.prose), strict=True
                ):
                    section.facts = found
                pages.append(page)
            issues.extend(compare_pages(pages[0], pages[1]))
    return issues


def output_rel(twin: Twin, reference: str) -> str:
    """The twin's path in the built site, for messages: ``zh/pricing.md``."""
    return twin.path if twin.lang == reference else f"{twin.lang}/{twin.path}"


def _missing(name: str, lang: str, other: Twin, message: str, reference: str) -> Issue:
    rel = name if lang == reference else f"{lang}/{name}"
    other_rel = output_rel(other, reference)
    return Issue(rel, 1, message, other_rel, 1, f"from {other.rel}", "parity", name)


def language_issues(twin: Twin, reference: str) -> list[Issue]:
    """An English file holds no CJK; a translated file holds its translation (a Chinese title)."""
    rel = output_rel(twin, reference)
    text = twin.text()
    if twin.lang == reference:
        for number, line in enumerate(text.split("\n"), 1):
            found = CJK_RE.search(OTHER_LANGUAGE_RE.sub("", line))
            if found:
                message = f"{found.group(0)!r} in an English file (from {twin.rel})"
                return [Issue(rel, number, message, rule="language", page=twin.name)]
        return []
    if twin.file_lang == twin.lang and not CJK_RE.search(twin.title + twin.body):
        message = f"no {twin.lang} text in a {twin.lang} file (from {twin.rel})"
        return [Issue(rel, 1, message, rule="language", page=twin.name)]
    return []
