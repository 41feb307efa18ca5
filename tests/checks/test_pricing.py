"""Prices in prose come from data/pricing.yml; derived figures are recomputed from it."""

from __future__ import annotations

import datetime as dt

import pytest

from translations.checks.facts import FactExtractor
from translations.checks.pricing import PriceRules, page_has_prices, stale_issue
from translations.read.data import SiteData, load_data
from translations.read.markdown import Page, parse_page
from translations.read.source import split_front_matter

from .conftest import CLEAN


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_data(CLEAN / "data")


def page(body: str, lang: str = "en") -> Page:
    parsed = parse_page(split_front_matter(body, f"docs/{lang}/p.md"), lang, "p.md")
    found = FactExtractor().extract_page(parsed.sections, parsed.prose)
    for section, facts in zip(parsed.sections, found, strict=True):
        section.facts = facts
    return parsed


def messages(rules: PriceRules, text: str, lang: str = "en") -> list[str]:
    checked = page(text, lang)
    return [str(i) for i in [*rules.prose_issues(checked), *rules.derived_issues(checked)]]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Plus costs $49/mo and Pipelines $68/mo; sends are 10x or 12x.", "en"),
        ("Plus价格为49美元/月，发送上限为10倍。", "zh"),
        ("A 5,000-contact Plus plan sends 50,000 emails a month.", "en"),
        ("A 5K-contact Pro plan can send up to 60K emails.", "en"),
        ("a Plus plan with 5,000 contacts can send 5,000 × 10 = 50,000 emails a month", "en"),
        ("含5,000个联系人的Plus（进阶版）套餐每月可发送50,000封邮件。", "zh"),
        ("含1万个联系人的Pro套餐每月可发送12万封邮件。", "zh"),
        ("No price here, just 3 steps and 25% more opens.", "en"),
    ],
)
def test_consistent_prices_pass(data: SiteData, text: str, lang: str) -> None:
    assert messages(PriceRules(data.pricing), text, lang) == []


def test_unknown_price_and_multiplier(data: SiteData) -> None:
    assert messages(PriceRules(data.pricing), "# T {#t}\n\nIt costs $58/mo, or 11x.") == [
        "docs/en/p.md:3: price $58/mo is not in data/pricing.yml "
        "(data/pricing.yml:8: prices are 15, 49, 68, 79)",
        "docs/en/p.md:3: send-limit multiplier 11x is not in data/pricing.yml "
        "(data/pricing.yml:8: multipliers are 10, 12)",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        (
            "A 5K-contact Pro plan can send up to 50K emails.",
            "en",
            "docs/en/p.md:1: 5,000 contacts on Pro send 60,000 emails a month (12x), not 50,000 "
            "(data/pricing.yml:22: Pro send_multiplier: 12)",
        ),
        (
            "含1万个联系人的Pro套餐每月可发送10万封邮件。",
            "zh",
            "docs/zh/p.md:1: 10,000 contacts on Pro send 120,000 emails a month (12x), "
            "not 100,000 (data/pricing.yml:22: Pro send_multiplier: 12)",
        ),
        ("so 5,000 × 10 = 5,000 in total", "en", "docs/en/p.md:1: 5,000 × 10 is 50,000, not 5,000"),
    ],
)
def test_wrong_derived_figures(data: SiteData, text: str, lang: str, message: str) -> None:
    assert messages(PriceRules(data.pricing), text, lang) == [message]


def test_pages_with_prices(data: SiteData) -> None:
    assert page_has_prices(page("It costs $49/mo."))
    assert page_has_prices(page("<!-- pricing:plans -->"))
    assert page_has_prices(page("Send 10x more, 3 times."))  # a send-limit multiplier
    assert not page_has_prices(page("Send it 3 times, to more contacts."), frozenset({"Plus"}))


def test_a_plan_gate_states_figures_that_date() -> None:
    """A plan named in prose ("Plus or above") is a plan gate: the page gets the price date."""
    gated = parse_page(
        split_front_matter("Landing pages need Plus or above.", "p.md"), "en", "p.md"
    )
    for section, facts in zip(
        gated.sections,
        FactExtractor(["Plus"]).extract_page(gated.sections, gated.prose),
        strict=True,
    ):
        section.facts = facts
    assert page_has_prices(gated, frozenset({"Plus"}))
    assert not page_has_prices(gated)  # no plan names given: only prices and multipliers count


def test_price_age(data: SiteData) -> None:
    assert stale_issue(data.pricing, dt.date(2027, 3, 1)) is None  # exactly 365 days
    issue = stale_issue(data.pricing, dt.date(2027, 3, 2))
    assert issue is not None and str(issue).startswith(
        "data/pricing.yml:1: prices are as of 2026-03-01"
    )
