"""Split a page into sections keyed by heading id and count what each section holds.

One pass over the lines for block structure (fences, comments, headings, lists, tables,
admonitions, and HTML tables and lists), then one pass over the page for inline markup (code
spans, links, images, comments, icons, URLs). The result keeps file line numbers, so every issue
can point at a line."""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from translations.model import Fact
from translations.read.markers import COMMENT, MARKER_RE, is_marker
from translations.read.source import Source

# Opening code fence: indentation, three or more backticks or tildes, then the info string.
FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
# A heading's explicit id at the start of its attribute list: `{#wait-steps}`, `{: #id .class}`.
HEADING_ID = r"\{:?[ \t]*#(?P<id>[^\s}]+)"
HEADING_ID_RE = re.compile(HEADING_ID)
# ATX heading: up to three spaces, 1-6 hashes, the text, an optional `{#id ...}` attribute list.
HEADING_RE = re.compile(
    r"^ {0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)"  # level and text
    rf"(?:[ \t]*{HEADING_ID}[^}}]*\}})?"  # explicit id from attr_list
    r"[ \t#]*$"  # trailing spaces or closing hashes
)
# A heading's own numbering at the start of its title: 2.1.4, 3.2., 2.4, 3-1, 1、, 1) or 1 before a
# space; at most three digits a part (`2025 Review` starts with a year, not a number).
HEADING_NUMBERING_RE = re.compile(
    r"(?P<numbering>\d{1,3}(?:[.-]\d{1,3})*)(?!\d)"  # 2.1.4 / 3-1, the whole of it
    r"(?:[.、)](?!\d)|(?=[ \t]))"  # then punctuation or a space: not 1.5x, 2025年, 51单片机
)
# List item: indentation, a bullet or an ordinal (`1.`), spaces, then content (as Python-Markdown:
# `2022.` alone at the start of a wrapped line is text, not an item).
LIST_ITEM_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}\.)[ \t]+(?=\S)")
# Table delimiter row: cells of dashes with optional alignment colons.
TABLE_DELIMITER_RE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")
# Admonition or details block: `!!! type "Title"` / `???+ type "Title"`.
ADMONITION_RE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?P<type>[^\W\d_][\w-]*)(?P<title>.*)$")
# The start of an HTML comment that hides the lines after it, as Python-Markdown reads one: at the
# start of a line (up to three spaces in), not closed on that line (parse_page finds its end).
COMMENT_OPEN_RE = re.compile(r"^ {0,3}<!--(?!.*-->)")
# A tag that makes an HTML table or list, opening or closing: table, tr, td/th, ul/ol, li.
HTML_BLOCK_TAG_RE = re.compile(
    r"<(?P<close>/?)(?P<tag>table|tr|td|th|ul|ol|li)\b(?P<attrs>[^>]*)>", re.IGNORECASE
)
# A cell's width in columns: colspan="3".
COLSPAN_RE = re.compile(r"colspan[ \t]*=[ \t]*[\"']?(?P<span>\d+)", re.IGNORECASE)
# A line that is one HTML tag, opening or closing: `<div class="grid cards" markdown>`, `</div>`.
HTML_TAG_LINE_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>]*)?>[ \t]*")
# What a tag on a line may stand in without being HTML: a code span, a one-line comment.
NOT_HTML_RE = re.compile(r"(`+).+?\1|<!--.*?-->")
# Inline markup, one alternative per kind; the last group of each names it (_mask_inline records
# and masks each match).
INLINE_RE = re.compile(
    r"`(?P<ticks>`*)(?P<code_text>.+?)(?<!`)`(?P=ticks)(?!`)"  # inline code span, 1+ ticks
    rf"|{COMMENT}"  # HTML comment, possibly a marker
    r"|<(?P<auto_url>(?:https?|mailto):[^>\s]+)>"  # autolink <https://...>
    # inline HTML tag as Python-Markdown reads one: a name, then attributes, each with an
    # optional value (`<stdio.h>` is a tag; `s<t，… s==t … s>t` is text)
    r"|<(?P<tag>/?[A-Za-z][^\s\"'<>@]*+"
    r"(?:[ \t]++[^\s\"'=<>]++(?:[ \t]*+=[ \t]*+(?:\"[^\"\n]*+\"|'[^'\n]*+'|[^\s\"'=<>]++))?+)*+"
    r"[ \t]*+/?)>"
    r"|!\[[^\]\n]*\]\((?P<image_target>[^)\s]*)(?:[ \t]+\"[^\"]*\")?\)"  # image
    r"|\]\([ \t]*<?(?P<link_target>[^)\s>]*)>?(?:[ \t]+\"[^\"]*\")?[ \t]*\)"  # target of a link
    # bare URL; ASCII only, so Chinese text or punctuation right after it ends it
    r"|h(?P<url>ttps?://[^\s<>()\[\]{}`\"'\x80-\U0010ffff]+)"
    # an icon or emoji shortcode (:octicons-arrow-right-24:, :material-numeric-1:), drawn, not
    # read: a set name, a hyphen and more; prose has no `:word-word:` without spaces
    r"|:(?P<icon>[a-z][a-z0-9]*(?:-[a-z0-9]+)+):"
    # attributes right after an image or a link, drawn, not read: `{ width=100% }`, `{: .lg }`
    r"|(?<=[)\]])\{[ \t]*(?P<attrs>(?:[:.#]|[\w-]+=)[^{}\n]*)\}",
    re.DOTALL,
)
# A Markdown link (not an image), `[text](target)` or `[text](target "title")`, for rewriting it.
LINK_RE = re.compile(
    r"(?<!!)\[(?P<text>[^\]\n]*)\]"  # link text, one line, no nested brackets
    r"\((?P<target>[^)\s]+)(?P<title>[ \t]+\"[^\"]*\")?\)"  # target and optional title
)
# The target of an inline link or image, `](target)` or `](target "title")`, for rewriting it.
TARGET_RE = re.compile(r"\]\((?P<target>[^)\s]+)(?P<rest>[^)]*)\)")
# A link target with a scheme (https:, mailto:) is external and must be identical.
EXTERNAL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Any other explicit anchor a link may target: `{#id}` attribute lists or `id="..."`.
ANCHOR_RE = re.compile(r"\{:?[ \t]*#(?P<attr>[A-Za-z0-9_-]+)|id=\"(?P<html>[^\"]+)\"")
# Characters that glue a token to what precedes it: a word, or a longer path, URL or number.
ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
NOT_BEFORE_PATH = ASCII_WORD | frozenset("./:~-")
URL_TRAILING = ".,;:!?'\""


