"""A page is untrusted input: nothing in it may run code or reach the network in a reader's browser.

An allow-list, not a list of known attacks. Under the strict policy (HtmlPolicy, this site's) a
page may hold Markdown; links to the site, http(s) and mailto:; PNG, JPEG, GIF or WebP images of
the site; attribute lists of ids, classes and ATTR_LIST_KEYS; comments of plain text; and the
raw HTML of TAG_ATTRIBUTES. The safe policy allows any raw HTML but ACTIVE_TAGS and the attributes
that run or load something, and remote images. Either way a script, an event handler, a
`javascript:` link or an iframe is refused, with file:line and what to write instead.

The rule is read twice, as a page is Markdown but the browser reads HTML: `unsafe_markdown` reads
the source (outside code) so that `make check` refuses before anything is written, and
`unsafe_html` reads the HTML Python-Markdown made (plugin.py), which makes the rule sound where
the source reading guesses wrong what is code (tests/checks/test_untrusted_pages.py).

Hand-written: no sanitiser reads Python-Markdown output, and one (bleach, nh3) would rewrite the
page silently where a contributor needs to be told what to change."""

from __future__ import annotations

import html
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml
from markdown.extensions.attr_list import get_attrs_and_remainder

from translations.config import SiteConfig
from translations.read.markdown import FENCE_RE, fenced_lines
from translations.read.source import Source, YamlDoc

STR_TAG = "tag:yaml.org,2002:str"  # a YAML value read as text

# --- what is allowed -------------------------------------------------------------------------

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
IMAGE_TYPES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
# Raw HTML a page may write, and the attributes each may carry (values: plain words).
TAG_ATTRIBUTES = {
    "div": frozenset({"class", "id", "lang", "markdown"}),
    "span": frozenset({"class", "id", "lang", "markdown"}),
    "br": frozenset(),
    "kbd": frozenset(),
    "sup": frozenset(),
    "sub": frozenset(),
}
# Keys an attribute list `{...}` may set besides #id and .class.
ATTR_LIST_KEYS = frozenset({"id", "class", "title", "lang", "width", "height", "align"})
# Material writes every element id of its own templates in the `__` namespace (`__config`, from
# which its script reads the search worker's address; `__drawer`, `__search`, `__palette_0`…;
# tests/checks/test_hostile_input.py derives the list from the templates and holds it to this).
# An id or name there in a page comes first in the document and takes the theme's place.
THEME_NAMESPACE = "__"
# Keys that, even without a value, make an element load or run something.
ACTIVE_KEYS = frozenset(
    {"style", "href", "src", "srcset", "action", "formaction", "data", "poster", "background"}
)

WRITE_LINK = "write a Markdown link: [text](page.md) or [text](https://...)"
WRITE_IMAGE = "write ![alt](file.png) with a PNG, JPEG, GIF or WebP file next to the page"
WRITE_CODE = "show it as code: `...` or a fenced block"
# What to write instead of a refused tag.
TAG_ADVICE = {
    "script": "a page cannot run code; " + WRITE_CODE,
    "noscript": "a page cannot run code; " + WRITE_CODE,
    "style": "styles live in overrides/assets/stylesheets/site.css; use a .class",
    "link": "styles and scripts come from mkdocs.yml, not from a page",
    "meta": "page settings go in the front matter (see CONTRIBUTING.md)",
    "base": "links are relative to the page; write [text](page.md)",
    "a": WRITE_LINK,
    "img": WRITE_IMAGE,
    "picture": WRITE_IMAGE,
    "source": WRITE_IMAGE,
    "svg": "an SVG can carry script; export it as PNG and " + WRITE_IMAGE,
    "math": "write it as text or " + WRITE_IMAGE,
    "iframe": "embedded pages load from the network; " + WRITE_LINK,
    "frame": "embedded pages load from the network; " + WRITE_LINK,
    "object": "embedded content loads from the network; " + WRITE_LINK,
    "embed": "embedded content loads from the network; " + WRITE_LINK,
    "video": "media load from the network; " + WRITE_LINK,
    "audio": "media load from the network; " + WRITE_LINK,
    "form": "a page cannot send data; " + WRITE_LINK + " to the form",
    "input": "a page cannot send data; write a task list (- [ ] item) or text",
    "button": "a page cannot run code; write a link or text",
    "template": "write Markdown",
}
DEFAULT_ADVICE = "write Markdown (CONTRIBUTING.md lists the HTML a page may use)"
# Tags refused under every policy: each runs code, loads from the network, sends data or changes
# how the browser reads what follows it. `<a>` and `<img>` are checked by their addresses instead.
ACTIVE_TAGS = (frozenset(TAG_ADVICE) - {"a", "img"}) | {
    "applet", "frameset", "param", "track", "portal", "textarea", "select", "option", "title",
    "xmp", "plaintext", "noembed", "noframes",
}  # fmt: skip
# Attributes refused under every policy besides `on...`: each loads something or sends data.
LOADING_KEYS = (ACTIVE_KEYS - {"href", "src", "style"}) | {
    "xlink:href", "ping", "lowsrc", "dynsrc", "longdesc", "manifest", "codebase", "archive",
    "srcdoc", "http-equiv", "is",
}  # fmt: skip
# What makes a style load or hide something: url(), image-set(), @import, escapes, entities.
STYLE_LOADS_RE = re.compile(r"[(\\@&]")


