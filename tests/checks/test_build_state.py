"""One owner of per-build state: the languages of one build share it, a new build starts afresh."""

from __future__ import annotations

from checks import build


def test_the_languages_of_a_build_share_one_state_and_a_new_build_resets_it() -> None:
    first, second = object(), object()
    runs: list[str] = []
    state = build.start(first)
    state.parse("paths", lambda: runs.append("first") or "parsed")
    assert build.start(first) is state  # the next language of the same build
    assert build.start(first).parse("paths", lambda: runs.append("again")) == "parsed"
    fresh = build.start(second)  # a new config object: a new build (or `mkdocs serve` rebuilding)
    assert fresh is not state and fresh.report is None and not fresh.logged
    fresh.parse("paths", lambda: runs.append("second"))
    assert runs == ["first", "second"]
    assert build.latest(first) is None  # the old build's report is gone with it
