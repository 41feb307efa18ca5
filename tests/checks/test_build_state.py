"""One owner of per-build state: the languages of one build share it, a new build starts afresh."""

from __future__ import annotations

from translations.lifecycle import build


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


def test_nested_language_builds_end_once_per_hook_and_a_new_build_counts_afresh() -> None:
    config = object()
    state = build.start(config)
    state.enter("csp")  # the default language's build
    state.enter("csp")  # the other language, built inside the default one's on_post_build
    state.enter("site_hooks")
    assert not state.leave("csp")  # the inner language ends: the site is not complete yet
    assert state.leave("site_hooks")  # each hook counts its own events
    assert state.leave("csp")  # the outer one: every language is written
    state.of("csp")["sources"] = {"index.html": "en/index.md"}
    assert build.start(config).of("csp") == {"sources": {"index.html": "en/index.md"}}
    again = build.start(object())  # a build that failed half-way leaves nothing behind
    assert again.of("csp") == {} and again.depth == {}


def test_the_command_of_the_process_reaches_every_new_build() -> None:
    try:
        build.startup("serve")
        assert build.start(object()).command == "serve"
    finally:
        build.startup("build")
    assert build.start(object()).command == "build"
