"""One build for every process of a test session (tests.sitebuild.shared_build): under xdist each
worker asks for the real site; the first builds it, the others wait at the lock and read it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.sitebuild import Build, shared_build


def test_concurrent_callers_get_one_build(tmp_path: Path) -> None:
    made: list[Path] = []

    def make(folder: Path) -> Build:
        made.append(folder)
        time.sleep(0.3)  # long enough for the other callers to arrive at the lock
        return Build(0, "built once", folder / "site")

    results: list[Build] = []
    callers = [
        threading.Thread(target=lambda: results.append(shared_build("x", make, folder=tmp_path)))
        for _ in range(3)
    ]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    assert made == [tmp_path / "x"]
    assert results == [Build(0, "built once", tmp_path / "x" / "site")] * 3


def test_a_failed_build_is_shared_too(tmp_path: Path) -> None:
    # each fixture asserts on the outcome, so every worker reports the failure with its log
    first = shared_build("y", lambda folder: Build(1, "ERROR - broken", folder), folder=tmp_path)
    again = shared_build("y", lambda folder: Build(0, "not asked", folder), folder=tmp_path)
    assert first == again == Build(1, "ERROR - broken", tmp_path / "y")
