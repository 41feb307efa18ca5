"""The path finder's data: every area and role resolves to real pages in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import REPO
from translations.model import InputError
from translations.render.pathfinder import load_paths, resolve, role_names

DOCS = REPO / "docs"
PATHS = REPO / "data" / "paths.yml"
LANGS = ("en", "zh")


@pytest.mark.parametrize("lang", LANGS)
def test_real_paths_resolve_in_both_languages(lang: str) -> None:
    finder = resolve(load_paths(PATHS, LANGS), DOCS, lang, "index.md")
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


def test_titles_and_names_come_from_the_page_language() -> None:
    paths = load_paths(PATHS, LANGS)
    en = resolve(paths, DOCS, "en", "index.md")
    zh = resolve(paths, DOCS, "zh", "index.md")
    assert en.areas[0].pages[0].title == "Automations"
    assert zh.areas[0].pages[0].title == "自动化"
    assert role_names(paths, "zh")["developer"] != role_names(paths, "en")["developer"]


def test_links_are_relative_to_the_page_holding_the_finder() -> None:
    finder = resolve(load_paths(PATHS, LANGS), DOCS, "en", "guides/crm-pipeline.md")
    assert finder.areas[0].pages[0].href == "../automations.html"


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        (
            "areas:\n  - id: A\n    en: Automations\n    zh: 自动化\n"
            "    pages: [automations.md, nowhere.md]\nroles: []\n",
            "data/paths.yml:2: nowhere.md does not exist in docs/en/",
        ),
        (
            "areas:\n  - id: A\n    en: Automations\n    pages: [automations.md]\nroles: []\n",
            "data/paths.yml:2: areas entry needs `zh`",
        ),
        ("areas: []\nroles: {owner: x}\n", "data/paths.yml:2: `roles` must be a list of entries"),
        ("areas: [\n", None),  # malformed YAML: named with its line by the YAML reader
    ],
)
def test_bad_paths_file_names_its_line(tmp_path: Path, yaml_text: str, problem: str | None) -> None:
    broken = tmp_path / "paths.yml"
    broken.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        resolve(load_paths(broken, LANGS), DOCS, "en", "index.md")
    if problem is None:
        assert caught.value.problems[0].startswith("data/paths.yml:")
    else:
        assert caught.value.problems == [problem]
