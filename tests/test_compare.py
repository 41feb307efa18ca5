"""The side-by-side view's pure core: sections, alignment, links re-pointed for the compare page."""

from __future__ import annotations

import pytest

from tests.sitebuild import load_config, plugin
from translations.render.compare import align, rewrite_link, split_sections
from translations.render.compare import compare_page as _compare_page

# Each language's interface text, as mkdocs.yml sets it (static-i18n: a language's own extra).
_CONFIG = load_config()
UI = {
    lang["locale"]: (lang.get("extra") or _CONFIG["extra"])["ui"]
    for lang in plugin(_CONFIG, "i18n")["languages"]
}


def compare_page(page: str, en: str, zh: str, build: str, **options: object) -> tuple[str, int]:
    """The view of the real site's pair (en, zh) in one language's build."""
    return _compare_page(page, en, zh, build, ("en", "zh"), UI[build], "compare", **options)  # type: ignore[arg-type]


EN = """---
title: Automations
---

# Automations {#automations}

Intro with a [link](pricing.md#plans) and [another](https://example.com).

## Wait steps {#wait-steps}

```text
## not a heading {#nope}
```

See [goals](#goals).

## Goals {#goals}

Text.
"""

ZH = """---
title: 自动化
---

# 自动化 {#automations}

简介，[链接](pricing.md#plans)。

## 等待步骤 {#wait-steps}

参见[目标](#goals)。

## 目标 {#goals}

正文。
"""


def test_split_sections_keeps_headings_and_ignores_code() -> None:
    title, sections = split_sections(EN)
    assert title == "Automations"
    assert [(s.id, s.level) for s in sections] == [
        ("automations", 1),
        ("wait-steps", 2),
        ("goals", 2),
    ]
    assert "## not a heading {#nope}" in "\n".join(sections[1].body)


def test_align_by_id_in_english_order_with_orphans_last() -> None:
    _, en = split_sections(EN)
    _, zh = split_sections(ZH.replace("{#goals}", "{#zh-only}"))
    rows = align(en, zh)
    assert [(r.id, r.en is not None, r.zh is not None) for r in rows] == [
        ("automations", True, True),
        ("wait-steps", True, True),
        ("goals", True, False),
        ("zh-only", False, True),
    ]


@pytest.mark.parametrize(
    ("target", "page", "column", "build", "expected"),
    [
        # the language being built keeps .md links, one folder deeper
        ("pricing.md#plans", "automations.md", "en", "en", "../pricing.md#plans"),
        ("../pricing.md", "guides/crm-pipeline.md", "en", "en", "../../pricing.md"),
        ("pricing.md", "automations.md", "zh", "zh", "../pricing.md"),
        # the other language's pages are linked as built HTML in its own folder
        ("pricing.md#plans", "automations.md", "zh", "en", "../zh/pricing.html#plans"),
        ("pricing.md", "automations.md", "en", "zh", "../../pricing.html"),
        ("../pricing.md", "guides/crm-pipeline.md", "zh", "en", "../../zh/pricing.html"),
        # left alone
        ("#goals", "automations.md", "zh", "en", "#goals"),
        ("https://example.com", "automations.md", "zh", "en", "https://example.com"),
    ],
)
def test_rewrite_link(target: str, page: str, column: str, build: str, expected: str) -> None:
    assert rewrite_link(target, page, column, build, "en", "compare") == expected


def test_compare_page_has_one_row_per_heading_with_unique_ids() -> None:
    text, rows = compare_page("automations.md", EN, ZH, build="en")
    assert rows == 3
    assert text.count('class="ac-compare__row"') == 3
    for heading_id in ("automations", "wait-steps", "goals"):
        assert f'id="{heading_id}"' in text  # the row: compare/automations.html#goals
        assert f"{{#en-{heading_id}}}" in text and f"{{#zh-{heading_id}}}" in text
    assert '"exclude": true' in text  # kept out of search: no duplicate results
    assert "[link](../pricing.md#plans)" in text
    assert '<a href="../zh/pricing.html#plans">链接</a>' in text


def test_widgets_stay_on_their_own_page() -> None:
    en = EN.replace("Text.", "<!-- pathfinder -->\n\n<!-- material/tags -->\n\nText.")
    text, _ = compare_page("automations.md", en, ZH, build="en")
    assert "pathfinder" not in text and "material/tags" not in text
    assert "Text." in text


def test_rows_whose_english_changed_are_marked_in_the_build_language() -> None:
    zh = ZH.replace("{#goals}", "{#old-goals}")  # a section the English has since removed
    drift = {"wait-steps": "changed", "goals": "added", "old-goals": "removed"}
    text, _ = compare_page("automations.md", EN, zh, build="zh", drift=drift)
    assert text.count("ac-compare__row--drift") == 3
    assert '<section class="ac-compare__row" id="automations" markdown>' in text
    for row_id, kind, note in [
        ("wait-steps", "changed", "本节英文版在翻译后已有修改。"),
        ("goals", "added", "英文版新增本节，尚未翻译。"),
        ("old-goals", "removed", "英文版在翻译后删除了本节。"),
    ]:
        assert (
            f'<section class="ac-compare__row ac-compare__row--drift" id="{row_id}" '
            f'data-ac-drift="{kind}" markdown>\n\n<p class="ac-compare__drift">{note}</p>'
        ) in text
    english, _ = compare_page("automations.md", EN, zh, build="en", drift=drift)
    assert "The English section changed after this translation." in english
    # without drift (a translation that is up to date) no row is marked
    assert "ac-compare__drift" not in compare_page("automations.md", EN, ZH, build="zh")[0]
