"""The side-by-side view on a phone (390 px): the links to the two original pages sit above the
rows, and every row stacks English over Chinese at full width.

Before the fix the links floated right, and every row next to them (a grid, so a block formatting
context that avoids floats) was squeezed into about half the screen. The negative control puts
that float back and shows that the measurement catches it.
"""

from __future__ import annotations

import pytest

from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
MIN_SHARE = 0.85  # of the viewport: the text column of every row, in both languages
PAGES = ["compare/automations.html", "zh/compare/automations.html", "compare/pricing.html"]
# The layout before the fix: the source links float beside the rows.
OLD_LAYOUT = ".ac-compare-sources { float: right !important; margin: 0 0 0.5rem 1rem !important; }"

MEASURE = """() => {
  const nav = document.querySelector('.ac-compare-sources').getBoundingClientRect();
  const cols = [...document.querySelectorAll('.ac-compare__col')].map((col) => {
    const box = col.getBoundingClientRect();
    return {lang: col.lang, row: col.parentElement.id, width: box.width, top: box.top};
  });
  return {nav: {bottom: nav.bottom, width: nav.width}, cols, viewport: window.innerWidth};
}"""


def narrow_columns(layout: dict) -> list[str]:
    """Columns narrower than MIN_SHARE of the viewport, as `row (lang): width px`."""
    least = MIN_SHARE * layout["viewport"]
    return [
        f"{col['row']} ({col['lang']}): {col['width']:.0f} px < {least:.0f} px"
        for col in layout["cols"]
        if col["width"] < least
    ]


def phone_layout(tabs, url: str, extra_css: str | None = None) -> dict:
    """The layout of ``url`` on a phone, loaded anew in the module's shared tab
    (tests/browser/tabs.py), with ``extra_css`` added."""
    page = tabs.show(url, PHONE)
    if extra_css:
        page.add_style_tag(content=extra_css)
    return page.evaluate(MEASURE)


@pytest.mark.parametrize("path", PAGES)
def test_rows_use_the_full_width_of_a_phone(real_site: Build, tabs, path: str) -> None:
    layout = phone_layout(tabs, (real_site.site / path).as_uri())
    assert layout["viewport"] == PHONE["width"]
    assert len(layout["cols"]) >= 4, "a compare view with rows"
    assert narrow_columns(layout) == []
    first = min(col["top"] for col in layout["cols"])
    assert layout["nav"]["bottom"] <= first + 1, "the links to the original pages come first"


def test_rows_stack_english_over_chinese(real_site: Build, tabs) -> None:
    layout = phone_layout(tabs, (real_site.site / PAGES[0]).as_uri())
    by_row: dict[str, dict[str, float]] = {}
    for col in layout["cols"]:
        by_row.setdefault(col["row"], {})[col["lang"]] = col["top"]
    stacked = [row for row, tops in by_row.items() if tops.get("zh", 0) > tops.get("en", 0)]
    assert len(stacked) == len(by_row), by_row


def test_negative_control_the_floating_links_squeeze_the_first_rows(real_site: Build, tabs) -> None:
    layout = phone_layout(tabs, (real_site.site / PAGES[0]).as_uri(), OLD_LAYOUT)
    narrow = narrow_columns(layout)
    assert narrow, "the old layout must fail the measurement"
    assert all(f"{layout['viewport'] * MIN_SHARE:.0f} px" in line for line in narrow)
