"""MkDocs' own validation (mkdocs.yml `validation:`) fails the strict build on a broken link, a
missing anchor and a page no nav entry reaches, so the checks do not repeat it by hand.

Each defect is planted in the two-page fixture tree; the negative control builds the same tree
with that validation at `info` and shows the build would pass without the setting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.gates.tools import build_variant

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
