"""Shared fixtures: one strict build of the real site per test session, and a headless browser.

Under pytest-xdist (``make test`` runs two workers) every worker has its own session; the builds
are made once for all of them (``shared_build``, a file lock in the folder they share). Every
build's PDFs go through a cache folder of the session (``BOOK_CACHE_DIR``; the real site has its
own), never the repository's."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.tabs import Tabs
from tests.sitebuild import (
    CHROMIUM,
    REPO,
    Build,
    build_mini_site,
    build_real_site,
    shared_build,
)

ARTIFACTS = REPO / "test-artifacts"
BOOK_CACHE_ENV = "BOOK_CACHE_DIR"  # hooks/translations/plugin.py


def session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test session that all xdist workers share (each has its own basetemp
    inside it); the basetemp itself without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent / "shared" if os.environ.get("PYTEST_XDIST_WORKER") else base / "shared"


@pytest.fixture(scope="session", autouse=True)
def book_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One PDF cache for the session's builds (they inherit the environment)."""
    folder = session_folder(tmp_path_factory) / "book-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(BOOK_CACHE_ENV, str(folder))
        yield folder


def real_site_book_cache(folder: Path) -> Path:
    """The real site's own PDF cache (``folder``: the session's shared folder): the other builds
    of the session, whose books have the same names, never replace its entries, so a build of
    the same sources reuses them (tests/gates/test_reproducible.py)."""
    return folder / "real-book-cache"


def _build_real(folder: Path) -> Build:
    return build_real_site(folder, book_cache=real_site_book_cache(folder.parent))


# The builds every process of the session shares, by the fixture that returns each.
SHARED_BUILDS: dict[str, tuple[str, Callable[[Path], Build]]] = {
    "real_site": ("real", _build_real),
    "mini_site": ("mini", build_mini_site),
}


@pytest.fixture(scope="session", autouse=True)
def shared_builds_in_background(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, book_cache: Path
) -> Iterator[None]:
    """Start the shared builds that this session's tests use, in a thread, at the session's start.

    The tests that need no build run meanwhile; a test that needs one waits for it at the lock
    (``shared_build``). Under xdist every worker starts the thread; the first one builds."""
    items = request.session.items
    wanted = [
        SHARED_BUILDS[name]
        for name in SHARED_BUILDS
        if any(name in getattr(item, "fixturenames", ()) for item in items)
    ]
    folder = session_folder(tmp_path_factory)

    def build_all() -> None:
        for name, make in wanted:
            try:
                shared_build(name, make, folder=folder)
            except Exception:  # the fixture builds again, and reports what went wrong
                return

    thread = threading.Thread(target=build_all, name="shared-builds", daemon=True)
    thread.start()
    yield
    thread.join()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory, book_cache: Path) -> Build:
    """The real site, built once per session with ``--strict`` into a temporary folder."""
    build = shared_build(*SHARED_BUILDS["real_site"], folder=session_folder(tmp_path_factory))
    assert build.returncode == 0, f"strict build of the real site failed:\n{build.log}"
    return build


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The two-page fixture tree, built with the real configuration."""
    build = shared_build(*SHARED_BUILDS["mini_site"], folder=session_folder(tmp_path_factory))
    assert build.returncode == 0, f"strict build of the fixture tree failed:\n{build.log}"
    return build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the modules that build sites or open a browser (marked slow) first, then the others,
    the largest first; each module's own order stays.

    ``make test`` hands whole modules to its two workers (``--dist loadscope``) in this order
    (``--no-loadscope-reorder``). xdist's own order, by number of tests, sent the gates of one or
    two long tests last, and one worker ran the 45 s offline gate while the other stood idle;
    the many short tests at the end now even out the two workers' finish."""
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)

    def weight(tests: list[pytest.Item]) -> tuple[bool, int]:
        slow = any(item.get_closest_marker("slow") for item in tests)
        return (not slow, 0 if slow else -len(tests))

    items[:] = [item for tests in sorted(modules.values(), key=weight) for item in tests]


# The browser and its pages are pytest-playwright's fixtures; this file points them at Debian's
# Chromium, records each page's requests, and takes a full-page screenshot of every page of a
# failed test into test-artifacts/browser/ (pyproject.toml: --output). pytest-playwright's own
# `--screenshot only-on-failure` shoots every page of every test and deletes the pictures of
# the tests that passed: that cost the whole run about a minute and a half.

REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[pytest.TestReport]:
    """Keep each phase's report on the test, for the screenshots of a failed test."""
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


def screenshot_if_failed(pages: list[Any], item: pytest.Item, folder: Path) -> list[Path]:
    """A full-page screenshot of each of ``pages`` into ``folder`` if the test's set-up or call
    failed (what pytest-playwright keeps with --screenshot only-on-failure); the files written."""
    if not any(report.failed for report in item.stash.get(REPORTS, {}).values()):
        return []
    written = []
    for number, page in enumerate(pages, 1):
        path = folder / f"test-failed-{number}.png"
        try:
            page.screenshot(path=path, full_page=True, timeout=5000)
        except Exception:  # a crashed or closed page: the failure report is what matters
            continue
        written.append(path)
    return written


# Playwright's waits, in ms. Three workers on two cores can starve one of Chromium's tabs for
# tens of seconds (the offline gate's six tabs once passed 30 s, Playwright's default, on a page
# that loads in 0.4 s alone); a longer wait costs nothing when a page is fast, and a page that
# never settles still fails.
WAIT_MS = 120_000


@pytest.fixture
def context(context: Any, request: pytest.FixtureRequest, output_path: str) -> Iterator[Any]:
    """pytest-playwright's context; on failure, its pages' screenshots before it closes."""
    context.set_default_timeout(WAIT_MS)
    yield context
    screenshot_if_failed(context.pages, request.node, Path(output_path))


@pytest.fixture(scope="module")
def module_tabs(browser: Any, browser_context_args: dict[str, Any]) -> Iterator[Tabs]:
    """One browser context for the tests of a module that only read pages (tests/browser/tabs.py:
    a context costs Chromium about 0.5 s of CPU, a page load 0.3 to 0.4 s)."""
    context = browser.new_context(**browser_context_args)
    context.set_default_timeout(WAIT_MS)
    yield Tabs(context)
    context.close()


@pytest.fixture
def tabs(module_tabs: Tabs, request: pytest.FixtureRequest, output_path: str) -> Iterator[Tabs]:
    """The module's shared tabs; on failure, a screenshot of each before the next test."""
    yield module_tabs
    screenshot_if_failed(module_tabs.pages, request.node, Path(output_path))


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
