"""Facts keep their rows: row n of a table and item n of a list hold the same facts in both
languages. The golden cases (table-cell-swap, table-row-order, list-item-swap) hold the defects;
these tests hold the clean controls and the edges."""

from __future__ import annotations

import shutil
from pathlib import Path

from translations.checks.facts import FactExtractor
from translations.checks.parity import compare_rows
from translations.checks.report import check_site
from translations.lifecycle.staleness import stamp_pages
from translations.read.markdown import parse_page
from translations.read.source import split_front_matter

from .conftest import DEFECTS, TODAY, make_tree


def _pair(en_body: str, zh_body: str) -> list[str]:
    """Row issues of a one-section page pair."""
    pages = []
    for lang, body in (("en", en_body), ("zh", zh_body)):
        source = split_front_matter(f"---\ntitle: T\n---\n## S {{#s}}\n\n{body}", f"{lang}.md")
        page = parse_page(source, lang, "p.md")
        extractor = FactExtractor(["Starter", "Plus"])
        for section, facts in zip(
            page.sections, extractor.extract_page(page.sections, page.prose), strict=True
        ):
            section.facts = facts
        pages.append(page)
    en, zh = pages
    return [str(i) for i in compare_rows(en, en.sections[1], zh, zh.sections[1])]


def test_the_clean_pair_of_the_row_cases_passes(tmp_path: Path) -> None:
    """Negative control: the page the three row cases damage is clean as written."""
    root, _ = make_tree(tmp_path)
    shutil.copyfile(DEFECTS / "table-cell-swap/docs/en/api.md", root / "docs/en/api.md")
    shutil.copyfile(DEFECTS / "table-cell-swap/docs/zh/api.md", root / "docs/zh/api.md")
    # the zh file of the cell-swap case is damaged; restore the rows to the English order
    zh = root / "docs/zh/api.md"
    text = zh.read_text("utf-8")
    text = text.replace(
        "`/api/3/dealStages` | 获取销售管道列表", "`/api/3/dealGroups` | 获取销售管道列表"
    )
    text = text.replace(
        "`/api/3/dealGroups` | 获取销售管道阶段列表", "`/api/3/dealStages` | 获取销售管道阶段列表"
    )
    zh.write_text(text, "utf-8")
    stamp_pages(root / "docs", [])
    assert [str(i) for i in check_site(root, today=TODAY).issues] == []


def test_rows_in_the_same_order_pass() -> None:
    table = "| A | B |\n|---|---|\n| Starter | 5 |\n| Plus | 10 |\n"
    assert _pair(table, table) == []


def test_a_number_in_words_satisfies_its_row() -> None:
    en = "| A | B |\n|---|---|\n| Starter | 3 |\n| Plus | 3 |\n"
    zh = "| A | B |\n|---|---|\n| Starter | 三 |\n| Plus | 3 |\n"
    assert _pair(en, zh) == []


def test_a_fact_one_side_lacks_is_left_to_the_section_check() -> None:
    """Reported once, as `section lacks 10`, not again per row."""
    en = "| A | B |\n|---|---|\n| Starter | 5 |\n| Plus | 10 |\n"
    zh = "| A | B |\n|---|---|\n| Starter | 5 |\n| Plus | 11 |\n"
    assert _pair(en, zh) == []


def test_rows_are_named_by_table_when_a_section_has_several() -> None:
    one = "| A | B |\n|---|---|\n| Starter | 5 |\n| Plus | 10 |\n"
    two = "| A | B |\n|---|---|\n| Plus | 10 |\n| Starter | 5 |\n"
    assert _pair(one + "\ntext\n\n" + one, one + "\ntext\n\n" + two) == [
        "zh.md:15: row 1 of table 2 has Plus, 10, the English row 1 of table 2 has Starter, 5 "
        "(en.md:15)",
        "zh.md:16: row 2 of table 2 has Starter, 5, the English row 2 of table 2 has Plus, 10 "
        "(en.md:16)",
    ]


def test_a_fact_moved_out_of_its_item_is_caught() -> None:
    en = "- Wait 3 days.\n- Then send.\n\nAfter 5 tries, stop.\n"
    zh = "- 等待。\n- 然后发送3天。\n\n尝试5次后停止。\n"
    assert _pair(en, zh) == [
        "zh.md:6: list item 1 lacks 3, which the English list item 1 has (en.md:6)",
        "zh.md:7: list item 2 has 3, the English list item 2 does not (en.md:7)",
    ]


def test_a_continuation_line_belongs_to_its_item() -> None:
    en = "- Wait\n  3 days.\n- Send 5.\n"
    zh = "- 等待\n  3天。\n- 发送5封。\n"
    assert _pair(en, zh) == []


def test_lists_of_different_lengths_are_not_paired() -> None:
    """The count check reports them; pairing items of unequal lists would only add noise."""
    en = "- Wait 3 days.\n- Send 5.\n"
    zh = "- 发送5封。\n- 等待3天。\n- 完成。\n"
    assert _pair(en, zh) == []
