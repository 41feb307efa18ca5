"""Pages as real bilingual sites write them (issue 24: every report is a real difference).

A hand review of the checks on two public MkDocs repositories found reports that came from how a
page was read, not from a difference between the languages. Each case below plants one such
habit in a small page of our own, shows that it is no longer reported, and keeps a control: a
real difference of the same kind is still reported."""

from __future__ import annotations

import pytest

from translations.read.markdown import heading_numbering

from .conftest import pair_issues, read_page

# 1. An outline kept in an HTML comment over several lines ("the rest is in the other language")

OUTLINE = """\
<!-- ## 1.2 Second part
### 1.2.1 A detail
- a point of 42 words
| A | B |
|---|---|
| 7 | 8 |
[next](next.md)
-->
"""
EN_OUTLINE = """\
# Chapter

## First part

Some text about 12 things.

The rest is in the Chinese version.

{outline}"""
ZH_OUTLINE = """\
# 章

## 第一部分

关于 12 件事的一段话。

其余部分见中文版。
"""


def test_a_comment_over_several_lines_hides_what_it_holds() -> None:
    page = read_page("en", EN_OUTLINE.format(outline=OUTLINE))
    assert [section.title for section in page.sections] == ["", "Chapter", "First part"]
    last = page.sections[-1]
    assert (last.list_items, last.table_rows, last.tables, last.links) == (0, 0, [], [])
    assert [fact.text for fact in last.facts] == ["12"]
    assert len(page.prose.split("\n")) == len(page.source.body.split("\n"))  # lines kept


def test_an_outline_in_a_comment_is_not_a_missing_translation() -> None:
    assert pair_issues(EN_OUTLINE.format(outline=OUTLINE), ZH_OUTLINE) == []


def test_the_same_outline_outside_a_comment_is_reported() -> None:
    """Control: headings the English shows and the translation lacks are still missing."""
    shown = OUTLINE.replace("<!-- ", "").replace("-->\n", "")
    issues = pair_issues(EN_OUTLINE.format(outline=shown), ZH_OUTLINE)
    assert 'docs/zh/p.md:3: heading "1.2 Second part" is missing' in "\n".join(issues)


def test_text_after_the_end_of_a_comment_is_read() -> None:
    page = read_page("en", "# T\n\n<!-- a note\nover two lines --> 25 users\n\n- an item\n")
    assert ([f.text for f in page.sections[1].facts], page.sections[1].list_items) == (["25"], 1)


def test_an_unclosed_comment_hides_nothing() -> None:
    """Python-Markdown shows `<!--` without an end as text, and the heading after it."""
    page = read_page("en", "# T\n\n<!-- never closed\n\n## Shown\n")
    assert [section.title for section in page.sections] == ["", "T", "Shown"]


def test_a_comment_inside_a_paragraph_line_is_not_a_comment_block() -> None:
    """Python-Markdown starts a comment block only at the start of a line."""
    page = read_page("en", "# T\n\ntext <!-- a\n## Shown\nb -->\n")
    assert [section.title for section in page.sections] == ["", "T", "Shown"]


def test_a_marker_written_over_several_lines_is_still_a_marker() -> None:
    page = read_page("en", "# T\n\n<!--\npricing:plans\n-->\n")
    assert [(marker.label, marker.line) for marker in page.sections[1].markers] == [
        ("pricing:plans", 3)
    ]


# 2. A heading's numbering ("## 2.1.4 Indexing"): it numbers the section, it states no fact


@pytest.mark.parametrize(
    ("heading", "numbering"),
    [
        ("## 2.1.4 Indexing", "2.1.4"),
        ("### 3.2. Object-Oriented Design", "3.2"),
        ("## 2.4 Calculus", "2.4"),
        ("## 4.倒序", "4"),
        ("## 3-1 Wiring", "3-1"),
        ("## 1 Mean", "1"),
        ("## 2025 Review", ""),  # a year
        ("## 1.5x faster", ""),  # a multiplier
        ("## 51单片机", ""),  # a name
        ("## Calculus 2.4", ""),  # not at the start
    ],
)
def test_the_numbering_a_heading_starts_with(heading: str, numbering: str) -> None:
    assert heading_numbering(read_page("en", f"{heading}\n").sections[1]) == numbering


