"""MkDocs hook: generated Markdown. Pricing tables where ``<!-- pricing:... -->`` markers stand, and
a link to the Related skills page for every inline-code skill mention (`` `/sales-x` ``).

Thin adapter over ``checks.generate`` (pure). The data comes from the build's single run of the
checks (shared with hooks/site_checks.py), so nothing is read again per page or per language.
Set ``extra.checks.skills_base_url`` in mkdocs.yml to link skills to an external site instead.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from site_checks import build_language, build_report, page_language, site_config

from checks.generate import render_page
from checks.model import InputError
from checks.source import split_front_matter

log = get_plugin_logger("render")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    file_lang, name = page_language(page, build_language(config))
    rel = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    data = build_report(config).data
    names = site_config(config)

    try:
        return render_page(
            markdown,
            lang=file_lang,
            page_name=name,
            rel=rel,
            data=data,
            skills_base_url=names.skills_base_url,
            first_line=_first_line(page, rel),
            related_page=names.related_skills_page,
        )
    except InputError as error:
        for problem in error.problems:
            log.error(problem)
        raise Abort(f"{len(error.problems)} input error(s) in {rel}; see above") from None


def _first_line(page: Page, rel: str) -> int:
    """File line of the first Markdown line (after the front matter)."""
    try:
        return split_front_matter(page.file.content_string, rel).body_line
    except (InputError, OSError, TypeError):
        return 1
