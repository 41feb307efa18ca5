"""The pages readers look for (plans, glossary, FAQ), the price-date note and the palette toggle,
in the built real site, both languages."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.sitebuild import Build

pytestmark = pytest.mark.slow

ROOTS = {"en": "", "zh": "zh/"}


def soup(build: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((build.site / path).read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ROOTS)
def test_plan_matrix_and_cost_example_are_rendered(real_site: Build, lang: str) -> None:
    page = soup(real_site, f"{ROOTS[lang]}plans.html")
    # the matrix, the add-on table, the cost example, the send limit at two contact counts
    tables = page.select("article table")
    assert len(tables) == 4, "the matrix, the add-ons, the cost example and the send limits"
    assert tables[0].find_parent(class_="ac-plan-matrix") is not None
    tables = [tables[0], tables[2]]
    header = [th.get_text(strip=True) for th in tables[0].select("thead th")]
    assert header[0] in {"Feature", "功能"} and header[1].startswith("Starter")
    assert "117" in tables[1].get_text() and "<!--" not in str(page.select_one("article"))


@pytest.mark.parametrize("lang", ROOTS)
def test_glossary_entries_are_searchable_by_either_term(real_site: Build, lang: str) -> None:
    index = json.loads((real_site.site / ROOTS[lang] / "search/search_index.json").read_text())
    entry = next(d for d in index["docs"] if d["location"] == "glossary.html#term-lead-scoring")
    found = (entry["title"] + entry["text"]).replace("\u200b", "")  # jieba's word breaks
    assert "线索评分" in found and "ead scoring" in found
    html = soup(real_site, f"{ROOTS[lang]}glossary.html")
    heading = html.select_one("#term-lead-scoring")
    assert heading is not None and heading.name == "h3"
    other = heading.find_next("p").find("strong")
    assert other["lang"] == {"en": "zh", "zh": "en"}[lang], "the other language is marked"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("plans.html", "as of March 2026"),
        ("faq.html", "as of March 2026"),
        ("landing-pages.html", "as of March 2026"),  # a plan gate: "Plus and above"
        ("glossary.html", "as of March 2026"),  # definitions name plans
        ("zh/plans.html", "2026 年 3 月"),
        ("zh/faq.html", "2026 年 3 月"),
    ],
)
def test_pages_that_state_figures_say_when_they_date_from(
    real_site: Build, path: str, words: str
) -> None:
    note = soup(real_site, path).select_one("[data-ac-banner=prices]")
    assert note is not None, f"{path} states prices, plan gates or limits"
    assert words in note.get_text()
    assert note.select_one("a[href='https://www.activecampaign.com/pricing']") is not None
    assert "warning" in note["class"], "stale by the 180-day rule: a warning"


@pytest.mark.parametrize("path", ["tags.html", "zh/tags.html", "related-skills.html"])
def test_pages_without_figures_have_no_price_note(real_site: Build, path: str) -> None:
    assert soup(real_site, path).select_one("[data-ac-banner=prices]") is None


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("en", ["Switch to light mode", "Switch to dark mode", "Switch to system preference"]),
        ("zh", ["切换到浅色模式", "切换到深色模式", "跟随系统设置"]),
    ],
)
def test_palette_toggle_offers_light_dark_and_system(
    real_site: Build, lang: str, names: list[str]
) -> None:
    inputs = soup(real_site, f"{ROOTS[lang]}faq.html").select("input[name=__palette]")
    assert [i.get("aria-label") for i in inputs] == names
    assert [i.get("data-md-color-media") for i in inputs] == [
        "(prefers-color-scheme)",
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    ]


@pytest.mark.parametrize("lang", ROOTS)
def test_new_pages_are_in_the_navigation(real_site: Build, lang: str) -> None:
    for page in ("plans.html", "faq.html", "glossary.html"):
        html = soup(real_site, f"{ROOTS[lang]}{page}")
        active = html.select(".md-sidebar--primary .md-nav__link--active")
        assert any(a.get("href") == page for a in active), f"{page} has its nav entry"


# Issue 26: the role chips are not in the search index (Material's tags field, boost 0), so a
# role's name finds only the pages whose text is about it
def chip_hits(index: dict, names: list[str]) -> list[str]:
    """Entries of a search index whose text or title holds a role chip's name."""
    return [
        doc["location"]
        for doc in index["docs"]
        if any(name in (doc["title"] + doc["text"]).replace("\u200b", "") for name in names)
        or doc.get("tags")
    ]


@pytest.mark.parametrize("lang", ROOTS)
def test_role_chips_are_not_in_the_search_index(real_site: Build, lang: str) -> None:
    index = json.loads((real_site.site / ROOTS[lang] / "search/search_index.json").read_text())
    # the chips of automations.html, whose text names none of the roles
    html = soup(real_site, f"{ROOTS[lang]}automations.html")
    names = [chip.get_text(strip=True) for chip in html.select("article .md-tags .md-tag")]
    assert len(names) >= 3
    hits = [hit for hit in chip_hits(index, names) if hit.startswith("automations.html")]
    assert hits == []
    # negative control: an entry that carried the chips would be found
    planted = {"docs": [{"location": "automations.html", "title": "", "text": " ".join(names)}]}
    assert chip_hits(planted, names) == ["automations.html"]


@pytest.mark.parametrize("lang", ROOTS)
def test_every_page_says_it_is_an_independent_guide(real_site: Build, lang: str) -> None:
    line = soup(real_site, f"{ROOTS[lang]}automations.html").select_one(".ac-independent")
    assert line is not None and "ActiveCampaign" in line.get_text()
    assert line["lang"] == lang