@dataclass(frozen=True)
class HtmlPolicy:
    """A site's rules for a page beyond what is always refused (SiteConfig's `raw_html` and
    `remote_images`). The default is the strict one, this repository's."""

    strict: bool = True  # raw HTML: only the tags and attributes of TAG_ATTRIBUTES
    remote_images: bool = False  # images from http(s) addresses
    checked: bool = True  # False: the site trusts its pages, as MkDocs does (`raw_html: trusted`)

    @classmethod
    def of(cls, config: SiteConfig) -> HtmlPolicy:
        return cls(
            strict=config.raw_html == "strict",
            remote_images=config.remote_images,
            checked=config.raw_html != "trusted",
        )


STRICT_HTML = HtmlPolicy()

# --- what the source check looks for -----------------------------------------------------------

# Something a browser or Python-Markdown may read as markup: `<` then a letter, `/`, `!` or `?`.
TAG_START_RE = re.compile(r"<[A-Za-z/!?]")
# An autolink `<scheme:...>` and an e-mail autolink `<name@host>`.
AUTOLINK_RE = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
EMAIL_RE = re.compile(r"<[^\s<>@/:]+@[^\s<>@/:]+>")
# The name of a tag: `<div`, `</span`.
TAG_NAME_RE = re.compile(r"</?(?P<name>[A-Za-z][A-Za-z0-9-]*)")
# Any tag as a browser reads it, for the safe policy: name, attributes with a value in double or
# single quotes or none, optional `/`. A tag written otherwise is refused: when in doubt, refuse.
ANY_TAG_RE = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)"  # <table or </table
    r"(?P<attrs>(?:\s+[^\s\"'<>/=`]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
    r"\s*/?>"
)
ANY_ATTRIBUTE_RE = re.compile(
    r"(?P<name>[^\s\"'<>/=`]+)"
    r"(?:\s*=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s\"'=<>`]+)))?"
)
# An allowed tag as it must be written: name, attributes of plain words in double quotes (or
# none, `markdown` alone), optional `/`; nothing else between < and >.
TAG_RE = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]*)"  # <div or </div
    r"(?P<attrs>(?:\s+[a-z]+(?:=\"[A-Za-z0-9 _:.-]*\")?)*)"  # class="grid cards" markdown
    r"\s*/?>"
)
ATTRIBUTE_RE = re.compile(r"(?P<name>[a-z]+)(?:=\"(?P<value>[^\"]*)\")?")
# A reference definition: `[label]: url`.
REFERENCE_RE = re.compile(
    r"^[ ]{0,3}\[(?P<label>(?:[^\]\\\n]|\\.)+)\]:[ \t]*\n?[ \t]*(?P<url><[^>\n]*>|\S+)",
    re.MULTILINE,
)
# A URL scheme, once entities, escapes, spaces and control characters are gone (browsers drop
# tabs and line breaks inside a URL and spaces before it: `java&#9;script:` runs).
SCHEME_RE = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")
CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")
BLOCK_BREAK_RE = re.compile(r"\n[ \t]*\n")
BACKTICKS_RE = re.compile(r"`+")
# The target of an inline link after `(`: `<url>` or a URL with balanced parentheses.
INLINE_TARGET_RE = re.compile(
    r"[ \t\n]*(?:<(?P<angle>[^>\n]*)>|(?P<plain>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"
)
# What bracket matching looks at: an escaped character, a bracket, a blank line.
BRACKET_RE = re.compile(r"\\[^\n]|[\[\]]|\n[ \t]*\n")
# An attribute list of ids and classes only, the usual `{#id}`: nothing to check.
PLAIN_ATTR_LIST_RE = re.compile(r"[#.][\w-]+(?: +[#.][\w-]+)*")


