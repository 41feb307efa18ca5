"""A page is untrusted input: every way in that could run code or load from the network in a
reader's browser is refused, each shown beside the clean way to write the same thing.

Each way in is fed to both layers: the source check (`unsafe_markdown`, run by check_site on both
languages) and the backstop on the HTML Python-Markdown makes of it (`unsafe_html`, run by
hooks/translations/plugin.py), with the extensions of the real mkdocs.yml."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import markdown
import pytest
import yaml

from translations.checks.report import check_site
from translations.checks.safety import unsafe_html, unsafe_markdown
from translations.model import InputError
from translations.read.source import split_front_matter

from .conftest import PLUGINS, REPO, TODAY, make_tree


def _extensions() -> tuple[list[str], dict[str, dict]]:
    names, configs = [], {}
    for entry in yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        configs[name] = config or {}
    return names, configs


EXTENSIONS = _extensions()


def to_html(body: str) -> str:
    """The page's HTML as the build's Python-Markdown makes it."""
    names, configs = EXTENSIONS
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(body)


def source_problems(body: str) -> list[str]:
    return unsafe_markdown(split_front_matter(f"---\ntitle: T\n---\n{body}\n", "docs/en/p.md"))


# (way in, the attack, what the source check says, the clean way to write it)
WAYS_IN = [
    ("script", "<script>alert(1)</script>", "HTML tag <script> is not allowed", "`<script>`"),
    (
        "script-split-case",
        "Text\n\n<SCRIPT\n>alert(1)</SCRIPT>",
        "HTML tag <script> is not allowed",
        "Text\n\n```html\n<script>alert(1)</script>\n```",
    ),
    (
        "event-attribute",
        '<div class="grid" markdown onclick="alert(1)">\n\nx\n\n</div>',
        "HTML tag <div> must be written plainly",
        '<div class="grid" markdown>\n\nx\n\n</div>',
    ),
    (
        "event-attribute-plain-value",
        '<span class="x" onclick="go">x</span>',
        "attribute `onclick` of <span> runs code",
        '<span class="x">x</span>',
    ),
    (
        "event-attribute-unquoted",
        "<span/onmouseover=alert(1)>x</span>",
        "HTML tag <span> must be written plainly",
        '<span class="x">x</span>',
    ),
    ("img-onerror", "<img src=x onerror=alert(1)>", "HTML tag <img> is not allowed", "![x](x.png)"),
    ("svg", "<svg onload=alert(1)>", "HTML tag <svg> is not allowed", "![diagram](diagram.png)"),
    (
        "math",
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        "HTML tag <math> is not allowed",
        "x",
    ),
    (
        "iframe",
        '<iframe src="https://evil.example/"></iframe>',
        "HTML tag <iframe> is not allowed",
        "[the video](https://www.activecampaign.com/)",
    ),
    (
        "object",
        '<object data="https://evil.example/x.swf"></object>',
        "HTML tag <object> is not allowed",
        "[x](https://www.activecampaign.com/)",
    ),
    (
        "embed",
        '<embed src="https://evil.example/x.swf">',
        "HTML tag <embed> is not allowed",
        "[x](https://www.activecampaign.com/)",
    ),
    (
        "link",
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        "HTML tag <link> is not allowed",
        '<span class="x">styled by site.css</span>',
    ),
    (
        "meta-refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "HTML tag <meta> is not allowed",
        "[next page](pricing.md)",
    ),
    (
        "base",
        '<base href="https://evil.example/">',
        "HTML tag <base> is not allowed",
        "[x](pricing.md)",
    ),
    (
        "form",
        '<form action="https://evil.example/"><input name=q></form>',
        "HTML tag <form> is not allowed",
        "[the form](https://www.activecampaign.com/)",
    ),
    (
        "video",
        '<video src="https://evil.example/v.mp4"></video>',
        "HTML tag <video> is not allowed",
        "[the video](https://www.activecampaign.com/)",
    ),
    (
        "raw-link",
        '<a href="javascript:alert(1)">x</a>',
        "HTML tag <a> is not allowed",
        "[x](pricing.md)",
    ),
    (
        "style-import",
        "<style>@import url(https://evil.example/x.css)</style>",
        "HTML tag <style> is not allowed",
        '<span class="x">x</span>',
    ),
    (
        "style-attribute",
        'A <span style="background:url(https://evil.example/t.png)">b</span>',
        "HTML tag <span> must be written plainly",
        'A <span class="x">b</span>',
    ),
    (
        "javascript-link",
        "[click](javascript:alert(1))",
        "link to a javascript: URL is not allowed",
        "[click](pricing.md)",
    ),
    (
        "javascript-link-entity",
        "[click](&#106;avascript:alert(1))",
        "link to a javascript: URL is not allowed",
        "[click](https://www.activecampaign.com/)",
    ),
    (
        "javascript-link-tab-entity",
        "[click](java&#9;script:alert(1))",
        "link to a javascript: URL is not allowed",
        "[click](pricing.md#plans)",
    ),
    (
        "javascript-link-case",
        "[click](JaVaScRiPt:alert(1))",
        "link to a javascript: URL is not allowed",
        "[mail us](mailto:help@example.org)",
    ),
    (
        "vbscript-link",
        "[click](vbscript:msgbox(1))",
        "link to a vbscript: URL is not allowed",
        "[click](pricing.md)",
    ),
    (
        "data-link",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "link to a data: URL is not allowed",
        "[x](pricing.md)",
    ),
    (
        "javascript-autolink",
        "<javascript:alert(1)>",
        "link to a javascript: URL is not allowed",
        "<https://www.activecampaign.com/>",
    ),
    (
        "remote-image",
        "![x](https://evil.example/pixel.png)",
        "image from a https: URL is not allowed",
        "![x](pixel.png)",
    ),
    (
        "protocol-relative-image",
        "![x](//evil.example/p.png)",
        "image from an address outside the site is not allowed",
        "![x](../img/p.png)",
    ),
    (
        "backslash-image",
        "![x](\\\\\\\\evil.example\\p.png)",
        "image from an address outside the site is not allowed",
        "![x](img/p.png)",
    ),
    (
        "data-image",
        "![x](data:image/png;base64,iVBOR)",
        "image from a data: URL is not allowed",
        "![x](p.png)",
    ),
    ("svg-image", "![x](diagram.svg)", "image diagram.svg is not a PNG", "![x](diagram.webp)"),
    (
        "image-with-nested-brackets",
        "![a [b] c](https://evil.example/p.png)",
        "image from a https: URL is not allowed",
        "![a [b] c](p.png)",
    ),
    (
        "reference-link",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "link to a javascript: URL is not allowed",
        "[x][r]\n\n[r]: https://www.activecampaign.com/",
    ),
    (
        "reference-image",
        "![x][p]\n\n[p]: https://evil.example/p.png",
        "image from a https: URL is not allowed",
        "![x][p]\n\n[p]: p.png",
    ),
    (
        "reference-image-shortcut",
        "![p]\n\n[p]: https://evil.example/p.png",
        "image from a https: URL is not allowed",
        "[p]\n\n[p]: https://www.activecampaign.com/",
    ),
    (
        "reference-image-collapsed",
        "![pic][]\n\n[pic]: https://evil.example/p.png",
        "image from a https: URL is not allowed",
        "![pic][]\n\n[pic]: pic.png",
    ),
    (
        "attr-list-event",
        'Text\n{onclick="alert(1)"}',
        "attribute list sets `onclick`, which runs code",
        "Text\n{.note}",
    ),
    (
        "attr-list-href",
        '[x](pricing.md){href="javascript:alert(1)"}',
        "attribute list sets `href`, which is not allowed",
        "[x](pricing.md){.md-button}",
    ),
    (
        "attr-list-src",
        '![x](a.png){src="https://evil.example/p.png"}',
        "attribute list sets `src`, which is not allowed",
        "![x](a.png){width=300}",
    ),
    (
        "attr-list-style",
        'Text\n{style="background:url(https://evil.example/p.png)"}',
        "attribute list sets `style`, which is not allowed",
        'Text\n{title="A note"}',
    ),
    (
        "attr-list-heading",
        '## T {#t onmouseover="alert(1)"}',
        "attribute list sets `onmouseover`, which runs code",
        "## T {#t}",
    ),
    (
        "comment-ended-by-browser",
        "<!-- x --!><script>alert(1)</script> -->",
        "an HTML comment may hold only plain text",
        "<!-- pricing:plans -->",
    ),
    (
        "comment-opened-in-code",
        "`<!--`\n<script>alert(1)</script>\n<!-- note -->",
        "HTML tag <script> is not allowed",
        "`<!--`\n\n<!-- note -->",
    ),
    (
        "escaped-backticks",
        "\\`<script>alert(1)</script>\\`",
        "HTML tag <script> is not allowed",
        "`<script>alert(1)</script>`",
    ),
    (
        "raw-html-block",
        "<div>\n`<script>alert(1)</script>`\n</div>",
        "a <div> block needs the markdown attribute",
        "<div markdown>\n\n`<script>alert(1)</script>`\n\n</div>",
    ),
    (
        "tab-indented-fence",
        "\t```\n<script>alert(1)</script>\n```",
        "HTML tag <script> is not allowed",
        "```\n<script>alert(1)</script>\n```",
    ),
    ("doctype", "<!DOCTYPE html>", "`<!` starts markup that is not allowed", "`<!DOCTYPE html>`"),
    (
        "processing-instruction",
        "<?php echo 1; ?>",
        "`<?` starts markup that is not allowed",
        "`<?php echo 1; ?>`",
    ),
    (
        "admonition-title",
        '!!! note "<img src=x onerror=alert(1)>"\n    Body',
        "HTML tag <img> is not allowed",
        '!!! note "A title"\n    Body',
    ),
    (
        "table-cell",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | c |",
        "HTML tag <img> is not allowed",
        "| a | b |\n|---|---|\n| ![x](x.png) | c |",
    ),
]
IDS = [way[0] for way in WAYS_IN]


@pytest.mark.parametrize(("way", "attack", "message", "clean"), WAYS_IN, ids=IDS)
def test_the_source_check_refuses_it(way: str, attack: str, message: str, clean: str) -> None:
    problems = source_problems(attack)
    assert problems, f"{way} passed the source check"
    for problem in problems:
        path, line, _ = problem.split(":", 2)
        assert path == "docs/en/p.md"
        assert 4 <= int(line) < 4 + len(attack.split("\n"))  # the page starts on line 4
    assert any(message in problem for problem in problems), problems


@pytest.mark.parametrize(("way", "attack", "message", "clean"), WAYS_IN, ids=IDS)
def test_the_clean_page_beside_it_passes(way: str, attack: str, message: str, clean: str) -> None:
    assert source_problems(clean) == []
    assert unsafe_html(to_html(clean)) == []


@pytest.mark.parametrize(("way", "attack", "message", "clean"), WAYS_IN, ids=IDS)
def test_the_html_backstop_refuses_it(way: str, attack: str, message: str, clean: str) -> None:
    assert unsafe_html(to_html(attack)), f"{way} passed the HTML check:\n{to_html(attack)}"


def test_a_fence_markdown_reads_as_indented_code_is_caught_by_the_backstop() -> None:
    """A differential: four spaces before the fence make it indented code for Python-Markdown,
    so the next line is raw HTML. The source check reads a fence there; the HTML check holds it."""
    attack = "Para\n\n    ```\n<script>alert(1)</script>\n    ```"
    assert source_problems(attack) == []  # the gap the backstop exists for
    assert unsafe_html(to_html(attack)) == [
        ("<script", "<script> is not allowed: a page cannot run code; show it as code: `...` "
         "or a fenced block"),
    ]  # fmt: skip


# Markdown the source reading takes for code and Python-Markdown does not: the reason the rule is
# also read on the HTML (checks/safety.py).
MISREAD_AS_CODE = [
    "Para\n\n```\n<script>alert(1)</script>\n",  # a fence never closed
    "```\n<script>alert(1)</script>\n````",  # closed by a longer fence
    "```\n<script>alert(1)</script>\n    ```",  # closed at another indentation
    "```a b c\n<script>alert(1)</script>\n```",  # a fence with options superfences refuses
    "> ```\n<script>alert(1)</script>\n> ```",  # a raw HTML block cuts the code span
    "- x\n\n    ```\n<script>alert(1)</script>\n    ```",  # a list fence left unindented
]


@pytest.mark.parametrize("attack", MISREAD_AS_CODE)
def test_what_the_source_reading_takes_for_code_is_caught_on_the_html(attack: str) -> None:
    assert ("<script", SCRIPT_REFUSED) in unsafe_html(to_html(attack)), to_html(attack)


SCRIPT_REFUSED = (
    "<script> is not allowed: a page cannot run code; show it as code: `...` or a fenced block"
)


def test_code_in_a_list_item_fence_is_code() -> None:
    body = '1. Add the snippet:\n\n    ```html\n    <script src="tracking.js"></script>\n    ```\n'
    assert source_problems(body) == []
    assert unsafe_html(to_html(body)) == []


def test_prose_that_only_looks_like_markup_passes() -> None:
    body = (
        "If a < b and x<3, see <https://www.activecampaign.com/> or <help@example.org>.\n"
        "Merge tags such as {contact} stay text; press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>\n"
    )
    assert source_problems(body) == []
    assert unsafe_html(to_html(body)) == []


def test_every_problem_of_a_page_is_named_with_its_line() -> None:
    body = "Intro\n\n<script>alert(1)</script>\n\n![x](https://evil.example/p.png)\n"
    assert source_problems(body) == [
        "docs/en/p.md:6: HTML tag <script> is not allowed: a page cannot run code; "
        "show it as code: `...` or a fenced block",
        "docs/en/p.md:8: image from a https: URL is not allowed (it loads when the page is "
        "read); write ![alt](file.png) with a PNG, JPEG, GIF or WebP file next to the page",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_check_site_refuses_it_in_either_language(tmp_path: Path, lang: str) -> None:
    root, _ = make_tree(tmp_path)
    page = root / f"docs/{lang}/index.md"
    page.write_text(page.read_text("utf-8") + "\n[x](javascript:alert(1))\n", "utf-8")
    with pytest.raises(InputError) as error:
        check_site(root, today=TODAY)
    line = page.read_text("utf-8").count("\n")
    assert error.value.problems == [
        f"docs/{lang}/index.md:{line}: link to a javascript: URL is not allowed (it can run "
        "code); write a Markdown link: [text](page.md) or [text](https://...)"
    ]


@pytest.mark.parametrize("name", ["evil.html", "guides/app.js", "diagram.svg", "notes"])
def test_files_published_unchecked_are_refused(tmp_path: Path, name: str) -> None:
    root, _ = make_tree(tmp_path)
    (root / "docs/en" / name).write_text("<script>alert(1)</script>", "utf-8")
    (root / "docs/en/chart.png").write_bytes(b"\x89PNG")  # clean: an image beside them
    with pytest.raises(InputError) as error:
        check_site(root, today=TODAY)
    assert len(error.value.problems) == 1
    assert error.value.problems[0].startswith(f"docs/en/{name}:1: a ")
    assert (
        "only Markdown pages and PNG, JPEG, GIF or WebP images may be in docs/"
        in (error.value.problems[0])
    )


def test_a_title_cannot_break_out_of_the_head(tmp_path: Path) -> None:
    """The theme writes title and description into <title> and <meta> without escaping."""
    root, _ = make_tree(tmp_path)
    page = root / "docs/en/index.md"
    page.write_text(
        page.read_text("utf-8").replace("title: Start", "title: </title><script>x</script>"),
        "utf-8",
    )
    with pytest.raises(InputError) as error:
        check_site(root, today=TODAY)
    assert error.value.problems == [
        'docs/en/index.md:2: `title` must not contain <, > or "; write ‹ › or “ ” instead'
    ]


def test_the_real_site_contains_none_of_it() -> None:
    """Every page of docs/, in both languages, passes both layers."""
    pages = sorted((REPO / "docs").rglob("*.md"))
    assert len(pages) > 40
    for path in pages:
        rel = path.relative_to(REPO).as_posix()
        source = split_front_matter(path.read_text("utf-8"), rel)
        assert unsafe_markdown(source) == [], rel
        assert unsafe_html(to_html(source.body)) == [], rel


# HTML the reader refuses, each close to the plain HTML Python-Markdown writes.
REFUSED_HTML = [
    '<p><a href="javascript:alert(1)">x</a></p>',
    '<p><a href="java&#115;cript:alert(1)">x</a></p>',
    '<p><a href="HTTPS://ok.example/">ok</a><a href="jav&#x09;ascript:x">x</a></p>',
    '<p onclick="alert(1)">x</p>',
    '<p ONCLICK="alert(1)">x</p>',
    '<p title="x" onmouseover="alert(1)">x</p>',
    '<p title="a>b" onclick="alert(1)">x</p>',
    "<p title=x onclick=alert(1)>x</p>",
    '<div style="background:url(https://evil.example/)">x</div>',
    "<p>x</p><script>alert(1)</script>",
    "<p>x</p><SCRIPT>alert(1)</SCRIPT>",
    "<p>x</p><scripts>alert(1)</scripts>",
    '<p><img src="https://evil.example/p.png" alt="x"></p>',
    '<p><input type="text" value="x"></p>',
    "<svg><script>alert(1)</script></svg>",
    "<!DOCTYPE html><p>x</p>",
    "<p>x</p><?php echo 1; ?>",
    '<p>x</p><iframe src="https://evil.example/"></iframe>',
    '<p>x</p><a\nhref="javascript:x">y</a>',
]


@pytest.mark.parametrize("html", REFUSED_HTML)
def test_html_close_to_plain_is_refused(html: str) -> None:
    assert unsafe_html(html), html


MKDOCS_YML = """\
site_name: Safety fixture
docs_dir: docs
use_directory_urls: false
markdown_extensions: [attr_list, md_in_html, tables, pymdownx.superfences]
plugins:
{plugins}      check: false
      compare: false
      raw_html: safe
