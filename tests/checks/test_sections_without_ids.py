"""Pages whose headings have no explicit {#id}, as on an ordinary site: sections pair by heading
level and position, a heading added or dropped on one side is one issue, and whether a missing id
is itself an issue is the site's `heading_ids` choice."""

from __future__ import annotations

from pathlib import Path

from translations.checks.report import check_site
from translations.config import SiteConfig
from translations.lifecycle.staleness import stamp_pages

from .conftest import TODAY, make_tree

EN = """\
# Sending notes

Read this before the first send.

## Hourly limit

Each account sends at most 120 messages an hour.

## History

Reports keep 45 days of history.

## Retries

A failed send is retried after 15 minutes.

- first retry
- second retry

## Exports

One export holds at most 2,500 rows.

## Regions

Mail leaves from 8 regions, listed on https://example.com/regions.
"""

ZH = """\
# 发送说明

首次发送前请阅读本页。

## 每小时上限

每个账户每小时最多发送 120 封邮件。

## 历史记录

报告保留 45 天的历史记录。

## 重试

发送失败后，15 分钟后重试。

- 第一次重试
- 第二次重试

## 导出

一次导出最多 2,500 行。

## 地区

邮件从 8 个地区发出，列表见 https://example.com/regions。
"""


def _line(text: str, fragment: str) -> int:
    """File line of the first line holding `fragment`, after the front matter (four lines in
    English, five in Chinese: `translation_of` is stamped)."""
    lines = text.split("\n")
    first = 5 if text.isascii() else 6
    return first + next(number for number, line in enumerate(lines) if fragment in line)


def check(tmp_path: Path, en: str, zh: str, *, heading_ids: bool = False) -> list[str]:
    """The issues of one page pair, written into the clean fixture and stamped."""
    root, _ = make_tree(tmp_path)
    for lang, body in (("en", en), ("zh", zh)):
        meta = f"---\ntitle: Notes {lang}\ndescription: Sending notes.\n---\n"
        (root / "docs" / lang / "notes.md").write_text(meta + body, "utf-8")
    stamp_pages(root / "docs", [])
    report = check_site(root, today=TODAY, config=SiteConfig(heading_ids=heading_ids))
    return [str(issue) for issue in report.issues]


def test_equal_structure_without_ids_has_no_issues(tmp_path: Path) -> None:
    assert check(tmp_path, EN, ZH) == []


def test_a_changed_number_names_its_section_on_both_sides(tmp_path: Path) -> None:
    zh = ZH.replace("15 分钟", "16 分钟")  # the third section, "Retries"
    en_line, zh_line = _line(EN, "15 minutes"), _line(zh, "16 分钟")
    assert check(tmp_path, EN, zh) == [
        f"docs/zh/notes.md:{zh_line}: 16 does not match the English"
        f" (docs/en/notes.md:{en_line}: 15)"
    ]


def test_a_dropped_heading_is_one_issue_and_later_sections_still_pair(tmp_path: Path) -> None:
    # the second of five sections loses its heading (its text stays, under the first one), and
    # the fourth section states another number
    zh = ZH.replace("## 历史记录\n\n", "").replace("2,500", "2,400")
    issues = check(tmp_path, EN, zh)
    assert issues == [
        f'docs/zh/notes.md:{_line(zh, "## 每小时上限")}: heading "History" is missing'
        f" (docs/en/notes.md:{_line(EN, '## History')}: ## History)",
        f"docs/zh/notes.md:{_line(zh, '2,400')}: 2,400 does not match the English"
        f" (docs/en/notes.md:{_line(EN, '2,500')}: 2,500)",
    ]


def test_an_added_heading_is_one_issue(tmp_path: Path) -> None:
    zh = ZH.replace("## 地区\n", "## 限制\n\n导出的文件不能修改。\n\n## 地区\n")
    assert check(tmp_path, EN, zh) == [
        f'docs/zh/notes.md:{_line(zh, "## 限制")}: heading "限制" has no English counterpart'
        f" (docs/en/notes.md:{_line(EN, '## Exports')}: no heading here)"
    ]


def test_a_missing_id_is_an_issue_only_where_the_site_requires_ids(tmp_path: Path) -> None:
    en = EN.replace("## History\n", "## History {#history}\n")
    zh = ZH.replace("## 历史记录\n", "## 历史记录 {#history}\n")
    line = _line(ZH, "## 每小时上限")
    assert check(tmp_path / "off", en, zh) == []
    strict = check(tmp_path / "on", en, zh, heading_ids=True)
    assert (
        f'docs/zh/notes.md:{line}: heading "每小时上限" has no explicit {{#id}}; add one, the same'
        " in both languages" in strict
    )
    # every heading without an id, in both languages, and nothing else
    assert len(strict) == 2 * 5 and all("has no explicit {#id}" in issue for issue in strict)