@dataclass(slots=True)
class Ref:
    """Something found at a line: a link target, a code span, a URL."""

    line: int
    text: str


@dataclass(slots=True)
class CodeBlock:
    line: int
    info: str
    code: str


@dataclass(slots=True)
class Marker:
    line: int
    name: str
    arg: str | None

    @property
    def label(self) -> str:
        return self.name if self.arg is None else f"{self.name}:{self.arg}"


@dataclass
class Section:
    """The text from one heading to the next."""

    id: str | None  # explicit {#id}; None for the preamble or a heading without one
    level: int  # 0 for the text before the first heading
    title: str
    line: int
    list_items: int = 0
    table_rows: int = 0
    table_columns: list[int] = field(default_factory=list)
    tables: list[list[int]] = field(default_factory=list)  # per table: its rows' lines
    items: list[list[int]] = field(default_factory=list)  # per list item: [first line, last line]
    code_blocks: list[CodeBlock] = field(default_factory=list)
    admonitions: list[Ref] = field(default_factory=list)
    images: list[Ref] = field(default_factory=list)
    links: list[Ref] = field(default_factory=list)  # targets as page#anchor (see link_key)
    markers: list[Marker] = field(default_factory=list)
    code_spans: list[Ref] = field(default_factory=list)
    urls: list[Ref] = field(default_factory=list)
    prose: str = ""  # text without markup; line k of it is file line `line + k`
    facts: list[Fact] = field(default_factory=list)  # filled by FactExtractor

    @property
    def lower(self) -> str:
        """The prose in lower case (terms and brand spellings search it)."""
        return self.prose.lower()

    @property
    def label(self) -> str:
        """How messages name the section: `{#id}`, `"Title"` or `(before the title)`."""
        if self.id:
            return f"{{#{self.id}}}"
        return f'"{self.title}"' if self.level else "(before the title)"