def test_a_numbered_heading_and_an_unnumbered_one_agree() -> None:
    en = "# Guide\n\n## 2.4 Calculus\n\nThree rules.\n\n### 2.4.1. Limits\n\nText.\n"
    zh = "# 指南\n\n## 微积分\n\n三条规则。\n\n### 2.5.1. 极限\n\n正文。\n"
    assert pair_issues(en, zh) == []


def test_a_number_elsewhere_in_a_heading_is_still_a_fact() -> None:
    """Control: a number the heading states, not its numbering, must be kept."""
    en = "# Guide\n\n## Calculus in 2 steps\n\nText.\n"
    zh = "# 指南\n\n## 微积分\n\n正文。\n"
    assert pair_issues(en, zh) == [
        'docs/zh/p.md:3: section "Calculus in 2 steps" lacks 2 (docs/en/p.md:3: 2)'
    ]


# 3. Icon and emoji shortcodes (Material's `:octicons-arrow-right-24:`) are drawn, not read


def test_an_icon_holds_no_number() -> None:
    en = "# Links\n\n[Read on](next.md)\n\nStar it on :fontawesome-brands-github: GitHub.\n"
    zh = (
        "# 链接\n\n[:octicons-arrow-right-24: 继续阅读](next.md)\n\n"
        ":material-numeric-1: 在 GitHub 上加星标。\n"
    )
    assert [fact.text for fact in read_page("zh", zh).sections[1].facts] == ["GitHub"]
    assert pair_issues(en, zh) == []


def test_a_number_beside_an_icon_is_still_a_fact() -> None:
    """Control: the prose around an icon is read as before."""
    en = "# Links\n\n[Read on](next.md)\n"
    zh = "# 链接\n\n[:octicons-arrow-right-24: 24 小时内继续阅读](next.md)\n"
    assert pair_issues(en, zh) == [
        'docs/zh/p.md:3: 24 is not in the English section "Links"'
        ' (docs/en/p.md:1: not in section "Links")'
    ]


def test_words_between_colons_with_spaces_are_prose() -> None:
    page = read_page("en", "# T\n\nNote: step-2: done in 3 days.\n")
    assert [fact.text for fact in page.sections[1].facts] == ["2", "3"]


# 4. A number glued to a word on one side ("Ubuntu22.04", "python3.13") and spaced on the other


GLUED_EN = "# Install\n\nInstall it on Ubuntu 22.04 with Python 3.13; Debian 11 is not supported.\n"
GLUED_ZH = "# 安装\n\n在 Ubuntu22.04 上用 python3.13 安装；不再支持 debian11。\n"


def test_a_version_glued_to_its_name_is_the_same_number() -> None:
    assert pair_issues(GLUED_EN, GLUED_ZH) == []
    assert (
        pair_issues(
            GLUED_ZH.replace("# 安装", "# Install"), GLUED_EN.replace("# Install", "# 安装")
        )
        == []
    )


def test_a_unit_glued_to_its_number_is_the_same_number() -> None:
    en = "# Size\n\nThe model needs 0.56 GB and 16 GB of memory.\n"
    zh = "# 大小\n\n模型需要 0.56GB 和 16GB 内存。\n"
    assert pair_issues(en, zh) == []


def test_another_version_glued_to_its_name_is_still_reported() -> None:
    """Control: a glued number satisfies the same number only."""
    zh = GLUED_ZH.replace("Ubuntu22.04", "Ubuntu20.04")
    assert pair_issues(GLUED_EN, zh) == [
        'docs/zh/p.md:1: section "Install" lacks 22.04 (docs/en/p.md:3: 22.04)'
    ]
    en = "# Size\n\nThe model needs 16 GB of memory.\n"
    zh = "# 大小\n\n模型需要 32GB 内存。\n"
    assert pair_issues(en, zh) == ['docs/zh/p.md:1: section "Size" lacks 16 (docs/en/p.md:3: 16)']


