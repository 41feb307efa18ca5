"""Hostile input, end to end: the strict build refuses each route with the file and line, the
templates escape what reaches them, and no script that arrived through any route runs in a
reader's browser, from file:// or behind the shipped nginx configuration (CSP).

The routes themselves, case by case through the checks and `make check`, are in
tests/checks/test_hostile_input.py; here each is built once, on the Larkspur fixture site with
every hook of the real site that guards the output (page safety, CSP).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader

from tests.gates.tools import serve_nginx
from tests.sitebuild import REPO, Build, build_config_file, copy_fixture_site
from translations.output.csp import INCLUDE_PATH, inline_scripts, nginx_include, policy

pytestmark = pytest.mark.slow

GUARD = ("      csp: false\n", "      csp: true\n")  # the output guard the fixture turns off
PWNED = "window.__pwned=(window.__pwned||0)+1"  # what an injected script would do


def larkspur(workdir: Path, *edits: Any) -> tuple[Path, Build]:
    """Larkspur with the output guards on, the edits made (each gets the copy's root); built."""
    config = copy_fixture_site("larkspur", workdir / "src")
    text = config.read_text("utf-8")
    assert GUARD[0] in text
    config.write_text(text.replace(*GUARD, 1), "utf-8")
    root = config.parent
    for edit in edits:
        edit(root)
    return root, build_config_file(config)


def edit_file(rel: str, old: str, new: str) -> Any:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit


def outside_link(rel: str) -> Any:
    def edit(root: Path) -> None:
        secret = root.parent / "outside" / "secret.md"
        secret.parent.mkdir(exist_ok=True)
        secret.write_text("---\ntitle: Secret\ndescription: Not ours.\n---\n# S {#s}\n", "utf-8")
        os.symlink(secret, root / rel)

    return edit


TITLE = "title: Install Larkspur\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a, *a, *a, *a, *a]\n"

# (route, edit, what the strict build's log must say)
REFUSED = [
    (
        "front matter read twice",
        edit_file("docs/en/install.md", TITLE, f"{TITLE}title: <script>{PWNED}</script>\n"),
        "ERROR   -  translations: docs/en/install.md:3: malformed front matter: the key `title` is "
        "given twice (also at line 2)",
    ),
    (
        "data file markup",
        edit_file("data/glossary.yml", "zh: 笔记本}", "zh: 笔记本, def: {en: <b>x</b>, zh: x}}"),
        "ERROR   -  translations: data/glossary.yml:4: HTML tag <b> is not allowed",
    ),
    (
        "theme id",
        edit_file("docs/zh/install.md", "\n## ", "\n## 配置 {#__config}\n\n文字。\n\n## "),
        "id `__config` is in the theme's namespace",
    ),
    (
        "symlink outside",
        outside_link("docs/en/secret.md"),
        "ERROR   -  translations: docs/en/secret.md:1: a symbolic link to ",
    ),
    (
        "alias bomb",
        edit_file("data/glossary.yml", "terms:\n", BOMB + "terms:\n"),
        "ERROR   -  translations: data/glossary.yml:3: malformed YAML: a YAML alias (*a)",
    ),
    (
        "page too large",
        edit_file("docs/en/sync.md", "\n## ", "\n" + "Sync all notes. " * 40_000 + "\n\n## "),
        "ERROR   -  translations: docs/en/sync.md:1: file is ",
    ),
]


@pytest.mark.parametrize(("route", "edit", "said"), REFUSED, ids=[r[0] for r in REFUSED])
def test_the_strict_build_refuses_each_route(tmp_path: Path, route: str, edit: Any, said: str):
    _, build = larkspur(tmp_path, edit)
    assert build.returncode != 0
    assert said in build.log
    assert "Traceback" not in build.log
    assert not (build.site / "secret.html").exists()


@pytest.fixture(scope="module")
def benign(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Larkspur with markup behind a YAML comment on the title line: the title is the text the
    parser reads, so the build passes and the markup reaches no page."""
    comment = f"title: Install Larkspur # </title><script>{PWNED}</script>\n"
    _, build = larkspur(
        tmp_path_factory.mktemp("benign"), edit_file("docs/en/install.md", TITLE, comment)
    )
    assert build.returncode == 0, build.log
    return build


def test_markup_behind_a_yaml_comment_reaches_no_page(benign: Build) -> None:
    pages = sorted(benign.site.rglob("*.html"))
    assert any("side-by-side/" in page.as_posix() for page in pages)
    for page in pages:
        assert "__pwned" not in page.read_text("utf-8"), page
    compare = (benign.site / "side-by-side" / "install.html").read_text("utf-8")
    assert "<title>Install Larkspur · Side by side" in compare  # the build's language first


def test_no_injected_script_runs_from_disk(benign: Build, page: Any) -> None:
    for rel in ("side-by-side/install.html", "zh/side-by-side/install.html", "install.html"):
        page.goto((benign.site / rel).as_uri())
        assert page.evaluate("window.__pwned") is None, rel
        assert page.evaluate("typeof __md_scope") == "object", rel  # the theme's own scripts ran


# Behind nginx: the CSP allows only what the templates ship. Scripts are planted straight into
# the built pages, at each place a route above would have put one, as if a check had missed it.

CONTENT = '<div class="md-content"'
PLANTED = {
    "install.html": ("<title>", f"<script>{PWNED}</script><title>"),  # a title in the head
    "zh/install.html": (CONTENT, f"<script>{PWNED}</script>{CONTENT}"),  # a banner
    "side-by-side/install.html": ("</head>", f"<script>{PWNED}</script></head>"),  # compare
    "404.html": ("</body>", f"<script>{PWNED}</script></body>"),  # a template's text
}


def plant(site: Path) -> None:
    for rel, (before, after) in PLANTED.items():
        path = site / rel
        text = path.read_text("utf-8")
        assert before in text, f"{rel}: no {before!r} to plant a script at"
        path.write_text(text.replace(before, after, 1), "utf-8")


def found_policy(site: Path) -> str:
    """The policy of the old hook: every inline script found outside an <article>, hashed."""
    hashes = [
        script.source
        for page in site.rglob("*.html")
        for script in inline_scripts(page.read_text("utf-8"))
        if not script.in_content
    ]
    return policy(hashes)


def runs(page: Any, url: str) -> tuple[Any, Any, list[str]]:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.goto(url)
    return page.evaluate("window.__pwned"), page.evaluate("typeof __md_scope"), refused


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Build:
    _, build = larkspur(tmp_path_factory.mktemp("planted"))
    assert build.returncode == 0, build.log
    plant(build.site)
    return build


@pytest.mark.parametrize("rel", list(PLANTED))
def test_a_planted_script_does_not_run_behind_nginx(
    planted: Build, page: Any, tmp_path: Path, rel: str
) -> None:
    with serve_nginx(planted.site, tmp_path / "nginx") as base:
        pwned, theme, refused = runs(page, f"{base}/{rel}")
    assert pwned is None
    assert theme == "object"  # the theme's inline scripts still run: the policy lists them
    assert refused, "Chromium reported no CSP violation"


def test_control_the_policy_of_found_scripts_lets_it_run(
    planted: Build, page: Any, tmp_path: Path
) -> None:
    """Negative control: with the old policy (every script found in the built pages hashed),
    the same planted script runs: the test above sees the difference."""
    include = planted.site / INCLUDE_PATH
    shipped = include.read_text("utf-8")
    try:
        include.write_text(nginx_include(found_policy(planted.site)), "utf-8")
        with serve_nginx(planted.site, tmp_path / "nginx") as base:
            pwned, _, _ = runs(page, f"{base}/install.html")
    finally:
        include.write_text(shipped, "utf-8")
    assert pwned == 1


# The templates escape every value: rendered with hostile values in place of page and data text


def templates(autoescape: bool = True) -> Environment:
    import material

    folders = [REPO / "overrides", Path(material.__file__).parent / "templates"]
    env = Environment(loader=FileSystemLoader([str(f) for f in folders]))
    if not autoescape:  # the control: our templates as they were, without autoescape
        source = env.loader.get_source  # type: ignore[union-attr]

        def plain(environment: Environment, name: str) -> Any:
            text, filename, uptodate = source(environment, name)
            text = re.sub(r"\{%-? *(end)?autoescape( true)? *-?%\}", "", text)
            return text, filename, uptodate

        env.loader.get_source = plain  # type: ignore[union-attr,method-assign]
    env.filters["url"] = lambda value: value
    return env


HOSTILE = '"><script>alert(1)</script>'


def banner_context() -> dict[str, Any]:
    mkdocs = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    status = {
        "untranslated": True,
        "outdated": True,
        "follows": HOSTILE,
        "first_change": HOSTILE,
        "figures": True,
        "prices_stale": True,
        "prices_as_of": HOSTILE,
        "prices_verified": HOSTILE,
        "verify_url": f"https://x.example/{HOSTILE}",
    }
    meta = {"ac_status": status, "ac_english_url": HOSTILE, "ac_compare": HOSTILE}
    return {
        "page": SimpleNamespace(meta=meta),
        "config": {
            "extra": {"ui": mkdocs["extra"]["ui"]},
            "plugins": {"i18n": SimpleNamespace(default_language="en")},
        },
    }


def test_the_banners_escape_page_and_data_values() -> None:
    html = templates().get_template("partials/banners.html").render(banner_context())
    assert "<script>" not in html
    assert html.count("&lt;script&gt;") >= 6
    assert '<a href="https://x.example/&#34;&gt;&lt;script&gt;' in html  # a link, its URL text


def test_control_without_autoescape_the_script_gets_through() -> None:
    html = (
        templates(autoescape=False).get_template("partials/banners.html").render(banner_context())
    )
    assert "<script>alert(1)</script>" in html


def test_every_template_of_ours_is_autoescaped() -> None:
    for template in sorted((REPO / "overrides").rglob("*.html")):
        text = template.read_text("utf-8")
        if "{{" in text:
            assert "{% autoescape true %}" in text, template
