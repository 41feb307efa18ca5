"""End to end: `mkdocs build --strict` of a tiny bilingual tree with this repository's plugin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.sitebuild import Build, run_mkdocs

from .conftest import PLUGINS, REPO, make_tree

MKDOCS_YML = """\
site_name: Checks fixture
docs_dir: docs
use_directory_urls: false
markdown_extensions: [attr_list, admonition, tables]
plugins:
  - search
{plugins}      compare: false
hooks:
  - probe.py
"""
# Records each page's banner status per language build, for the assertions.
PROBE = """\
import json
from pathlib import Path

seen = {}

def on_page_context(context, page, config, nav):
    lang = config.plugins["i18n"].current_language
    seen[f"{lang}:{page.file.src_uri}"] = page.meta.get("ac_status")

def on_post_build(config):
    Path(config.config_file_path).with_name("statuses.json").write_text(json.dumps(seen))
"""


def build(root: Path, *, strict: bool = True) -> Build:
    (root / "probe.py").write_text(PROBE, "utf-8")
    config = yaml.safe_load(MKDOCS_YML.format(repo=REPO, plugins=PLUGINS))
    return run_mkdocs(config, root, strict=strict)


def logged(result: Build, prefix: str) -> list[str]:
    """The messages the checks logged at a level, without the level and plugin prefix."""
    start = f"{prefix} -  translations: "
    return [line[len(start) :] for line in result.log.splitlines() if line.startswith(start)]


def test_clean_tree_builds_and_checks_run_once_per_build(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    result = build(root)
    assert result.returncode == 0, result.log
    output = result.log
    assert "WARNING" not in output
    # two languages are built, the checks run once
    assert logged(result, "INFO   ") == [
        "translation checks: 4 pages (4 page pairs), 2 skills, prices as of 2026-03-01: no issues"
    ]
    site = result.site
    assert "<td>15 美元/月</td>" in (site / "zh/pricing.html").read_text("utf-8")
    assert "<td>$15/mo</td>" in (site / "pricing.html").read_text("utf-8")
    assert '<a href="../related-skills.html#sales-do"><code>/sales-do</code></a>' in (
        site / "zh/guides/setup.html"
    ).read_text("utf-8")


def test_strict_build_shows_every_issue_then_fails(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path, "derived-figure")
    page = root / "docs/zh/index.md"
    page.write_text(page.read_text("utf-8").replace("含3天", "含4天"), "utf-8")
    result = build(root)
    assert result.returncode == 1
    assert logged(result, "WARNING") == [
        "docs/zh/index.md:13: 4 does not match the English (docs/en/index.md:12: 3)",
        "docs/en/pricing.md:14: 5,000 contacts on Plus send 50,000 emails a month (10x), "
        "not 40,000 (data/pricing.yml:15: Plus send_multiplier: 10)",
        "docs/zh/pricing.md:15: 5,000 contacts on Plus send 50,000 emails a month (10x), "
        "not 40,000 (data/pricing.yml:15: Plus send_multiplier: 10)",
    ]
    assert "Aborted with 3 warnings in strict mode!" in result.log


@pytest.mark.parametrize(
    ("path", "old", "new", "error"),
    [
        (
            "docs/en/index.md",
            "# Start {#start}",
            "<!-- pricing:nope -->",
            "docs/en/index.md:6: unknown marker",
        ),
        ("data/skills.yml", "skills:", "skills: [", "data/skills.yml:"),
        (
            "docs/zh/index.md",
            "title: 开始",
            "title: 开始: 首页",
            "docs/zh/index.md:2: malformed front matter",
        ),
        (
            "docs/en/index.md",
            "title: Start",
            "title: Start\nroles: 5",
            "docs/en/index.md:3: `roles`",
        ),
    ],
)
def test_bad_input_aborts_with_file_and_line(
    tmp_path: Path, path: str, old: str, new: str, error: str
) -> None:
    root, _ = make_tree(tmp_path)
    file = root / path
    file.write_text(file.read_text("utf-8").replace(old, new, 1), "utf-8")
    result = build(root)
    output = result.log
    assert result.returncode == 1
    assert logged(result, "ERROR  ")[0].startswith(error)
    assert "input error(s) in docs/ or data/; see above" in output
    assert "Traceback" not in output


def test_banner_status_in_each_language_build(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path, "staleness")  # docs/zh/index.md is outdated
    (root / "docs/zh/guides/setup.md").unlink()
    (root / "data/untranslated.yml").write_text("pages: [guides/setup.md]\n", "utf-8")
    pricing = root / "data/pricing.yml"
    pricing.write_text(
        pricing.read_text("utf-8").replace("as_of: 2026-03-01", "as_of: 2020-01-01"), "utf-8"
    )
    result = build(root, strict=False)
    assert result.returncode == 0, result.log
    statuses = json.loads((root / "statuses.json").read_text("utf-8"))
    flags = {
        key: {name for name in ("untranslated", "outdated", "prices_stale") if status[name]}
        for key, status in statuses.items()
    }
    assert flags == {
        "en:en/index.md": {"prices_stale"},  # a plan gate: "Lead scoring | Plus"
        "en:en/pricing.md": {"prices_stale"},
        "en:en/related-skills.md": set(),
        "en:en/guides/setup.md": set(),
        "zh:zh/index.md": {"outdated", "prices_stale"},
        "zh:zh/pricing.md": {"prices_stale"},
        "zh:zh/related-skills.md": set(),
        "zh:en/guides/setup.md": {"untranslated"},
    }
    assert statuses["zh:zh/pricing.md"]["prices_as_of"] == "2026年3月"
    assert statuses["en:en/pricing.md"]["prices_as_of"] == "March 2026"
    assert statuses["en:en/pricing.md"]["verify_url"] == "https://www.activecampaign.com/pricing"


def test_a_site_without_the_i18n_plugin_stops_with_one_line(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    config = yaml.safe_load(MKDOCS_YML.format(repo=REPO, plugins=PLUGINS))
    config["plugins"] = [p for p in config["plugins"] if "i18n" not in p]
    del config["hooks"]
    result = run_mkdocs(config, root)
    assert result.returncode == 1
    assert "mkdocs.yml:1: the translations plugin needs mkdocs-static-i18n" in result.log
    assert "Traceback" not in result.log
