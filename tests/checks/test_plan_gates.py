"""Plan gates in prose come from the matrix of data/pricing.yml: statements that agree pass, in
both languages, and each planted contradiction fails naming the page line and the matrix row."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations.checks.plan_gates import PlanGates
from translations.checks.report import check_site
from translations.lifecycle.staleness import stamp_pages
from translations.read.data import Pricing, Term, load_data
from translations.read.markdown import parse_page
from translations.read.source import split_front_matter

from .conftest import TODAY, make_tree

# The clean fixture's pricing.yml gets a Sales Engagement add-on (before SMS credits, line 35)
# and a plan x feature matrix at its end. Its Pipelines add-on says "为Starter和Plus提供CRM…"
# (CRM for Starter and Plus): a look-alike of "Starter 和 Plus 提供 CRM", which must pass.
SALES_ENGAGEMENT = """\
  - name: Sales Engagement
    gloss: {zh: 销售互动}
    price: null
    en: B2B CRM; Pro and above
    zh: 面向 B2B 的 CRM；适用于 Pro 及以上套餐
"""
MATRIX = """\
features:
  - key: crm
    en: CRM (deals and pipelines)
    zh: CRM（商机与销售管道）
    aliases: {en: [CRM, deals], zh: [CRM]}
    plans: {Starter: not-included, Plus: Pipelines, Pro: Sales Engagement}
  - key: landing-pages
    en: Landing pages
    zh: 落地页
    plans: {Plus: included, Pro: included}
  - key: predictive-sending
    en: Predictive sending
    zh: 预测性发送
    plans: {Pro: included}
"""
CRM = "(data/pricing.yml:{line}: crm: Starter not-included, Plus Pipelines, Pro Sales Engagement)"


def with_matrix(root: Path) -> Path:
    """The fixture's data file with the add-on and the matrix; returns its path."""
    path = root / "data/pricing.yml"
    text = path.read_text("utf-8").replace(
        "  - name: SMS credits\n", SALES_ENGAGEMENT + "  - name: SMS credits\n"
    )
    path.write_text(text + MATRIX, "utf-8")
    return path


def row_line(path: Path, key: str) -> int:
    return path.read_text("utf-8").split("\n").index(f"  - key: {key}") + 1


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root, _ = make_tree(tmp_path_factory.mktemp("gates"))
    with_matrix(root)
    return root


@pytest.fixture(scope="module")
def gates(tree: Path) -> PlanGates:
    pricing = load_data(tree / "data").pricing
    assert isinstance(pricing, Pricing)
    return PlanGates(pricing)


def messages(gates: PlanGates, text: str, lang: str = "en") -> list[str]:
    body = f"# T {{#t}}\n\n{text}\n"
    page = parse_page(split_front_matter(body, f"docs/{lang}/p.md"), lang, "p.md")
    return [str(issue) for issue in gates.page_issues(page)]


