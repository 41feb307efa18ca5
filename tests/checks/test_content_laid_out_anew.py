"""The same content laid out anew is no difference (issue 24, second round of false alarms).

A hand review on two public bilingual repositories found translations that keep every fact of a
list but place it elsewhere: a parenthesis of an item moved into the items nested under it, a
name moved from an item into the paragraph before the list, a name mentioned in one more item,
cards after a `<div markdown>` line with no blank line. Each case is a small page of our own; each
has a control where a real difference of the same kind is still reported."""

from __future__ import annotations

from translations.checks.facts import FactExtractor

from .conftest import pair_issues, read_page

EXTRACTOR = FactExtractor(["Starter", "Plus"])


# The English says in its parent item what the translation says in a nested one.
EN_NESTED = """\
# Hooks

- A new `webhook` type with an `event` (it always has a `payload`, maybe a `signature`):
    * `created`
    * `deleted`
- Retries follow the account's setting.
"""

ZH_NESTED = """\
# 钩子

- 新增 webhook 类型，带有 `event`：
    * 分别是 `created` 和 `deleted`
    * 总有 `payload`，可选 `signature`
- 重试次数按账户设置。
"""


def test_facts_moved_between_an_item_and_its_nested_items_are_no_difference() -> None:
    assert pair_issues(EN_NESTED, ZH_NESTED, EXTRACTOR) == []


def test_nested_items_that_trade_values_are_still_reported() -> None:
    """Control: a swap among nested items is a swap."""
    en = "# Plans\n\n- Seats:\n    * Starter: 5 users\n    * Plus: 25 users\n"
    zh = "# 套餐\n\n- 席位：\n    * Starter：25 个用户\n    * Plus：5 个用户\n"
    assert pair_issues(en, zh, EXTRACTOR) == [
        "docs/zh/p.md:4: list item 2 has 25, the English list item 2 has 5 (docs/en/p.md:4)",
        "docs/zh/p.md:5: list item 3 has 5, the English list item 3 has 25 (docs/en/p.md:5)",
    ]


def test_a_fact_moved_from_an_item_into_a_paragraph_is_no_difference() -> None:
    en = "# Area\n\n- `box` = `[left, top]` (corners)\n- Counted from the top\n"
    zh = "# 区域\n\n`box` 的格式：`[left, top]`\n\n- 表示两个角\n- 从顶部开始计算\n"
    assert pair_issues(en, zh, EXTRACTOR) == []


def test_a_value_dropped_from_one_item_is_still_reported() -> None:
    """Control: the number is in another item on both sides, and nowhere in a paragraph."""
    en = "# Plans\n\n- Starter: 5 users\n- Plus: 5 users\n"
    zh = "# 套餐\n\n- Starter：5 个用户\n- Plus：用户数不限\n"
    assert pair_issues(en, zh, EXTRACTOR) == [
        "docs/zh/p.md:4: list item 2 lacks 5, which the English list item 2 has (docs/en/p.md:4)"
    ]


def test_a_name_mentioned_in_one_more_item_is_no_difference() -> None:
    """Hub-managed workers, written with the hub's name in the translation."""
    en = "# Workers\n\n- Used by `api` or hub-managed workers.\n- For `api` and `relay-hub`.\n"
    zh = "# 工作进程\n\n- 用于 `api` 或 `relay-hub` 管理的进程。\n- 适用于 `api` 和 `relay-hub`。\n"
    assert pair_issues(en, zh, EXTRACTOR) == []


# Cards: a list right after a `<div markdown>` line; each card's link is an `<a href>` inside
# a Markdown link to `#`.
EN_CARDS = """\
# Reading

<div class="grid cards" markdown>

-   __Soil basics__

    [<a href="https://soil.example.org/">Open</a>](#)

-   __Pruning__

    [<a href="https://prune.example.org/">Open</a>](#)

</div>
"""

ZH_CARDS = """\
# 阅读

<div class="grid cards" markdown>
-   __土壤入门__

    [<a href="https://soil.example.org/">打开</a>](#)

-   __修剪__

    [<a href="https://prune.example.org/">打开</a>](#)
</div>
"""


def test_a_list_right_after_an_html_tag_line_is_a_list() -> None:
    page = read_page("zh", ZH_CARDS, EXTRACTOR)
    assert page.sections[1].list_items == 2
    assert pair_issues(EN_CARDS, ZH_CARDS, EXTRACTOR) == []