@pytest.mark.parametrize("text", ["API v3", "api-us1", "2FA", "5xx errors", "B2B", "an H1"])
def test_a_glued_number_needs_no_counterpart(text: str) -> None:
    """A glued number is soft: it satisfies a number on the other side, and needs none."""
    assert pair_issues(f"# T\n\n{text}\n", "# T\n\n正文。\n") == []


# 5. Tables and lists written in HTML count as the Markdown ones with the same rows and items

MARKDOWN_TABLE = """\
# Plans

| Plan | Seats |
|---|---|
| Lite | 5 |
| Team | 25 |

- Billed monthly
- Billed yearly
"""
HTML_TABLE = """\
# 套餐

<table>
  <thead>
    <tr><th>套餐</th><th>席位</th></tr>
  </thead>
  <tr>
    <td>Lite</td>
    <td>5</td>
  </tr>
  <tr><td>Team</td><td>25</td></tr>
</table>

<ul>
  <li>按月计费</li>
  <li>按年
  计费</li>
</ul>
"""


def test_an_html_table_and_list_count_as_markdown_ones() -> None:
    markdown, html = (
        read_page("en", MARKDOWN_TABLE).sections[1],
        read_page("zh", HTML_TABLE).sections[1],
    )
    for section in (markdown, html):
        assert (section.table_rows, section.table_columns, section.list_items) == (3, [2], 2)
        assert [len(rows) for rows in section.tables] == [3]
    assert html.items[1] == [16, 17]  # an item runs to its </li>
    assert pair_issues(MARKDOWN_TABLE, HTML_TABLE) == []


def test_an_html_table_with_a_row_fewer_is_reported() -> None:
    """Control: one row and one item fewer in HTML are still one row and one item fewer."""
    zh = HTML_TABLE.replace("  <tr><td>Team</td><td>25</td></tr>\n", "")
    zh = zh.replace("  <li>按月计费</li>\n", "")
    assert pair_issues(MARKDOWN_TABLE, zh) == [
        'docs/zh/p.md:1: list items differ in section "Plans" (2 vs 1)'
        " (docs/en/p.md:1: 2 list items)",
        'docs/zh/p.md:1: table rows differ in section "Plans" (3 vs 2)'
        " (docs/en/p.md:1: 3 table rows)",
        'docs/zh/p.md:1: section "Plans" lacks 25 (docs/en/p.md:6: 25)',
    ]


def test_a_number_moved_to_another_html_row_is_reported() -> None:
    """Control: the cells of a row written over several lines are that row's."""
    zh = HTML_TABLE.replace("<td>5</td>", "<td>25</td>").replace(
        "<td>25</td></tr>", "<td>5</td></tr>"
    )
    assert pair_issues(MARKDOWN_TABLE, zh) == [
        "docs/zh/p.md:7: row 1 has 25, the English row 1 has 5 (docs/en/p.md:5)",
        "docs/zh/p.md:11: row 2 has 5, the English row 2 has 25 (docs/en/p.md:6)",
    ]


def test_columns_come_from_the_first_row_with_its_colspans() -> None:
    page = read_page("en", '# T\n\n<table><tr><th colspan="2">A</th><th>B</th></tr></table>\n')
    assert page.sections[1].table_columns == [3]


def test_html_in_code_or_in_a_comment_is_no_table_or_list() -> None:
    body = (
        "# T\n\nWrite `<li>` or `<tr>`.\n\n"
        "```html\n<ul><li>a</li></ul>\n```\n\n"
        "<!-- <li>b</li> -->\n"
    )
    section = read_page("en", body).sections[1]
    assert (section.list_items, section.table_rows) == (0, 0)


# 6. Chinese writes 万 informally as w after the digits: 1.5w字典 is a 15K dictionary


