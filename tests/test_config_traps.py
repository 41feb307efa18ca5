"""The known traps of MkDocs + Material + static-i18n, pinned at the configuration level.

Each assertion names the trap it closes; the browser tests show the behaviour, these make the
cause impossible to reintroduce silently.
"""

from __future__ import annotations

from tests.sitebuild import REPO, load_config, plugin

CONFIG = load_config()
PLUGIN_NAMES = [p if isinstance(p, str) else next(iter(p)) for p in CONFIG["plugins"]]


def test_search_separator_splits_on_jieba_word_breaks() -> None:
    # Trap 1: jieba marks Chinese word breaks with U+200B, which JavaScript's \s does not match.
    separator = plugin(CONFIG, "search")["separator"]
    assert "\\u200b" in separator, separator


def test_offline_runs_after_i18n() -> None:
    # Trap 3: offline before i18n inlines a one-language index.
    assert PLUGIN_NAMES.index("offline") > PLUGIN_NAMES.index("i18n"), PLUGIN_NAMES


def test_nothing_is_fetched_from_the_network() -> None:
    # Trap 2: Google Fonts and the unpkg iframe-worker shim.
    assert CONFIG["theme"]["font"] is False
    polyfills = CONFIG["extra"]["polyfills"]
    assert any("iframe-worker" in p for p in polyfills), polyfills
    assert not any(p.startswith(("http:", "https:", "//")) for p in polyfills), polyfills
    for p in polyfills:
        assert (REPO / CONFIG["theme"]["custom_dir"] / p).is_file(), f"vendored polyfill {p}"
    for script in CONFIG.get("extra_javascript", []) + CONFIG.get("extra_css", []):
        assert not str(script).startswith(("http:", "https:", "//")), script
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in CONFIG["markdown_extensions"]]
    assert "pymdownx.emoji" not in extensions, "emoji shortcodes load icons from a CDN"


def test_no_instant_navigation_and_no_privacy_plugin() -> None:
    # Trap 9: instant navigation breaks the section-keeping switcher; privacy needs the internet.
    assert "navigation.instant" not in CONFIG["theme"]["features"]
    assert "privacy" not in PLUGIN_NAMES


def test_urls_work_from_disk_and_sitemap_has_real_urls() -> None:
    # Trap 7 (site_url) and the offline reading: page.html links, not folders.
    assert CONFIG["use_directory_urls"] is False
    assert str(CONFIG["site_url"]).startswith("https://")


def test_languages_and_folder_structure() -> None:
    i18n = plugin(CONFIG, "i18n")
    assert i18n["docs_structure"] == "folder"
    langs = {lang["locale"]: lang for lang in i18n["languages"]}
    assert set(langs) == {"en", "zh"}
    assert langs["en"].get("default") is True
    assert langs["zh"]["theme"]["language"] == "zh"
    assert langs["zh"]["site_name"] != CONFIG["site_name"]
    assert set(langs["zh"]["nav_translations"]) == {
        next(iter(section)) for section in CONFIG["nav"]
    }, "every nav section needs a Chinese title"
