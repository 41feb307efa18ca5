"""Fact extraction and the normalisation table: the same fact in both notations has one key."""

from __future__ import annotations

import pytest

from translations.checks.facts import FactExtractor, parse_zh_numeral, soft_keys
from translations.read.markdown import Section

BRANDS = ["ActiveCampaign", "Postmark", "Active Intelligence", "Starter", "Plus", "Pro"]
EXTRACTOR = FactExtractor(BRANDS, {"ActiveCampign": "ActiveCampaign"}.get)


def facts(text: str) -> list:
    return EXTRACTOR.extract(Section(None, 1, "", 1, prose=text))


def hard_keys(text: str) -> set[str]:
    return {fact.key for fact in facts(text) if not fact.soft}


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("$68/mo", "68美元/月"),
        ("$68 per month", "每月68美元"),
        ("10x", "10倍"),
        ("50K", "5万"),
        ("50K", "50,000"),
        ("5万", "50000"),
        ("180K+", "18万+"),
        ("1 million", "100万"),
        ("3 days", "3天"),
        ("March 2026", "2026年3月"),
        ("March 1, 2026", "2026年3月1日"),
        ("1 March 2026", "2026-03-01"),
        ("5 req/sec", "每秒5次"),
        ("25%", "25%"),
        ("Step 3", "步骤3"),
        ("founded in 2003", "于2003年创立"),
        ("OAuth 2.0", "OAuth 2.0"),
        ("HTTP 429", "HTTP 429"),
        ("5,000 × 10 = 50,000", "5,000 × 10 = 50,000"),
    ],
)
def test_notations_normalise_to_the_same_key(english: str, chinese: str) -> None:
    assert hard_keys(english) == hard_keys(chinese)
    assert hard_keys(english)


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("$49/mo", "money", "n:49"),
        ("49美元/月", "money", "n:49"),
        ("$1.5M", "money", "n:1500000"),
        ("12x", "multiplier", "n:12"),
        ("12倍", "multiplier", "n:12"),
        ("25%", "percent", "n:25"),
        ("2.5", "number", "n:2.5"),
        ("March 2026", "date", "d:2026-03"),
        ("3月1日", "date", "d:--03-01"),
        ("%FIRSTNAME%", "tag", "t:%FIRSTNAME%"),
        ("GET /api/3/contacts", "path", "p:/api/3/contacts"),
        ("see /sales-do", "path", "p:/sales-do"),
        ("ActiveCampaign's", "brand", "b:ActiveCampaign"),
        ("使用ActiveCampaign的", "brand", "b:ActiveCampaign"),
        ("Pro及以上", "brand", "b:Pro"),
        ("AI/Active Intelligence", "brand", "b:Active Intelligence"),
        ("HubSpot", "brand", "b:HubSpot"),
        ("an iPaaS tool", "brand", "b:iPaaS"),
    ],
)
def test_fact_kind_and_key(text: str, kind: str, key: str) -> None:
    found = [(fact.kind, fact.key) for fact in facts(text) if not fact.soft]
    assert found == [(kind, key)]


@pytest.mark.parametrize(
    "text",
    [
        "API v3",
        "B2B and B2C",
        "api-us1",
        "SPF/DKIM",
        "if/else",
        "2FA",
        "5xx errors",
        "an H1",
        "A/B test",
        "CRM/商机/销售管道",
        "the API and the UI",
        "Step by step",
    ],
)
def test_not_facts(text: str) -> None:
    assert [fact for fact in facts(text) if not fact.soft] == []


def test_version_string_yields_only_its_leading_number() -> None:
    assert hard_keys("version 1.2.3") == {"n:1.2"}


def test_misspelt_brand_stands_for_the_brand_softly() -> None:
    (fact,) = facts("欢迎使用ActiveCampign帮助")
    assert (fact.kind, fact.key, fact.soft, fact.text) == (
        "misspelt",
        "b:ActiveCampaign",
        True,
        "ActiveCampign",
    )


def test_line_numbers_follow_the_prose() -> None:
    section = Section("x", 2, "Title", 40, prose="Title\nfirst $15/mo\n\nthen March\n2026 and 12x")
    found = [(fact.text, fact.line) for fact in EXTRACTOR.extract(section)]
    assert found == [("March 2026", 43), ("$15/mo", 41), ("12x", 44)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("三", [3]),
        ("十", [10]),
        ("十五", [15]),
        ("二十", [20]),
        ("一百零五", [105]),
        ("两万", [20000]),
        ("万", [10000]),
        ("一二", [1, 2]),
        ("首", [1]),
    ],
)
def test_chinese_numerals(text: str, values: list[int]) -> None:
    assert parse_zh_numeral(text) == values


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("等待三天", "n:3"),
        ("两个路径", "n:2"),
        ("一次", "n:1"),
        ("three days", "n:3"),
        ("twice", "n:2"),
        ("Half of them", "n:0.5"),
    ],
)
def test_numbers_written_as_words_are_soft(text: str, key: str) -> None:
    section = Section(None, 1, "", 1, prose=text)
    assert key in soft_keys(section)
    assert key not in hard_keys(text)
