"""A site's own rules are options (`plugins: - translations:`): which raw HTML a page may hold,
images from the web, required front matter, other files in docs/. Each is planted on the tiny
tree: this repository's strict setting reports it with file and line, the default (an ordinary
site's) lets it pass. What runs code or loads from the network is refused under both."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.checks.safety import HtmlPolicy, unsafe_html
from translations.config import STRICT, SiteConfig
from translations.lifecycle.staleness import stamp_pages
from translations.model import InputError
from translations.options import read_site_config, validated

from .conftest import REPO, TODAY, make_tree
from .test_untrusted_pages import to_html

POLICIES = (
    "raw_html",
    "remote_images",
    "require_front_matter",
    "only_pages_in_docs",
    "heading_ids",
    "name_facts",
    "exact_code",
)
DEFAULT = SiteConfig()
SAFE = replace(DEFAULT, raw_html="safe")  # the default, but nothing that runs or loads
THIS_SITE = read_site_config(REPO)  # the repository's own mkdocs.yml
BOTH = pytest.mark.parametrize("config", [THIS_SITE, SAFE], ids=["strict", "safe"])


def test_this_site_sets_every_policy_strict_and_the_defaults_are_lenient() -> None:
    assert {name: getattr(THIS_SITE, name) for name in POLICIES} == {
        name: getattr(STRICT, name) for name in POLICIES
    }
    assert (DEFAULT.raw_html, DEFAULT.remote_images) == ("trusted", True)
    assert (DEFAULT.require_front_matter, DEFAULT.only_pages_in_docs) == (False, False)
    assert (DEFAULT.name_facts, DEFAULT.exact_code) == (False, False)
    assert replace(STRICT, **{name: getattr(DEFAULT, name) for name in POLICIES}) == DEFAULT


def test_a_wrong_policy_value_names_the_file() -> None:
    with pytest.raises(InputError) as caught:
        validated({"raw_html": "loose"})
    assert caught.value.problems[0].startswith("mkdocs.yml:1: plugins.translations.raw_html:")


def plant(root: Path, text: str) -> list[str]:
    """Append `text` to the English and Chinese start pages (restamped, so the pair agrees);
    returns where it starts in each, as `file:line: `."""
    where = []
    for lang in ("en", "zh"):
        path = root / "docs" / lang / "index.md"
        before = path.read_text("utf-8").rstrip("\n") + "\n\n"
        path.write_text(before + text + "\n", "utf-8")
        where.append(f"docs/{lang}/index.md:{before.count(chr(10)) + 1}: ")
    stamp_pages(root / "docs", [])
    return where


def problems(root: Path, config: SiteConfig) -> list[str]:
    """The input errors of a run (none: the checks ran to the end)."""
    try:
        check_site(root, today=TODAY, config=config)
    except InputError as error:
        return error.problems
    return []


RAW_HTML = '<p align="center">Hello<br>there</p>\n\n<table>\n<tr><td>1</td></tr>\n</table>'


def test_raw_html_is_the_sites_choice(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    en, zh = plant(root, RAW_HTML)
    found = problems(root, THIS_SITE)
    advice = "write Markdown (CONTRIBUTING.md lists the HTML a page may use)"
    assert f"{en}HTML tag <p> is not allowed: {advice}" in found
    table = zh.replace(zh.split(":")[1], str(int(zh.split(":")[1]) + 2))  # two lines down
    assert f"{table}HTML tag <table> is not allowed: {advice}" in found
    assert problems(root, DEFAULT) == []
    # nor does the build's backstop refuse it (its strict reading allows what Markdown writes)
    assert unsafe_html(to_html(RAW_HTML), HtmlPolicy.of(DEFAULT)) == []


@pytest.mark.parametrize(
    "image",
    [
        "![Logo](https://example.com/logo.png)",
        "![Build](https://img.shields.io/badge/build-passing-green)",  # no file type
        '<img src="https://example.com/logo.png" alt="Logo" width="40">',
    ],
)
def test_remote_images_are_the_sites_choice(tmp_path: Path, image: str) -> None:
    root, _ = make_tree(tmp_path)
    where = plant(root, image)
    refused = [
        f"{at}image from a https: URL is not allowed (it loads when the page is read); write "
        "![alt](file.png) with a PNG, JPEG, GIF or WebP file next to the page"
        for at in where
    ]
    if image.startswith("!"):
        assert problems(root, THIS_SITE) == refused
    else:  # raw <img> is refused by the strict raw HTML policy first
        assert [p[: len(where[0])] for p in problems(root, THIS_SITE)][:1] == where[:1]
    assert problems(root, DEFAULT) == []
    assert problems(root, replace(SAFE, remote_images=False)) == refused


def test_required_front_matter_is_the_sites_choice(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    page = root / "docs/en/index.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("description: A tiny bilingual site for the checks.\n", ""))
    stamp_pages(root / "docs", [])
    assert problems(root, THIS_SITE) == [
        "docs/en/index.md:1: front matter has no `description`; add `description: <text>` "
        "(one sentence for search engines and previews)"
    ]
    assert problems(root, DEFAULT) == []
    # a key that is there is checked all the same
    page.write_text(text.replace("description:", "roles: 5\ndescription:"))
    for config in (THIS_SITE, DEFAULT):
        assert problems(root, config)[0].startswith("docs/en/index.md:3: `roles` must be a list")


def plant_pair(root: Path, en_text: str, zh_text: str) -> None:
    """Append a different text to each start page (restamped)."""
    for lang, text in (("en", en_text), ("zh", zh_text)):
        path = root / "docs" / lang / "index.md"
        path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\n" + text + "\n", "utf-8")
    stamp_pages(root / "docs", [])


def issues(root: Path, config: SiteConfig) -> list[str]:
    return [issue.message for issue in check_site(root, today=TODAY, config=config).issues]


def test_names_with_inner_capitals_are_the_sites_choice(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    plant_pair(root, "Most teams start on LinkedIn.", "大多数团队从领英开始。")
    assert any("lacks LinkedIn" in message for message in issues(root, THIS_SITE))
    assert not any("LinkedIn" in message for message in issues(root, DEFAULT))


TRANSLATED_CODE = (
    "```bash\npip install notes-cli  # {comment}\nnotes-cli sync <{placeholder}>\n```\n\n"
    "Name the file `{{{name}}}.md`."
)


def test_translated_words_in_code_are_the_sites_choice(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    en = TRANSLATED_CODE.format(comment="the CLI", placeholder="folder", name="title")
    zh = TRANSLATED_CODE.format(comment="命令行工具", placeholder="文件夹", name="标题")
    plant_pair(root, en, zh.replace("Name the file", "文件名为"))
    strict = issues(root, THIS_SITE)
    assert any(message.startswith("code block 1 of section") for message in strict)
    assert any("`{标题}.md` does not match the English" in message for message in strict)
    assert issues(root, DEFAULT) == []
    # a changed command is still a difference
    plant_pair(root, "```bash\nnotes-cli sync\n```", "```bash\nnotes-cli pull\n```")
    assert any(m.startswith("code block 2 of section") for m in issues(root, DEFAULT))


def test_other_files_in_docs_are_the_sites_choice(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    (root / "docs/assets").mkdir()
    (root / "docs/assets/extra.css").write_text("a { color: red; }\n", "utf-8")
    (root / "docs/en/manual.pdf").write_bytes(b"%PDF-1.4\n")
    assert problems(root, THIS_SITE) == [
        "docs/assets/extra.css:1: a .css file is published unchecked; only Markdown pages and "
        "PNG, JPEG, GIF or WebP images may be in docs/",
        "docs/en/manual.pdf:1: a .pdf file is published unchecked; only Markdown pages and "
        "PNG, JPEG, GIF or WebP images may be in docs/",
    ]
    assert problems(root, DEFAULT) == []


@pytest.mark.parametrize("config", [THIS_SITE, SAFE, DEFAULT], ids=["strict", "safe", "trusted"])
def test_a_link_out_of_the_repository_is_refused_under_every_policy(
    tmp_path: Path, config: SiteConfig
) -> None:
    root, _ = make_tree(tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text("secret\n", "utf-8")
    os.symlink(outside, root / "docs/en/secret.txt")
    (found,) = problems(root, config)
    assert found.startswith("docs/en/secret.txt:1: a symbolic link to ")


# (what is planted, what the source check says): code, handlers, network, whatever the policy
ALWAYS_REFUSED = [
    ("<script>alert(1)</script>", "HTML tag <script> is not allowed: a page cannot run code"),
    ('<p onclick="alert(1)">x</p>', None),
    ('<img src="x.png" onerror="alert(1)">', None),
    ("[x](javascript:alert(1))", "link to a javascript: URL is not allowed"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', None),
    ('<iframe src="https://example.com"></iframe>', "HTML tag <iframe> is not allowed"),
    ('<td style="background: url(https://example.com/t.png)">x</td>', None),
    ("![x](data:image/png;base64,AAAA)", "image from a data: URL is not allowed"),
    ("Text {: onclick=alert(1) }", None),
]


@BOTH
@pytest.mark.parametrize(("attack", "message"), ALWAYS_REFUSED)
def test_code_and_the_network_are_refused_under_every_policy(
    tmp_path: Path, config: SiteConfig, attack: str, message: str | None
) -> None:
    root, _ = make_tree(tmp_path)
    where = plant(root, attack)
    found = problems(root, config)
    assert [p[: len(at)] for p, at in zip(found[:1] + found[-1:], where, strict=True)] == where
    if message is not None:
        assert message in found[0], found
    if config is SAFE and "{" not in attack:
        assert unsafe_html(to_html(attack), HtmlPolicy.of(config)), to_html(attack)


@pytest.mark.parametrize(("attack", "message"), ALWAYS_REFUSED)
def test_a_site_that_trusts_its_pages_is_read_as_mkdocs_reads_it(
    tmp_path: Path, attack: str, message: str | None
) -> None:
    """`raw_html: trusted` (the default): an ordinary site's iframe or script is its own
    choice, not an input error; the pair is still compared."""
    root, _ = make_tree(tmp_path)
    plant(root, attack)
    assert problems(root, DEFAULT) == []
    assert unsafe_html(to_html(attack), HtmlPolicy.of(DEFAULT)) == []
