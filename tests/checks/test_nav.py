"""`make check` finds a page that no nav entry reaches without building, and names the entry to
write (`page.md`, the language-less name static-i18n's folder layout wants, not `en/page.md`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations.checks.nav import missing_from_nav, nav_names
from translations.config import Languages

from .test_cli import run_module

NAV = """\
site_name: Clean
extra:
  generator: !!python/name:builtins.print   # tags are ignored, as mkdocs.yml may hold them
nav:
  - Start:
      - index.md
  - Guides:
      - Setup: guides/setup.md
      - Vendor: https://example.com/
  - pricing.md
"""


def test_a_page_pair_missing_from_nav_is_named_with_the_entry_to_add(clean_tree: Path) -> None:
    (clean_tree / "mkdocs.yml").write_text(NAV, encoding="utf-8")
    result = run_module("--today", "2026-06-01", cwd=clean_tree)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "docs/en/related-skills.md and docs/zh/related-skills.md: no nav entry reaches this page;"
        " add `related-skills.md` to `nav:` (mkdocs.yml:4)",
        "4 pages (4 page pairs), 2 skills, prices as of 2026-03-01: no issues",
        "1 page in no nav entry",
    ]


def test_with_the_entry_added_check_is_clean(clean_tree: Path) -> None:
    (clean_tree / "mkdocs.yml").write_text(NAV + "  - related-skills.md\n", encoding="utf-8")
    result = run_module("--today", "2026-06-01", cwd=clean_tree)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        0,
        "4 pages (4 page pairs), 2 skills, prices as of 2026-03-01: no issues",
    )


@pytest.mark.parametrize(
    ("pages", "not_in_nav", "expected"),
    [
        ({"en": {"a.md", "b.md"}, "zh": {"a.md", "b.md"}}, "", ["b.md"]),
        # a page in one language only: the file that exists is named
        ({"en": {"a.md"}, "zh": {"a.md", "new.md"}}, "", ["new.md"]),
        # not_in_nav matches the path in docs/, as MkDocs matches it
        ({"en": {"a.md", "b.md"}, "zh": {"a.md", "b.md"}}, "/*/b.md", []),
        ({"en": {"a.md", "b.md"}, "zh": {"a.md", "b.md"}}, "b.md", []),
    ],
)
def test_missing_from_nav(pages: dict[str, set[str]], not_in_nav: str, expected: list[str]) -> None:
    issues = missing_from_nav(["a.md"], pages, Languages(), nav_line=7, not_in_nav=not_in_nav)
    assert [issue.split("`")[1] for issue in issues] == expected
    if expected == ["new.md"]:
        assert issues[0].startswith("docs/zh/new.md: no nav entry")


def test_the_real_nav_reaches_every_page() -> None:
    from translations.checks.nav import read_nav

    from .conftest import REPO

    nav = read_nav(REPO)
    assert nav is not None
    entries, line, not_in_nav = nav
    assert "guides/crm-pipeline.md" in set(nav_names(entries))
    pages = Languages().pages(REPO / "docs")
    assert missing_from_nav(entries, pages, Languages(), nav_line=line, not_in_nav=not_in_nav) == []


def test_a_malformed_mkdocs_yml_is_named_with_its_line_not_a_traceback(clean_tree: Path) -> None:
    """The one reader of mkdocs.yml (config.read_config_file) serves the options and the nav."""
    from translations.checks.nav import read_nav
    from translations.model import InputError
    from translations.options import read_site_config

    (clean_tree / "mkdocs.yml").write_text(NAV + "  - [unclosed\n", encoding="utf-8")
    for reader in (read_site_config, read_nav):
        with pytest.raises(InputError) as error:
            reader(clean_tree)
        assert error.value.problems[0].startswith("mkdocs.yml:")
        assert error.value.problems[0].endswith(": malformed YAML")
    result = run_module(cwd=clean_tree)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "error: mkdocs.yml:" in result.stderr and "malformed YAML" in result.stderr
    (clean_tree / "mkdocs.yml").write_text(NAV, encoding="utf-8")  # the control: it reads
    assert read_nav(clean_tree) is not None
