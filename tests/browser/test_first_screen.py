"""The reader's first screen and the plan answer (issue 26), measured in Chromium on the real site.

- On a 390 px phone a module page's title starts in the first screen (its top at most 200 px;
  before the fix the banners and the role chips above it put it at 408 px). The negative control
  puts the old order back (chips and the price note above the title) and sees the title drop.
- The price-date note is one line where no price table stands, and never above the title.
- The role chips stand on one line at 1280 px, even the start page's six, and wrap whole onto
  more lines on a phone, none cut at the column's edge; "Other" last. The negative control puts
  back the chips from before (11 px bold, no wrapping) and sees the start page's run out.
- The plan matrix marks, under every plan, each feature that plan includes: a feature included on
  a plan is included on every later plan. The negative control blanks one cell of the built
  table and sees the check fail.
- On a phone the matrix is one card per plan, each within the screen.
- The compare view's two columns have the same width in every row at 1280 px, and its page links
  stand above the grid; the negative control floats the links back beside the first row.
- At 390 px, light and dark, the plans and pricing pages do not scroll sideways: no table (the
  add-ons, the plans, the send limits) is wider than its box, and the page is no wider than the
  screen. The site's name in the header is not cut: the Chinese name on one line, the English one
  on two. The negative control puts back the styles from before (Material's 5rem header cells, the
  one-line title, the language menu centred on its button) and sees each check fail.

Each check loads its page anew, at its width and in its colour scheme, in one tab that the
module's tests share (tests/browser/tabs.py: a browser context per check cost Chromium more
than the page itself).
"""

from __future__ import annotations

import pytest

from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MAX_H1_TOP = 200  # px from the top of a 390 px phone's screen

H1_TOP = "() => document.querySelector('article h1').getBoundingClientRect().top"
# The order before the fix: the chips and the price note above the title.
OLD_ORDER = """() => {
  const h1 = document.querySelector('article h1');
  for (const sel of ['[data-ac-banner]', '.md-tags']) {
    const el = document.querySelector(sel);
    if (el) h1.before(el);
  }
}"""
# ... and the chips as Material wraps them, a line per chip or two on a phone.
OLD_CHIPS = """
.md-typeset .md-tags:not([hidden]) { flex-wrap: wrap !important; }
.md-typeset .md-tag { font-size: 0.55rem !important; font-weight: 700 !important;
                      padding: 0.1rem 0.5rem !important; }
"""
# Each row of the matrix: its feature, then one cell per plan ("included" or not).
MATRIX = """() => [...document.querySelectorAll('.ac-plan-matrix tbody tr')].map((tr) => {
  const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
  return cells;
})"""
INCLUDED = {"en": "Included", "zh": "包含"}


