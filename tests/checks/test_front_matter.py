"""Front matter has a schema: each bad value stops the run with file:line and the allowed values;
CONTRIBUTING.md's table is the schema rendered."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from translations.checks.report import check_site
from translations.model import InputError
from translations.read.frontmatter import contributing_table, with_table

from .conftest import REPO, TODAY, make_tree

ROLES = ("owner", "marketer", "developer", "agency", "revops", "other")  # the fixture's paths.yml
AREAS = tuple("ABCDEFGHIJKLMNOPQ")
ROLE_LIST = ", ".join(ROLES)
EN_KEYS = "title, description, area, roles, search, hide"


def problems_after(root: Path, page: str, old: str, new: str) -> list[str]:
    path = root / page
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(InputError) as error:
        check_site(root, today=TODAY)
    return error.value.problems


@pytest.mark.parametrize(
    ("page", "old", "new", "expected"),
    [
        (
            "docs/en/index.md",
            "description:",
            "roles: 5\ndescription:",
            "docs/en/index.md:3: `roles` must be a list such as [owner, marketer], of: "
            + ROLE_LIST,
        ),
        (
            "docs/en/index.md",
            "description:",
            "roles: [owner, boss]\ndescription:",
            f'docs/en/index.md:3: `roles` has "boss", which is not one of: {ROLE_LIST}',
        ),
        (
            "docs/zh/index.md",
            "description:",
            "roles: [owner, owner]\ndescription:",
            "docs/zh/index.md:3: `roles` lists owner twice",
        ),
        (
            "docs/en/index.md",
            "description:",
            "area: [A, R]\ndescription:",
            'docs/en/index.md:3: `area` has "R", which is not one of: A–Q',
        ),
        (
            "docs/en/index.md",
            "description:",
            "area: C\ndescription:",
            "docs/en/index.md:3: `area` must be a list such as [A, B], of: A–Q",
        ),
        (
            "docs/en/index.md",
            "title: Start\n",
            "",
            "docs/en/index.md:1: front matter has no `title`; add `title: <text>` "
            "(page title; on a Chinese page the Chinese title)",
        ),
        (
            "docs/zh/index.md",
            "description: 用于检查的小型双语站点。\n",
            "",
            "docs/zh/index.md:1: front matter has no `description`; add `description: <text>` "
            "(one sentence for search engines and previews)",
        ),
        (
            "docs/en/index.md",
            "title: Start",
            "title: ''",
            "docs/en/index.md:2: `title` must be text on one line, not empty",
        ),
        (
            "docs/zh/index.md",
            "translation_of: 26fef1d585ef",
            "translation_of: latest",
            'docs/zh/index.md:4: `translation_of` is "latest", not a hash of 12 hex digits '
            "(0-9, a-f); run `make stamp PAGE=<page>` to write it",
        ),
        (
            "docs/zh/index.md",
            "translation_of: 26fef1d585ef",
            "translation_of: 26FEF1D585EF",
            'docs/zh/index.md:4: `translation_of` is "26FEF1D585EF", not a hash of 12 hex digits '
            "(0-9, a-f); run `make stamp PAGE=<page>` to write it",
        ),
        (
            "docs/en/index.md",
            "description:",
            "translation_of: 26fef1d585ef\ndescription:",
            f"docs/en/index.md:3: `translation_of` is only on translated pages; keys of English "
            f"pages: {EN_KEYS}",
        ),
        (
            "docs/en/index.md",
            "description:",
            "template: evil.html\ndescription:",
            f"docs/en/index.md:3: `template` is not a front matter key; keys of English "
            f"pages: {EN_KEYS}",
        ),
        (
            "docs/en/index.md",
            "description:",
            "search:\n  boost: high\ndescription:",
            "docs/en/index.md:3: `search` boost must be a number",
        ),
        (
            "docs/en/index.md",
            "description:",
            "search: {exclude: 1}\ndescription:",
            "docs/en/index.md:3: `search` exclude must be true or false",
        ),
        (
            "docs/en/index.md",
            "description:",
            "hide: [sidebar]\ndescription:",
            'docs/en/index.md:3: `hide` has "sidebar", which is not one of: '
            "navigation, toc, footer, path, tags",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 40 else None,
)
def test_bad_front_matter_stops_with_file_line_and_allowed_values(
    tmp_path: Path, page: str, old: str, new: str, expected: str
) -> None:
    root, _ = make_tree(tmp_path)
    assert problems_after(root, page, old, new) == [expected]


def test_every_allowed_key_and_value_passes(clean_tree: Path) -> None:
    """Negative control: the values the schema allows are not refused."""
    path = clean_tree / "docs/en/index.md"
    text = path.read_text("utf-8").replace(
        "description:",
        f"area: [{', '.join(AREAS)}]\nroles: [{', '.join(ROLES)}]\n"
        "search:\n  boost: 2.5\n  exclude: false\nhide: [toc, navigation, footer]\ndescription:",
        1,
    )
    path.write_text(text, "utf-8")
    zh = clean_tree / "docs/zh/index.md"
    zh.write_text(zh.read_text("utf-8").replace("title:", "roles: []\narea: []\ntitle:"), "utf-8")
    assert [str(issue) for issue in check_site(clean_tree, today=TODAY).issues] == []


def test_contributing_shows_the_schema() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    assert contributing_table() in text
    assert with_table(text) == text, "run: .venv/bin/python -m translations.read.frontmatter"


def test_areas_and_roles_are_the_ids_the_path_finder_lists(clean_tree: Path) -> None:
    """Not this site's in Python: another site's paths.yml makes its own ids the allowed ones."""
    paths = clean_tree / "data/paths.yml"
    paths.write_text(paths.read_text("utf-8").replace("{id: owner,", "{id: buyer,"), "utf-8")
    problems = problems_after(
        clean_tree, "docs/en/index.md", "description:", "roles: [owner]\ndescription:"
    )
    assert problems == [
        'docs/en/index.md:3: `roles` has "owner", which is not one of: '
        "buyer, marketer, developer, agency, revops, other"
    ]


def test_without_a_path_finder_any_word_is_a_role(clean_tree: Path) -> None:
    (clean_tree / "data/paths.yml").unlink()
    page = clean_tree / "docs/en/index.md"
    page.write_text(
        page.read_text("utf-8").replace("description:", "roles: [buyer]\ndescription:", 1)
    )
    assert [str(issue) for issue in check_site(clean_tree, today=TODAY).issues] == []
    assert problems_after(clean_tree, "docs/en/index.md", "roles: [buyer]", "roles: [<b>]") == [
        'docs/en/index.md:3: `roles` has "<b>", which is not a word (letters, digits, - or _)'
    ]


def test_the_real_path_finder_lists_the_areas_and_roles_pages_use() -> None:
    paths = yaml.safe_load((REPO / "data/paths.yml").read_text("utf-8"))
    assert tuple(entry["id"] for entry in paths["areas"]) == AREAS
    assert tuple(entry["id"] for entry in paths["roles"]) == ROLES