def test_an_informal_wan_beside_chinese_is_ten_thousand() -> None:
    en = "# Models\n\n- a mixed 15K dictionary\n- a handwriting 18K+ dictionary\n"
    zh = "# 模型\n\n- 混合/1.5w字典\n- 手写，约1.8w+字典\n"
    assert pair_issues(en, zh) == []


def test_another_informal_wan_is_reported() -> None:
    """Control: 1.8w is 18000, which a 15K does not match."""
    en = "# Models\n\nA mixed 15K dictionary.\n"
    zh = "# 模型\n\n混合/1.8w字典。\n"
    assert pair_issues(en, zh) == [
        "docs/zh/p.md:3: 1.8w does not match the English (docs/en/p.md:3: 15K)"
    ]


@pytest.mark.parametrize("text", ["Rotate it 2w", "about 3w of them", "CS224w notes"])
def test_a_w_in_english_is_no_ten_thousand(text: str) -> None:
    assert "n:20000" not in {f.key for f in read_page("en", f"# T\n\n{text}\n").sections[1].facts}
    assert pair_issues(f"# T\n\n{text}\n", "# T\n\n正文。\n") == []


# A comparison written with < and > in prose is text where Python-Markdown shows it as text, and
# hidden where Python-Markdown reads it as an HTML tag (issue 24: `s<t…s>t`).


def test_less_and_greater_than_in_prose_are_read_as_python_markdown_reads_them() -> None:
    en = "# C\n\n## Compare\n\nIf `a < b`, -1; if `a == b`, 0; if `a > b`, 1.\n"
    zh = "# C\n\n## 比较\n\n如果 a<b，返回 -1；如果 a==b，返回 0；如果 a>b，返回 1。\n"
    assert pair_issues(en, zh) == []  # `a==b` cannot be an attribute: no tag, all of it is shown
    # control: without it, `<b，返回 -1；如果 a>` is a tag to Python-Markdown, hidden from readers
    en, zh = en.replace(" if `a == b`, 0;", ""), zh.replace("如果 a==b，返回 0；", "")
    hidden = pair_issues(en, zh)
    assert any("lacks `a < b`, `a > b`" in issue for issue in hidden), hidden


# An image's attributes (`{ width=100% }`) are drawn, not read: no number 100.


def test_attributes_after_an_image_are_no_facts() -> None:
    en = "# Error\n\nThe root of the mean.\n\n![Table](table.png)\n"
    zh = (
        "# 误差\n\n均值的平方根。\n\n![表](table.png){ width=100% }\n\n![图](chart.png){: .wide }\n"
    )
    assert read_page("zh", zh).sections[1].facts == []
    assert pair_issues(en, zh) == [
        'docs/zh/p.md:1: images differ in section "Error" (1 vs 2) (docs/en/p.md:1: 1 images)'
    ]


def test_a_percentage_in_text_beside_an_image_is_still_a_fact() -> None:
    """Control: `{…}` not right after an image or a link is text, and 100% in it a number."""
    en = "# Error\n\nThe root of the mean.\n\n![Table](table.png)\n"
    zh = "# 误差\n\n均值的平方根。\n\n![表](table.png) 覆盖率 {100%}\n"
    assert pair_issues(en, zh) == [
        'docs/zh/p.md:5: 100% is not in the English section "Error"'
        ' (docs/en/p.md:1: not in section "Error")'
    ]


# A bare address ends where Chinese text starts right after it, without a space.


def test_a_bare_url_ends_at_the_chinese_text_after_it() -> None:
    en = "# Packs\n\nDevices are listed at https://packs.example.org/devices/ with their drivers.\n"
    zh = "# 软件包\n\n在 https://packs.example.org/devices/的设备列表上列出了驱动程序。\n"
    assert [ref.text for ref in read_page("zh", zh).sections[1].urls] == [
        "https://packs.example.org/devices/"
    ]
    assert pair_issues(en, zh) == []


