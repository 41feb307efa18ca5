"""Cross-skill links: every `/<prefix>…` reference (`/sales-lead-score`) names a skill listed in
data/skills.yml; the prefix is the skills file's (SiteData.skill_prefix)."""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from collections.abc import Iterable, Iterator

from translations.model import Issue
from translations.read.data import SiteData
from translations.read.markdown import NOT_BEFORE_PATH, Page, Ref


@functools.cache
def _patterns(prefix: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A reference `/sales-x` anywhere, and an inline-code mention `` `/sales-x` `` that is not
    already the text of a link."""
    name = rf"(?P<name>{re.escape(prefix)}[a-z0-9]+(?:-[a-z0-9]+)*)"
    return re.compile(rf"/{name}"), re.compile(rf"(?<!\[)`/{name}`(?!\]\()")


def skill_refs(page: Page, prefix: str) -> list[Ref]:
    """Every `/<prefix>…` reference in a page's body, with its line (not one inside a path)."""
    body, refs = page.source.body, []
    line, last = page.source.body_line, 0
    for m in _patterns(prefix)[0].finditer(body):
        start = m.start()
        if start and body[start - 1] in NOT_BEFORE_PATH:
            continue
        line += body.count("\n", last, start)
        last = start
        refs.append(Ref(line, m.group("name")))
    return refs


def reference_issues(page: Page, data: SiteData) -> Iterator[Issue]:
    """Unknown skill names, with a did-you-mean from the list."""
    skills = data.skill_names
    for ref in skill_refs(page, data.skill_prefix):
        if ref.text in skills:
            continue
        close = difflib.get_close_matches(ref.text, list(skills), n=1, cutoff=0.6)
        if close:
            skill = skills[close[0]]
            message = f"unknown skill /{ref.text}; did you mean /{skill.name}?"
            other: tuple[str | None, int | None, str] = (data.skills_rel, skill.line, skill.name)
        else:
            message = f"unknown skill /{ref.text}; add it to {data.skills_rel} or fix the name"
            other = (None, None, "")
        yield Issue(page.rel, ref.line, message, *other, rule="skills", page=page.name)


def unmentioned_issues(mentioned: set[str], data: SiteData) -> Iterator[Issue]:
    """A listed skill that no page mentions is dead weight in the data file."""
    for skill in data.skills:
        if skill.name not in mentioned:
            yield Issue(
                data.skills_rel,
                skill.line,
                f"skill {skill.name} is not mentioned on any page",
                rule="skills",
            )


def anchor_issues(
    anchors: dict[tuple[str, str], set[str]],
    mentioned: set[str],
    data: SiteData,
    docs_rel: str,
    related_page: str,
) -> Iterator[Issue]:
    """The related-skills page of each language has an anchor for every mentioned skill, since
    the build links each mention there."""
    for (lang, name), ids in anchors.items():
        if name != related_page:
            continue
        for skill in data.skills:
            if skill.name in mentioned and skill.name not in ids:
                yield Issue(
                    f"{docs_rel}/{lang}/{name}",
                    1,
                    f"no anchor {{#{skill.name}}} for skill {skill.name}; its mentions link here",
                    data.skills_rel,
                    skill.line,
                    skill.name,
                    rule="skills",
                    page=name,
                )


@functools.cache  # a page mentions the same skills on many lines
def skill_url(
    name: str,
    page_name: str,
    base_url: str | None,
    related_page: str,
) -> str:
    """Where a skill mention links: the skills site, or its entry on the related-skills page."""
    if base_url:
        return base_url + name
    if page_name == related_page:
        return f"#{name}"
    start = posixpath.dirname(page_name) or "."
    return f"{posixpath.relpath(related_page, start)}#{name}"


def link_mentions(
    line: str,
    page_name: str,
    known: Iterable[str],
    base_url: str | None,
    related_page: str,
    prefix: str,
) -> str:
    """Turn each inline-code mention of a listed skill on a line into a link."""
    if not prefix or f"`/{prefix}" not in line:
        return line
    names = set(known)

    def link(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in names:
            return match.group(0)
        return f"[{match.group(0)}]({skill_url(name, page_name, base_url, related_page)})"

    return _patterns(prefix)[1].sub(link, line)