@pytest.mark.parametrize("path", ["automations.html", "zh/automations.html", "zh/faq.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_title_starts_in_the_first_screen_of_a_phone(
    real_site: Build, tabs, path: str, scheme: str
) -> None:
    page = tabs.show((real_site.site / path).as_uri(), PHONE, scheme)
    assert page.evaluate(H1_TOP) <= MAX_H1_TOP


def test_negative_control_chips_and_note_above_the_title_push_it_down(
    real_site: Build, tabs
) -> None:
    page = tabs.show((real_site.site / "automations.html").as_uri(), PHONE)
    page.evaluate(OLD_ORDER)
    page.add_style_tag(content=OLD_CHIPS)
    assert page.evaluate(H1_TOP) > MAX_H1_TOP


@pytest.mark.parametrize("path", ["automations.html", "zh/forms.html"])
def test_the_price_note_is_one_line_under_the_title(real_site: Build, tabs, path: str) -> None:
    page = tabs.show((real_site.site / path).as_uri(), DESKTOP)
    note = page.locator("[data-ac-banner=prices]")
    assert note.count() == 1
    box = note.locator("p").bounding_box()
    title = page.locator("article h1").bounding_box()
    line = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector("
        "'[data-ac-banner=prices] p')).lineHeight)"
    )
    assert box["y"] > title["y"] + title["height"], "below the title"
    assert box["height"] <= line * 1.5, "one line"


CHIPS = """() => {
  const box = document.querySelector('article .md-tags').getBoundingClientRect();
  const chips = [...document.querySelectorAll('article .md-tags .md-tag')];
  return {
    lines: new Set(chips.map((chip) => Math.round(chip.getBoundingClientRect().top))).size,
    cut: chips.filter((chip) => chip.getBoundingClientRect().right > box.right + 0.5)
      .map((chip) => chip.textContent.trim()),
    names: chips.map((chip) => chip.textContent.trim()),
    below: chips[0].getBoundingClientRect().top
      > document.querySelector('article h1').getBoundingClientRect().bottom,
  };
}"""
# The chips before the fix: Material's 11 px bold, on one line that scrolled sideways, cut.
OLD_CHIP_STYLE = """
.md-typeset .md-tags:not([hidden]) { flex-wrap: nowrap !important; overflow-x: auto !important; }
.md-typeset .md-tag { font-size: 0.55rem !important; font-weight: 700 !important;
                      padding: 0.1rem 0.5rem !important; }
"""


@pytest.mark.parametrize(
    ("path", "other"),
    [
        ("index.html", "Other"),
        ("zh/index.html", "其他"),
        ("plans.html", "Other"),
        ("zh/faq.html", "其他"),
    ],
)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_role_chips_fit_one_line_on_a_desktop_and_wrap_whole_on_a_phone(
    real_site: Build, tabs, path: str, other: str, scheme: str
) -> None:
    for viewport in (DESKTOP, PHONE):
        page = tabs.show((real_site.site / path).as_uri(), viewport, scheme)
        chips = page.evaluate(CHIPS)
        assert chips["cut"] == [], f"chips cut at {viewport['width']} px"
        if viewport is DESKTOP:
            assert chips["lines"] == 1, "one line"
        if other in chips["names"]:
            assert chips["names"][-1] == other
        assert chips["below"], "below the title"


def test_negative_control_the_old_chips_run_out_of_the_start_page(real_site: Build, tabs) -> None:
    page = tabs.show((real_site.site / "index.html").as_uri(), DESKTOP)
    page.add_style_tag(content=OLD_CHIP_STYLE)
    chips = page.evaluate(CHIPS)
    assert "Sales / revenue operations" in chips["cut"] and "Other" in chips["cut"]


def blanks(rows: list[list[str]], included: str) -> list[str]:
    """Cells left unmarked under a plan after an earlier plan includes the feature."""
    found = []
    for feature, *cells in rows:
        marked = [cell == included for cell in cells]
        if True in marked:
            first = marked.index(True)
            found += [f"{feature}: plan {n + 1}" for n in range(first, len(cells)) if not marked[n]]
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_matrix_marks_every_feature_under_every_plan_that_includes_it(
    real_site: Build, tabs, lang: str
) -> None:
    path = "plans.html" if lang == "en" else "zh/plans.html"
    page = tabs.show((real_site.site / path).as_uri(), DESKTOP)
    rows = page.evaluate(MATRIX)[2:]  # after the price and send-limit rows
    assert len(rows) >= 10 and all(len(row) == 5 for row in rows)
    assert blanks(rows, INCLUDED[lang]) == []
    starter = [row[0] for row in rows if row[1] == INCLUDED[lang]]
    assert {"Email marketing", "邮件营销"} & set(starter)
    # negative control: blank the Plus cell of the first row (email marketing)
    page.evaluate(
        "() => { document.querySelector('.ac-plan-matrix tbody tr:nth-child(3) "
        "td:nth-child(3)').textContent = ''; }"
    )
    assert blanks(page.evaluate(MATRIX)[2:], INCLUDED[lang]) == [f"{rows[0][0]}: plan 2"]


@pytest.mark.parametrize("path", ["plans.html", "zh/plans.html"])
def test_on_a_phone_the_matrix_is_one_card_per_plan(real_site: Build, tabs, path: str) -> None:
    page = tabs.show((real_site.site / path).as_uri(), PHONE)
    assert page.locator(".ac-plan-matrix").is_hidden()
    cards = page.locator(".ac-plan-card")
    assert cards.count() == 4 and all(cards.nth(i).is_visible() for i in range(4))
    rights = [
        cards.nth(i).bounding_box()["x"] + cards.nth(i).bounding_box()["width"] for i in range(4)
    ]
    assert max(rights) <= PHONE["width"], "no card scrolls sideways"
    page = tabs.show((real_site.site / path).as_uri(), DESKTOP)
    # and at 1280 px the table, not the cards
    assert page.locator(".ac-plan-matrix").is_visible()
    assert page.locator(".ac-plan-cards").is_hidden()


COLUMNS = """() => {
  const nav = document.querySelector('.ac-compare-sources').getBoundingClientRect();
  const rows = [...document.querySelectorAll('.ac-compare__row')];
  return {
    nav: nav.bottom,
    first: rows[0].getBoundingClientRect().top,
    widths: rows.map((row) => [...row.querySelectorAll(':scope > .ac-compare__col')]
      .map((col) => Math.round(col.getBoundingClientRect().width))),
  };
}"""
FLOATING_LINKS = ".ac-compare-sources { float: right !important; display: block !important; }"


def column_widths(tabs, url: str, extra_css: str | None = None) -> dict:
    page = tabs.show(url, DESKTOP)
    if extra_css:
        page.add_style_tag(content=extra_css)
    return page.evaluate(COLUMNS)


@pytest.mark.parametrize("path", ["compare/plans.html", "zh/compare/automations.html"])
def test_compare_columns_have_one_width_in_every_row(real_site: Build, tabs, path: str) -> None:
    layout = column_widths(tabs, (real_site.site / path).as_uri())
    widths = {width for row in layout["widths"] for width in row}
    assert len(layout["widths"]) >= 4
    assert max(widths) - min(widths) <= 1, layout["widths"]
    assert layout["nav"] <= layout["first"], "the page links stand above the grid"


def test_negative_control_floating_links_narrow_the_first_row(real_site: Build, tabs) -> None:
    layout = column_widths(
        tabs, (real_site.site / "zh/compare/automations.html").as_uri(), FLOATING_LINKS
    )
    widths = {width for row in layout["widths"] for width in row}
    assert max(widths) - min(widths) > 1


# The phone's first screen on the plans and pricing pages: nothing wider than the screen, the
# site's name whole. Measured on the built page; the widths before the fix are in the comments.
SIDEWAYS = """() => ({
  page: document.documentElement.scrollWidth,
  screen: document.documentElement.clientWidth,
  tables: [...document.querySelectorAll('article .md-typeset__scrollwrap')]
    .filter((wrap) => wrap.offsetParent !== null && wrap.scrollWidth > wrap.clientWidth + 1)
    .map((wrap) => `${wrap.querySelector('th').textContent.trim()}: ${wrap.scrollWidth} px`
      + ` in ${wrap.clientWidth} px`),
})"""
SITE_NAME = """() => {
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  return {
    text: name.textContent.trim(),
    cut: name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1,
    lines: Math.round(name.clientHeight / parseFloat(getComputedStyle(name).lineHeight)),
  };
}"""
# The styles before the fix: Material's header title (one line, cut with an ellipsis) at the
# 0.8rem this site had, its header cells of at least 5rem, its language menu centred on the button.
BEFORE_FIX = """
@media screen and (max-width: 29.9375em) {
  .md-header__title { margin-left: 1rem !important; font-size: 0.8rem !important;
                      line-height: 2.4rem !important; }
  .md-header__button { margin: 0.2rem !important; }
  .md-header__topic { white-space: nowrap !important; }
  .md-header__topic > .md-ellipsis { display: block !important; }
  .md-header .md-select__inner { left: 50% !important; right: auto !important;
                                 transform: translate3d(-50%, 0.3rem, 0) !important; }
  .md-typeset table:not([class]) th { min-width: 5rem !important; }
  .md-typeset table:not([class]) th,
  .md-typeset table:not([class]) td { padding: 0.9375em 1.25em !important; }
}
"""
SITE_NAMES = {"en": "ActiveCampaign Platform Help", "zh": "ActiveCampaign 平台帮助"}


@pytest.mark.parametrize("path", ["plans.html", "zh/plans.html", "pricing.html", "zh/pricing.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plans_and_pricing_fit_a_phone(real_site: Build, tabs, path: str, scheme: str) -> None:
    page = tabs.show((real_site.site / path).as_uri(), PHONE, scheme)
    # before: the add-on table of plans.html 451 px in 390, the plans table of pricing.html
    # 439 px, the send limits 434 px; the English pages 417 px wide (the language menu)
    layout = page.evaluate(SIDEWAYS)
    assert layout["tables"] == [], "a table scrolls sideways"
    assert layout["page"] <= layout["screen"] == PHONE["width"]
    # before: the Chinese name cut to "ActiveCampaign平台帮…" (189 px of text in 162 px)
    name = page.evaluate(SITE_NAME)
    lang = "zh" if path.startswith("zh/") else "en"
    assert name["text"] == SITE_NAMES[lang]
    assert not name["cut"], "the site's name is cut"
    assert name["lines"] == (1 if lang == "zh" else 2)


@pytest.mark.parametrize("path", ["plans.html", "zh/plans.html"])
def test_negative_control_the_styles_before_the_fix_scroll_and_cut(
    real_site: Build, tabs, path: str
) -> None:
    page = tabs.show((real_site.site / path).as_uri(), PHONE)
    page.add_style_tag(content=BEFORE_FIX)
    layout = page.evaluate(SIDEWAYS)
    assert len(layout["tables"]) >= 2, "the add-ons and the send limits scroll again"
    assert page.evaluate(SITE_NAME)["cut"], "the name is cut again"
    if not path.startswith("zh/"):
        assert layout["page"] > layout["screen"], "the language menu widens the page again"
