"""An ordinary site in static-i18n's suffix layout (`page.md` or `page.en.md` beside
`page.zh.md`), written as real repositories write them: no heading ids, no front matter or
another plugin's keys, raw HTML tables, images from URLs, commented-out markup, names with `+`,
nav entries with `./`, an editor's dot-file and an empty placeholder page. Checked as it is, it
reports exactly the differences planted in it, by the files' own names."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations import cli

MKDOCS_YML = """\
site_name: Notes
nav:
  - index.md
  - "./C++/notes.md"
  - ./placeholder.md
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, default: true, name: English}
        - {locale: zh, name: 中文}
"""

PAGES = {
    "index.md": "# Notes\n\nNotes on C++ and more.\n\n![logo](https://example.org/logo.png)\n",
    "index.zh.md": "# 笔记\n\n关于 C++ 等内容的笔记。\n\n![logo](https://example.org/logo.png)\n",
    "C++/notes.en.md": (
        "---\ncomments: true\n---\n# C++ notes\n\n<!-- <div>old intro</div> -->\n\n"
        "## Sizes\n\nAn `int` is 4 bytes.\n\n"
        "<table><tr><td>char</td><td>1</td></tr></table>\n\n"
        "## Links\n\nSee [the standard](https://isocpp.org/std).\n"
    ),
    "C++/notes.zh.md": (
        "---\ncomments: true\n---\n# C++ 笔记\n\n## 大小\n\n`int` 占 4 个字节。\n\n"
        "<table><tr><td>char</td><td>1</td></tr></table>\n\n"
        "## 链接\n\n参见[标准](https://isocpp.org/std)。\n"
    ),
    "placeholder.md": "",
    "placeholder.zh.md": "",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    for name, text in PAGES.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    (tmp_path / "docs/C++/._notes.en.md").write_bytes(b"\x00\x05\x16\x07 resource fork")
    return tmp_path


def check(site: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    code = cli.main(["--root", str(site)])
    out = capsys.readouterr()
    return code, [line for line in out.out.splitlines() if not line.startswith("note:")], out.err


def test_an_unchanged_ordinary_site_has_no_input_errors(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(site, capsys) == (0, ["3 pages (3 page pairs): no issues"], "")


def test_a_planted_difference_is_named_by_the_suffixed_files(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = site / "docs/C++/notes.zh.md"
    page.write_text(page.read_text("utf-8").replace("<td>1</td>", "<td>2</td>"), "utf-8")
    (site / "docs/extra.md").write_text("# Extra\n\nMore.\n", "utf-8")
    code, lines, err = check(site, capsys)
    assert (code, err) == (1, "")
    assert lines == [
        "docs/extra.zh.md:1: page is missing; translate docs/extra.md or list extra.md in "
        "data/untranslated.yml (docs/extra.md:1: English page)",
        "docs/C++/notes.zh.md:10: 2 does not match the English (docs/C++/notes.en.md:12: 1)",
        "docs/extra.md: no nav entry reaches this page; add `extra.md` to `nav:` (mkdocs.yml:2)",
        "4 pages (3 page pairs): 2 issues",
        "1 page in no nav entry",
    ]


def test_a_stub_beside_a_whole_page_is_one_finding_not_one_per_section(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reference page that says "only in Chinese for now" beside a translation of many
    sections is one finding; each of those sections unmatched would bury every other one."""
    (site / "docs/C++/notes.en.md").write_text("# C++ notes\n\nOnly in Chinese for now.\n", "utf-8")
    code, lines, _ = check(site, capsys)
    assert code == 1
    assert lines == [
        "docs/C++/notes.zh.md:1: docs/C++/notes.en.md has no section and docs/C++/notes.zh.md "
        "has 2: one page is a stub of the other; translate it whole "
        "(docs/C++/notes.en.md:1: 0 sections)",
        "3 pages (3 page pairs): 1 issue",
    ]
