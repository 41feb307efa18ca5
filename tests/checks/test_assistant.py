"""The Markdown for assistants (translations/export/assistant.py): twins rendered from the sources,
banners as notes, the path finder from its data, llms.txt in the llmstxt.org shape."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from tests.sitebuild import load_config, plugin
from translations.export.assistant import (
    Note,
    Section,
    Twin,
    banner_notes,
    llms_full,
    llms_txt,
    rebase_links,
    tags_markdown,
    twin_body,
    with_notes,
)
from translations.model import InputError
from translations.read.data import SiteData, load_data
from translations.render.pathfinder import Group, Link, PathFinder, finder_markdown

from .conftest import RELATED, REPO

# Each language's interface text, as mkdocs.yml sets it (static-i18n: a language's own extra).
_CONFIG = load_config()
UI = {
    lang["locale"]: (lang.get("extra") or _CONFIG["extra"])["ui"]
    for lang in plugin(_CONFIG, "i18n")["languages"]
}

PRICING_PAGE = """---
title: Pricing
description: Plans and prices.
---

# Pricing {#pricing}

Prices as of March 2026. See `/sales-lead-score` for scoring.

<!-- pricing:plans -->

<!-- a note for editors -->
<div class="grid cards" markdown>

- **Plans**

</div>

```html
<!-- pricing:plans -->
```
"""


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_data(REPO / "data")


def test_twin_body_is_the_rendered_page_without_front_matter_or_markers(data: SiteData) -> None:
    body = twin_body(
        PRICING_PAGE,
        lang="en",
        page_name="pricing.md",
        rel="docs/en/pricing.md",
        data=data,
        related_page=RELATED,
    )
    assert body.startswith("# Pricing {#pricing}\n")  # front matter gone, heading id kept
    assert "| Starter | $15/mo | 10x contact limit |" in body  # the table, from data/pricing.yml
    assert "[`/sales-lead-score`](related-skills.md#sales-lead-score)" in body  # skill linked
    assert "a note for editors" not in body and "<div" not in body and "</div>" not in body
    assert "```html\n<!-- pricing:plans -->\n```" in body  # code is shown as written
    assert "\n\n\n" not in body and body.endswith("\n")


def test_twin_body_in_chinese_has_the_chinese_table(data: SiteData) -> None:
    page = PRICING_PAGE.replace("# Pricing", "# 定价")
    body = twin_body(
        page,
        lang="zh",
        page_name="pricing.md",
        rel="docs/zh/pricing.md",
        data=data,
        related_page=RELATED,
    )
    assert "| Starter（入门版） | 15 美元/月 |" in body


def test_widgets_stand_where_their_marker_stands(data: SiteData) -> None:
    page = "# Start {#start}\n\n<!-- pathfinder -->\n\n<!-- material/tags -->\n"
    body = twin_body(
        page,
        lang="en",
        page_name="index.md",
        rel="docs/en/index.md",
        data=data,
        related_page=RELATED,
        widgets={"pathfinder": "### By area {#paths-by-area}"},
    )
    assert body == "# Start {#start}\n\n### By area {#paths-by-area}\n"


def test_an_unknown_marker_stops_with_file_and_line(data: SiteData) -> None:
    page = "---\ntitle: X\n---\n\n# X {#x}\n\n<!-- pricing:plan -->\n"
    with pytest.raises(InputError) as error:
        twin_body(
            page, lang="en", page_name="x.md", rel="docs/en/x.md", data=data, related_page=RELATED
        )
    assert error.value.problems[0].startswith("docs/en/x.md:7: unknown marker <!-- pricing:plan")


def render_banners(lang: str, **status: object) -> str:
    """overrides/partials/banners.html as the site renders it, for one status."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "overrides"))
    env.filters["url"] = lambda value: value
    full = {"untranslated": False, "outdated": False, "prices_stale": False, "figures": False}
    full.update(prices_as_of="March 2026", verify_url="https://www.activecampaign.com/pricing")
    full.update(status)
    page = {"meta": {"ac_status": full, "ac_english_url": "../pricing.html"}}
    config = {
        "theme": {"language": lang},
        "extra": {"ui": UI[lang]},
        "plugins": {"i18n": {"default_language": "en"}},
    }
    return env.get_template("partials/banners.html").render(page=page, config=config)