@dataclass
class Page:
    """One language version of a page, parsed."""

    rel: str  # docs/zh/crm.md
    lang: str
    name: str  # crm.md, guides/x.md
    source: Source
    sections: list[Section]
    anchors: set[str]
    prose: str  # the whole body without markup, one line per source line from body_line
    section_starts: list[int]  # offset in prose where each section starts

    @property
    def lower(self) -> str:
        """The prose in lower case (terms and brand spellings search it)."""
        return self.prose.lower()

    def line_of(self, pos: int) -> int:
        """File line of offset ``pos`` in ``prose``."""
        return self.source.body_line + self.prose.count("\n", 0, pos)

    @property
    def headings(self) -> list[Section]:
        """The sections that start at a heading."""
        return [section for section in self.sections if section.level]


@dataclass
class _HtmlBlocks:
    """Tables and lists written in HTML, counted as Markdown ones with the same rows and items
    (issue 24): a `<tr>` is a table row, on its first line (parse_page moves the text of the
    row's other lines there, so that its facts are the row's); the cells of a table's first row
    (with their colspan) are its columns; an `<li>` is a list item, to its `</li>`."""

    tables: list[list[int] | None] = field(default_factory=list)  # open tables: rows, or None
    columns: tuple[list[int], int] | None = None  # the first row's count: (table_columns, index)
    row: int | None = None  # file line of the open `<tr>`
    item: list[int] | None = None  # [first, last line] of the open `<li>`

    def read(self, line: str, number: int, section: Section) -> int | None:
        """Count the tables and lists that one line (outside code and comments) opens or
        continues into `section`; return the line of the row it continues, if any."""
        if self.item is not None:
            self.item[1] = number
        continues = self.row
        if "<" not in line:
            return continues
        for tag in HTML_BLOCK_TAG_RE.finditer(NOT_HTML_RE.sub(" ", line)):
            name, closing = tag["tag"].lower(), bool(tag["close"])
            if name == "table":
                self.columns = self.row = None
                if not closing:
                    self.tables.append(None)
                elif self.tables:
                    self.tables.pop()
            elif name == "tr":
                self.columns = self.row = None
                if closing or not self.tables:
                    continue
                self.row, continues = number, None
                rows = self.tables[-1]
                if rows is None:  # the first row: the table starts, its cells are the columns
                    rows = self.tables[-1] = []
                    section.tables.append(rows)
                    section.table_columns.append(0)
                    self.columns = (section.table_columns, len(section.table_columns) - 1)
                rows.append(number)
                section.table_rows += 1
            elif name in ("td", "th"):
                if not closing and self.columns is not None:
                    columns, index = self.columns
                    span = COLSPAN_RE.search(tag["attrs"])
                    columns[index] += int(span["span"]) if span else 1
            elif name == "li" and not closing:
                self.item = [number, number]
                section.items.append(self.item)
                section.list_items += 1
            else:  # </li>, or a list opened or closed
                self.item = None
        return continues


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fences included)."""
    inside: list[bool] = []
    fence = ""
    for line in lines:
        if fence:
            inside.append(True)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        match = FENCE_RE.match(line)
        if match:
            fence = match.group("fence")
        inside.append(bool(match))
    return inside


def heading_numbering(section: Section) -> str:
    """The numbering a heading's title starts with ("2.1.4" of "2.1.4 Indexing" and of "2.1.4.
    Indexing"), "" without one: it numbers the section, it is no fact the section states, and a
    translation may number its headings or not."""
    numbering = HEADING_NUMBERING_RE.match(section.title) if section.level else None
    return numbering["numbering"] if numbering else ""


def _comment_ends(lines: list[str]) -> list[int]:
    """For each line, the index of the first line from it on that holds `-->` (-1: none)."""
    ends = [-1] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        ends[index] = index if "-->" in lines[index] else ends[index + 1]
    return ends


def link_key(page_name: str, target: str) -> str:
    """A link target as the page (relative to the language folder) and anchor it points to;
    external targets as written."""
    if EXTERNAL_RE.match(target):
        return target
    path, _, anchor = target.partition("#")
    if path:
        folder = page_name.rpartition("/")[0]
        if folder:
            path = f"{folder}/{path}"
        if "./" in path or path.startswith("/"):
            path = posixpath.normpath(path).lstrip("/")
    else:
        path = page_name
    return f"{path}#{anchor}" if anchor else path


def _mask_inline(sections: list[Section], text: str, first_line: int, page_name: str) -> str:
    """Record the inline markup of a whole page in its sections; return the text with the
    markup masked (line breaks kept, so line k of the result is file line first_line + k)."""
    starts = [section.line for section in sections]
    line, last = first_line, 0

    def at(pos: int) -> tuple[int, Section]:
        nonlocal line, last
        line += text.count("\n", last, pos)  # matches come in order: count incrementally
        last = pos
        return line, sections[bisect_right(starts, line) - 1]

    def replace(match: re.Match[str]) -> str:
        kind = match.lastgroup  # the last group of each alternative names it
        whole = match.group(0)
        keep = "\n" * whole.count("\n")
        number, section = at(match.start())
        if kind == "code_text":
            section.code_spans.append(Ref(number, match["code_text"].strip()))
            return " " + keep
        if kind == "link_target":
            target = match["link_target"]
            section.links.append(Ref(number, link_key(page_name, target) if target else ""))
            return " " + keep
        if kind == "comment":
            marker = MARKER_RE.fullmatch(match["comment"].strip())
            if marker and is_marker(marker["name"], marker["arg"]):
                section.markers.append(Marker(number, marker["name"], marker["arg"]))
            return keep
        if kind == "image_target":
            section.images.append(Ref(number, match["image_target"]))
            return keep
        if kind == "auto_url":
            section.urls.append(Ref(number, match["auto_url"]))
            return " "
        if kind == "url":
            url = whole.rstrip(URL_TRAILING)
            section.urls.append(Ref(number, url))
            return " " + whole[len(url) :]
        return " " + keep  # inline HTML tag, icon, attributes

    pieces = []
    done = 0
    for match in INLINE_RE.finditer(text):
        pieces += (text[done : match.start()], replace(match))
        done = match.end()
    pieces.append(text[done:])
    return "".join(pieces)


def parse_page(source: Source, lang: str, name: str) -> Page:
    """Parse a page body into sections; pure, one pass over the lines."""
    lines = source.body.split("\n")
    section = Section(id=None, level=0, title="", line=source.body_line)
    sections = [section]
    prose: list[str] = []
    fence = ""  # the fence of the open code block, "" outside one
    fence_indent = 0
    block = CodeBlock(0, "", "")  # the open code block
    code: list[str] = []  # its lines
    in_list = False  # inside a list: a marker line starts an item even without a blank line
    paragraph = False  # the previous line was paragraph text, which a list cannot interrupt
    blank = True
    table: list[int] | None = None  # the rows of the table being read
    last_row = -1  # file line of the last table row
    item: list[int] = [0, 0]  # [first, last line] of the list item being read
    comment_ends = _comment_ends(lines)
    comment_end = -1  # index of the line that closes the open comment block, -1 outside one
    html = _HtmlBlocks()

    base = source.body_line
    for offset, line in enumerate(lines):
        if comment_end >= 0:  # hidden: no heading, list, table or fact (issue 24)
            if offset == comment_end:
                comment_end = -1
                prose.append(line.partition("-->")[2].strip())  # text after it is a paragraph
                blank, paragraph = True, False
            else:
                prose.append("")
            continue
        if fence:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                block.code = "\n".join(code)
                section.code_blocks.append(block)
                fence = ""
            else:
                # the fence's indentation taken off each line, the rest kept (a help text's
                # columns); a line indented less loses what it has
                inset = len(line) - len(line.lstrip(" \t"))
                code.append(line[min(inset, fence_indent) :])
            prose.append("")
            continue
        stripped = line.lstrip()
        if not stripped:
            prose.append("")
            blank, paragraph = True, False
            continue
        was_blank, blank = blank, False
        if COMMENT_OPEN_RE.match(line) and comment_ends[offset + 1] >= 0:
            # a comment over several lines: on this line as one comment, so that the inline pass
            # reads it as it reads any (a marker written over three lines is still a marker)
            comment_end = comment_ends[offset + 1]
            inside = [stripped[4:], *lines[offset + 1 : comment_end]]
            inside.append(lines[comment_end].partition("-->")[0])
            prose.append(f"<!--{' '.join(' '.join(inside).split())} -->")
            if was_blank and line[0] not in " \t":
                in_list = False
            paragraph = False
            continue
        row = html.read(line, base + offset, section)
        if row is not None:  # a cell of an HTML row begun on an earlier line: on that line
            prose[row - base] += " | " + stripped
            prose.append("")
            continue
        first = stripped[0]
        if first in "`~":
            match = FENCE_RE.match(line)
            if match:
                fence = match.group("fence")
                fence_indent = len(match.group("indent"))
                block = CodeBlock(base + offset, match.group("info").strip(), "")
                code = []
                prose.append("")
                paragraph = False
                continue
        elif first == "#":
            match = HEADING_RE.match(line)
            if match:
                section = Section(
                    id=match.group("id"),
                    level=len(match.group("hashes")),
                    title=match.group("text").strip(),
                    line=base + offset,
                )
                sections.append(section)
                prose.append(section.title)
                in_list = paragraph = False
                continue
        elif first == "|":
            paragraph = False
            number = base + offset
            if TABLE_DELIMITER_RE.match(line):
                section.table_columns.append(stripped.strip().strip("|").count("|") + 1)
                if last_row == number - 1:  # the header row just before it starts the table
                    table = [last_row]
                    section.tables.append(table)
                    last_row = number
                prose.append("")
                continue
            section.table_rows += 1
            if table is not None and last_row == number - 1:
                table.append(number)
            else:
                table = None
            last_row = number
            prose.append(stripped)  # cells keep their pipes: a term cannot span two cells
            continue
        elif first in "!?":
            match = ADMONITION_RE.match(line)
            if match:
                section.admonitions.append(Ref(base + offset, match.group("type")))
                prose.append(match.group("title"))
                paragraph = False
                continue
        elif first == ">":
            stripped = stripped.lstrip("> \t")
        elif in_list or not paragraph:  # - * + or a digit: maybe a list item
            match = LIST_ITEM_RE.match(line)
            if match:
                section.list_items += 1
                item = [base + offset, base + offset]
                section.items.append(item)
                prose.append(line[match.end() :])
                in_list = True
                continue
        if was_blank and line[0] not in " \t":
            in_list = False
        # a line that is one HTML tag (`<div markdown>`) opens or closes a block, no paragraph
        paragraph = not in_list and not HTML_TAG_LINE_RE.fullmatch(stripped)
        if in_list:
            item[1] = base + offset
        prose.append(stripped)
    # one pass for the inline markup of the whole page, then each section takes its lines
    page_prose = _mask_inline(sections, "\n".join(prose), base, name)
    masked = page_prose.split("\n")
    section_starts = []  # offset of each section in page_prose
    position = 0
    for section, following in zip(sections, [*sections[1:], None], strict=True):
        begin = section.line - base
        end = following.line - base if following is not None else len(masked)
        section.prose = "\n".join(masked[begin:end])
        section_starts.append(position)
        if end > begin:  # else empty: the text before a heading on the first line
            position += len(section.prose) + 1

    body = source.body
    anchors = {s.id for s in sections if s.id}
    anchors.update(m["attr"] or m["html"] for m in ANCHOR_RE.finditer(body))
    return Page(
        rel=source.rel,
        lang=lang,
        name=name,
        source=source,
        sections=sections,
        anchors=anchors,
        prose=page_prose,
        section_starts=section_starts,
    )