def test_the_matrix_is_where_the_test_says(tree: Path) -> None:
    path = tree / "data/pricing.yml"
    assert (row_line(path, "crm"), row_line(path, "landing-pages")) == (99, 104)
    assert row_line(path, "predictive-sending") == 108


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # statements that agree with the matrix, in the forms the pages use
        ("Landing pages are available on the Plus plan and above.", "en"),
        ("Landing pages: Plus and above. Pro also includes predictive sending.", "en"),
        ("Predictive sending (step 7) needs Pro or above.", "en"),
        ("Yes, with predictive sending on Pro and above.", "en"),
        ("Starter and Plus do not include CRM, deals or pipelines by default.", "en"),
        ("On Plus, add the **Pipelines** add-on; or use Pro with Sales Engagement.", "en"),
        ("Plus can buy Pipelines.", "en"),
        ("Deals require the Pipelines add-on. Creating deals needs CRM, a paid add-on.", "en"),
        ("Sales Engagement, the B2B CRM package: Pro and above.", "en"),
        ("落地页在 Plus（进阶版）及以上套餐中提供。", "zh"),
        ("预测性发送适用于 Pro（专业版）及以上套餐。Plus 及以上套餐提供落地页。", "zh"),
        ("Starter（入门版）和 Plus（进阶版）默认不包含 CRM、商机和销售管道。", "zh"),
        ("Plus 可加购 Pipelines（销售管道）附加功能；也可以使用 Pro 搭配 Sales Engagement。", "zh"),
        ("创建商机需要 CRM，而 CRM 是付费附加功能。CRM 需要 Pipelines 附加功能。", "zh"),
        # look-alikes: plans and features named together, no statement of a gate
        ("Product Tier (Starter/Pro/Enterprise) is the company's own tier, not a plan.", "en"),
        ("Confirm that the account has the Pipelines add-on or Sales Engagement.", "en"),
        ("Sends are 10x on Starter and Plus and 12x on Pro.", "en"),
        ("Share a landing page link with Starter customers; Professional plans differ.", "en"),
        ("Enterprise accounts can ask for predictive sending reports.", "en"),
        ("Starter is the entry plan. Landing pages convert visitors.", "en"),
        ("确认账户已开通 Pipelines 附加功能或 Sales Engagement。", "zh"),
        ("产品层级取值为 Starter/Pro/Enterprise，指该公司自己的产品层级。", "zh"),
        ("Starter 和 Plus 为 10 倍，Pro 为 12 倍。落地页用于收集线索。", "zh"),
    ],
)
def test_statements_that_agree_and_look_alikes_pass(gates: PlanGates, text: str, lang: str) -> None:
    assert messages(gates, text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "why", "row"),
    [
        # Starter + Pipelines
        ("Starter can buy Pipelines.", "en", "Pipelines is offered on Plus, not Starter", "crm"),
        (
            "Starter 可以加购 Pipelines（销售管道）附加功能。",
            "zh",
            "Pipelines is offered on Plus, not Starter",
            "crm",
        ),
        # Sales Engagement both included and an add-on
        (
            "Sales Engagement is included in Pro.",
            "en",
            "Sales Engagement is an add-on, not included in Pro",
            "crm",
        ),
        (
            "Pro 包含 Sales Engagement。",
            "zh",
            "Sales Engagement is an add-on, not included in Pro",
            "crm",
        ),
        # a feature moved to a lower plan
        (
            "Predictive sending is available on Plus and above.",
            "en",
            "Predictive sending is listed from Pro, not Plus",
            "predictive-sending",
        ),
        (
            "预测性发送适用于 Plus（进阶版）及以上套餐。",
            "zh",
            "Predictive sending is listed from Pro, not Plus",
            "predictive-sending",
        ),
        # and to a higher one, out of a plan, into an add-on
        (
            "Landing pages need Pro or above.",
            "en",
            "Landing pages is listed from Plus, not Pro",
            "landing-pages",
        ),
        (
            "Pro does not include landing pages.",
            "en",
            "Pro includes Landing pages",
            "landing-pages",
        ),
        (
            "Plus includes CRM.",
            "en",
            "CRM (deals and pipelines) on Plus needs the Pipelines add-on",
            "crm",
        ),
        (
            "落地页需要 Pipelines 附加功能。",
            "zh",
            "no plan needs the Pipelines add-on for Landing pages",
            "landing-pages",
        ),
        ("Landing pages, a paid add-on.", "en", "no add-on brings Landing pages", "landing-pages"),
    ],
)
def test_a_contradiction_names_the_page_line_and_the_matrix_row(
    gates: PlanGates, tree: Path, text: str, lang: str, why: str, row: str
) -> None:
    statement = " ".join(text.rstrip("。.").split())
    [found] = messages(gates, text, lang)
    assert found.startswith(f'docs/{lang}/p.md:3: plan gate "')
    assert f'" disagrees with data/pricing.yml: {why} (data/pricing.yml:' in found
    assert f"(data/pricing.yml:{row_line(tree / 'data/pricing.yml', row)}: {row}: " in found
    assert statement.startswith(found.split('"')[1].rstrip("。"))