"""


def test_the_build_stops_before_writing_what_only_the_html_shows(tmp_path: Path) -> None:
    (tmp_path / "docs/en").mkdir(parents=True)
    attack = "# T\n\nPara\n\n    ```\n<script>alert(1)</script>\n    ```\n"
    (tmp_path / "docs/en/index.md").write_text(attack, "utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(repo=REPO, plugins=PLUGINS), "utf-8")
    mkdocs = REPO / ".venv/bin/mkdocs"
    command = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    site = tmp_path / "site"
    result = subprocess.run(
        [*command, "build", "-f", str(tmp_path / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "translations: docs/en/index.md:6: <script> is not allowed" in output
    assert "Traceback" not in output
    assert not (site / "index.html").exists()


# Markup repeated a few thousand times: the old source check scanned the page once per `](`,
# `![` or `<!--` and took 10 to 35 s on each of these (minutes at the size budget).
@pytest.mark.parametrize(
    "flood",
    ["](" * 4_000, "![" * 10_000, "\\](" * 4_000, "<!--" * 30_000],
    ids=["link-ends", "image-starts", "escaped-link-ends", "comment-starts"],
)
def test_repeated_markup_is_read_in_linear_time(flood: str) -> None:
    start = time.perf_counter()
    source_problems(flood)
    assert time.perf_counter() - start < 3