@pytest.mark.parametrize(
    ("lang", "status", "expected"),
    [
        (
            "en",
            {"untranslated": True},
            Note(
                "Not translated",
                "This page has not been translated yet; the original is shown below.",
            ),
        ),
        (
            "en",
            {"figures": True, "figures_full": True, "prices_stale": True},
            Note(
                "Prices may be out of date",
                "Prices, plan availability and send limits on this page are as of March 2026 and "
                "may have changed. Verify current pricing at [https://www.activecampaign.com/pricing]"
                "(https://www.activecampaign.com/pricing).",
            ),
        ),
        (
            "en",
            {"figures": True, "figures_full": True},
            Note(
                "",
                "Prices, plan availability and send limits on this page are as of March 2026. "
                "Verify current pricing at [https://www.activecampaign.com/pricing]"
                "(https://www.activecampaign.com/pricing).",
            ),
        ),
        # a page without the price tables: the note is one line (issue 26)
        (
            "en",
            {"figures": True, "prices_stale": True},
            Note(
                "",
                "Plans and prices are as of March 2026 and may have changed · "
                "[verify](https://www.activecampaign.com/pricing)",
            ),
        ),
        (
            "zh",
            {"figures": True},
            Note(
                "", "套餐与价格为 March 2026的数据 · [核实](https://www.activecampaign.com/pricing)"
            ),
        ),
        (
            "zh",
            {"outdated": True},
            Note(
                "译文可能已过时",
                "英文原文在本译文更新后已有修改，部分内容可能与英文版不一致。"
                "请阅读[英文版](../pricing.md)。",
            ),
        ),
    ],
)
def test_each_banner_becomes_a_one_line_note_in_the_readers_language(
    lang: str, status: dict, expected: Note
) -> None:
    notes = banner_notes(render_banners(lang, **status))
    assert notes == [expected]


def test_a_page_without_banners_has_no_notes() -> None:
    assert banner_notes(render_banners("en")) == []


def test_notes_go_under_the_title() -> None:
    body = "# Pricing {#pricing}\n\nText.\n"
    text = with_notes(body, [Note("译文可能已过时", "请参阅英文版。")], "zh")
    assert text == "# Pricing {#pricing}\n\n> **译文可能已过时**：请参阅英文版。\n\nText.\n"


def test_the_path_finder_becomes_markdown_with_the_ids_of_its_headings() -> None:
    links = [Link("Automations", "automations.html"), Link("X", "guides/x.html")]
    finder = PathFinder([Group("A", "Automations", "Visual   builder", links)], [])
    assert finder_markdown(finder, UI["en"]) == (
        "### By area {#paths-by-area}\n\n#### A) Automations {#area-a}\n\nVisual builder\n\n"
        "1. [Automations](automations.md)\n2. [X](guides/x.md)\n\n### By role {#paths-by-role}\n"
    )


def test_tag_index_follows_the_role_order_of_the_data() -> None:
    pages = [("index.md", "Start", ["dev", "owner"]), ("guides/a.md", "A", ["owner"])]
    text = tags_markdown(pages, {"owner": "Owner", "dev": "Developer", "x": "Unused"}, "tags.md")
    assert text == (
        "## Owner {#tag-owner}\n\n- [Start](index.md)\n- [A](guides/a.md)\n\n"
        "## Developer {#tag-dev}\n\n- [Start](index.md)"
    )


def twin(name: str, lang: str, title: str, body: str, description: str = "D.") -> Twin:
    return Twin(name, lang, title, description, body)


def test_llms_txt_lists_the_pages_by_section_with_descriptions() -> None:
    twins = {
        "index.md": twin("index.md", "en", "Home", "# Home\n", "The start page."),
        "guides/a.md": twin("guides/a.md", "en", "A guide", "# A\n", "Steps\nover two lines."),
    }
    sections = [Section("Start", ["index.md"]), Section("Guides", ["guides/a.md", "gone.md"])]
    text = llms_txt("Help", "All of it.", sections, twins, UI["en"], pdf_name="help-en.pdf")
    assert text == (
        "# Help\n\n> All of it.\n\n"
        "- [llms-full.txt](llms-full.txt): Every page in one file, in this order\n"
        "- [help-en.pdf](help-en.pdf): The whole manual as a PDF\n\n"
        "## Start\n\n- [Home](index.md): The start page.\n\n"
        "## Guides\n\n- [A guide](guides/a.md): Steps over two lines.\n"
    )


def test_llms_full_rebases_links_to_the_language_root() -> None:
    body = "# A\n\nSee [pricing](../pricing.md#plans), [below](#b) and <https://x.org>.\n"
    twins = {"guides/a.md": twin("guides/a.md", "en", "A", body)}
    full = llms_full("Help", "All.", ["guides/a.md"], twins)
    assert "[pricing](pricing.md#plans), [below](guides/a.md#b)" in full
    assert rebase_links("```\n[x](../y.md)\n```", "guides/a.md") == "```\n[x](../y.md)\n```"


def test_the_real_templates_name_every_banner() -> None:
    # every data-ac-banner of the template is read by banner_notes (title paragraph first)
    template = Path(REPO / "overrides/partials/banners.html").read_text("utf-8")
    kinds = re.findall(r'data-ac-banner="([^"]+)"', template)
    assert sorted(set(kinds)) == ["outdated", "prices", "untranslated"]
    html = render_banners(
        "zh", untranslated=True, outdated=True, prices_stale=True, figures=True, figures_full=True
    )
    assert [note.title for note in banner_notes(html)] == [
        "尚未翻译",
        "译文可能已过时",
        "价格可能已过时",
    ]
