"""Section 1 of the benchmark compares a build with the checks to one without, on pages that
already hold what the checks generate: that copy must hold exactly the generated Markdown."""

from __future__ import annotations

from pathlib import Path

from bench.checks_share import NO_CHECKS, ON, prerender, variants
from tests.sitebuild import REPO, absolutise, load_config, plugin_options
from translations.options import TranslationsConfig
from translations.read.source import split_front_matter


def test_prerendered_pages_hold_the_generated_markdown(tmp_path: Path) -> None:
    docs = prerender(REPO / "docs", tmp_path / "rendered")
    for page in ("en/plans.md", "zh/plans.md"):
        source = (REPO / "docs" / page).read_text("utf-8")
        rendered = (docs / page).read_text("utf-8")
        assert "<!-- pricing:" in source and "<!-- pricing:" not in rendered
        before, after = split_front_matter(source, page), split_front_matter(rendered, page)
        assert after.meta == before.meta and after.body_line == before.body_line
        assert after.body.count("\n|") > before.body.count("\n|")  # the price tables
    gotchas = (docs / "en/gotchas.md").read_text("utf-8")
    assert "[`/sales-" in gotchas  # skill mentions linked to the related-skills page
    assert (tmp_path / "rendered/data/pricing.yml").is_file()  # the other hooks read data/


def test_no_checks_turns_off_only_the_checks(tmp_path: Path) -> None:
    config = absolutise(load_config())
    on, no_checks = variants(config, tmp_path / "docs")
    assert plugin_options(on) == {**plugin_options(config), "export": False}
    assert plugin_options(no_checks) == {**plugin_options(on), **NO_CHECKS}
    assert NO_CHECKS["check"] is False and NO_CHECKS["page_safety"] is False
    assert set(ON) | set(NO_CHECKS) <= set(TranslationsConfig().keys())  # no option misspelt
    assert plugin_options(config).get("check", True) and plugin_options(config).get("export", True)
    assert no_checks["docs_dir"] == str(tmp_path / "docs") and on["docs_dir"] == config["docs_dir"]
