"""The generated pages of issue 16: the plan x feature matrix and the cost example (plans.md),
the glossary entries (glossary.md), the terminology checks, the two price dates and their rule,
and the list of pages awaiting review."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from translations.checks.glossary import entries, glossary_markdown
from translations.checks.pricing import (
    example_table,
    example_total,
    limit_text,
    matrix_issues,
    matrix_table,
    plan_features,
    price_text,
)
from translations.checks.report import check_site
from translations.model import InputError
from translations.read.data import INCLUDED, NOT_INCLUDED, Pricing, SiteData, load_data
from translations.render.generate import render_page

from .conftest import RELATED, REPO, TODAY, make_tree


@pytest.fixture(scope="module")
def real() -> SiteData:
    """The repository's own data files: the matrix readers see."""
    return load_data(REPO / "data")


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of a Markdown table, header first, separator dropped."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


# The plan x feature matrix: every cell from data/pricing.yml


def matrix_rows(markdown: str) -> list[list[str]]:
    """The rows of the matrix itself: the first table of the generated block."""
    block = markdown.split('<div class="ac-plan-matrix" markdown>')[1].split("</div>")[0]
    return table_rows(block)


def addon_rows_of(markdown: str) -> list[list[str]]:
    """The rows of the add-on table: the table after the cards."""
    return table_rows(markdown.rpartition("</div>")[2])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_matrix_cell_comes_from_the_data_file(real: SiteData, lang: str) -> None:
    pricing = real.pricing
    rows = matrix_rows(matrix_table(pricing, lang))
    plans = pricing.plans
    features = plan_features(pricing)
    assert len(rows) == 3 + len(features)  # header, price, send limit, features a plan includes
    assert [cell.split("（")[0] for cell in rows[0][1:]] == [plan.name for plan in plans]
    assert rows[1][1:] == [price_text(pricing, plan.price, lang) for plan in plans]
    assert rows[2][1:] == [limit_text(pricing, plan.send_multiplier, lang) for plan in plans]
    words = {"en": ("Included", "Not included", "add-on"), "zh": ("包含", "不包含", "附加功能")}
    included, excluded, addon = words[lang]
    for feature, row in zip(features, rows[3:], strict=True):
        assert feature.name[lang] in row[0]
        if feature.page:
            assert row[0] == f"[{feature.name[lang]}]({feature.page})"
        for plan, cell in zip(plans, row[1:], strict=True):
            state = feature.cells.get(plan.name)
            if state is None:
                assert cell == "—", f"{feature.key}/{plan.name}: from a higher plan"
            elif state == INCLUDED:
                assert cell == included
            elif state == NOT_INCLUDED:
                assert cell == excluded
            else:
                assert cell == f"{state} {addon}"