def unsafe_markdown(source: Source, policy: HtmlPolicy = STRICT_HTML) -> list[str]:
    """Everything in a page's source that could run code or load something, or that the site's
    policy refuses, as `file:line: ...`. The finders read the whole body; what they find in code
    is then dropped (worked out only for a page with findings: most pages have none)."""
    if not policy.checked:
        return []
    text = source.body
    pairs = list(_bracket_pairs(text))
    found = list(_markup(text, policy))
    found += _links(text, pairs, policy)
    found += _references(text, pairs, policy)
    found += _attribute_lists(text, policy)
    if not found:
        return []
    masked = _mask_code(text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    problems = {
        (source.body_line + bisect_right(starts, pos) - 1, message)
        for pos, message in found
        if masked[pos] == text[pos]  # the `<`, `[` or `{` it starts at is no code
    }
    return [f"{source.rel}:{line}: {message}" for line, message in sorted(problems)]


def unsafe_data(doc: YamlDoc) -> list[str]:
    """Every text value of a data file, checked like a page's text (data reaches pages as
    generated Markdown and templates as text): `data/x.yml:line: ...` for what could run code."""
    problems: list[str] = []
    stack = [doc.node] if doc.node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag == STR_TAG and node.value:
                text = Source(doc.rel, {}, node.value, node.start_mark.line + 1, {}, {})
                problems += unsafe_markdown(text)
        elif isinstance(node, yaml.MappingNode):
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return sorted(set(problems), key=_by_line)


def _by_line(problem: str) -> tuple[int, str]:
    _, line, message = problem.split(":", 2)
    return int(line), message


def _mask_code(text: str) -> str:
    """The text with fenced code and code spans blanked, line breaks kept."""
    lines = text.split("\n")
    # a fence indented with a tab is none for Python-Markdown (tabs become four spaces: code, and
    # the lines after it are read as Markdown), so here it opens nothing either
    probe = ["x" + line if line[:1] == "\t" and FENCE_RE.match(line) else line for line in lines]
    kept = [
        " " * len(line) if fenced else line
        for line, fenced in zip(lines, fenced_lines(probe), strict=True)
    ]
    return _mask_code_spans("\n".join(kept))


def _mask_code_spans(text: str) -> str:
    """The text with each code span blanked (line breaks kept). A backtick run after an odd number
    of backslashes opens nothing; a span ends at the next run of the same length in its block.
    When in doubt a span is not masked: text read by mistake is refused, never let through."""
    pieces = []
    done = pos = 0
    while (run := BACKTICKS_RE.search(text, pos)) is not None:
        start, pos = run.span()
        if _escaped(text, start):
            continue
        block_end = BLOCK_BREAK_RE.search(text, pos)
        limit = block_end.start() if block_end else len(text)
        same = (c for c in BACKTICKS_RE.finditer(text, pos, limit) if len(c[0]) == len(run[0]))
        if (closing := next(same, None)) is not None:
            span = text[start : closing.end()]
            pieces += (text[done:start], re.sub(r"[^\n]", " ", span))  # line breaks kept
            done = pos = closing.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _ends_where_markdown_ends(body: str) -> bool:
    """Whether a browser ends a comment with this body where Markdown does, at its `-->` (the
    HTML standard's rules for comment text): then whatever it holds is never parsed."""
    return (
        not body.startswith((">", "->"))
        and not body.endswith("<!-")
        and not any(bad in body for bad in ("<!--", "--!>"))
    )


COMMENT_PROBLEM = (
    "an HTML comment may hold only plain text (no <, > or --): browsers end a comment where "
    "Markdown does not; write the note without them"
)


def _markup(text: str, policy: HtmlPolicy) -> Iterator[tuple[int, str]]:
    """Raw HTML: comments, autolinks and the allowed tags pass; anything else is refused."""
    # every `-->`, found once: a search per `<!--` made a page of many `<!--` take minutes
    closers = [m.start() for m in re.finditer("(?=-->)", text)]
    pos = 0
    while (start := TAG_START_RE.search(text, pos)) is not None:
        at = start.start()
        pos = at + 1
        if text.startswith("<!--", at):
            later = bisect_left(closers, at + 4)
            if later == len(closers):
                yield at, "HTML comment is not closed; close it with -->"
                continue
            end = closers[later]
            body = text[at + 4 : end]
            if not any(bad in body for bad in ("--", "<", ">")) and not body.startswith("-"):
                pos = end + 3  # plain text: nothing in it to look at
                continue
            if not policy.strict and _ends_where_markdown_ends(body):
                pos = end + 3  # commented-out markup, inert in every browser
                continue
            # refused, and what it holds is read as markup too, in case a browser ends it early
            yield at, COMMENT_PROBLEM
            pos = at + 4
            continue
        if autolink := AUTOLINK_RE.match(text, at):
            pos = autolink.end()
            problem = link_problem(autolink["url"])
            if problem:
                yield at, problem
            continue
        if email := EMAIL_RE.match(text, at):
            pos = email.end()
            continue
        name = TAG_NAME_RE.match(text, at)
        if name is None:  # <!x, <?x, </ x: read by browsers as bogus comments
            yield at, f"`{text[at : at + 2]}` starts markup that is not allowed; {WRITE_CODE}"
            continue
        tag = name["name"].lower()
        if not policy.strict:
            whole = ANY_TAG_RE.match(text, at)
            pos = whole.end() if whole is not None and tag not in ACTIVE_TAGS else name.end()
            yield from ((at, problem) for problem in _safe_tag_problems(whole, tag, policy))
            continue
        whole = TAG_RE.match(text, at)
        if tag not in TAG_ATTRIBUTES:
            yield at, f"HTML tag <{tag}> is not allowed: {_advice(tag)}"
        elif whole is None or whole["name"] != name["name"]:
            allowed = _listed(TAG_ATTRIBUTES[tag]) or "none"
            plainly = f'as <{tag} class="..."> with attributes among: {allowed}'
            yield at, f"HTML tag <{tag}> must be written plainly, {plainly}"
        else:
            pos = whole.end()
            yield from ((at, problem) for problem in _tag_problems(whole))
            continue
        pos = name.end()


def _tag_problems(tag: re.Match[str]) -> Iterator[str]:
    name = tag["name"].lower()
    allowed = TAG_ATTRIBUTES[name]
    attributes = {m["name"]: m["value"] for m in ATTRIBUTE_RE.finditer(tag["attrs"])}
    if tag["close"]:
        if attributes:
            yield f"closing tag </{name}> has attributes; write </{name}>"
        return
    if (attributes.get("id") or "").startswith(THEME_NAMESPACE):
        yield theme_id_problem(attributes["id"] or "")
    for attribute in attributes:
        if attribute not in allowed:
            why = "runs code" if attribute.startswith("on") else "is not allowed"
            yield (
                f"attribute `{attribute}` of <{name}> {why}; attributes allowed on <{name}>: "
                f"{_listed(allowed) or 'none'}"
            )
    if name == "div" and "markdown" not in attributes:
        # without it the block is raw HTML: backticks in it are no code span, nothing is escaped
        yield 'a <div> block needs the markdown attribute: <div class="..." markdown>'


def _safe_tag_problems(whole: re.Match[str] | None, tag: str, policy: HtmlPolicy) -> Iterator[str]:
    """A tag under the safe policy: refused if it is active, else each attribute checked."""
    if tag in ACTIVE_TAGS:
        yield f"HTML tag <{tag}> is not allowed: {_advice(tag)}"
        return
    if whole is None:
        yield (
            f'HTML tag <{tag}> must be written plainly, as <{tag} name="value" ...>, each value '
            "in quotes or a single word"
        )
        return
    for attribute in ANY_ATTRIBUTE_RE.finditer(whole["attrs"]):
        value = next((v for v in attribute.group("double", "single", "bare") if v), "")
        problem = safe_attribute_problem(f"of <{tag}>", attribute["name"].lower(), value, policy)
        if problem:
            yield problem


def safe_attribute_problem(where: str, name: str, value: str, policy: HtmlPolicy) -> str | None:
    """What an attribute (`of <tag>`, `in an attribute list`) would run or load, under the safe
    policy (None: nothing)."""
    if name.startswith("on"):
        return f"attribute `{name}` {where} runs code; remove it"
    if name in ("id", "name") and value.startswith(THEME_NAMESPACE):
        return theme_id_problem(value)
    if name == "href":
        return link_problem(value)
    if name == "src":
        return image_problem(value, policy)
    if name == "style" and STYLE_LOADS_RE.search(value):
        return (
            f"attribute `style` {where} may load from the network (url(), @import, escapes); "
            "keep to plain values such as `width: 50%`, or use a .class"
        )
    if name in LOADING_KEYS:
        return f"attribute `{name}` {where} loads from the network or runs code; remove it"
    return None


def _listed(names: frozenset[str]) -> str:
    return ", ".join(sorted(names))


def _links(
    text: str, pairs: list[tuple[int, int, bool]], policy: HtmlPolicy
) -> Iterator[tuple[int, str]]:
    """Inline links and images `[text](url)` / `![alt](url)`, brackets matched as Markdown does."""
    for opening, closing, image in pairs:
        if closing + 1 < len(text) and text[closing + 1] == "(":
            url = _inline_target(text, closing + 2)
            problem = image_problem(url, policy) if image else link_problem(url)
            if problem:
                yield opening, problem


def _bracket_pairs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(position of `[`, position of its `]`, whether `!` precedes the `[`) for each pair that makes
    a link `[...](` or an image `![...]`: nesting counted, escapes skipped, within a block."""
    openings: list[int] = []
    for mark in BRACKET_RE.finditer(text):
        token, at = mark[0], mark.start()
        if token == "[":
            openings.append(at)
        elif token[0] == "\n":
            openings.clear()  # a blank line: no bracket opens across it
        elif token == "]" and openings:
            opening = openings.pop()
            image = text[opening - 1 : opening] == "!"
            if image or text.startswith("(", at + 1):
                yield opening, at, image
        elif token == "\\]" and openings and text.startswith("(", at + 2):
            # an escaped `]` before `(` is read as a link's end too: refusing more is safe
            yield openings[-1], at + 1, text[openings[-1] - 1 : openings[-1]] == "!"


def _escaped(text: str, pos: int) -> bool:
    """Whether the character at pos follows an odd number of backslashes."""
    before = pos
    while before and text[before - 1] == "\\":
        before -= 1
    return (pos - before) % 2 == 1


def _inline_target(text: str, start: int) -> str:
    """The URL of an inline link from just after `(`: `<...>`, or up to a space or the `)` that
    closes the link (one level of parentheses inside it, as in `javascript:alert(1)`)."""
    target = INLINE_TARGET_RE.match(text, start)
    assert target is not None  # every part of the pattern may be empty
    return target["angle"] if target["angle"] is not None else target["plain"]


def _references(
    text: str, pairs: list[tuple[int, int, bool]], policy: HtmlPolicy
) -> Iterator[tuple[int, str]]:
    """Reference definitions `[label]: url`; one that an image uses must be a local image."""
    images = set()
    for opening, closing, image in pairs:
        after = text[closing + 1 : closing + 2]
        if image and after != "(":
            # `![alt][label]`, else `![alt][]` or `![alt]`: the alt text is the label
            label = text[closing + 2 :].partition("]")[0] if after == "[" else ""
            images.add(_label(label or text[opening + 1 : closing]))
    for definition in REFERENCE_RE.finditer(text):
        url = definition["url"].strip("<>")
        image = _label(definition["label"]) in images
        problem = image_problem(url, policy) if image else link_problem(url)
        if problem:
            yield definition.start("label") - 1, problem


def _label(label: str) -> str:
    return " ".join(label.lower().split())


def _attribute_lists(text: str, policy: HtmlPolicy) -> Iterator[tuple[int, str]]:
    """Attribute lists `{...}` (attr_list): only ids, classes and harmless keys (under the safe
    policy, any key that runs and loads nothing)."""
    pos = 0
    while (start := text.find("{", pos)) >= 0:
        pos = start + 1
        end = text.find("}", start)
        newline = text.find("\n", start)
        if end < 0 or (0 <= newline < end):
            continue
        content = text[start + 1 : end].lstrip(":").strip(" ")
        if not content:
            continue
        if PLAIN_ATTR_LIST_RE.fullmatch(content):
            for token in content.split():
                if token.startswith("#" + THEME_NAMESPACE):
                    yield start, theme_id_problem(token[1:])
            continue
        attributes, _ = get_attrs_and_remainder(content)  # tokens exactly as attr_list reads them
        for key, value in attributes:
            name = key.lower()
            if name == "id" and (value or "").startswith(THEME_NAMESPACE):
                yield start, theme_id_problem(value or "")
                continue
            if key == "." or name in ATTR_LIST_KEYS:
                continue
            if not policy.strict:
                problem = safe_attribute_problem("in an attribute list", name, value or "", policy)
                if problem:
                    yield start, problem
                continue
            if value is None and not name.startswith("on") and name not in ACTIVE_KEYS:
                continue  # a bare word, as in prose `{name}`: no code, nothing to load
            why = "runs code" if name.startswith("on") else "is not allowed"
            allowed = f"#id, .class, {_listed(ATTR_LIST_KEYS - {'id', 'class'})}"
            refused = f"attribute list sets `{key}`, which {why}"
            yield start, f"{refused}; an attribute list may set {allowed}"


def theme_id_problem(value: str) -> str:
    return (
        f"id `{value}` is in the theme's namespace ({THEME_NAMESPACE}…): it would take the place "
        "of the theme's own element; choose another id"
    )


# --- URLs ----------------------------------------------------------------------------------------


def url_scheme(url: str) -> tuple[str | None, str]:
    """A URL's scheme (lower case, or None when relative) and the URL as a browser reads it."""
    plain = CONTROL_RE.sub("", html.unescape(url)).replace("\\", "/")  # browsers read \ as /
    match = SCHEME_RE.match(plain)
    return (match["scheme"].lower() if match else None), plain


def link_problem(url: str) -> str | None:
    if ":" not in url and "&" not in url:
        return None  # no scheme, not even one spelt with entities: a link within the site
    scheme, _ = url_scheme(url)
    if scheme is None or scheme in LINK_SCHEMES:
        return None
    return f"link to a {scheme}: URL is not allowed (it can run code); {WRITE_LINK}"


def image_problem(url: str, policy: HtmlPolicy = STRICT_HTML) -> str | None:
    scheme, plain = url_scheme(url)
    remote = scheme in ("http", "https") or (scheme is None and plain.startswith("//"))
    if remote and policy.remote_images:
        return None  # the site allows images from the web: any file type the browser shows
    if scheme is not None or plain.startswith("/"):
        where = f"a {scheme}: URL" if scheme else "an address outside the site"
        return f"image from {where} is not allowed (it loads when the page is read); {WRITE_IMAGE}"
    path = plain.partition("#")[0].partition("?")[0]
    if os.path.splitext(path)[1].lower() not in IMAGE_TYPES:
        return f"image {path} is not a PNG, JPEG, GIF or WebP file; {WRITE_IMAGE}"
    return None


# --- files ---------------------------------------------------------------------------------------


# A page's path inside its language folder: lower-case words of letters, digits, - and _, with
# dots only before .md (a space or an upper-case letter breaks links in llms.txt, in the twins,
# and in `make stamp PAGE=...`; `.MD` is a page to MkDocs but to nothing else here).
PAGE_NAME_RE = re.compile(r"(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\.md")
# Any name MkDocs and static-i18n serve as it is (`usage/plugin/Dify.md`, `C++/c++.md`), for a
# site that does not hold docs/ to this site's files policy (`only_pages_in_docs: false`): only
# what breaks a link or a message is refused (a space, a quote, <, >, \, `, a control character).
MIXED_CASE_NAME_RE = re.compile(r"[^\s\"'<>\\`\x00-\x1f\x7f]+\.md")
# What MkDocs reads as a page (mkdocs.utils.markdown_extensions), in any case.
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})


