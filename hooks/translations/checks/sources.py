"""Sources: the official articles each page (or section) rests on, from one data file.

A reader checks a claim, and a maintainer re-verifies one, by following the article it came from.
`data/sources.yml` maps pages, and sections where they differ, to articles (URL, title, the date
someone last read it). This module reads it, checks it against the pages (allowed domains, pages and
`{#id}`s that exist in every language, articles defined and cited, `required` pages citing
something) and renders one "Sources" line per page or section, the same URLs in every language.
Without the file nothing is checked or rendered. Written by hand: no maintained MkDocs plugin maps
pages to citations with these checks.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translations.model import InputError, Issue
from translations.read.markdown import HEADING_RE, fenced_lines
from translations.read.source import YamlDoc, load_yaml

# An article address: https, a host, then a path with no spaces, quotes, brackets or parentheses
# (it is written into a Markdown link as it stands).
URL_RE = re.compile(r"^https://(?P<host>[a-z0-9.-]+)(?P<path>/[^\s()<>\[\]\"']*)?$")
# An article key: lowercase kebab case, so that it reads well in the data file.
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Characters of a title that would end a Markdown link text early.
LINK_TEXT_RE = re.compile(r"([\[\]\\])")
SEPARATOR = " · "  # between two articles on a Sources line: the same in every language
# At one moment the date differs by up to two days between time zones (UTC-12 to UTC+14): a date
# written where it is already tomorrow is not in the future, and builds agree in every zone.
DATE_LINE = dt.timedelta(days=2)


@dataclass(frozen=True)
class Article:
    """One official article: where it is, what it is called, when someone last read it."""

    key: str
    url: str
    title: str
    checked: dt.date
    line: int

    @property
    def host(self) -> str:
        match = URL_RE.match(self.url)
        return match["host"] if match else ""


@dataclass(frozen=True)
class Citation:
    """The articles one page, or one section of it (`section` is its `{#id}`), rests on."""

    page: str
    section: str | None
    articles: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Sources:
    """The whole data file, read and validated for shape (not yet against the pages)."""

    rel: str
    allowed_domains: tuple[str, ...]
    required: tuple[str, ...]  # glob patterns of page names that must cite something
    articles: dict[str, Article]
    citations: tuple[Citation, ...]

    def for_page(self, page: str) -> list[Citation]:
        return [citation for citation in self.citations if citation.page == page]


def load_sources(path: Path, rel: str) -> Sources | None:
    """Read the sources file; None when it does not exist (the check is then off). Malformed
    content is an InputError naming the file and line of every problem."""
    if not Path(path).is_file():
        return None
    return parse_sources(load_yaml(Path(path), rel))


def parse_sources(doc: YamlDoc) -> Sources:
    data: Any = doc.data if doc.data is not None else {}
    problems: list[str] = []

    def problem(keys: tuple[str | int, ...], message: str) -> None:
        problems.append(f"{doc.rel}:{doc.line(*keys)}: {message}")

    if not isinstance(data, dict):
        raise InputError.at(doc.rel, 1, "must be a mapping with `articles:` and `pages:`")
    known = {"allowed_domains", "required", "articles", "pages"}
    for key in data:
        if key not in known:
            problem((key,), f"unknown key `{key}`; known: {', '.join(sorted(known))}")
    domains = _text_list(data.get("allowed_domains"), ("allowed_domains",), problem)
    required = _text_list(data.get("required", []), ("required",), problem)
    articles = _articles(data.get("articles"), doc, problem)
    citations = _citations(data.get("pages"), doc, problem)
    if problems:
        raise InputError(problems)
    return Sources(doc.rel, tuple(domains), tuple(required), articles, tuple(citations))


def _text_list(value: object, keys: tuple[str, ...], problem: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problem(keys, f"`{keys[-1]}` must be a list of names")
        return []
    return list(value)


def _articles(value: object, doc: YamlDoc, problem: Any) -> dict[str, Article]:
    if not isinstance(value, dict):
        problem(("articles",), "`articles` must map a key to `url`, `title` and `checked`")
        return {}
    found: dict[str, Article] = {}
    for key, entry in value.items():
        keys = ("articles", key)
        if not isinstance(key, str) or not KEY_RE.match(key):
            problem(keys, f"article key `{key}` must be lowercase kebab case")
            continue
        if not isinstance(entry, dict) or set(entry) != {"url", "title", "checked"}:
            problem(keys, f"article `{key}` needs exactly `url`, `title` and `checked`")
            continue
        url, title, checked = entry["url"], entry["title"], entry["checked"]
        if not isinstance(url, str) or not URL_RE.match(url):
            problem((*keys, "url"), f"article `{key}`: `url` must be one https:// address")
            continue
        if not isinstance(title, str) or not title.strip():
            problem((*keys, "title"), f"article `{key}`: `title` must be text")
            continue
        if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
            problem((*keys, "checked"), f"article `{key}`: `checked` must be a date (YYYY-MM-DD)")
            continue
        found[key] = Article(key, url, title.strip(), checked, doc.line(*keys))
    return found


def _citations(value: object, doc: YamlDoc, problem: Any) -> list[Citation]:
    if not isinstance(value, dict):
        problem(("pages",), "`pages` must map a page to `page:` and/or `sections:`")
        return []
    found: list[Citation] = []
    for page, entry in value.items():
        keys: tuple[str | int, ...] = ("pages", page)
        if not isinstance(page, str) or not page.endswith(".md"):
            problem(keys, f"`{page}` must be a page name ending in .md")
            continue
        if not isinstance(entry, dict) or not entry or set(entry) - {"page", "sections"}:
            problem(keys, f"{page}: give `page:` (a list of articles) and/or `sections:`")
            continue
        if "page" in entry:
            cited = _keys(entry["page"], (*keys, "page"), page, problem)
            found.append(Citation(page, None, cited, doc.line(*keys, "page")))
        sections = entry.get("sections", {})
        if not isinstance(sections, dict):
            problem((*keys, "sections"), f"{page}: `sections` must map a section id to articles")
            continue
        for section, articles in sections.items():
            skeys = (*keys, "sections", section)
            cited = _keys(articles, skeys, f"{page}#{section}", problem)
            found.append(Citation(page, str(section), cited, doc.line(*skeys)))
    return found


def _keys(value: object, keys: tuple[str | int, ...], where: str, problem: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problem(keys, f"{where}: give a non-empty list of article keys")
        return ()
    return tuple(value)


def source_issues(
    sources: Sources,
    anchors: Mapping[tuple[str, str], set[str]],
    languages: Iterable[str],
    docs_rel: str = "docs",
    today: dt.date | None = None,
) -> list[Issue]:
    """What the data file and the pages disagree on. `anchors`: (language, page) -> the page's
    heading ids, for every page that exists; `languages`: reference first. A `checked` date later
    than `today` in every time zone claims a reading that has not happened yet."""
    langs = list(languages)
    rel = sources.rel
    issues: list[Issue] = []

    def problem(line: int, message: str) -> None:
        issues.append(Issue(rel, line, message, rule="sources"))

    allowed = ", ".join(sources.allowed_domains)
    for article in sources.articles.values():
        if article.host not in sources.allowed_domains:
            problem(
                article.line,
                f"article `{article.key}`: {article.host} is not an allowed domain ({allowed})",
            )
        if today is not None and article.checked > today + DATE_LINE:
            problem(
                article.line,
                f"article `{article.key}`: checked {article.checked} is after today ({today}); "
                "give the date you read it",
            )
    used: set[str] = set()
    for citation in sources.citations:
        where = citation.page + (f"#{citation.section}" if citation.section else "")
        for lang in langs:
            page_rel = f"{docs_rel}/{lang}/{citation.page}"
            if (lang, citation.page) not in anchors:
                problem(citation.line, f"{where}: there is no page {page_rel}")
            elif citation.section and citation.section not in anchors[lang, citation.page]:
                problem(
                    citation.line, f"{where}: {page_rel} has no heading {{#{citation.section}}}"
                )
        for key in citation.articles:
            used.add(key)
            if key not in sources.articles:
                problem(citation.line, f"{where}: no article `{key}` under `articles:`")
    for article in sources.articles.values():
        if article.key not in used:
            problem(
                article.line, f"article `{article.key}` is cited by no page; cite it or remove it"
            )
    cited_pages = {citation.page for citation in sources.citations}
    reference = langs[0] if langs else ""
    for name in sorted(name for lang, name in anchors if lang == reference):
        pattern = next((p for p in sources.required if fnmatch.fnmatchcase(name, p)), None)
        if pattern is not None and name not in cited_pages:
            message = f"{name} has no sources; every page matching `{pattern}` needs one"
            other = f"{docs_rel}/{reference}/{name}"
            issues.append(Issue(rel, 1, message, other, 1, rule="sources", page=name))
    return issues


def sources_line(articles: Iterable[Article], label: str, *, styled: bool = True) -> str:
    """One Sources paragraph: `label` is the language's words with `{links}` where they go;
    `styled` adds the attribute list that gives the HTML paragraph its class."""
    links = SEPARATOR.join(f"[{_link_text(article.title)}]({article.url})" for article in articles)
    return label.format(links=links) + ("\n{: .ac-sources }" if styled else "")


def _link_text(title: str) -> str:
    return LINK_TEXT_RE.sub(r"\\\1", title)


def with_sources(
    markdown: str, sources: Sources, page: str, label: str, *, styled: bool = True
) -> str:
    """The page's Markdown with a Sources line at the end of each cited section (before the next
    heading of the same or a higher level) and one for the whole page at its end (`styled`: False
    for the Markdown twins, which carry no attribute lists). Sections and
    articles the checks report as missing are skipped here, not guessed."""
    citations = sources.for_page(page)
    if not citations:
        return markdown
    lines = markdown.split("\n")
    headings: list[tuple[int, int, str | None]] = []  # (line index, level, id)
    for index, (line, fenced) in enumerate(zip(lines, fenced_lines(lines), strict=True)):
        match = None if fenced else HEADING_RE.match(line)
        if match:
            headings.append((index, len(match["hashes"]), match["id"]))
    inserts: dict[int, list[str]] = {}  # line index -> Sources lines to put before it
    for citation in citations:
        articles = [sources.articles[k] for k in citation.articles if k in sources.articles]
        if not articles:
            continue
        if citation.section is None:
            inserts.setdefault(len(lines), []).append(sources_line(articles, label, styled=styled))
            continue
        at = _section_end(headings, citation.section, len(lines))
        if at is not None:
            inserts.setdefault(at, []).insert(0, sources_line(articles, label, styled=styled))
    out: list[str] = []
    for index in range(len(lines) + 1):
        for block in inserts.get(index, []):
            out.extend(["", block, ""])
        if index < len(lines):
            out.append(lines[index])
    return "\n".join(out)


def _section_end(headings: list[tuple[int, int, str | None]], section: str, end: int) -> int | None:
    """The line index where a section ends: its next heading of the same or a higher level."""
    for position, (_, level, heading_id) in enumerate(headings):
        if heading_id == section:
            following = (i for i, lvl, _ in headings[position + 1 :] if lvl <= level)
            return next(following, end)
    return None
