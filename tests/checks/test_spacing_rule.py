"""The fact checks follow the Chinese spacing rule (CONTRIBUTING.md): a fact written with a space
between digits and Chinese (`68 美元/月`) has the same key and kind as without one and as the
English notation, so reformatting a page with autocorrect changes no fact."""

from __future__ import annotations

import pytest

from translations.checks.facts import FactExtractor
from translations.read.markdown import Section

EXTRACTOR = FactExtractor(["ActiveCampaign", "Plus", "Pro"], lambda word: None)


def keys(text: str) -> list[tuple[str, str]]:
    found = EXTRACTOR.extract(Section(None, 1, "", 1, prose=text))
    return sorted((fact.kind, fact.key) for fact in found if not fact.soft)


@pytest.mark.parametrize(
    ("english", "spaced", "unspaced"),
    [
        ("$68/mo", "价格为 68 美元/月。", "价格为68美元/月。"),
        ("10x", "上限为联系人数量的 10 倍。", "上限为联系人数量的10倍。"),
        ("50K", "超过 5 万个联系人", "超过5万个联系人"),
        ("50,000", "每月 50,000 封邮件", "每月50,000封邮件"),
        ("180K+", "超过 18 万+ 用户", "超过18万+用户"),
        ("March 2026", "截至 2026 年 3 月", "截至2026年3月"),
        ("March 1, 2026", "自 2026 年 3 月 1 日起", "自2026年3月1日起"),
        ("3 days", "等待 3 天", "等待3天"),
        ("25%", "打开率为 25%", "打开率为25%"),
        ("5 requests per second", "每秒 5 个请求", "每秒5个请求"),
        ("in 2022", "于 2022 年收购", "于2022年收购"),
    ],
)
def test_spaced_chinese_notation_has_the_english_key(
    english: str, spaced: str, unspaced: str
) -> None:
    assert keys(spaced) == keys(unspaced)
    assert [key for _, key in keys(spaced)] == [key for _, key in keys(english)]
    assert keys(spaced), "a fact is found"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("68 美元/月", "money"),
        ("10 倍", "multiplier"),
        ("2026 年 3 月", "date"),
        ("5 万", "number"),
    ],
)
def test_spaced_notation_keeps_its_kind(text: str, kind: str) -> None:
    assert [k for k, _ in keys(text)] == [kind]


def test_plan_name_with_spaces_is_still_a_brand() -> None:
    assert keys("使用 ActiveCampaign 的 Pro 套餐") == [
        ("brand", "b:ActiveCampaign"),
        ("brand", "b:Pro"),
    ]