def test_matrix_says_what_the_plan_table_says_and_no_more(real: SiteData) -> None:
    text = matrix_table(real.pricing, "en")
    rows = {row[0]: row[1:] for row in matrix_rows(text)}
    # everything Starter includes, every later plan includes (issue 26: no blank under Plus)
    assert rows["[Email marketing](email-marketing.md)"] == ["Included"] * 4
    assert rows["[Landing pages](landing-pages.md)"] == ["—", "Included", "Included", "Included"]
    # the help centre: custom reports are Enterprise's, an add-on below it; SMS is an add-on
    assert rows["[Custom reports](reporting.md)"] == [
        "—",
        "Custom Reporting add-on",
        "Custom Reporting add-on",
        "Included",
    ]
    assert rows["[Forms](forms.md)"] == ["Included"] * 4
    assert rows["[Predictive sending](email-marketing.md)"] == ["—", "—", "Included", "Included"]
    assert rows["Send limit"] == [
        "10x contact limit",
        "10x contact limit",
        "12x contact limit",
        "15x contact limit",
    ]
    # what only add-ons bring is in the add-on table, once per add-on, not in the matrix
    assert "[CRM (deals and pipelines)](crm-deals-pipelines.md)" not in rows
    assert "[Transactional email](transactional-email.md)" not in rows
    assert "[SMS](sms.md)" not in rows
    assert addon_rows_of(text)[1:] == [
        [
            "Pipelines add-on",
            "[CRM (deals and pipelines)](crm-deals-pipelines.md)",
            "Plus",
            "$68/mo",
        ],
        [
            "Sales Engagement add-on",
            "[CRM (deals and pipelines)](crm-deals-pipelines.md)",
            "Pro, Enterprise",
            "— ([verify](https://www.activecampaign.com/pricing))",
        ],
        [
            "Transactional Email (Postmark) add-on",
            "[Transactional email](transactional-email.md)",
            "Starter, Plus, Pro, Enterprise",
            "— ([verify](https://www.activecampaign.com/pricing))",
        ],
        [
            "SMS add-on",
            "[SMS](sms.md)",
            "Plus, Pro, Enterprise",
            "— ([verify](https://www.activecampaign.com/pricing))",
        ],
        [
            "Custom Reporting add-on",
            "[Custom reports](reporting.md)",
            "Plus, Pro",
            "— ([verify](https://www.activecampaign.com/pricing))",
        ],
    ]
    # Sales Engagement: one answer everywhere, an add-on for Pro and above
    pro = real.pricing.plan("Pro").features["en"]
    assert "Sales Engagement" not in pro and "Sales Engagement add-on available" in pro
    everything = " ".join(real.pricing.plans[-1].features["en"]).lower()
    assert "everything in pro" not in everything
    assert "starter" not in real.pricing.addon("Pipelines").text["en"].lower()


def test_matrix_legend_stands_above_the_table(real: SiteData) -> None:
    text = matrix_table(real.pricing, "en")
    assert text.startswith(
        "Each plan includes everything in the plans before it. A dash (—) means the feature "
        "starts at a higher plan. The add-on table after the plans lists what each add-on brings "
        "and the plans it is listed for. Check the current plans at "
        "<https://www.activecampaign.com/pricing>."
    )
    assert text.index("Check the current plans") < text.index("| Feature |")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_card_per_plan_lists_everything_it_includes(real: SiteData, lang: str) -> None:
    pricing = real.pricing
    cards = matrix_table(pricing, lang).split('<div class="ac-plan-card" markdown>')[1:]
    assert len(cards) == len(pricing.plans)
    for plan, card in zip(pricing.plans, cards, strict=True):
        assert card.split("\n")[2].startswith(f"**{plan.name}")
        for feature in pricing.features:
            listed = f"✓ [{feature.name[lang]}]" in card or f"✓ {feature.name[lang]}" in card
            assert listed == (feature.cells.get(plan.name) == INCLUDED), (plan.name, feature.key)


def test_the_real_matrix_has_no_blank_under_a_plan_that_includes_the_feature(
    real: SiteData,
) -> None:
    assert list(matrix_issues(real.pricing)) == []


def test_a_planted_blank_fails(real: SiteData) -> None:
    # negative control: Pro loses email marketing, which Starter and Plus include
    features = tuple(
        replace(f, cells={k: v for k, v in f.cells.items() if k != "Pro"})
        if f.key == "email-marketing"
        else f
        for f in real.pricing.features
    )
    issues = list(matrix_issues(replace(real.pricing, features=features)))
    assert [issue.message for issue in issues] == [
        "feature email-marketing: Pro is empty, but Starter includes it and every plan includes "
        "what the plans before it include; write `Pro: included`"
    ]
    assert issues[0].line == next(f.line for f in features if f.key == "email-marketing")


