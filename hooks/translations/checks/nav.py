"""Pages that no nav entry reaches, found from mkdocs.yml and docs/ without building.

MkDocs reports them too (`validation: nav: omitted_files`), but only after a full build, and
by their path in docs/ (`en/page.md`), while with static-i18n's folder layout the nav entry to
write is the language-less name (`page.md`). Here a page counts as reached when its name is in
the nav or matches `not_in_nav`; the message names the files and the entry to add. Pure, no
MkDocs: `python -m translations` runs it beside the translation checks.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from pathlib import Path

import pathspec.gitignore

from translations.config import CONFIG_FILE, Languages, read_config_file


def nav_names(nav: object) -> Iterator[str]:
    """Every page an mkdocs.yml `nav` lists: `page.md`, `Title: page.md`, sections of them."""
    if isinstance(nav, str):
        if "://" not in nav:  # an external link is not a page
            yield posixpath.normpath(nav.strip().lstrip("/"))  # `./HOME/about.md` is HOME/about.md
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_names(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_names(value)


def read_nav(root: Path) -> tuple[object, int, str] | None:
    """(`nav`, its line, `not_in_nav`) of <root>/mkdocs.yml; None without a file or a nav (then
    MkDocs lists every page itself)."""
    read = read_config_file(root)
    if read is None:
        return None
    data, text = read
    if not isinstance(data, dict) or data.get("nav") is None:
        return None
    line = next((n for n, s in enumerate(text.splitlines(), 1) if s.startswith("nav:")), 1)
    return data["nav"], line, str(data.get("not_in_nav") or "")


def missing_from_nav(
    nav: object,
    pages: Mapping[str, set[str]],
    languages: Languages,
    *,
    nav_line: int = 1,
    not_in_nav: str = "",
) -> list[str]:
    """One issue per page name that some language has and no nav entry reaches.

    ``pages``: page names per language folder (checks.site.discover)."""
    listed = set(nav_names(nav))
    ignored = pathspec.gitignore.GitIgnoreSpec.from_lines(not_in_nav.splitlines())  # as MkDocs
    issues = []
    for name in sorted(set().union(*pages.values())):
        files = [
            f"docs/{languages.path(lang, name)}"
            for lang in languages.all
            if name in pages.get(lang, ())
        ]
        if name in listed or any(ignored.match_file(f.removeprefix("docs/")) for f in files):
            continue
        issues.append(
            f"{' and '.join(files)}: no nav entry reaches this page; "
            f"add `{name}` to `nav:` ({CONFIG_FILE}:{nav_line})"
        )
    return issues
