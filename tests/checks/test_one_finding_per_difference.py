"""One difference between the languages is one finding (issue 24: a cascade is noise).

A hand review on two public bilingual repositories counted findings that repeated a difference
already reported: every heading of a chapter the translation never wrote, every fact of a section
one side left empty, a list item's fact named again after its section's finding. Each case is a
small page of our own; each has a control where a second, separate difference is still named."""

from __future__ import annotations

from .conftest import pair_issues

# A translation that stops after its first chapter: the rest is one difference.
EN_BOOK = """\
# Garden guide

## Soil

Test the soil every 2 years.

## Watering

Water 3 times a week.

### Morning

Before 9 am.

### Evening

After 6 pm.

## Pruning

Prune in March.
"""

ZH_BOOK = """\
# 园艺指南

## 土壤

每 2 年检测一次土壤。
"""


def test_a_run_of_headings_the_translation_lacks_is_one_finding() -> None:
    assert pair_issues(EN_BOOK, ZH_BOOK) == [
        'docs/zh/p.md:3: heading "Watering" is missing, and the 3 after it'
        " (docs/en/p.md:7: ## Watering)"
    ]


def test_a_run_of_headings_only_the_translation_has_is_one_finding() -> None:
    zh = ZH_BOOK + "\n## 工具\n\n剪刀。\n\n## 季节\n\n春季。\n"
    en = EN_BOOK.split("## Watering")[0]
    assert pair_issues(en, zh) == [
        'docs/zh/p.md:7: heading "工具" has no English counterpart, nor have the 1 after it'
        " (docs/en/p.md:3: no heading here)"
    ]


def test_two_separate_gaps_are_two_findings() -> None:
    """Control: headings missing in two places are two differences."""
    zh = ZH_BOOK + "\n## 浇水\n\n每周浇水 3 次。\n\n## 工具\n\n剪刀 `shears`。\n"
    found = pair_issues(EN_BOOK.replace("## Pruning", "## Tools\n\n`shears`.\n\n## Pruning"), zh)
    assert [issue.split(": ", 1)[1].split(" (")[0] for issue in found] == [
        'heading "Morning" is missing, and the 1 after it',
        'heading "Pruning" is missing',
    ]


# A heading the English keeps as a placeholder, written out in the translation.
EN_PLACEHOLDER = """\
# Tools

## Shears

Sharpen them every 4 weeks.

## Ladders

## Gloves

Size 8 fits most.
"""

ZH_PLACEHOLDER = """\
# 工具

## 剪刀

每 4 周磨一次。

## 梯子

梯子高度 2 米，承重 150 公斤，见 `ladder.pdf` 与 [说明](https://example.com/ladder)。

```text
2 m / 150 kg
```

## 手套

8 号适合大多数人。
"""


def test_a_section_empty_on_one_side_is_one_finding() -> None:
    assert pair_issues(EN_PLACEHOLDER, ZH_PLACEHOLDER) == [
        'docs/zh/p.md:7: section "Ladders" is empty in English; the translation has it'
        " (docs/en/p.md:7: empty)"
    ]


def test_a_section_with_text_on_both_sides_still_names_each_fact() -> None:
    """Control: with one English sentence under the heading, the facts are compared."""
    en = EN_PLACEHOLDER.replace("## Ladders\n", "## Ladders\n\nA ladder of 2 m.\n")
    found = pair_issues(en, ZH_PLACEHOLDER)
    assert any("150" in issue and "not in the English" in issue for issue in found), found
    assert not any("is empty" in issue for issue in found), found


# A list item's fact that the section's finding already names on the same line.
EN_ROWS = """\
# Models

## Choices

The default is `leaf-v4` unless set.

- `small`: `leaf-v4` (default)
- `large`: `leaf-v5`
"""

ZH_ROWS = """\
# 模型

## 选项

默认为 `leaf-v4`。

- `small`：`leaf-v4x`（默认）
- `large`：`leaf-v5`
"""


def test_a_list_items_fact_is_not_named_again_on_the_same_line() -> None:
    assert pair_issues(EN_ROWS, ZH_ROWS) == [
        'docs/zh/p.md:7: `leaf-v4x` is not in the English section "Choices"'
        ' (docs/en/p.md:3: not in section "Choices")'
    ]


def test_an_item_that_loses_a_shared_fact_elsewhere_is_still_named() -> None:
    """Control: the second item drops `leaf-v4`'s neighbour `leaf-v5`, which the section still
    states in the first item: only the item's finding can name it."""
    zh = ZH_ROWS.replace("`leaf-v4x`（默认）", "`leaf-v4`（默认），`leaf-v5` 可选").replace(
        "`large`：`leaf-v5`", "`large`：更大的模型"
    )
    found = pair_issues(EN_ROWS, zh)
    assert any("list item 2 lacks `leaf-v5`" in issue for issue in found), found


