"""One owner of per-build state, the plugin instance: the languages of one build share it, a new
build (a new config object: `mkdocs serve` rebuilding) starts afresh."""

from __future__ import annotations

from types import SimpleNamespace

from translations.plugin import TranslationsPlugin


def fake_config() -> SimpleNamespace:
    """What the plugin reads of a MkDocs config to know the build: the i18n plugin's languages."""
    languages = [
        SimpleNamespace(locale="en", default=True),
        SimpleNamespace(locale="zh", default=False),
    ]
    i18n = SimpleNamespace(config=SimpleNamespace(languages=languages, docs_structure="folder"))
    return SimpleNamespace(plugins={"i18n": i18n}, config_file_path="mkdocs.yml", docs_dir="docs")


def plugin() -> TranslationsPlugin:
    made = TranslationsPlugin()
    errors, warnings = made.load_config({})
    assert errors == [] and warnings == []
    return made


def test_the_languages_of_a_build_share_one_state_and_a_new_build_resets_it() -> None:
    house, first, second = plugin(), fake_config(), fake_config()
    state = house._build(first)
    state.depth += 1
    state.books.append("a PDF rendering")
    assert house._build(first) is state  # the next language of the same build
    fresh = house._build(second)  # a new config object: a new build
    assert fresh is not state and fresh.report is None and not fresh.configured
    assert fresh.depth == 0 and fresh.books == []
    assert house.latest_report(first) is None  # the old build's report is gone with it


def test_two_plugin_instances_share_nothing() -> None:
    one, other, config = plugin(), plugin(), fake_config()
    one._build(config).depth = 2
    assert other._build(config).depth == 0


def test_the_command_of_the_process_reaches_the_exports() -> None:
    house = plugin()
    house.on_startup(command="serve", dirty=False)
    assert house.command == "serve"
    assert plugin().command == "build"
