"""The hooks are a generator: tests/fixtures/larkspur, a bilingual site about another product with
its own mkdocs.yml (the same hooks, three page pairs, a glossary, no pricing or skills file),
builds strictly and offline with a search index per language, compare views and parity checks.

Each property is asserted on the built output; the parity defect shows the checks are on."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import REPO, Build, build_config_file, copy_fixture_site

pytestmark = pytest.mark.slow

# What a browser fetches on load: scripts, images, stylesheets (not canonical or hreflang links).
NETWORK_LOAD = re.compile(
    r'<(?:script|img)\b[^>]*\bsrc="https?://|<link\b[^>]*rel="(?:stylesheet|preload|icon)"'
    r'[^>]*href="https?://'
)
OFF = [
    "price checks are off: there is no data/pricing.yml",
    "skill checks are off: there is no data/skills.yml",
]


@pytest.fixture(scope="module")
def larkspur(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_config_file(copy_fixture_site("larkspur", tmp_path_factory.mktemp("larkspur")))
    assert build.returncode == 0, build.log
    return build


def checks_log(build: Build) -> list[str]:
    prefix = "INFO    -  translations: "
    return [line[len(prefix) :] for line in build.log.splitlines() if line.startswith(prefix)]


def test_builds_strictly_and_says_once_which_checks_are_off(larkspur: Build) -> None:
    assert "WARNING" not in larkspur.log
    assert checks_log(larkspur) == [*OFF, "translation checks: 3 pages (3 page pairs): no issues"]


def test_nothing_of_the_other_site_leaks_in(larkspur: Build) -> None:
    pages = sorted(larkspur.site.rglob("*.html"))
    assert len(pages) == 2 * (3 + 3 + 1)  # pages, compare views, 404, per language
    assert [p for p in pages if "activecampaign" in p.read_text("utf-8").lower()] == []


def test_each_language_has_its_own_search_index(larkspur: Build) -> None:
    for lang, folder in (("en", larkspur.site), ("zh", larkspur.site / "zh")):
        index = json.loads((folder / "search/search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == [lang]
        docs = index["docs"]
        titles = {d["title"].replace("\u200b", "") for d in docs if "#" not in d["location"]}
        expected = {"en": "Sync between devices", "zh": "在设备之间同步"}[lang]
        assert expected in titles, titles
        assert (folder / "search/search_index.js").is_file()  # the offline plugin's copy


def test_offline_pages_load_nothing_from_the_network(larkspur: Build) -> None:
    for page in (larkspur.site / "index.html", larkspur.site / "zh/sync.html"):
        html = page.read_text("utf-8")
        assert NETWORK_LOAD.findall(html) == []


def test_compare_views_live_in_the_configured_folder(larkspur: Build) -> None:
    for root in (larkspur.site, larkspur.site / "zh"):
        assert sorted(p.name for p in (root / "side-by-side").glob("*.html")) == [
            "index.html",
            "install.html",
            "sync.html",
        ]
    assert not (larkspur.site / "compare").exists()
    view = (larkspur.site / "zh/side-by-side/sync.html").read_text("utf-8")
    assert "Turn on sync" in view and "开启同步" in view
    assert 'href="side-by-side/install.html"' in (larkspur.site / "zh/install.html").read_text(
        "utf-8"
    )


def test_parity_checks_are_on(tmp_path: Path) -> None:
    config = copy_fixture_site("larkspur", tmp_path)
    page = tmp_path / "docs/zh/install.md"
    page.write_text(page.read_text("utf-8").replace("3. 为笔记本命名。\n", ""), "utf-8")
    build = build_config_file(config)
    assert build.returncode == 1
    assert "docs/zh/install.md:" in build.log and "list items differ" in build.log, build.log


def test_command_line_checks_the_copy_alike(tmp_path: Path) -> None:
    copy_fixture_site("larkspur", tmp_path)
    command = [sys.executable, "-m", "translations", "--root", str(tmp_path)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    notes = [f"note: {note}" for note in OFF]
    assert result.stdout.splitlines() == [*notes, "3 pages (3 page pairs): no issues"]


def test_interface_text_is_each_languages_own_config(tmp_path: Path) -> None:
    config = copy_fixture_site("larkspur", tmp_path)
    text = config.read_text("utf-8")
    config.write_text(text.replace("side_by_side: 中英对照", "side_by_side: 对照阅读"), "utf-8")
    build = build_config_file(config)
    assert build.returncode == 0, build.log
    button = re.compile(r'class="ac-compare-button"[^>]*>([^<]*)<')
    assert button.findall((build.site / "zh/install.html").read_text("utf-8")) == ["对照阅读"]
    assert button.findall((build.site / "install.html").read_text("utf-8")) == ["Side by side"]


def test_the_export_needs_no_pricing_file(tmp_path: Path) -> None:
    """Every data file but the glossary is optional, for the export too: Larkspur (no pricing
    file) gets its twins, llms.txt and a PDF per language under the default name, whose cover
    states no price date."""
    config = copy_fixture_site("larkspur", tmp_path)
    text = config.read_text("utf-8")
    assert "      export: false\n" in text
    config.write_text(text.replace("      export: false\n", "      export: true\n", 1), "utf-8")
    build = build_config_file(config)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    for lang, folder in (("en", build.site), ("zh", build.site / "zh")):
        assert (folder / f"manual-{lang}.pdf").stat().st_size > 0
        assert (folder / "install.md").is_file()
        assert f"manual-{lang}.pdf" in (folder / "llms.txt").read_text("utf-8")
