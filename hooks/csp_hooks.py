"""MkDocs hook: the Content-Security-Policy of the built site, as an nginx include.

Thin adapter over ``checks.csp`` (pure). After the last language is built (static-i18n builds
every language inside the default one's ``on_post_build``, so the nesting is counted) and after
the offline plugin, it hashes every inline template script in ``site_dir``, writes
``site_dir/_nginx/csp.conf`` for ``deploy/nginx.conf`` and warns about inline code that the
policy blocks (a script in a page's content, an ``on…=`` handler), so a strict build fails.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger

from checks.csp import INCLUDE_PATH, nginx_include, site_policy

log = get_plugin_logger("csp")

_depth = {"builds": 0}


def on_startup(command: str, dirty: bool) -> None:
    _depth["builds"] = 0


def on_pre_build(config: MkDocsConfig) -> None:
    _depth["builds"] += 1


@event_priority(-300)  # after site_hooks (-200) and the offline plugin have written the pages
def on_post_build(config: MkDocsConfig) -> None:
    _depth["builds"] -= 1
    if _depth["builds"] > 0:
        return
    site = Path(config.site_dir)
    result = site_policy(site)
    for problem in result.problems:
        log.warning(problem)
    target = site / INCLUDE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_include(result.header), encoding="utf-8")
    log.debug("%s: %d inline script hashes", INCLUDE_PATH, len(result.hashes))
