"""The path finder's data: every area and role resolves to real pages in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.model import InputError
from pathfinder import load_path_finder, role_names
from tests.sitebuild import REPO

DOCS = REPO / "docs"
PATHS = REPO / "data" / "paths.yml"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_real_paths_resolve_in_both_languages(lang: str) -> None:
    finder = load_path_finder(PATHS, DOCS, lang, "index.md")
    assert [a.id for a in finder.areas] == list("ABCDEFGHIJKLMNOPQ")
    assert {r.id for r in finder.roles} == {
        "owner",
        "marketer",
        "developer",
        "agency",
        "revops",
        "other",
    }
    for group in finder.areas + finder.roles:
        assert group.pages, f"{group.id} lists no page"
        for link in group.pages:
            assert link.href.endswith(".html") and not link.href.startswith("/")
            assert (DOCS / lang / link.href.replace(".html", ".md")).is_file()


def test_titles_come_from_the_page_language() -> None:
    en = load_path_finder(PATHS, DOCS, "en", "index.md")
    zh = load_path_finder(PATHS, DOCS, "zh", "index.md")
    assert en.areas[0].pages[0].title == "Automations"
    assert zh.areas[0].pages[0].title == "自动化"
    assert role_names(PATHS, "zh")["developer"] != role_names(PATHS, "en")["developer"]


def test_a_missing_page_names_the_data_file_line(tmp_path: Path) -> None:
    broken = tmp_path / "paths.yml"
    broken.write_text(
        "areas:\n  - id: A\n    en: Automations\n    zh: 自动化\n"
        "    pages: [automations.md, nowhere.md]\nroles: []\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_path_finder(broken, DOCS, "en", "index.md")
    assert caught.value.problems == ["data/paths.yml:5: nowhere.md does not exist in docs/en/"]
