"""Generated Markdown: pricing tables from the data file, skill links, strict marker dispatch."""

from __future__ import annotations

import pytest

from translations.checks.pricing import addons_table, plans_table
from translations.checks.skills import skill_url
from translations.model import InputError
from translations.read.data import SiteData, load_data
from translations.read.markers import is_marker, marker_problem
from translations.render.generate import render_page

from .conftest import CLEAN


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_data(CLEAN / "data")


def test_plans_table_english(data: SiteData) -> None:
    assert plans_table(data.pricing, "en").split("\n") == [
        "| Plan | Price (billed annually, 1,000 contacts) | Send limit | Key features |",
        "|---|---|---|---|",
        "| Starter | $15/mo | 10x contact count | Email marketing, forms |",
        "| Plus | $49/mo | 10x contact count | Landing pages, "
        "Pipelines add-on available ($68/mo) |",
        "| Pro | $79/mo | 12x contact count | Predictive sending |",
    ]


def test_plans_table_chinese(data: SiteData) -> None:
    assert plans_table(data.pricing, "zh").split("\n") == [
        "| 套餐 | 价格（年付，1,000个联系人） | 发送上限 | 核心功能 |",
        "|---|---|---|---|",
        "| Starter（入门版） | 15 美元/月 | 联系人数量的 10 倍 | 邮件营销、表单 |",
        "| Plus（进阶版） | 49 美元/月 | 联系人数量的 10 倍 | "
        "落地页、可加购Pipelines附加功能（68美元/月） |",
        "| Pro（专业版） | 79 美元/月 | 联系人数量的 12 倍 | 预测性发送 |",
    ]


def test_addons_table(data: SiteData) -> None:
    url = "https://www.activecampaign.com/pricing"
    assert addons_table(data.pricing, "en").split("\n")[2:] == [
        "| Pipelines | $68/mo | CRM deals and pipelines for Starter and Plus |",
        f"| SMS credits | — ([verify]({url})) | Purchased separately |",
    ]
    assert addons_table(data.pricing, "zh").split("\n")[0] == "| 附加功能 | 价格 | 说明 |"
    assert (
        addons_table(data.pricing, "zh").split("\n")[3]
        == f"| SMS credits（SMS额度） | —（[核实]({url})） | 单独购买 |"
    )


@pytest.mark.parametrize(
    ("page", "base", "url"),
    [
        ("index.md", None, "related-skills.md#sales-do"),
        ("guides/setup.md", None, "../related-skills.md#sales-do"),
        ("a/b/c.md", None, "../../related-skills.md#sales-do"),
        ("related-skills.md", None, "#sales-do"),
        ("guides/setup.md", "https://skills.example.org/", "https://skills.example.org/sales-do"),
    ],
)
def test_skill_url(page: str, base: str | None, url: str) -> None:
    assert skill_url("sales-do", page, base, "related-skills.md") == url


def render(markdown: str, data: SiteData, page: str = "guides/setup.md", lang: str = "en") -> str:
    return render_page(
        markdown,
        lang=lang,
        page_name=page,
        rel=f"docs/{lang}/{page}",
        data=data,
        related_page="related-skills.md",
        first_line=5,
    )


def test_render_links_mentions_outside_fenced_code(data: SiteData) -> None:
    markdown = "Ask `/sales-do` or `/sales-nope`.\n```\n`/sales-do`\n```\n[`/sales-do`](x.md)"
    assert render(markdown, data).split("\n") == [
        "Ask [`/sales-do`](../related-skills.md#sales-do) or `/sales-nope`.",
        "```",
        "`/sales-do`",
        "```",
        "[`/sales-do`](x.md)",
    ]


def test_render_puts_the_table_of_the_page_language_at_the_marker(data: SiteData) -> None:
    out = render("Intro\n\n<!-- pricing:plans -->\n\nAfter", data, "pricing.md", "zh")
    assert "| Starter（入门版） | 15 美元/月 | 联系人数量的 10 倍 | 邮件营销、表单 |" in out.split(
        "\n"
    )
    assert "<!--" not in out


def test_render_leaves_other_hooks_markers_and_comments(data: SiteData) -> None:
    markdown = "<!-- pathfinder -->\n<!-- note to self -->\n```\n<!-- pricing:nope -->\n```"
    assert render(markdown, data) == markdown


@pytest.mark.parametrize(
    "marker", ["<!-- pricing:nope -->", "<!-- pricing -->", "<!-- shop:list -->"]
)
def test_render_rejects_unknown_markers(data: SiteData, marker: str) -> None:
    with pytest.raises(InputError) as error:
        render(f"text\n{marker}", data)
    assert error.value.problems[0].startswith("docs/en/guides/setup.md:6: unknown marker <!-- ")
    assert error.value.problems[0].endswith(
        "known markers: pricing:addons, pricing:example, pricing:matrix, pricing:plans, "
        "glossary:terms, pathfinder"
    )


@pytest.mark.parametrize(
    ("name", "arg", "marker", "problem"),
    [
        ("pricing", "plans", True, False),
        ("pricing", "addons", True, False),
        ("pathfinder", None, True, False),
        ("pathfinder", "roles", True, False),
        ("pricing", None, True, True),
        ("pricing", "plan", True, True),
        ("shop", "list", True, True),
        ("todo", None, False, True),
    ],
)
def test_marker_registry(name: str, arg: str | None, marker: bool, problem: bool) -> None:
    assert is_marker(name, arg) is marker
    assert (marker_problem(name, arg) is not None) is problem


def test_render_follows_language_blocks_of_the_compare_view(data: SiteData) -> None:
    markdown = "\n".join(
        [
            '<div class="ac-compare__col" lang="en" markdown>',
            "<!-- pricing:plans -->",
            "</div>",
            '<div class="ac-compare__col" lang="zh" markdown>',
            "<!-- pricing:plans -->",
            "</div>",
            "<!-- pricing:plans -->",
        ]
    )
    out = render(markdown, data, "compare/pricing.md", "zh")
    assert out.count("| Starter | $15/mo |") == 1
    assert out.count("| Starter（入门版） | 15 美元/月 |") == 2
