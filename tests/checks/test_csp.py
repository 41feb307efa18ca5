"""The Content-Security-Policy core (translations/output/csp.py) and its hook in a strict build.

Tables for the pure functions, a small built tree on disk, and two end-to-end builds of the
two-page fixture: one clean (the hook writes the include), one with a script planted in a page's
Markdown (the page check fails the strict build and names the page and line; the policy only
leaves such a script without a hash).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gates.tools import build_variant
from tests.sitebuild import REPO, plugin_options
from translations.checks.safety import unsafe_html
from translations.output.csp import (
    INCLUDE_PATH,
    header_from_include,
    inline_scripts,
    nginx_include,
    policy,
    script_hash,
    site_policy,
    template_scripts,
)

# MDN's example for CSP hashes: <script>alert('Hello, world.');</script>
MDN_SCRIPT, MDN_HASH = (
    "alert('Hello, world.');",
    "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
)


def test_script_hash_is_the_one_browsers_compute() -> None:
    assert script_hash(MDN_SCRIPT) == MDN_HASH
    assert script_hash(MDN_SCRIPT.replace(";", ";\r\n")) == script_hash(MDN_SCRIPT + "\n")


@pytest.mark.parametrize(("html", "runs"), [
    (f"<script>{MDN_SCRIPT}</script>", True),
    (f"<SCRIPT >{MDN_SCRIPT}</SCRIPT >", True),
    (f'<script type="text/javascript">{MDN_SCRIPT}</script>', True),
    (f"<script type=module>{MDN_SCRIPT}</script>", True),
    ('<script src="assets/javascripts/site.js"></script>', False),
    ('<script id="__config" type="application/json">{"base": "."}</script>', False),
])  # fmt: skip
def test_inline_scripts_are_those_a_browser_runs(html: str, runs: bool) -> None:
    found = inline_scripts(f"<head>\n{html}\n</head>", "x.html")
    assert [(s.line, s.source) for s in found] == ([(2, MDN_HASH)] if runs else [])


def test_a_script_in_the_article_is_content() -> None:
    html = f"<head><script>a()</script></head>\n<article>\n<script>{MDN_SCRIPT}</script></article>"
    assert [(s.line, s.in_content) for s in inline_scripts(html)] == [(1, False), (3, True)]


@pytest.mark.parametrize(("html", "handlers"), [
    ('<button onclick="go()">Go</button>', ["onclick"]),
    ("<img\n  src=x.png ONLOAD=go()>", ["onload"]),
    ('<div class="onboarding" data-on="x">', []),
    ("<p>onclick=go() in prose</p>", []),
])  # fmt: skip
def test_event_handlers_are_refused_by_the_page_check(html: str, handlers: list[str]) -> None:
    """No hash allows an inline handler: the page check (checks/safety.py) refuses each one."""
    found = [message for _, message in unsafe_html(html) if "runs code" in message]
    assert [message.split("`")[1] for message in found] == handlers


def test_policy_lists_self_and_each_hash_once_in_order() -> None:
    header = policy(["'sha256-b'", "'sha256-a'", "'sha256-b'"])
    assert header.startswith("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; ")
    assert "unsafe-inline" not in header
    assert header.endswith("frame-ancestors 'none'")


def test_the_include_round_trips_and_refuses_a_quote() -> None:
    header = policy([MDN_HASH])
    assert header_from_include(nginx_include(header)) == header
    assert header_from_include("# nothing here\n") is None
    with pytest.raises(ValueError, match="quote"):
        nginx_include('default-src "self"')


def shipped_by(tmp_path: Path, *scripts: str) -> list:
    """The patterns of a theme folder whose one template holds these inline scripts."""
    templates = tmp_path / "templates"
    templates.mkdir()
    body = "".join(f"<script>{script}</script>" for script in scripts)
    (templates / "base.html").write_text(f"<head>{body}</head>", encoding="utf-8")
    return template_scripts([templates])


def test_site_policy_hashes_template_scripts_and_nothing_else(tmp_path: Path) -> None:
    shipped = shipped_by(tmp_path, "a()")
    site = tmp_path / "site"
    (site / "zh").mkdir(parents=True)
    (site / "index.html").write_text(
        "<head><script>a()</script></head>\n<article>\n<script>b()</script>\n</article>",
        encoding="utf-8",
    )
    (site / "zh" / "index.html").write_text(
        "<head><script>a()</script>\n<script>d()</script></head>\n"
        '<body>\n<a href=x onclick="c()">x</a>',
        encoding="utf-8",
    )
    result = site_policy(site, shipped=shipped)
    # b() in the content, d() of no template, the onclick handler: no hash, the browser blocks them
    assert result.hashes == {script_hash("a()"): "index.html"}


@pytest.mark.parametrize(("built", "allowed"), [
    ('__md_scope=new URL("../..",location)', True),
    ('__md_scope=new URL("/",location)', True),
    ('__md_scope=new URL("",location)', True),
    # what a value could add to break out of the hole: a call, an assignment, a statement
    ('__md_scope=new URL("x",alert(1),"",location)', False),
    ('__md_scope=new URL("x";alert`1`;"",location)', False),
    ('__md_scope=new URL("x",location=name,"",location)', False),
    ('alert(1);__md_scope=new URL(".",location)', False),
])  # fmt: skip
def test_a_template_expression_is_a_hole_no_code_fits_in(
    tmp_path: Path, built: str, allowed: bool
) -> None:
    (pattern,) = shipped_by(tmp_path, '__md_scope=new URL("{{ base_url }}",location)')
    assert bool(pattern.fullmatch(built)) is allowed


def test_an_overridden_template_ships_only_its_override(tmp_path: Path) -> None:
    overrides, theme = tmp_path / "overrides", tmp_path / "theme"
    for folder, script in ((overrides, "ours()"), (theme, "theirs()")):
        (folder / "partials").mkdir(parents=True)
        (folder / "partials" / "x.html").write_text(f"<script>{script}</script>", encoding="utf-8")
    assert [p.pattern for p in template_scripts([overrides, theme])] == [r"ours\(\)"]


def theme_dirs() -> list[Path]:
    """The template folders of the real site, overrides first (as config.theme.dirs)."""
    import material

    return [REPO / "overrides", Path(material.__file__).parent / "templates"]


# End to end: the hook in a strict build of the two-page fixture


def with_csp_hook(config: dict) -> None:
    plugin_options(config)["csp"] = True


@pytest.mark.slow
def test_the_build_writes_the_include_for_its_own_scripts(tmp_path: Path) -> None:
    build = build_variant(tmp_path, {}, with_csp_hook)
    assert build.returncode == 0, build.log
    header = header_from_include((build.site / INCLUDE_PATH).read_text(encoding="utf-8"))
    assert header == site_policy(build.site, shipped=template_scripts(theme_dirs())).header
    assert header.count("'sha256-") >= 4  # Material's own, on every page


@pytest.mark.slow
def test_a_script_in_a_page_fails_the_strict_build(tmp_path: Path) -> None:
    """The page check (on in every site; the fixture's build turns it off) names the Markdown."""

    def with_page_check(config: dict) -> None:
        plugin_options(config).update(csp=True, page_safety=True)

    build = build_variant(tmp_path, {"zh/index.md": "<script>alert(1)</script>"}, with_page_check)
    assert build.returncode != 0
    assert "ERROR   -  translations: docs/zh/index.md:" in build.log
    assert "<script> is not allowed: a page cannot run code" in build.log
    assert "Traceback" not in build.log
