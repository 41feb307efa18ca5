"""The Chinese copywriting linter (autocorrect, rules in .autocorrectrc): every Chinese page and
the Chinese strings of the data files follow the spacing and punctuation rule, and a planted
defect is reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations.checks.copywriting import (
    configure,
    fix_pages,
    lint_data,
    lint_pages,
    lint_text,
    main,
)

REPO = Path(__file__).resolve().parents[1]
ZH = REPO / "docs" / "zh"
PAGES = sorted(path.relative_to(ZH).as_posix() for path in ZH.rglob("*.md"))


@pytest.fixture(scope="module", autouse=True)
def rules() -> None:
    configure(REPO)


@pytest.mark.parametrize("name", PAGES)
def test_chinese_page_follows_the_copywriting_rules(name: str) -> None:
    findings = [str(f) for f in lint_pages(REPO, [ZH / name])]
    assert findings == []


def test_chinese_strings_of_the_data_files_follow_the_rules() -> None:
    assert [str(f) for f in lint_data(REPO)] == []


# Planted defects: the linter fires, names the file and line, and leaves code alone

PLANTED = """---
title: 测试页面
---

# 测试 {#test}

ActiveCampaign 的 CRM 是付费附加功能。

这是ActiveCampaign的CRM,价格为68美元/月。

在 `Api-Token` 请求头中发送密钥，参见 <https://example.com/中文>。

```text
代码里的ActiveCampaign不改
```
"""


def test_planted_defect_is_reported_with_file_and_line() -> None:
    found = [str(f) for f in lint_text(PLANTED, "docs/zh/planted.md")]
    assert found == [
        "docs/zh/planted.md:9: 这是ActiveCampaign的CRM,价格为68美元/月。"
        " -> 这是 ActiveCampaign 的 CRM，价格为 68 美元/月。"
    ]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("价格为68美元/月", "价格为 68 美元/月"),
        ("上限为10倍", "上限为 10 倍"),
        ("超过5万个联系人", "超过 5 万个联系人"),
        ("截至2026年3月", "截至 2026 年 3 月"),
        ("等待3天", "等待 3 天"),
        ("请核实,然后继续", "请核实，然后继续"),
    ],
)
def test_spacing_and_punctuation_rule(text: str, fixed: str) -> None:
    found = lint_text(text, "docs/zh/x.md")
    assert [f.new for f in found] == [fixed]


def test_data_string_defect_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for name in ("glossary.yml", "pricing.yml", "paths.yml"):
        (tmp_path / "data" / name).write_text("terms: []\n", "utf-8")
    (tmp_path / "data" / "glossary.yml").write_text(
        "terms:\n  - en: deal\n    zh: 商机\n    def: {en: x, zh: 含5个阶段}\n", "utf-8"
    )
    assert [str(f) for f in lint_data(tmp_path)] == [
        "data/glossary.yml:4: 含5个阶段 -> 含 5 个阶段"
    ]


def test_command_line_lints_and_fixes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / ".autocorrectrc").write_text((REPO / ".autocorrectrc").read_text("utf-8"))
    (tmp_path / "data").mkdir()
    for name in ("glossary.yml", "pricing.yml", "paths.yml"):
        (tmp_path / "data" / name).write_text("terms: []\n", "utf-8")
    page = tmp_path / "docs" / "zh" / "planted.md"
    page.parent.mkdir(parents=True)
    page.write_text(PLANTED, "utf-8")
    assert main([], root=tmp_path) == 1
    out = capsys.readouterr().out
    assert "docs/zh/planted.md:9: 这是ActiveCampaign的CRM" in out
    assert "1 Chinese copywriting finding(s)" in out
    assert fix_pages(tmp_path, [page]) == ["docs/zh/planted.md"]
    fixed = page.read_text("utf-8")
    assert "这是 ActiveCampaign 的 CRM，价格为 68 美元/月。" in fixed
    assert "代码里的ActiveCampaign不改" in fixed and "`Api-Token`" in fixed
    assert main([], root=tmp_path) == 0


def _fixed(tmp_path: Path, name: str, text: str) -> str:
    """The page as --fix leaves it; --fix must report that it changed it."""
    page = tmp_path / "docs" / "zh" / name
    page.parent.mkdir(parents=True)
    page.write_text(text, "utf-8")
    assert fix_pages(tmp_path, [page]) == [f"docs/zh/{name}"]
    return page.read_text("utf-8")


# A line break inside a Chinese sentence: Markdown keeps it, Chrome shows it as a space

BROKEN = """---
description: 前言里的长句可以
  这样续行
---

# 标题 {#title}

- **轮询分配**：请检查销售管道的选项，
  手动分配的商机不影响顺序。
- 下一项另起一行，不算断句。

请从 **Developer** 选项卡复制 API URL
不要自行拼接：这一行在英文词后换行，本来就有空格。

```text
代码块里的中文，
可以换行
```
"""


def test_a_line_break_between_chinese_characters_is_reported_and_fixed(tmp_path: Path) -> None:
    """The list item's continuation is reported at its line and joined by --fix; a new list item,
    a break after a Latin word, front matter and fenced code are left alone (controls)."""
    found = [str(f) for f in lint_text(BROKEN, "docs/zh/broken.md")]
    assert found == [
        "docs/zh/broken.md:8: ：请检查销售管道的选项，⏎手动分配的商机不影响顺序"
        " -> ：请检查销售管道的选项，手动分配的商机不影响顺序"
    ]
    fixed = _fixed(tmp_path, "broken.md", BROKEN)
    assert "请检查销售管道的选项，手动分配的商机不影响顺序。\n- 下一项另起一行" in fixed
    assert "代码块里的中文，\n可以换行" in fixed and "可以\n  这样续行" in fixed
    assert "复制 API URL\n不要自行拼接" in fixed
    assert lint_text(fixed, "docs/zh/broken.md") == []


QUOTED = """# 引号

如果你的套餐是“Commit annually pay monthly”（按年承诺、按月付费），请联系客服。

字符串写作 `“原样”`，代码里的引号不改。

```text
代码块里的“引号”
```
"""


def test_curly_quotes_are_reported_and_fixed_as_corner_brackets(tmp_path: Path) -> None:
    """Prose quotes with 「」: a curly quote is reported at its line and --fix writes 「」; an
    inline code span and a fenced block keep theirs (controls)."""
    found = [(f.line, f.new) for f in lint_text(QUOTED, "docs/zh/quoted.md")]
    assert found == [
        (3, "如果你的套餐是「Commit annually pay monthly」（按年承诺、按月付费），请联系客服。")
    ]
    fixed = _fixed(tmp_path, "quoted.md", QUOTED)
    assert "套餐是「Commit annually pay monthly」（" in fixed
    assert "`“原样”`" in fixed and "代码块里的“引号”" in fixed
    assert lint_text(fixed, "docs/zh/quoted.md") == []