def test_a_card_the_translation_lacks_is_still_reported() -> None:
    """Control: one card fewer is one list item fewer (its link to `#` goes with it)."""
    zh = ZH_CARDS.replace(
        '-   __修剪__\n\n    [<a href="https://prune.example.org/">打开</a>](#)\n', ""
    )
    assert pair_issues(EN_CARDS, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: list items differ in section "Reading" (2 vs 1)'
        " (docs/en/p.md:1: 2 list items)"
    ]


def test_a_line_after_paragraph_text_is_still_no_list() -> None:
    """Control: Python-Markdown starts no list inside a paragraph."""
    assert (
        read_page("en", "# T\n\nText before:\n- not an item\n", EXTRACTOR).sections[1].list_items
        == 0
    )


def test_a_range_in_backticks_written_in_words_is_no_difference() -> None:
    en = "# Scale\n\nEvery score is in `[0,1]`; files are `CSV`, sheets or `JSON`.\n"
    zh = "# 比例\n\n每个分数都在0-1之间；文件为 `CSV / 表格 / JSON`。\n"
    assert pair_issues(en, zh, EXTRACTOR) == []


def test_another_range_or_name_in_backticks_is_still_reported() -> None:
    """Control: the range 0-100 is not `[0,1]`; XML is no name the English writes."""
    en = "# Scale\n\nEvery score is in `[0,1]`; files are `CSV`, sheets or `JSON`.\n"
    zh = "# 比例\n\n每个分数都在0-100之间；文件为 `CSV / 表格 / XML`。\n"
    assert pair_issues(en, zh, EXTRACTOR) == [
        "docs/zh/p.md:3: `CSV / 表格 / XML` does not match the English (docs/en/p.md:3: `[0,1]`)",
        'docs/zh/p.md:1: section "Scale" lacks `JSON` (docs/en/p.md:3: `JSON`)',
        'docs/zh/p.md:3: 100 is not in the English section "Scale"'
        ' (docs/en/p.md:1: not in section "Scale")',
    ]


def test_enumerators_in_parentheses_are_no_numbers() -> None:
    en = "# Setup\n\nYou need a key and a list.\n"
    zh = "# 设置\n\n你需要两样东西：（1）一个密钥；（2）一个列表。\n"
    assert pair_issues(en, zh, EXTRACTOR) == []


def test_a_lone_number_in_parentheses_is_still_a_number() -> None:
    """Control: `(3)` with no `(2)` or `(4)` beside it is a value, and so is `（5）` there."""
    en = "# Setup\n\nRetries (3) apply.\n"
    zh = "# 设置\n\n重试次数（5）适用。\n"
    assert pair_issues(en, zh, EXTRACTOR) == [
        "docs/zh/p.md:3: 5 does not match the English (docs/en/p.md:3: 3)"
    ]


def test_ui_labels_in_backticks_may_be_translated() -> None:
    en = "# Client\n\nOpen `Network`, fill in `Relay Server` and `Security & Privacy`.\n"
    zh = "# 客户端\n\n打开“网络”，填写“中继服务器”和“安全性与隐私”。\n"
    assert pair_issues(en, zh, EXTRACTOR) == []


def test_code_names_in_backticks_are_still_facts() -> None:
    """Control: a constant, a name with an inner capital and a command are code, not labels."""
    en = "# Client\n\nSet `NULL`, call `onClick` and run `relay serve`.\n"
    zh = "# 客户端\n\n设置空值，调用点击处理函数并运行服务。\n"
    assert pair_issues(en, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: section "Client" lacks `NULL`, `onClick`, `relay serve`'
        " (docs/en/p.md:3: `NULL`, `onClick`, `relay serve`)"
    ]


EN_ENGINES = """\
# Engines

Popular engines are [Leaf](https://leaf.example.org/), [Stem](https://stem.example.org/) and
[Root](https://root.example.org/).
"""

ZH_ENGINES = """\
# 引擎

比较流行的引擎有：

- [Leaf](https://leaf.example.org/)
- [Stem](https://stem.example.org/)
- [Root](https://root.example.org/)
"""


def test_a_list_written_as_a_paragraph_on_the_other_side_is_no_difference() -> None:
    assert pair_issues(EN_ENGINES, ZH_ENGINES, EXTRACTOR) == []


