"""Accessibility gate: axe-core finds no serious or critical violation on any page type.

axe-core (the copy bundled with axe-playwright-python) runs in headless Chromium on the start
page, a module page, the reference tables, a guide, the side-by-side compare view, the plan
matrix, the glossary and the 404 page, in both languages and both colour schemes (the palette
follows the system by default, so emulating a dark system selects the dark scheme). Pages open
from file://, as an offline reader opens them; the 404 pages use absolute /assets/ URLs (made
for hosts) and are opened from the local static server.
"""

from __future__ import annotations

import pytest

from tests.gates.tools import axe_violations, block_external, blocking
from tests.sitebuild import Build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGS = {"en": "", "zh": "zh/"}
PAGE_TYPES = {
    "start": "index.html",
    "module": "automations.html",
    "reference-api": "api-reference.html",
    "reference-data-model": "data-model.html",
    "guide": "guides/crm-pipeline.html",
    "compare": "compare/automations.html",
    "plan-matrix": "plans.html",
    "glossary": "glossary.html",
}
SCHEMES = {"light": "default", "dark": "slate"}  # emulated system preference -> Material scheme


def use_scheme(page, scheme: str) -> None:
    """Emulate the system colour scheme before the page loads (the palette follows it)."""
    page.emulate_media(color_scheme=scheme)


def assert_scheme(page, scheme: str) -> None:
    shown = page.locator("body").get_attribute("data-md-color-scheme", timeout=5000)
    assert shown == SCHEMES[scheme], f"{scheme} system preference shows scheme {shown}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_or_critical_violation(
    real_site: Build, page, kind: str, lang: str, scheme: str
) -> None:
    path = real_site.site / LANGS[lang] / PAGE_TYPES[kind]
    if kind == "compare" and not path.is_file():
        pytest.skip("compare view not built yet")
    block_external(page, "file://")
    use_scheme(page, scheme)
    page.goto(path.as_uri())
    assert page.locator("html").get_attribute("lang", timeout=5000) in {lang, "zh-Hans"}
    assert_scheme(page, scheme)
    problems = blocking(axe_violations(page), f"{LANGS[lang]}{PAGE_TYPES[kind]} ({scheme})")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", LANGS)
def test_404_page_has_no_serious_or_critical_violation(
    hosted: str, page, lang: str, scheme: str
) -> None:
    block_external(page, hosted)
    use_scheme(page, scheme)
    response = page.goto(f"{hosted}/{LANGS[lang]}404.html")
    assert response is not None and response.ok
    assert_scheme(page, scheme)
    problems = blocking(axe_violations(page), f"{LANGS[lang]}404.html ({scheme})")
    assert problems == [], "\n".join(problems)


# Negative control: the same gate on a tiny page with two planted faults


def test_axe_reports_an_image_without_alt_and_faint_text(faulty_site: Build, page) -> None:
    block_external(page, "file://")
    page.goto((faulty_site.site / "index.html").as_uri())
    problems = blocking(axe_violations(page))
    assert [p for p in problems if " image-alt [critical] ['#gate-no-alt']" in p], problems
    assert [p for p in problems if " color-contrast [serious] ['#gate-faint']" in p], problems


def test_dark_scheme_gate_catches_material_default_link_colour(real_site: Build, page) -> None:
    """Negative control for the dark scheme: Material's own slate link colour (before the fix in
    site.css) is too faint on code backgrounds, and the gate says so."""
    block_external(page, "file://")
    use_scheme(page, "dark")
    page.goto((real_site.site / "guides" / "crm-pipeline.html").as_uri())
    assert_scheme(page, "dark")
    page.add_style_tag(content="body { --md-typeset-a-color: #5488e8 !important; }")
    problems = blocking(axe_violations(page))
    assert [p for p in problems if " color-contrast [serious] " in p and "<code>" in p], problems