def unsafe_files(
    root: Path, docs: tuple[str, Path], data: tuple[str, Path], *, only_pages: bool = True
) -> list[str]:
    """Files under docs/ and data/ (each given as its shown name and folder) that would be read or
    published unchecked, as `file:1: ...`, from names and links only: a symbolic link out of
    `root` (MkDocs would copy a system file into the site); in docs/, a page name that is not
    portable and, under `only_pages` (`only_pages_in_docs`), anything but pages and images."""
    problems: list[str] = []
    top = Path(os.path.realpath(root))
    for (shown, folder), pages in ((docs, True), (data, False)):
        if folder.is_dir():
            problems += _walk(folder, shown, top, pages, only_pages)
    return sorted(problems)


def _walk(folder: Path, shown: str, top: Path, docs: bool, only_pages: bool) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()  # real folders walked: a link that loops is walked once
    stack = [(folder, shown)]
    while stack:
        here, rel = stack.pop()
        real = os.path.realpath(here)
        if real in seen:
            continue
        seen.add(real)
        with os.scandir(here) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if docs and entry.name.startswith("."):
                    continue  # MkDocs leaves dot-files out of the site (`exclude_docs`)
                path, name = Path(entry.path), f"{rel}/{entry.name}"
                if entry.is_symlink():
                    target = Path(os.path.realpath(path))
                    if not target.is_relative_to(top):
                        problems.append(
                            f"{name}:1: a symbolic link to {target}, outside the repository "
                            f"({top}); copy the file into the repository instead"
                        )
                        continue
                if entry.is_dir():
                    stack.append((path, name))
                elif docs:
                    problems += _docs_file(name, shown, only_pages)
    return problems