def test_another_bare_url_before_chinese_text_is_still_reported() -> None:
    """Control: another path is another address."""
    en = "# Packs\n\nDevices are listed at https://packs.example.org/devices/ with their drivers.\n"
    zh = "# 软件包\n\n在 https://packs.example.org/boards/的设备列表上列出了驱动程序。\n"
    assert pair_issues(en, zh) == [
        "docs/zh/p.md:3: https://packs.example.org/boards/ does not match the English"
        " (docs/en/p.md:3: https://packs.example.org/devices/)"
    ]


# A command's help output whose descriptions are translated: a description wraps where its
# words do, so a line of it may start with a name in Latin letters (`notes-api`, `VLM 模型`) or
# a mark (`('a' 表示 …`), and the lines break apart from the English ones.

HELP_EN = """\
# Serve

## Options

```bash
serve --help
Usage: serve [OPTIONS]

Options:
  --root PATH          Folder that holds the notes. If omitted, serve starts
                       a local notes-api service.
  --preload BOOLEAN    Preload the local VLM model when serve starts.
  --quote [a|b]        Quote style to use: 'a' for '$', 'b' for '()'.
  --help               Show this message and exit.

Commands:
  start    Start the server
  stop     Stop the server
```
"""
HELP_ZH = """\
# 服务

## 选项

```bash
serve --help
Usage: serve [OPTIONS]

Options:
  --root PATH          存放笔记的文件夹；不传时自动启动本地
                       notes-api
  --preload BOOLEAN    在 serve 启动时预加载本地
                       VLM 模型
  --quote [a|b]        要使用的引号类型
                       ('a' 表示 '$'，'b' 表示 '()')
  --help               显示此帮助信息并退出

Commands:
  start    启动服务
  stop     停止服务
```
"""
HELP_DIFFERS = [
    'docs/zh/p.md:5: code block 1 of section "Options" differs from English'
    " (docs/en/p.md:5: code block 1 starts `serve --help`)"
]


def test_a_help_text_wrapped_apart_is_the_same_text() -> None:
    assert pair_issues(HELP_EN, HELP_ZH) == []


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("--preload BOOLEAN", "--warmup BOOLEAN"),  # an option renamed
        ("  stop     停止服务", "  halt     停止服务"),  # a command renamed, after a prose line
        ("  --help  ", "  -h, --help  "),  # an option added, after a wrapped description
    ],
)
def test_a_help_text_with_another_option_is_still_reported(english: str, chinese: str) -> None:
    assert english in HELP_ZH
    assert pair_issues(HELP_EN, HELP_ZH.replace(english, chinese)) == HELP_DIFFERS


# English words set in backticks (`command line mode`): prose, which the translation writes in
# its own words, without backticks. A name or a command in backticks stays a fact.

WORDS_EN = """\
# Changes

## 2.0.3

- Fixed the toggles that did nothing in `command line mode`, so features stayed on.
- Fixed the `all` model type.

## 2.0.0

- Most settings can now be given on the command line; each mode has its page.
{more}"""
WORDS_ZH = """\
# 更新

## 2.0.3

- 修复了命令行模式下开关不生效、功能无法关闭的问题。
- 修复了 `all` 模型类型。

## 2.0.0

- 多数设置现在可以在命令行中传入；每种模式都有单独的页面。
{more}"""


def test_english_words_in_backticks_may_be_written_in_chinese() -> None:
    assert pair_issues(WORDS_EN.format(more=""), WORDS_ZH.format(more="")) == []


@pytest.mark.parametrize(
    ("span", "more"),
    [
        ("command_line_mode", ""),  # a name: `_` is no English
        ("line", ""),  # one word: a name as well
        ("quiet run", ""),  # words the page writes nowhere else
        # a command of the page's code, though the page writes its words in prose too
        ("notes serve", "\nTo serve your notes:\n\n```bash\nnotes serve --port 80\n```\n"),
    ],
)
def test_a_name_or_a_command_in_backticks_is_still_reported(span: str, more: str) -> None:
    en = WORDS_EN.format(more=more).replace("command line mode", span)
    assert pair_issues(en, WORDS_ZH.format(more=more)) == [
        f'docs/zh/p.md:3: section "2.0.3" lacks `{span}` (docs/en/p.md:5: `{span}`)'
    ]
