"""Unreadable input: a clear message with file and line, as InputError (never a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.model import InputError
from translations.read.source import body_hash, split_front_matter

from .conftest import TODAY, make_tree


def problems(root: Path) -> list[str]:
    with pytest.raises(InputError) as error:
        check_site(root, today=TODAY)
    return error.value.problems


def test_malformed_data_yaml_names_file_and_line(clean_tree: Path) -> None:
    path = clean_tree / "data/skills.yml"
    path.write_text(
        path.read_text("utf-8").replace("  - name: sales-do", "  - name: [sales-do"), "utf-8"
    )
    assert problems(clean_tree) == [
        "data/skills.yml:6: malformed YAML: did not find expected ',' or ']'",
    ]


def test_unquoted_comma_in_a_flow_mapping_is_caught(clean_tree: Path) -> None:
    path = clean_tree / "data/pricing.yml"
    path.write_text(
        path.read_text("utf-8").replace('zh: "年付，1,000个联系人"', "zh: 年付，1,000个联系人"),
        "utf-8",
    )
    assert problems(clean_tree) == [
        "data/pricing.yml:6: `basis` has an unexpected key `000个联系人`; "
        "quote values that contain a comma",
    ]


def test_wrong_shape_in_data(clean_tree: Path) -> None:
    path = clean_tree / "data/pricing.yml"
    path.write_text(path.read_text("utf-8").replace("price: 49", "price: forty-nine"), "utf-8")
    assert problems(clean_tree) == ["data/pricing.yml:17: `plans.1.price` must be a number"]


def test_malformed_front_matter_names_file_and_line(clean_tree: Path) -> None:
    path = clean_tree / "docs/zh/index.md"
    path.write_text(path.read_text("utf-8").replace("title: 开始", "title: 开始: 首页"), "utf-8")
    assert problems(clean_tree) == [
        "docs/zh/index.md:2: malformed front matter: "
        "mapping values are not allowed in this context",
    ]


def test_non_utf8_names_the_line_of_the_first_bad_byte(clean_tree: Path) -> None:
    path = clean_tree / "docs/en/pricing.md"
    raw = path.read_bytes().replace(b"Prices are in USD", b"Prices are in \xff\xfeUSD")
    path.write_bytes(raw)
    assert problems(clean_tree) == [
        "docs/en/pricing.md:8: not valid UTF-8 (byte 0xff at column 15); save the file as UTF-8",
    ]


def test_empty_page(clean_tree: Path) -> None:
    (clean_tree / "docs/zh/pricing.md").write_text("---\ntitle: 定价\n---\n\n", "utf-8")
    assert problems(clean_tree) == ["docs/zh/pricing.md:1: page is empty; write it or delete it"]


def test_unknown_markers_and_every_problem_at_once(clean_tree: Path) -> None:
    en = clean_tree / "docs/en/pricing.md"
    en.write_text(
        en.read_text("utf-8").replace("<!-- pricing:addons -->", "<!-- pricing:add-ons -->"),
        "utf-8",
    )
    zh = clean_tree / "docs/zh/index.md"
    zh.write_text(
        zh.read_text("utf-8") + "\n<!-- widget:list -->\n<!-- just a note -->\n"
        # an address kept as a note (a real site had one) is no marker either
        "<!-- http://example.com/book.pdf -->\n",
        "utf-8",
    )
    known = (
        "known markers: pricing:addons, pricing:example, pricing:matrix, pricing:plans, "
        "glossary:terms, pathfinder"
    )
    assert problems(clean_tree) == [
        f"docs/zh/index.md:34: unknown marker <!-- widget:list -->; {known}",
        f"docs/en/pricing.md:18: unknown marker <!-- pricing:add-ons -->; {known}",
    ]


@pytest.mark.parametrize(
    ("front", "meta", "raw"),
    [
        (
            "title: A\narea: [A, B]\n",
            {"title": "A", "area": ["A", "B"]},
            {"title": "A"},  # a list has no one scalar as written
        ),
        (
            "translation_of: 012345670123\n",
            {"translation_of": 0o12345670123},
            {"translation_of": "012345670123"},
        ),
        ("title: 'Quoted: yes'\n", {"title": "Quoted: yes"}, {"title": "Quoted: yes"}),
        (
            "title: x # note\nflag: yes\n",
            {"title": "x", "flag": True},
            {"title": "x", "flag": "yes"},
        ),
    ],
)
def test_front_matter_is_yaml_and_keeps_scalars_as_written(
    front: str, meta: dict, raw: dict
) -> None:
    source = split_front_matter(f"---\n{front}---\n# T {{#t}}\n", "x.md")
    assert (source.meta, source.meta_raw, source.body_line) == (
        meta,
        raw,
        2 + front.count("\n") + 1,
    )


def test_body_hash_ignores_front_matter_and_line_endings() -> None:
    one = split_front_matter("---\ntitle: A\n---\n# T {#t}\n\nText\n", "x.md")
    two = split_front_matter(
        "---\r\ntitle: B\r\n---\r\n# T {#t}\r\n\r\nText\r\n".replace("\r\n", "\n"), "x.md"
    )
    assert body_hash(one.body) == body_hash(two.body) == body_hash("# T {#t}\n\nText\n")
    assert len(body_hash(one.body)) == 12


def test_make_tree_helper_restamps(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path, "staleness")
    assert "translation_of: 26fef1d585ef" in (root / "docs/zh/index.md").read_text("utf-8")


# The words of the generated tables are data (`labels:`): a label that would lose its number, or
# crash the generator, is refused where it stands.
LABEL_DEFECTS = [
    # (the clean text, the defect, the message, the line it names: of the clean text, or of
    # the language's labels for a label that is missing)
    ('per_month: "${amount}/mo"', 'per_month: "$/mo"', "`labels.en.per_month` must hold {amount}"),
    (
        'per_month: "${amount}/mo"',
        'per_month: "${amount}/mo {when}"',
        "`labels.en.per_month` must hold {amount}",
    ),
    (
        'plan_name: "{name}"',
        'plan_name: "{name} {glos}"',
        "`labels.en.plan_name` must hold {name} (and may hold {gloss})",
    ),
    (
        "included: Included",
        "included: Included {",
        "`labels.en.included` has a { or } that opens no placeholder; write {{ or }} for the "
        "character",
    ),
    ("total: Total\n", "totl: Total\n", "`labels.en.totl` is not a label"),
]


@pytest.mark.parametrize(("clean", "defect", "message"), LABEL_DEFECTS)
def test_a_pricing_label_that_would_misprint_is_refused(
    clean_tree: Path, clean: str, defect: str, message: str
) -> None:
    path = clean_tree / "data/pricing.yml"
    text = path.read_text("utf-8")
    assert text.count(clean) == 1
    line = text[: text.index(clean)].count("\n") + 1
    path.write_text(text.replace(clean, defect), "utf-8")
    [problem] = problems(clean_tree)
    assert problem.startswith(f"data/pricing.yml:{line}: {message}")


def test_a_missing_label_names_its_language(clean_tree: Path) -> None:
    path = clean_tree / "data/pricing.yml"
    text = path.read_text("utf-8")
    zh = text.index("\n  zh:\n")
    path.write_text(text[:zh] + text[zh:].replace("    total: 合计\n", ""), "utf-8")
    line = text[: text.index("    plan: 套餐")].count("\n") + 1  # where the Chinese labels start
    assert problems(clean_tree) == [f"data/pricing.yml:{line}: `labels.zh` lacks the label `total`"]


def test_a_glossary_label_for_a_language_not_built_is_refused(clean_tree: Path) -> None:
    path = clean_tree / "data/glossary.yml"
    text = path.read_text("utf-8")
    path.write_text(
        text + '  fr: {other: "Chinois : {term}. ", more: " Plus : {link}."}\n', "utf-8"
    )
    line = text.count("\n") + 1
    assert problems(clean_tree) == [
        f"data/glossary.yml:{line}: `labels` has a key `fr` that is no language"
    ]
