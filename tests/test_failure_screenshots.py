"""A failed browser test leaves a full-page screenshot of each of its pages; a passing one none
(tests/conftest.py: screenshot_if_failed, in place of pytest-playwright's shoot-then-delete)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.conftest import REPORTS, screenshot_if_failed


class Page:
    """Records the screenshots asked of it, and writes the file as Playwright does."""

    def __init__(self) -> None:
        self.asked: list[dict[str, Any]] = []

    def screenshot(self, **options: Any) -> None:
        self.asked.append(options)
        Path(options["path"]).write_bytes(b"\x89PNG")


class ClosedPage:
    def screenshot(self, **options: Any) -> None:
        raise RuntimeError("Target page, context or browser has been closed")


def item(**outcomes: bool) -> Any:
    """A test item whose phases (setup, call) failed or passed as given."""
    node = SimpleNamespace(stash=pytest.Stash())
    node.stash[REPORTS] = {when: SimpleNamespace(failed=bad) for when, bad in outcomes.items()}
    return node


@pytest.mark.parametrize(
    "outcomes", [{"setup": False, "call": True}, {"setup": True}], ids=["call", "setup"]
)
def test_a_failed_test_leaves_a_full_page_screenshot_of_each_page(
    tmp_path: Path, outcomes: dict[str, bool]
) -> None:
    pages = [Page(), ClosedPage(), Page()]
    written = screenshot_if_failed(pages, item(**outcomes), tmp_path)
    assert written == [tmp_path / "test-failed-1.png", tmp_path / "test-failed-3.png"]
    assert all(p.is_file() for p in written)
    assert [shot["full_page"] for page in (pages[0], pages[2]) for shot in page.asked] == [True] * 2


def test_a_passing_test_leaves_none(tmp_path: Path) -> None:
    page = Page()
    assert screenshot_if_failed([page], item(setup=False, call=False), tmp_path) == []
    assert page.asked == [] and list(tmp_path.iterdir()) == []