def test_a_list_with_an_item_the_paragraph_lacks_is_still_reported() -> None:
    """Control: a fourth engine only the list names is a list item more, and a link more."""
    zh = ZH_ENGINES + "- [Bark](https://bark.example.org/)\n"
    assert pair_issues(EN_ENGINES, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: list items differ in section "Engines" (0 vs 4)'
        " (docs/en/p.md:1: 0 list items)"
    ]


def test_a_list_that_does_not_start_after_a_paragraph_is_still_reported() -> None:
    """Control: bullets right under a paragraph line are text in Python-Markdown, not a list."""
    en = ZH_ENGINES.replace("比较流行的引擎有：", "Popular engines:")
    zh = ZH_ENGINES.replace("有：\n\n-", "有：\n-")
    assert pair_issues(en, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: list items differ in section "引擎" (3 vs 0)'
        " (docs/en/p.md:1: 3 list items)"
    ]


EN_SAMPLES = """\
# Samples

Sample: a text entry
```json
{"type": "text", "page": 1}
```

Sample: an image entry
```json
{"type": "image", "page": 2}
```
"""

ZH_SAMPLES = """\
# 示例

- 文本类型
    ```json
    {
        "type": "text",
        "page": 1
    }
    ```
- 图片类型
    ```json
    {
        "type": "image",
        "page": 2
    }
    ```
"""


def test_labels_as_bullets_above_the_same_code_blocks_are_no_difference() -> None:
    assert pair_issues(EN_SAMPLES, ZH_SAMPLES, EXTRACTOR) == []


def test_a_bullet_above_other_code_is_still_reported() -> None:
    """Control: the second sample's page differs; the bullets are no longer the paragraphs."""
    zh = ZH_SAMPLES.replace('"page": 2', '"page": 3')
    assert pair_issues(EN_SAMPLES, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: list items differ in section "Samples" (0 vs 2)'
        " (docs/en/p.md:1: 0 list items)",
        'docs/zh/p.md:11: code block 2 of section "Samples" differs from English'
        ' (docs/en/p.md:9: code block 2 starts `{"type": "image", "page": 2}`)',
    ]


def test_spaces_beside_punctuation_in_a_code_span_change_no_code() -> None:
    en = "# Comments\n\nUse `/* */` or `//`; set `limit = 5;`.\n"
    zh = "# 注释\n\n使用 `/**/` 或 `//`；设置 `limit=5;`。\n"
    assert pair_issues(en, zh, EXTRACTOR) == []


def test_a_space_between_two_words_of_a_code_span_still_counts() -> None:
    """Control: `int count` declares; `intcount` is one other name."""
    en = "# Comments\n\nDeclare `int count`.\n"
    zh = "# 注释\n\n声明 `intcount`。\n"
    assert pair_issues(en, zh, EXTRACTOR) == [
        'docs/zh/p.md:3: `intcount` is not in the English section "Comments"'
        ' (docs/en/p.md:1: not in section "Comments")'
    ]


EN_CARD = """\
# Reading

<div class="grid cards" markdown>

-   __Soil basics__

    [<a href="https://soil.example.org/">Open</a>](#)

    [<a href="https://video.example.org/">Video</a>](#)

    [<a href="https://book.example.org/">Book</a>](#)

</div>
"""


def test_links_a_card_lacks_are_one_finding() -> None:
    zh = (
        EN_CARD.replace("Soil basics", "土壤入门")
        .replace('    [<a href="https://video.example.org/">Video</a>](#)\n\n', "")
        .replace('    [<a href="https://book.example.org/">Book</a>](#)\n\n', "")
    )
    assert pair_issues(EN_CARD, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: section "Reading" has no link to p.md (3 vs 1 links)'
        " (docs/en/p.md:7: links to p.md)"
    ]


def test_links_two_cards_lack_are_two_findings() -> None:
    """Control: a second card that lacks its own link is its own finding."""
    card = "-   __Pruning__\n\n    [Tools](https://tools.example.org/)\n\n</div>"
    en = EN_CARD.replace("</div>", card)
    zh = en.replace('    [<a href="https://video.example.org/">Video</a>](#)\n\n', "").replace(
        "    [Tools](https://tools.example.org/)\n\n", ""
    )
    assert pair_issues(en, zh, EXTRACTOR) == [
        'docs/zh/p.md:1: section "Reading" has no link to p.md (4 vs 2 links)'
        " (docs/en/p.md:7: links to p.md)",
        'docs/zh/p.md:1: section "Reading" has no link to https://tools.example.org/'
        " (4 vs 2 links) (docs/en/p.md:15: links to https://tools.example.org/)",
    ]
