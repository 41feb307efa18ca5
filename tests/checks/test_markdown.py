"""Section splitting and what each section counts, with file line numbers."""

from __future__ import annotations

import pytest

from translations.read.markdown import (
    Section,
    fenced_lines,
    parse_page,
)
from translations.read.source import split_front_matter

PAGE = """---
title: Sample
---

# Sample {#sample}

Intro with `inline code` and a [link](other.md#part).

## Lists {#lists}

- **Powered by Postmark**: owned by ActiveCampaign since
  2022.
- second item
  1. nested item

Paragraph text
- not an item: a list cannot interrupt a paragraph

## Tables {#tables}

| A | B | C |
|---|:-:|---|
| 1 | 2 | 3 |
| 4 | 5 | 6 |

### Code and notes {#code}

!!! warning "Careful"
    Indented text with ![alt](img.png).

    ```bash
    echo "$HOME"  # a comment
    ```

<!-- pricing:plans -->
<!-- an ordinary comment -->
## No id here
"""


@pytest.fixture(scope="module")
def sections() -> list[Section]:
    source = split_front_matter(PAGE, "docs/en/sample.md")
    return parse_page(source, "en", "sample.md").sections


def test_sections_are_keyed_by_heading_id_with_file_lines(sections: list[Section]) -> None:
    assert [(s.id, s.level, s.line) for s in sections] == [
        (None, 0, 4),
        ("sample", 1, 5),
        ("lists", 2, 9),
        ("tables", 2, 19),
        ("code", 3, 26),
        (None, 2, 37),
    ]
    assert sections[-1].title == "No id here"


def test_list_items_follow_python_markdown(sections: list[Section]) -> None:
    # the wrapped "2022." is text, the nested item counts, the line after a paragraph does not
    assert sections[2].list_items == 3


def test_tables_count_rows_and_columns(sections: list[Section]) -> None:
    assert (sections[3].table_rows, sections[3].table_columns) == (3, [3])


def test_code_blocks_admonitions_images_and_markers(sections: list[Section]) -> None:
    code = sections[4]
    assert [(b.line, b.info, b.code) for b in code.code_blocks] == [
        (31, "bash", 'echo "$HOME"  # a comment')
    ]
    assert [(r.line, r.text) for r in code.admonitions] == [(28, "warning")]
    assert [(r.line, r.text) for r in code.images] == [(29, "img.png")]
    assert [(m.line, m.label) for m in code.markers] == [(35, "pricing:plans")]


def test_inline_markup_is_recorded_and_masked(sections: list[Section]) -> None:
    intro = sections[1]
    assert [(r.line, r.text) for r in intro.code_spans] == [(7, "inline code")]
    assert [(r.line, r.text) for r in intro.links] == [(7, "other.md#part")]
    assert "inline code" not in intro.prose
    assert "other.md" not in intro.prose
    assert intro.prose.split("\n")[2].startswith("Intro with")


def test_prose_keeps_one_line_per_source_line(sections: list[Section]) -> None:
    for section in sections:
        assert section.prose.count("\n") + section.line <= 38


def test_fenced_lines_marks_fences_and_their_content() -> None:
    lines = ["text", "```", "code", "~~~ not a close", "```", "after", "~~~~", "x", "~~~~"]
    assert fenced_lines(lines) == [False, True, True, True, True, False, True, True, True]


@pytest.mark.parametrize(
    ("fence", "code"),
    [
        # a help text's columns: indentation inside a block is code
        ("```text\nOptions:\n  --port INTEGER  Port\n                  (default 80)\n```", None),
        # the fence's own indentation is taken off each line, no more
        ("  ```\n  a:\n    b: 1\n  c: 2\n  ```", "a:\n  b: 1\nc: 2"),
        # a line indented less than the fence loses what it has
        ("   ```\n x\n     y\n   ```", "x\n  y"),
    ],
)
def test_a_code_block_keeps_its_lines_indentation(fence: str, code: str | None) -> None:
    page = parse_page(split_front_matter(f"# T\n\n{fence}\n", "docs/en/t.md"), "en", "t.md")
    inside = "\n".join(fence.split("\n")[1:-1])
    assert [block.code for block in page.sections[1].code_blocks] == [code or inside]
