"""The skill prefix is the skills file's, not the code's: `/sales-x` on this site, `/help-x` on
another. A mention is `/` and the prefix; the prefix is `prefix:` in data/skills.yml or the first
word every skill name shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.lifecycle.staleness import stamp_pages
from translations.model import InputError

from .conftest import TODAY


def renamed(root: Path, prefix: str) -> None:
    """The clean fixture with every `sales-` skill renamed to `<prefix>`, pages and data alike."""
    for path in [*root.glob("docs/*/*.md"), root / "data" / "skills.yml"]:
        path.write_text(path.read_text("utf-8").replace("sales-", prefix), "utf-8")
    stamp_pages(root / "docs", [])


def test_another_prefix_is_read_from_the_names(clean_tree: Path) -> None:
    renamed(clean_tree, "help-")
    report = check_site(clean_tree, today=TODAY)
    assert report.data.skill_prefix == "help-"
    assert [str(issue) for issue in report.issues] == []


def test_an_unknown_skill_with_the_other_prefix_is_caught(clean_tree: Path) -> None:
    renamed(clean_tree, "help-")
    page = clean_tree / "docs" / "en" / "index.md"
    page.write_text(page.read_text("utf-8").replace("`/help-do`", "`/help-dx`"), "utf-8")
    report = check_site(clean_tree, today=TODAY)
    assert any("unknown skill /help-dx; did you mean /help-do?" in str(i) for i in report.issues)


def test_names_without_a_shared_word_need_a_prefix(clean_tree: Path) -> None:
    skills = clean_tree / "data" / "skills.yml"
    skills.write_text(skills.read_text("utf-8").replace("sales-do", "router-do"), "utf-8")
    with pytest.raises(InputError) as error:
        check_site(clean_tree, today=TODAY)
    assert error.value.problems[0].startswith("data/skills.yml:2: skill names need one shared")


def test_a_name_outside_the_given_prefix_names_its_line(clean_tree: Path) -> None:
    skills = clean_tree / "data" / "skills.yml"
    skills.write_text("prefix: sales-\n" + skills.read_text("utf-8").replace("sales-do", "do"))
    with pytest.raises(InputError) as error:
        check_site(clean_tree, today=TODAY)
    assert error.value.problems == [
        "data/skills.yml:6: skill name `do` must be lower-case words joined by -, starting sales-"
    ]
