"""MkDocs hook: the Content-Security-Policy of the built site, as an nginx include.

Thin adapter over ``checks.csp`` (pure). After the last language is built (static-i18n builds
every language inside the default one's ``on_post_build``, so the nesting is counted) and after
the offline plugin, it hashes every inline template script in ``site_dir``, writes
``site_dir/_nginx/csp.conf`` for ``deploy/nginx.conf`` and warns about inline code that the
policy blocks (a script in a page's content, an ``on…=`` handler), so a strict build fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from checks.csp import INCLUDE_PATH, nginx_include, site_policy

log = get_plugin_logger("csp")

_state: dict[str, Any] = {"builds": 0, "sources": {}}  # built page -> its Markdown, all languages


def on_startup(command: str, dirty: bool) -> None:
    _state.update(builds=0, sources={})


def on_pre_build(config: MkDocsConfig) -> None:
    _state["builds"] += 1


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _state["sources"][page.file.dest_uri] = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    return output


@event_priority(-300)  # after site_hooks (-200) and the offline plugin have written the pages
def on_post_build(config: MkDocsConfig) -> None:
    _state["builds"] -= 1
    if _state["builds"] > 0:
        return
    site = Path(config.site_dir)
    result = site_policy(site, _state["sources"])
    for problem in result.problems:
        log.warning(problem)
    target = site / INCLUDE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_include(result.header), encoding="utf-8")
    log.debug("%s: %d inline script hashes", INCLUDE_PATH, len(result.hashes))
