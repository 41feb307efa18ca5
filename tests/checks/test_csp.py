"""The Content-Security-Policy core (hooks/checks/csp.py) and its hook in a strict build.

Tables for the pure functions, a small built tree on disk, and two end-to-end builds of the
two-page fixture: one clean (the hook writes the include), one with a script planted in a page's
Markdown (the strict build fails and names the page and line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.csp import (
    INCLUDE_PATH,
    event_handlers,
    header_from_include,
    inline_scripts,
    nginx_include,
    policy,
    script_hash,
    site_policy,
)
from tests.gates.tools import build_variant
from tests.sitebuild import REPO

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
    ("<img\n  src=x.png ONLOAD=go()>", ["ONLOAD"]),
    ('<div one="1" data-on="x">', []),
    ("<p>onclick=go() in prose</p>", []),
])  # fmt: skip
def test_event_handlers_are_reported(html: str, handlers: list[str]) -> None:
    found = event_handlers(html, "x.html")
    assert [m.split(": ", 1)[1].split("=")[0].split()[-1] for m in found] == handlers


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


def test_site_policy_hashes_template_scripts_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "index.html").write_text(
        "<head><script>a()</script></head>\n<article>\n<script>b()</script>\n</article>",
        encoding="utf-8",
    )
    (tmp_path / "zh" / "index.html").write_text(
        '<head><script>a()</script></head>\n<body>\n<a href=x onclick="c()">x</a>', encoding="utf-8"
    )
    result = site_policy(tmp_path)
    assert result.hashes == {script_hash("a()"): "index.html"}
    assert result.problems == [
        "index.html:3: inline <script> in the page's content is blocked by the "
        "Content-Security-Policy; put the code in a script file",
        "zh/index.html:3: inline event handler onclick= is blocked by the "
        "Content-Security-Policy; attach the handler from a script file",
    ]


# End to end: the hook in a strict build of the two-page fixture


def with_csp_hook(config: dict) -> None:
    config["hooks"].append(str(REPO / "hooks" / "csp_hooks.py"))


@pytest.mark.slow
def test_the_build_writes_the_include_for_its_own_scripts(tmp_path: Path) -> None:
    build = build_variant(tmp_path, {}, with_csp_hook)
    assert build.returncode == 0, build.log
    header = header_from_include((build.site / INCLUDE_PATH).read_text(encoding="utf-8"))
    assert header == site_policy(build.site).header
    assert header.count("'sha256-") >= 4  # Material's own, on every page


@pytest.mark.slow
def test_a_script_in_a_page_fails_the_strict_build(tmp_path: Path) -> None:
    build = build_variant(tmp_path, {"zh/index.md": "<script>alert(1)</script>"}, with_csp_hook)
    assert build.returncode != 0
    assert "WARNING -  csp: zh/index.html:" in build.log
    assert "inline <script> in the page's content (docs/zh/index.md) is blocked" in build.log
    assert "Traceback" not in build.log