def test_planted_contradictions_fail_the_site_check_with_both_files_and_lines(
    tmp_path: Path,
) -> None:
    """The whole-site check: exact messages, page lines and data lines, in both languages."""
    root, _ = make_tree(tmp_path)
    data = with_matrix(root)
    text = data.read_text("utf-8").replace(
        "      en: [Email marketing, forms]", "      en: [Email marketing, forms, landing pages]"
    )
    data.write_text(text, "utf-8")
    en, zh = root / "docs/en/pricing.md", root / "docs/zh/pricing.md"
    en.write_text(
        en.read_text("utf-8")
        + "\nStarter can buy Pipelines.\n\nSales Engagement is included in Pro.\n\n"
        "Predictive sending is available on Plus and above.\n",
        "utf-8",
    )
    zh.write_text(
        zh.read_text("utf-8")
        + "\nStarter 可以加购 Pipelines 附加功能。\n\nPro 包含 Sales Engagement。\n\n"
        "预测性发送适用于 Plus 及以上套餐。\n",
        "utf-8",
    )
    stamp_pages(root / "docs", [])
    crm = CRM.format(line=99)
    predictive = "(data/pricing.yml:108: predictive-sending: Pro included)"
    gate = 'plan gate "{}" disagrees with data/pricing.yml: {}'
    assert [str(issue) for issue in check_site(root, today=TODAY).issues] == [
        "docs/en/pricing.md:22: "
        + gate.format("Starter can buy Pipelines", "Pipelines is offered on Plus, not Starter")
        + f" {crm}",
        "docs/en/pricing.md:24: "
        + gate.format(
            "Sales Engagement is included in Pro",
            "Sales Engagement is an add-on, not included in Pro",
        )
        + f" {crm}",
        "docs/en/pricing.md:26: "
        + gate.format(
            "Predictive sending is available on Plus and above",
            "Predictive sending is listed from Pro, not Plus",
        )
        + f" {predictive}",
        "docs/zh/pricing.md:23: "
        + gate.format(
            "Starter 可以加购 Pipelines 附加功能", "Pipelines is offered on Plus, not Starter"
        )
        + f" {crm}",
        "docs/zh/pricing.md:25: "
        + gate.format(
            "Pro 包含 Sales Engagement", "Sales Engagement is an add-on, not included in Pro"
        )
        + f" {crm}",
        "docs/zh/pricing.md:27: "
        + gate.format(
            "预测性发送适用于 Plus 及以上套餐", "Predictive sending is listed from Pro, not Plus"
        )
        + f" {predictive}",
        "data/pricing.yml:8: "
        + gate.format("Starter: landing pages", "Landing pages is listed from Plus, not Starter")
        + " (data/pricing.yml:104: landing-pages: Plus included, Pro included)",
    ]


def test_the_real_plan_table_calls_sales_engagement_an_add_on() -> None:
    """Pro lists Sales Engagement among its key features; the matrix makes it an add-on there,
    and so does the generated plan table."""
    from translations.checks.pricing import plans_table

    from .conftest import REPO

    pricing = load_data(REPO / "data").pricing
    assert pricing is not None
    pro = [line for line in plans_table(pricing, "en").split("\n") if line.startswith("| Pro |")]
    assert "Sales Engagement add-on" in pro[0]
    pro_zh = [line for line in plans_table(pricing, "zh").split("\n") if "| Pro（" in line]
    assert "Sales Engagement（销售互动）附加功能" in pro_zh[0]


def test_glossary_definitions_and_add_on_texts_are_statements_too(gates: PlanGates) -> None:
    terms = [
        Term(
            en="predictive sending",
            names={"en": "predictive sending", "zh": "预测性发送"},
            brand=False,
            line=7,
            definition={
                "en": "Sends each email at the best time; Plus and above.",
                "zh": "在最佳时间发送邮件；Pro 及以上套餐可用。",
            },
        ),
        Term(
            en="landing page",
            names={"en": "landing page", "zh": "落地页"},
            brand=False,
            line=12,
            definition={
                "en": "A standalone page; Plus and above.",
                "zh": "独立网页；Plus 及以上套餐可用。",
            },
        ),
    ]
    assert [str(issue) for issue in gates.data_issues(terms, "data/glossary.yml")] == [
        'data/glossary.yml:7: plan gate "predictive sending: Plus and above" disagrees with '
        "data/pricing.yml: Predictive sending is listed from Pro, not Plus "
        "(data/pricing.yml:108: predictive-sending: Pro included)"
    ]
