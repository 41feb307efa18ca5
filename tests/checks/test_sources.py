"""Sources as data: the file's shape, its agreement with the pages (each defect planted and
caught with its exact message), the Sources lines in the Markdown, and the run over a tree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.checks.sources import load_sources, source_issues, sources_line, with_sources
from translations.model import InputError

from .conftest import TODAY, make_tree

GOOD = """\
allowed_domains: [help.activecampaign.com, developers.activecampaign.com]
required: [guides/*.md, automations.md]
articles:
  split-action:
    url: https://help.activecampaign.com/hc/en-us/articles/115001957624
    title: How to use the "Split" action [in an automation]
    checked: 2026-12-06
  rate-limits:
    url: https://developers.activecampaign.com/reference/rate-limits
    title: Rate Limits
    checked: 2026-12-06
pages:
  automations.md:
    page: [split-action]
    sections:
      wait: [rate-limits]
"""

ANCHORS = {
    ("en", "automations.md"): {"automations", "wait", "goals"},
    ("zh", "automations.md"): {"automations", "wait", "goals"},
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def issues_of(tmp_path: Path, text: str, anchors: dict | None = None) -> list[str]:
    sources = load_sources(write(tmp_path, text), "data/sources.yml")
    assert sources is not None
    found = source_issues(sources, anchors if anchors is not None else ANCHORS, ("en", "zh"))
    return [str(issue) for issue in found]


def test_a_good_file_has_no_issues(tmp_path: Path) -> None:
    assert issues_of(tmp_path, GOOD) == []


def test_no_file_turns_the_check_off(tmp_path: Path) -> None:
    assert load_sources(tmp_path / "sources.yml", "data/sources.yml") is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (  # an address outside the official sites
            "https://developers.activecampaign.com/reference/rate-limits",
            "https://blog.example.com/rate-limits",
            "data/sources.yml:9: article `rate-limits`: blog.example.com is not an allowed "
            "domain (help.activecampaign.com, developers.activecampaign.com)",
        ),
        (  # a section that the page does not have
            "      wait: [rate-limits]",
            "      waits: [rate-limits]",
            "data/sources.yml:16: automations.md#waits: docs/en/automations.md has no heading "
            "{#waits}",
        ),
        (  # a page that does not exist
            "  automations.md:\n",
            "  automation.md:\n",
            "data/sources.yml:14: automation.md: there is no page docs/en/automation.md",
        ),
        (  # an article cited but never defined
            "    page: [split-action]",
            "    page: [split-action, split-actions]",
            "data/sources.yml:14: automations.md: no article `split-actions` under `articles:`",
        ),
        (  # an article that nobody cites
            "      wait: [rate-limits]",
            "      wait: [split-action]",
            "data/sources.yml:9: article `rate-limits` is cited by no page; cite it or remove it",
        ),
    ],
)
def test_each_planted_defect_is_reported(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = GOOD.replace(old, new)
    assert text != GOOD
    assert expected in issues_of(tmp_path, text)


def test_a_required_page_without_sources_is_reported(tmp_path: Path) -> None:
    anchors = {**ANCHORS, ("en", "guides/crm.md"): {"crm"}, ("zh", "guides/crm.md"): {"crm"}}
    assert issues_of(tmp_path, GOOD, anchors) == [
        "data/sources.yml:1: guides/crm.md has no sources; every page matching `guides/*.md` "
        "needs one (docs/en/guides/crm.md:1)"
    ]


def test_a_section_missing_in_the_translation_is_reported(tmp_path: Path) -> None:
    anchors = {**ANCHORS, ("zh", "automations.md"): {"automations", "goals"}}
    assert issues_of(tmp_path, GOOD, anchors) == [
        "data/sources.yml:16: automations.md#wait: docs/zh/automations.md has no heading {#wait}"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    checked: 2026-12-06\n  rate",
            "    checked: soon\n  rate",
            "data/sources.yml:7: article `split-action`: `checked` must be a date (YYYY-MM-DD)",
        ),
        (
            "https://help.activecampaign.com/hc/en-us/articles/115001957624",
            "http://help.activecampaign.com/x",
            "data/sources.yml:5: article `split-action`: `url` must be one https:// address",
        ),
        (
            "  split-action:\n",
            "  Split_Action:\n",
            "data/sources.yml:5: article key `Split_Action` must be lowercase kebab case",
        ),
        (
            "      wait: [rate-limits]",
            "      wait: rate-limits",
            "data/sources.yml:16: automations.md#wait: give a non-empty list of article keys",
        ),
        ("required:", "requires:", "data/sources.yml:2: unknown key `requires`"),
    ],
)
def test_a_malformed_file_names_the_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = GOOD.replace(old, new)
    assert text != GOOD
    with pytest.raises(InputError) as error:
        load_sources(write(tmp_path, text), "data/sources.yml")
    assert any(problem.startswith(expected) for problem in error.value.problems), error.value


def test_sources_line_escapes_the_title_and_keeps_the_url(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, GOOD), "data/sources.yml")
    assert sources is not None
    article = sources.articles["split-action"]
    assert article.checked == dt.date(2026, 12, 6)
    assert sources_line([article, sources.articles["rate-limits"]], "来源：{links}") == (
        '来源：[How to use the "Split" action \\[in an automation\\]]'
        "(https://help.activecampaign.com/hc/en-us/articles/115001957624)"
        " · [Rate Limits](https://developers.activecampaign.com/reference/rate-limits)"
        "\n{: .ac-sources }"
    )


PAGE = """\
# Automations {#automations}

Intro.

## Wait steps {#wait}

Text.

```text
## not a heading {#wait}
```

### Detail {#detail}

More.

## Goals {#goals}

End."""


def test_with_sources_puts_each_line_under_its_section_and_the_page_line_last(
    tmp_path: Path,
) -> None:
    sources = load_sources(write(tmp_path, GOOD), "data/sources.yml")
    assert sources is not None
    out = with_sources(PAGE, sources, "automations.md", "Sources: {links}")
    lines = out.split("\n")
    wait_line = next(i for i, line in enumerate(lines) if "[Rate Limits]" in line)
    page_line = next(i for i, line in enumerate(lines) if "Split" in line)
    # after the ### subsection (it belongs to the section), before the next ## heading
    assert lines.index("More.") < wait_line < lines.index("## Goals {#goals}")
    assert page_line > lines.index("End.")
    assert out.count("{: .ac-sources }") == 2
    # the Markdown twins get the same lines without the attribute list
    plain = with_sources(PAGE, sources, "automations.md", "Sources: {links}", styled=False)
    assert "{: .ac-sources }" not in plain and plain.count("Sources: [") == 2
    # a page without citations is left as it is
    assert with_sources(PAGE, sources, "other.md", "Sources: {links}") == PAGE


def test_the_site_run_reports_source_issues_and_keeps_the_file(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path)
    report = check_site(root, today=TODAY)
    assert report.sources is None  # no data/sources.yml: the check is off, nothing is rendered
    (root / "data" / "sources.yml").write_text(
        "allowed_domains: [help.activecampaign.com]\nrequired: ['*.md']\n"
        "articles:\n  a:\n    url: https://help.activecampaign.com/a\n    title: A\n"
        "    checked: 2026-12-06\npages:\n  no-such-page.md:\n    page: [a]\n",
        encoding="utf-8",
    )
    report = check_site(root, today=TODAY)
    assert report.sources is not None
    messages = [str(issue) for issue in report.issues if issue.rule == "sources"]
    assert (
        "data/sources.yml:10: no-such-page.md: there is no page docs/en/no-such-page.md" in messages
    )
    assert any("has no sources; every page matching `*.md` needs one" in m for m in messages)


def test_a_checked_date_after_today_is_reported(tmp_path: Path) -> None:
    """A `checked` date later than the day of the run in every time zone claims a reading nobody
    has done yet; up to two days ahead is where it is already that day somewhere (a build in
    UTC-12 sees the date a maintainer in UTC+14 wrote), so it passes, in any zone alike."""
    text = GOOD.replace("checked: 2026-12-06\n  rate", "checked: 2026-12-09\n  rate")
    sources = load_sources(write(tmp_path, text), "data/sources.yml")
    assert sources is not None
    for day in (7, 8, 9):  # the date written is at most two days ahead
        assert source_issues(sources, ANCHORS, ("en", "zh"), today=dt.date(2026, 12, day)) == []
    late = source_issues(sources, ANCHORS, ("en", "zh"), today=dt.date(2026, 12, 6))
    assert [str(issue) for issue in late] == [
        "data/sources.yml:5: article `split-action`: checked 2026-12-09 is after today "
        "(2026-12-06); give the date you read it"
    ]