def _docs_file(name: str, docs: str, only_pages: bool) -> list[str]:
    extension = os.path.splitext(name)[1].lower()
    if extension in MARKDOWN_EXTENSIONS:
        inner = name[len(docs) + 1 :]
        page = inner.partition("/")[2] or inner  # inside the language folder
        if (PAGE_NAME_RE if only_pages else MIXED_CASE_NAME_RE).fullmatch(page):
            return []
        letters = "lower-case letters" if only_pages else "letters"
        rule = f"use {letters}, digits, - and _ only, ending in .md (e.g. guides/lead-scoring.md)"
        return [f"{name}:1: page name `{page}` is not portable: {rule}"]
    if extension in IMAGE_TYPES or not only_pages:
        return []
    allowed = "only Markdown pages and PNG, JPEG, GIF or WebP images may be in docs/"
    kind = extension or "file without extension"
    return [f"{name}:1: a {kind} file is published unchecked; {allowed}"]


# --- built HTML ----------------------------------------------------------------------------------

# Elements Python-Markdown and the extensions in mkdocs.yml write, the raw HTML above, and the
# path finder's (overrides/partials/pathfinder.html: a form with no action, filled in by site.js).
HTML_ELEMENTS = frozenset({
    "button", "form", "option", "section", "select",
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li",
    "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})  # fmt: skip
HTML_ATTRIBUTES = frozenset({
    "class", "id", "title", "alt", "href", "src", "lang", "align", "colspan", "rowspan", "for",
    "name", "type", "checked", "disabled", "open", "width", "height", "markdown", "hidden", "value",
})  # fmt: skip
DATA_ATTRIBUTE_RE = re.compile(r"data-[a-z0-9-]+")  # inert: read by scripts of the site only
URL_ATTRIBUTES = frozenset({"href", "src"})
# The only style Python-Markdown writes: the alignment of a table column.
TABLE_STYLE_RE = re.compile(r"text-align: (?:left|right|center);")
INPUT_TYPES = frozenset({"checkbox", "radio"})  # task lists, content tabs
# The ids and names pymdownx.tabbed writes for content tabs: the theme's own convention.
TABBED_ID_RE = re.compile(r"__tabbed_\d+(?:_\d+)?")


class _HtmlReader(HTMLParser):
    """Every element and attribute of a page's HTML, as a browser tokenises them."""

    def __init__(self, policy: HtmlPolicy) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.problems: list[tuple[str, str]] = []  # (what to look for in the source, message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_ELEMENTS and (self.policy.strict or tag in ACTIVE_TAGS):
            self.problems.append((f"<{tag}", f"<{tag}> is not allowed: {_advice(tag)}"))
            return
        for name, value in attrs:
            value = value or ""
            if name == "style" and TABLE_STYLE_RE.fullmatch(value):
                continue
            known = name in HTML_ATTRIBUTES or DATA_ATTRIBUTE_RE.fullmatch(name)
            if not known and not self.policy.strict:
                problem = safe_attribute_problem(f"of <{tag}>", name, value, self.policy)
                if problem:
                    self.problems.append((name, problem))
            elif not known:
                why = "runs code" if name.startswith("on") else "is not allowed"
                self.problems.append((name, f"attribute `{name}` of <{tag}> {why}"))
            elif name in ("id", "name") and value.startswith(THEME_NAMESPACE):
                if not TABBED_ID_RE.fullmatch(value):
                    self.problems.append((value, theme_id_problem(value)))
            elif name in URL_ATTRIBUTES:
                problem = image_problem(value, self.policy) if tag == "img" else link_problem(value)
                if problem:
                    self.problems.append((value, problem))
            elif tag == "input" and name == "type" and value not in INPUT_TYPES:
                self.problems.append((value, f'<input type="{value}"> is not allowed'))

    def handle_decl(self, decl: str) -> None:
        self.problems.append(("<!", f"<!{decl}> is not allowed: {DEFAULT_ADVICE}"))

    def handle_pi(self, data: str) -> None:
        self.problems.append(("<?", f"<?{data}> is not allowed: {DEFAULT_ADVICE}"))

    def unknown_decl(self, data: str) -> None:
        self.problems.append(("<!", f"<![{data}]> is not allowed: {DEFAULT_ADVICE}"))


def _advice(tag: str) -> str:
    return TAG_ADVICE.get(tag, DEFAULT_ADVICE)


def unsafe_html(page_html: str, policy: HtmlPolicy = STRICT_HTML) -> list[tuple[str, str]]:
    """What in a page's HTML could run code or load something, or the site's policy refuses: (a
    text to find in the source, the message). Run on the HTML Python-Markdown made, before any
    hook adds its own."""
    if not policy.checked:
        return []
    reader = _HtmlReader(policy)
    reader.feed(page_html)
    reader.close()
    return list(dict.fromkeys(reader.problems))  # each problem once per page


def source_line(text: str, needle: str) -> int:
    """The first line of a page's file that holds `needle` (case-insensitive), else 1."""
    at = text.lower().find(needle.lower()) if len(needle) >= 4 else -1  # "x" is everywhere
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
