"""MkDocs hook: the HTML made of each page holds nothing that runs code or loads from the network.

Thin adapter over ``checks.safety.unsafe_html``. The checks already refuse unsafe Markdown in the
source (``checks.safety.unsafe_markdown``, at ``on_config``, before anything is written); this is
the backstop on what the browser will actually parse, for Markdown that the source check reads
differently from Python-Markdown. A finding aborts the build before the page is written, with the
file and the line where the offending text stands.

The side-by-side views (``compare/``) are not read again: a hook composes them from the two
pages' own Markdown, each read here when its page was built.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checks.safety import source_line, unsafe_html

log = get_plugin_logger("page_safety")


@event_priority(100)  # first: the page's own HTML, before other hooks add theirs
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("ac_compare_of"):
        return html  # composed from two pages that were each read here
    findings = unsafe_html(html)
    if not findings:
        return html
    path = page.file.abs_src_path
    text = Path(path).read_text("utf-8") if path else ""
    rel = Path(config.docs_dir).name + "/" + page.file.src_uri
    for needle, message in findings:
        log.error(f"{rel}:{source_line(text, needle)}: {message}")
    raise Abort(f"{rel}: {len(findings)} unsafe element(s) in the page's HTML; see above")
