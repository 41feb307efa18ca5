"""Site-specific names come from mkdocs.yml (`plugins: - translations:`); a mistake there names
the file, and a data file that is absent turns its checks off instead of failing."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.config import Languages, SiteConfig
from translations.model import InputError
from translations.options import read_site_config, validated
from translations.render.generate import render_page

from .conftest import TODAY, make_tree


def test_defaults_are_this_sites_names() -> None:
    config = read_site_config(Path("nowhere"))
    assert (config.pricing_file, config.related_skills_page, config.compare_dir) == (
        "pricing.yml",
        "related-skills.md",
        "compare",
    )
    assert config == SiteConfig()  # the core's defaults are the options' defaults


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        (
            {"compare_folder": "x"},
            "mkdocs.yml:1: plugins.translations.compare_folder: Unrecognised",
        ),
        (
            {"compare_dir": "a/b"},
            "mkdocs.yml:1: plugins.translations.compare_dir: must be one name",
        ),
        ({"pricing_file": 3}, "mkdocs.yml:1: plugins.translations.pricing_file: Expected type"),
        (
            {"max_file_kib": True},
            "mkdocs.yml:1: plugins.translations.max_file_kib: must be a whole",
        ),
        ({"book_file": "m.pdf"}, "mkdocs.yml:1: plugins.translations.book_file: must hold {lang}"),
        (["x"], "mkdocs.yml:1: `plugins: - translations:` must hold `option: value` lines"),
    ],
)
def test_a_wrong_option_names_the_file(values: object, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        validated(values)
    assert caught.value.problems[0].startswith(problem), caught.value.problems


def test_command_line_reads_the_plugin_options_despite_python_tags(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - translations:\n      compare_dir: views\n",
        "utf-8",
    )
    assert read_site_config(tmp_path).compare_dir == "views"
    assert read_site_config(tmp_path / "nowhere") == SiteConfig()


def test_every_option_of_the_core_is_a_typed_plugin_option() -> None:
    """SiteConfig holds no setting that mkdocs.yml cannot set, and none with another default."""
    options = validated({})
    for name in SiteConfig.__dataclass_fields__:
        if name != "languages":
            assert options[name] == getattr(SiteConfig(), name), name


def test_renamed_data_file_is_read(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    (root / "data/pricing.yml").rename(root / "data/prices.yml")
    config = SiteConfig(pricing_file="prices.yml")
    report = check_site(root, today=TODAY, config=config)
    assert report.data.pricing is not None and report.data.off == () and report.notes == []
    assert [str(i) for i in report.issues] == []


def test_absent_pricing_and_skills_turn_their_checks_off(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    (root / "data/pricing.yml").unlink()
    (root / "data/skills.yml").unlink()
    report = check_site(root, today=TODAY)
    assert report.notes == [
        "price checks are off: there is no data/pricing.yml",
        "skill checks are off: there is no data/skills.yml",
    ]
    assert [i.rule for i in report.issues if i.rule in {"pricing", "skills"}] == []
    assert report.summary() == "4 pages (4 page pairs): no issues"
    with pytest.raises(InputError) as caught:
        render_page(
            "x\n<!-- pricing:plans -->", lang="en", page_name="p.md", rel="docs/en/p.md",
            data=report.data, related_page="related-skills.md",
        )  # fmt: skip
    assert caught.value.problems == [
        "docs/en/p.md:2: <!-- pricing:plans --> needs a pricing data file"
    ]


@pytest.mark.parametrize(
    ("data_file", "marker"),
    [("pricing.yml", "<!-- pricing:matrix -->"), ("glossary.yml", "<!-- glossary:terms -->")],
)
def test_a_generated_table_without_its_labels_names_the_marker(
    tmp_path: Path, data_file: str, marker: str
) -> None:
    """The words of generated tables are optional data: a site that shows no table needs none,
    and a page that shows one without them is stopped at the marker."""
    root, _ = make_tree(tmp_path)
    path = root / "data" / data_file
    text = path.read_text("utf-8")
    path.write_text(text[: text.index("\nlabels:")] + "\n", "utf-8")
    report = check_site(root, today=TODAY)
    assert report.issues == []  # the checks do not need them
    with pytest.raises(InputError) as caught:
        render_page(
            f"x\n{marker}", lang="zh", page_name="p.md", rel="docs/zh/p.md",
            data=report.data, related_page="related-skills.md",
        )  # fmt: skip
    assert caught.value.problems == [
        f"docs/zh/p.md:2: {marker} needs the words of what it generates: `labels: {{zh: ...}}` in "
        f"data/{data_file}"
    ]


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("zh/guides/x.md", ("zh", "guides/x.md")),
        ("en/index.md", ("en", "index.md")),
        ("assets/site.css", (None, "assets/site.css")),
        ("zh", (None, "zh")),
    ],
)
def test_language_prefix_is_stripped_in_one_place(src_uri: str, expected: tuple) -> None:
    assert Languages().split(src_uri) == expected


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("guides/x.zh.md", ("zh", "guides/x.md")),
        ("guides/x.ja.md", ("ja", "guides/x.md")),
        ("guides/x.md", ("en", "guides/x.md")),
        ("guides/x.en.md", ("en", "guides/x.md")),
        ("v1.2.md", ("en", "v1.2.md")),  # a dot that names no language
        ("assets/site.css", (None, "assets/site.css")),
    ],
)
def test_suffix_layout_names_the_language_in_the_file_name(src_uri: str, expected: tuple) -> None:
    languages = Languages("en", ("zh", "ja"), "suffix")
    assert languages.split(src_uri) == expected
    lang, name = expected
    if lang is not None and not src_uri.endswith(".en.md"):
        assert languages.path(lang, name) == src_uri
