"""MkDocs hook: the Content-Security-Policy of the built site, as an nginx include.

Thin adapter over ``checks.csp`` (pure). After the last language is built (static-i18n builds
every language inside the default one's ``on_post_build``, so the nesting is counted) and after
the offline plugin, it hashes every inline script in ``site_dir`` that a template ships, writes
``site_dir/_nginx/csp.conf`` for ``deploy/nginx.conf`` and warns about inline code that the
policy blocks (a script that no template ships, an ``on…=`` handler), so a strict build fails.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from checks import build
from checks.csp import INCLUDE_PATH, nginx_include, site_policy, template_scripts

log = get_plugin_logger("csp")
HOOK = "csp"  # this hook's values in the build state


def _sources(config: MkDocsConfig) -> dict[str, str]:
    """Built page -> its Markdown, all languages of this build."""
    return build.start(config).of(HOOK).setdefault("sources", {})


def on_pre_build(config: MkDocsConfig) -> None:
    build.start(config).enter(HOOK)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _sources(config)[page.file.dest_uri] = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    return output


@event_priority(-300)  # after site_hooks (-200) and the offline plugin have written the pages
def on_post_build(config: MkDocsConfig) -> None:
    if not build.start(config).leave(HOOK):
        return  # another language's build, nested in the default one's
    site = Path(config.site_dir)
    # the scripts the templates ship, from their sources (config.theme.dirs: overrides/ first)
    shipped = template_scripts(Path(folder) for folder in config.theme.dirs)
    result = site_policy(site, _sources(config), shipped)
    for problem in result.problems:
        log.warning(problem)
    target = site / INCLUDE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_include(result.header), encoding="utf-8")
    log.debug("%s: %d inline script hashes", INCLUDE_PATH, len(result.hashes))