# Several facts of one sentence that the translation leaves out: one finding for the sentence.
EN_SENTENCE = """\
# Beds

## Sizes

A bed is 120 cm wide and 30 cm deep, with `edge-kit` and `corner-kit` parts.

Each bed holds 12 plants.
"""

ZH_SENTENCE = """\
# 苗床

## 尺寸

每个苗床种 12 株。
"""


def test_the_facts_one_line_lacks_are_one_finding() -> None:
    assert pair_issues(EN_SENTENCE, ZH_SENTENCE) == [
        'docs/zh/p.md:3: section "Sizes" lacks `edge-kit`, `corner-kit`, 120, 30'
        " (docs/en/p.md:5: `edge-kit`, `corner-kit`, 120, 30)"
    ]


def test_facts_lacking_on_two_lines_are_two_findings() -> None:
    """Control: a second English line with its own missing fact is its own finding."""
    found = pair_issues(EN_SENTENCE, ZH_SENTENCE.replace("12 株", "若干株"))
    assert len(found) == 2 and "lacks 12 " in found[1], found


def test_a_paragraph_over_two_lines_the_translation_adds_is_one_finding() -> None:
    """A tip of two lines, each with its own link, that only the translation has."""
    en = "# Beds\n\n## Sizes\n\nEach bed holds 12 plants.\n"
    zh = (
        "# 苗床\n\n## 尺寸\n\n每个苗床种 12 株。\n\n"
        "> 另见[土壤指南](https://soil.example.org/)，\n"
        "> 以及[修剪指南](https://prune.example.org/)。\n"
    )
    assert pair_issues(en, zh) == [
        "docs/zh/p.md:7: link to https://soil.example.org/, https://prune.example.org/ is not in"
        ' the English section "Sizes" (0 vs 2 links) (docs/en/p.md:3: no link to'
        " https://soil.example.org/, https://prune.example.org/)"
    ]


# A release note with a block of items, and its bold title, that only the translation has.
EN_RELEASE = """\
# Changes

## 2.1 (2026/03/02)

**`hub` speed-ups**

- Faster `hub` start.
"""

ZH_RELEASE = """\
# 更新

## 2.1 (2026/03/02)

**`Relay` 适配**

- 优化 `relay-init` 流程。
- 更新 `Relay` 文档。

**`hub` 提速**

- 加快 `hub` 启动。
"""


def test_a_block_of_items_with_its_title_the_translation_adds_is_one_finding() -> None:
    assert pair_issues(EN_RELEASE, ZH_RELEASE) == [
        'docs/zh/p.md:3: list items differ in section "2.1 (2026/03/02)" (1 vs 3)'
        " (docs/en/p.md:3: 1 list items)"
    ]


def test_a_name_in_a_paragraph_apart_from_the_added_items_is_still_named() -> None:
    """Control: a paragraph after the added items introduces nothing; its name is a finding."""
    zh = ZH_RELEASE + "\n另见 `relay-docs`。\n"
    assert pair_issues(EN_RELEASE, zh)[1:] == [
        'docs/zh/p.md:14: `relay-docs` is not in the English section "2.1 (2026/03/02)"'
        ' (docs/en/p.md:3: not in section "2.1 (2026/03/02)")'
    ]


# A name set in backticks on one side and written plainly, or only in code, on the other.
EN_NAMES = """\
# Sources

## Choosing

- `auto` tries Leafhub first.
- `Leafhub` is fast, with the `leaf` client.

Create `beds` with `plant`.

```python
beds = plant(3)
```
"""

ZH_NAMES = """\
# 来源

## 选择

- `auto` 优先尝试 `Leafhub`。
- Leafhub 速度快，附带 `leaf` 客户端。

创建苗床：

```python
beds = plant(3)
```
"""


def test_a_name_in_another_notation_is_no_finding_in_a_list_item_or_a_section() -> None:
    assert pair_issues(EN_NAMES, ZH_NAMES) == []


def test_a_name_the_other_side_lacks_in_every_notation_is_still_named() -> None:
    """Control: the item names another client; the code creates other things."""
    zh = ZH_NAMES.replace("`leaf` 客户端", "`stem` 客户端").replace("plant(3)", "sow(3)")
    found = pair_issues(EN_NAMES, zh)
    assert any("`stem` does not match the English" in issue for issue in found), found
    assert any("lacks `plant`" in issue for issue in found), found