def test_ids_on_some_headings_anchor_the_rest(tmp_path: Path) -> None:
    en = EN.replace("## Retries\n", "## Retries {#retries}\n")
    zh = ZH.replace("## 重试\n", "## 重试 {#retries}\n")
    assert check(tmp_path / "same", en, zh) == []
    # an id on one side only: the site's anchors differ between the languages
    zh_without = ZH
    assert check(tmp_path / "one-side", en, zh_without) == [
        f'docs/zh/notes.md:{_line(ZH, "## 重试")}: heading "重试" has no explicit {{#id}};'
        " add one, the same in both languages"
    ]
    # a dropped heading before the anchor and an added one after it: one issue each
    zh = zh.replace("## 历史记录\n\n", "") + "\n## 其他\n\n其他说明。\n"
    assert check(tmp_path / "both", en, zh) == [
        f'docs/zh/notes.md:{_line(zh, "## 每小时上限")}: heading "History" is missing'
        f" (docs/en/notes.md:{_line(EN, '## History')}: ## History)",
        f'docs/zh/notes.md:{_line(zh, "## 其他")}: heading "其他" has no English counterpart'
        f" (docs/en/notes.md:{_line(EN, '## Regions')}: no heading here)",
    ]


# What real bilingual sites do without drifting: each case was met on a public repository.
EN_CODE = """\
# Setup

## Install

```bash
pip install notes  # the command line tool
```

```bash
notes init
```

```bash
notes sync --all
```

## Output

A run prints the state:

```json
{"state": "done", "pages": 3}
```

Read more on https://example.com/notes.
"""

ZH_CODE = """\
# 安装与配置

## 安装

```bash
pip install notes  # 命令行工具
```

```bash
notes sync --all
```

## 输出

运行后会打印状态：

```json
{"state": "done", "pages": 3}
```

详见[文档](https://example.com/notes)。
"""


def test_a_dropped_code_block_is_one_issue_not_a_difference_in_every_later_one(
    tmp_path: Path,
) -> None:
    assert check(tmp_path, EN_CODE, ZH_CODE) == [
        f"docs/zh/notes.md:{_line(ZH_CODE, '## 安装')}: code blocks differ in section"
        f' "Install" (3 vs 2) (docs/en/notes.md:{_line(EN_CODE, "## Install")}: 3 code blocks)'
    ]
    # a changed block after the dropped one is still named, by its own number
    zh = ZH_CODE.replace("notes sync --all", "notes sync")
    assert (
        f'docs/zh/notes.md:{_line(zh, "notes sync") - 1}: code block 3 of section "Install"'
        " differs from English"
    ) in "\n".join(check(tmp_path / "changed", EN_CODE, zh))


def test_an_address_linked_on_one_side_and_written_out_on_the_other_is_the_same(
    tmp_path: Path,
) -> None:
    issues = check(tmp_path, EN_CODE, ZH_CODE.replace("```bash\nnotes sync --all\n```\n\n", ""))
    assert not any("example.com" in issue for issue in issues)
    zh = ZH_CODE.replace("https://example.com/notes", "https://example.com/other")
    assert any("https://example.com/other" in issue for issue in check(tmp_path / "b", EN_CODE, zh))


EN_NOTES = """\
# Output

## Pages

The angle is one of `0, 90, 180, 270`.

!!! tip
    See the [guide](https://docs.example.org/en/guide/#rotation).
"""

ZH_NOTES = """\
# 输出

## 页面

角度为 0，90，180，270 之一。

!!! 提示
    参见[指南](https://docs.example.org/zh/guide/#旋转)。
"""


def test_another_notation_is_no_drift_on_an_ordinary_site(tmp_path: Path) -> None:
    """Numbers in code on one side and in prose on the other, an admonition type written in
    Chinese, and a link to the other language's edition of a page."""
    assert check(tmp_path, EN_NOTES, ZH_NOTES) == []
    drift = ZH_NOTES.replace("270", "360").replace("docs.example.org/zh/guide/", "x.org/")
    found = check(tmp_path / "drift", EN_NOTES, drift)
    assert any("360 is not in the English" in issue for issue in found), found
    assert any("https://x.org/" in issue for issue in found), found


EN_LIST = """\
# Changes

## Version 2.6

- Faster parsing of `tables`.
- Fixed a crash on 3 page PDFs.
- Added `--lang` for 12 languages.
"""

ZH_LIST = """\
# 更新

## 2.6 版

- 更快地解析 `tables`。
- 修复了 3 页 PDF 会崩溃的问题。
- 新增对国产加速卡 `npu/ascend` 的支持，见 [说明](https://example.com/npu)。
- 新增 `--lang`，支持 12 种语言。
"""


def test_an_item_on_one_side_only_is_the_counts_finding_alone(tmp_path: Path) -> None:
    found = check(tmp_path, EN_LIST, ZH_LIST)
    assert len(found) == 1 and "list items differ" in found[0], found
    # a changed number in an item both sides have is still named
    found = check(tmp_path / "changed", EN_LIST, ZH_LIST.replace("12 种", "13 种"))
    assert any("13 does not match the English" in issue for issue in found), found


def test_prose_set_in_backticks_is_no_code(tmp_path: Path) -> None:
    en = "# Languages\n\n## OCR\n\nAdds Chinese, English, Japanese and Traditional Chinese.\n"
    zh = "# 语言\n\n## OCR\n\n新增 `中英日繁` 四种语言。\n"
    assert check(tmp_path, en, zh) == []
    found = check(tmp_path / "code", en, zh.replace("`中英日繁`", "`ocr_lang` 参数的"))
    assert any("`ocr_lang` is not in the English" in issue for issue in found), found
