"""Shared fixtures: one strict build of the real site per test session, and a headless browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


# The browser, its pages and a screenshot on failure are pytest-playwright's fixtures
# (pyproject.toml: --screenshot only-on-failure into test-artifacts/browser/); this file only
# points them at Debian's Chromium and records each page's requests.


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium, headless (never a downloaded browser: no `playwright install`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-gpu",
        ],
    }


@pytest.fixture(scope="session")
def base_url() -> None:
    """No base URL: pages open from file:// (and pytest-playwright's own fallback fixture is an
    instance method, which pytest 9 warns about)."""
    return None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


class RequestLog(list[str]):
    """Every URL a page requested, in order."""

    def leaving(self, allowed_prefix: str = "file://") -> list[str]:
        """Requests that left the allowed origin (``data:`` and ``blob:`` stay on the page)."""
        return [u for u in self if not u.startswith((allowed_prefix, "data:", "blob:"))]


@pytest.fixture
def page(page: Any) -> Any:
    """pytest-playwright's page, with ``page.requests``: what the offline tests inspect."""
    page.requests = RequestLog()
    page.on("request", lambda r: page.requests.append(r.url))
    return page
