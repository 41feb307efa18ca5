"""MkDocs' own validation (mkdocs.yml `validation:`) fails the strict build on a broken link, a
missing anchor and a page no nav entry reaches, so the checks do not repeat it by hand.

Each defect is planted in the two-page fixture tree; the negative control builds the same tree
with that validation at `info` and shows the build would pass without the setting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gates.tools import build_variant
from tests.sitebuild import build_config_file, copy_fixture_site

pytestmark = pytest.mark.slow


def _relaxed(section: str, key: str) -> Any:
    def tweak(config: dict[str, Any]) -> None:
        config["validation"][section][key] = "info"

    return tweak


DEFECTS = {
    "anchor": (
        {"en/index.md": "See [waits](automations.md#no-such-anchor)."},
        ("links", "anchors"),
        "the doc 'en/automations.md' does not contain an anchor '#no-such-anchor'",
    ),
    "link": (
        {"zh/index.md": "参见[缺失页面](no-such-page.md)。"},
        ("links", "not_found"),
        "the target 'zh/no-such-page.md' is not found among documentation files",
    ),
}


@pytest.mark.parametrize("name", DEFECTS)
def test_strict_build_fails_on_the_defect_and_passes_without_the_setting(
    tmp_path: Path, name: str
) -> None:
    appends, (section, key), message = DEFECTS[name]
    failed = build_variant(tmp_path / "strict", appends)
    assert failed.returncode != 0 and message in failed.log, failed.log[-2000:]
    relaxed = build_variant(tmp_path / "relaxed", appends, _relaxed(section, key))
    assert relaxed.returncode == 0, relaxed.log[-2000:]


def test_strict_build_fails_on_a_page_no_nav_entry_reaches(tmp_path: Path) -> None:
    def drop_automations(config: dict[str, Any]) -> None:
        config["nav"] = ["index.md"]
        config["validation"]["links"]["not_found"] = "warn"

    failed = build_variant(tmp_path / "strict", {}, drop_automations)
    assert failed.returncode != 0
    assert 'not included in the "nav" configuration' in failed.log, failed.log[-2000:]
    assert "automations.md" in failed.log

    def drop_and_relax(config: dict[str, Any]) -> None:
        drop_automations(config)
        config["validation"]["nav"]["omitted_files"] = "info"

    assert build_variant(tmp_path / "relaxed", {}, drop_and_relax).returncode == 0


def _larkspur_with_glossary(workdir: Path, anchor: str) -> Path:
    """The Larkspur fixture with a glossary page (the `glossary:terms` marker) in both languages
    and a link from the install page to the entry ``anchor``; the translations restamped."""
    from translations.lifecycle.staleness import stamp_pages

    config = copy_fixture_site("larkspur", workdir)
    glossary = workdir / "data/glossary.yml"
    glossary.write_text(
        glossary.read_text("utf-8").replace(
            "{en: notebook, zh: 笔记本}",
            "{en: notebook, zh: 笔记本, def: {en: A set of notes., zh: 一组笔记。},"
            " page: install.md#create-a-notebook}",
        ),
        "utf-8",
    )
    for lang, title, link in (
        ("en", "Glossary", f"See [notebook](glossary.md#{anchor})."),
        ("zh", "术语表", f"参见[笔记本](glossary.md#{anchor})。"),
    ):
        docs = workdir / "docs" / lang
        (docs / "glossary.md").write_text(
            f"---\ntitle: {title}\ndescription: {title}.\n---\n# {title} {{#glossary}}\n\n"
            "<!-- glossary:terms -->\n",
            "utf-8",
        )
        install = docs / "install.md"
        install.write_text(install.read_text("utf-8") + f"\n{link}\n", "utf-8")
    config.write_text(
        config.read_text("utf-8").replace(
            "      - sync.md\n", "      - sync.md\n      - glossary.md\n"
        ),
        "utf-8",
    )
    stamp_pages(workdir / "docs", [])
    return config


def test_a_link_to_a_missing_glossary_entry_fails_and_a_generated_entry_is_found(
    tmp_path: Path,
) -> None:
    """The glossary entries are generated (checks.generate); MkDocs validates links to them, so
    the checks need no link check of their own (the one main had is gone)."""
    good = build_config_file(_larkspur_with_glossary(tmp_path / "good", "term-notebook"))
    assert good.returncode == 0, good.log[-2000:]
    assert 'id="term-notebook"' in (good.site / "glossary.html").read_text("utf-8")
    bad = build_config_file(_larkspur_with_glossary(tmp_path / "bad", "term-notebok"))
    assert bad.returncode != 0
    for lang in ("en", "zh"):
        assert (
            f"the doc '{lang}/glossary.md' does not contain an anchor '#term-notebok'" in bad.log
        ), bad.log[-2000:]