def test_a_planted_blank_fails_the_site_checks(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    text = (data / "pricing.yml").read_text("utf-8")
    full = "    plans: {Plus: included, Pro: included, Enterprise: included}"
    assert full in text
    (data / "pricing.yml").write_text(
        text.replace(full, "    plans: {Plus: included, Enterprise: included}", 1), "utf-8"
    )
    report = check_site(REPO, data_dir=data, today=TODAY)
    assert [i.message for i in report.issues if "is empty, but" in i.message] == [
        "feature landing-pages: Pro is empty, but Plus includes it and every plan includes "
        "what the plans before it include; write `Pro: included`"
    ]


# The worked monthly-cost example


def test_cost_example_adds_the_source_prices(real: SiteData) -> None:
    assert example_total(real.pricing) == Decimal(49) + Decimal(68)
    assert example_table(real.pricing, "en") == (
        "| Item | Monthly cost |\n"
        "|---|---|\n"
        "| Plus plan (billed annually, 1,000 contacts) | $49/mo |\n"
        "| Pipelines add-on | $68/mo |\n"
        "| **Total** | **$117/mo** |\n"
        "\n"
        "Send limit: 1,000 contacts × 10 = 10,000 emails a month."
    )
    assert example_table(real.pricing, "zh") == (
        "| 项目 | 每月费用 |\n"
        "|---|---|\n"
        "| Plus 套餐（按年付费，1,000 个联系人） | 49 美元/月 |\n"
        "| Pipelines 附加功能 | 68 美元/月 |\n"
        "| **合计** | **117 美元/月** |\n"
        "\n"
        "发送上限：1,000 个联系人 × 10 = 每月 10,000 封邮件。"
    )


def test_cost_example_follows_the_data(real: SiteData) -> None:
    plans = tuple(
        replace(plan, price=59) if plan.name == "Plus" else plan for plan in real.pricing.plans
    )
    pricing = replace(real.pricing, plans=plans)
    assert example_total(pricing) == 127
    assert "**$127/mo**" in example_table(pricing, "en")


def test_markers_render_the_matrix_and_the_example(real: SiteData) -> None:
    text = "Intro\n<!-- pricing:matrix -->\n<!-- pricing:example -->\n"
    out = render_page(
        text,
        lang="zh",
        page_name="plans.md",
        rel="docs/zh/plans.md",
        data=real,
        related_page=RELATED,
    )
    assert "| 功能 | Starter（入门版） |" in out and "**117 美元/月**" in out
    assert "<!--" not in out


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("plans: {Starter: included,", "plans: {Basic: included,"),
            "data/pricing.yml:{line}: unknown plan `Basic`",
        ),
        (
            ("plans: {Starter: included,", "plans: {Starter: maybe,"),
            "data/pricing.yml:{line}: `Starter: maybe` must be included, not-included or an "
            "add-on name",
        ),
    ],
)
def test_matrix_data_errors_name_the_line(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    data = _copy_data(tmp_path)
    text = (data / "pricing.yml").read_text("utf-8")
    first = "    plans: {Starter: included, Plus: included, Pro: included, Enterprise: included}"
    line = text.splitlines().index(first) + 1  # the first feature row
    (data / "pricing.yml").write_text(text.replace(*edit, 1), "utf-8")
    with pytest.raises(InputError) as error:
        load_data(data)
    assert error.value.problems[0].startswith(message.format(line=line))


def test_example_needs_a_priced_add_on(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    text = (
        (data / "pricing.yml")
        .read_text("utf-8")
        .replace("addons: [Pipelines]", "addons: [SMS credits]")
    )
    (data / "pricing.yml").write_text(text, "utf-8")
    with pytest.raises(InputError) as error:
        load_data(data)
    assert "`SMS credits` is not an add-on with a price" in error.value.problems[0]


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    for path in (REPO / "data").glob("*.yml"):
        (target / path.name).write_text(path.read_text("utf-8"), "utf-8")
    return target


# Honest dates: stated and verified kept apart; the rule


def test_stale_rule_counts_from_the_later_date(real: SiteData) -> None:
    pricing: Pricing = real.pricing
    assert pricing.as_of == dt.date(2026, 3, 1) and pricing.last_verified is None
    assert pricing.max_age_days == 180
    assert not pricing.is_stale(dt.date(2026, 8, 28))  # 180 days after as_of
    assert pricing.is_stale(dt.date(2026, 8, 29))
    assert pricing.is_stale(dt.date(2026, 12, 1))  # today: the warning shows
    verified = replace(pricing, last_verified=dt.date(2026, 11, 1))
    assert verified.checked_on == dt.date(2026, 11, 1)
    assert not verified.is_stale(dt.date(2026, 12, 1))  # a check restarts the clock
    assert verified.as_of == dt.date(2026, 3, 1)  # but the figures keep their date


def test_stale_prices_are_a_notice_not_an_issue(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    report = check_site(root, today=dt.date(2027, 3, 2))
    assert [str(issue) for issue in report.issues] == []
    assert [str(n) for n in report.notes] == [
        "data/pricing.yml:1: prices are as of 2026-03-01 (not verified since), more than 365 "
        "days before 2027-03-02; verify them at https://www.activecampaign.com/pricing, then set "
        "last_verified (or update the figures and as_of)"
    ]
    assert report.prices_stale


def test_last_verified_needs_its_label(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    pricing = root / "data" / "pricing.yml"
    pricing.write_text(
        pricing.read_text("utf-8") + "last_verified: 2026-11-01\n"
        "last_verified_label: {en: November 2026, zh: 2026 年 11 月}\n",
        "utf-8",
    )
    report = check_site(root, today=dt.date(2027, 3, 2))
    assert not report.prices_stale  # 121 days after the check
    assert report.banner("pricing.md", "zh", "zh")["prices_verified"] == "2026 年 11 月"
    assert report.banner("pricing.md", "en", "en")["prices_as_of"] == "March 2026"


# The glossary page and the terminology checks


def test_every_glossary_term_has_an_entry(real: SiteData) -> None:
    listed = entries(real.terms)
    assert [term.en for term in listed] == sorted((t.en for t in real.terms), key=str.lower)
    assert len({term.anchor for term in listed}) == len(listed), "anchors are unique"


def test_glossary_entry_in_both_languages(real: SiteData) -> None:
    titles = {"lead-scoring.md": "Lead scoring"}
    en = glossary_markdown(real.terms, "en", titles, real.languages, real.glossary_labels)
    assert (
        "### Lead scoring {#term-lead-scoring}\n\n"
        "Chinese: **线索评分**{lang=zh}. Points added to contacts and deals by the rules of "
        "scoring models that you configure. "
        "More: [Lead scoring](lead-scoring.md)." in en
    )
    zh = glossary_markdown(
        real.terms, "zh", {"lead-scoring.md": "线索评分"}, real.languages, real.glossary_labels
    )
    assert (
        "### 线索评分 {#term-lead-scoring}\n\n"
        "英文：**lead scoring**{lang=en}。按你配置的评分模型规则为联系人和商机累计分数。"
        "详见[线索评分](lead-scoring.md)。" in zh
    )
    assert "### ActiveCampaign {#term-activecampaign}\n\nMarketing" in en  # one word in both


def test_glossary_marker_renders_entries_titled_as_their_pages(real: SiteData) -> None:
    out = render_page(
        "<!-- glossary:terms -->",
        lang="en",
        page_name="glossary.md",
        rel="docs/en/glossary.md",
        data=real,
        related_page=RELATED,
        titles={"pricing.md": "Pricing and billing"},
    )
    assert "{#term-send-limit}" in out
    assert "More: [Pricing and billing](pricing.md#send-limits)." in out


def _glossary_tree(tmp_path: Path, terms: str, en: str, zh: str) -> Path:
    root, _ = make_tree(tmp_path)
    (root / "data/glossary.yml").write_text("terms:\n" + terms, "utf-8")
    for lang, body in (("en", en), ("zh", zh)):
        (root / f"docs/{lang}/extra.md").write_text(
            f"---\ntitle: X\ndescription: X.\n---\n\n# X {{#x}}\n\n{body}\n", "utf-8"
        )
    from translations.lifecycle.staleness import stamp_pages

    stamp_pages(root / "docs", [])
    return root


def test_a_ruled_out_rendering_is_reported_with_its_line(tmp_path: Path) -> None:
    terms = "  - {en: tracking, zh: 跟踪, avoid: {zh: [追踪]}}\n"
    root = _glossary_tree(tmp_path, terms, "Deal tracking.", "商机跟踪。\n\n还会追踪目标。")
    messages = [str(i) for i in check_site(root, today=TODAY).issues]
    assert messages == [
        "docs/zh/extra.md:11: 追踪 is not the glossary term; write 跟踪 (tracking) "
        "(data/glossary.yml:2: tracking: 跟踪)"
    ]


def test_a_ruled_out_english_variant_is_reported_with_its_line(tmp_path: Path) -> None:
    """`avoid: {en: [...]}` holds the reference to one term as well: the pricing-page alert's
    title said "known lead" where every other page says "known contact"."""
    terms = "  - {en: known contact, zh: 已知联系人, avoid: {en: [known lead]}}\n"
    root = _glossary_tree(
        tmp_path, terms, "Alert a known contact.\n\nAlert a known lead.", "提醒已知联系人。"
    )
    assert [str(i) for i in check_site(root, today=TODAY).issues] == [
        "docs/en/extra.md:10: known lead is not the glossary term; write known contact "
        "(known contact) (data/glossary.yml:2: known contact: known contact)"
    ]
    # control: the same page with the glossary's term only
    root = _glossary_tree(tmp_path / "2", terms, "Alert a known contact.", "提醒已知联系人。")
    assert [str(i) for i in check_site(root, today=TODAY).issues] == []


def test_avoid_names_only_languages_of_the_site(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "glossary.yml").write_text(
        "terms:\n  - en: goal\n    zh: 目标\n    avoid: {fr: [but]}\n", "utf-8"
    )
    with pytest.raises(InputError) as error:
        load_data(data)
    assert error.value.problems == [
        "data/glossary.yml:4: `avoid` lists renderings per language; `fr` is none"
    ]


def test_a_longer_name_does_not_count_as_the_term(tmp_path: Path) -> None:
    terms = "  - {en: engagement, zh: 互动, not_in: [sales engagement]}\n"
    root = _glossary_tree(tmp_path, terms, "Buy Sales Engagement.", "购买 Sales Engagement。")
    assert [str(i) for i in check_site(root, today=TODAY).issues] == []
    root = _glossary_tree(
        tmp_path / "2", terms, "Buy Sales Engagement for engagement.", "购买 Sales Engagement。"
    )
    assert [str(i) for i in check_site(root, today=TODAY).issues] == [
        "docs/zh/extra.md:7: section {#x} lacks the glossary term 互动 "
        '(docs/en/extra.md:8: "engagement")'
    ]


def test_a_term_page_that_does_not_exist_names_the_data_line(tmp_path: Path) -> None:
    terms = (
        "  - {en: tag, zh: 标签}\n"
        "  - {en: goal, zh: 目标, def: {en: A target., zh: 目标。}, page: nope.md#x}\n"
        "  - {en: wait step, zh: 等待步骤, def: {en: W., zh: 等。}, page: index.md#nope}\n"
    )
    root = _glossary_tree(tmp_path, terms, "Text.", "正文。")
    assert [str(i) for i in check_site(root, today=TODAY).issues] == [
        "data/glossary.yml:3: nope.md#x: there is no page docs/en/nope.md",
        "data/glossary.yml:3: nope.md#x: there is no page docs/zh/nope.md",
        "data/glossary.yml:4: index.md#nope: docs/en/index.md has no anchor {#nope}",
        "data/glossary.yml:4: index.md#nope: docs/zh/index.md has no anchor {#nope}",
    ]


def test_definition_needs_both_languages(tmp_path: Path) -> None:
    data = _copy_data(tmp_path)
    (data / "glossary.yml").write_text(
        "terms:\n  - en: goal\n    zh: 目标\n    def:\n      en: A target.\n", "utf-8"
    )
    with pytest.raises(InputError) as error:
        load_data(data)
    assert error.value.problems == ["data/glossary.yml:5: `terms.0.def.zh` must be text"]


def _issues(tmp_path: Path, terms: str, en: str, zh: str) -> list[str]:
    """The run's issues on a tree whose glossary holds `terms` and whose extra page reads so."""
    return [str(i) for i in check_site(_glossary_tree(tmp_path, terms, en, zh), today=TODAY).issues]


def test_an_allowed_longer_rendering_is_not_a_ruled_out_one(tmp_path: Path) -> None:
    """`allow:` keeps a right rendering that holds a ruled-out one: the scoring model is
    联系人评分模型, and 联系人评分 alone, which named it too, is ruled out."""
    terms = (
        "  - en: scoring model\n    zh: 评分模型\n"
        "    avoid: {zh: [联系人评分]}\n    allow: {zh: [联系人评分模型]}\n"
    )
    en = "Create a scoring model.\n\nA new scoring model is retroactive."
    right = "创建联系人评分模型。\n\n新建的联系人评分模型会追溯生效。"
    assert _issues(tmp_path, terms, en, right) == []
    # the defect: the model named by the shorter form on the second line
    wrong = "创建联系人评分模型。\n\n新建的联系人评分会追溯生效。"
    assert _issues(tmp_path / "2", terms, en, wrong) == [
        "docs/zh/extra.md:11: 联系人评分 is not the glossary term; write 评分模型 (scoring model) "
        "(data/glossary.yml:2: scoring model: 评分模型)"
    ]


def test_bold_does_not_hide_a_ruled_out_rendering(tmp_path: Path) -> None:
    """`**Goal** action` is `Goal action` to the reader: the avoid rule sees through bold (the
    reporting page carried it past the rule in both languages); the term alone in bold passes."""
    terms = "  - en: goal\n    zh: 目标\n    avoid: {zh: [Goal（目标）动作]}\n"
    en = "Set a goal.\n\nA goal is set in the builder."
    right = "设置一个**目标**。\n\n目标在搭建器中设置。"
    assert _issues(tmp_path, terms, en, right) == []
    wrong = "设置一个目标。\n\n目标就是搭建器中的 **Goal**（目标）动作。"
    assert _issues(tmp_path / "2", terms, en, wrong) == [
        "docs/zh/extra.md:11: Goal（目标）动作 is not the glossary term; write 目标 (goal) "
        "(data/glossary.yml:2: goal: 目标)"
    ]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "    avoid: {zh: [联系人评分]}\n    allow: {zh: [评分模型]}\n",
            "data/glossary.yml:5: `评分模型` holds none of the `avoid` renderings; "
            "`allow` is for longer renderings that hold one",
        ),
        (
            "    allow: {zh: [联系人评分模型]}\n",
            "data/glossary.yml:4: `allow` lists longer renderings that hold an `avoid` one; "
            "`avoid` has none for `zh`",
        ),
    ],
)
def test_allow_holds_only_longer_forms_of_avoided_ones(
    tmp_path: Path, entry: str, message: str
) -> None:
    data = _copy_data(tmp_path)
    (data / "glossary.yml").write_text(
        "terms:\n  - en: scoring model\n    zh: 评分模型\n" + entry, "utf-8"
    )
    with pytest.raises(InputError) as error:
        load_data(data)
    assert error.value.problems == [message]
