"""Shared fixtures: one strict build of the real site per test session, and a headless browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sitebuild import CHROMIUM, REPO, Build, build_mini_site, build_real_site

ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once with ``--strict`` into a temporary folder."""
    build = build_real_site(tmp_path_factory.mktemp("real"))
    assert build.returncode == 0, f"strict build of the real site failed:\n{build.log}"
    return build


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The two-page fixture tree, built with the real configuration."""
    build = build_mini_site(tmp_path_factory.mktemp("mini"))
    assert build.returncode == 0, f"strict build of the fixture tree failed:\n{build.log}"
    return build


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """Keep each phase's report on the test item, so fixtures can tell that a test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never a downloaded browser)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-gpu",
            ],
        )
        yield chromium
        chromium.close()


class RequestLog(list[str]):
    """Every URL a page requested, in order."""

    def leaving(self, allowed_prefix: str = "file://") -> list[str]:
        """Requests that left the allowed origin (``data:`` and ``blob:`` stay on the page)."""
        return [u for u in self if not u.startswith((allowed_prefix, "data:", "blob:"))]


@pytest.fixture
def page(browser, request: pytest.FixtureRequest) -> Iterator:
    """A fresh browser page; on failure a full-page screenshot goes to test-artifacts/."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = RequestLog()
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
