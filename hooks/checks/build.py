"""One run of the checks per build, shared by the MkDocs hooks.

mkdocs-static-i18n rebuilds the whole site once per language with the same config object, so every
hook event fires once per language. Both hooks ask for the report of the current build; the checks
run for the first language and the other languages reuse the result. Pure: the build is any object
that identifies it (the hooks pass the MkDocs config)."""

from __future__ import annotations

from collections.abc import Callable

from .site import SiteReport

_last: list[tuple[object, SiteReport]] = []  # the build the report belongs to, and the report


def report_for(build: object, run: Callable[[], SiteReport]) -> SiteReport:
    """The report of this build: run the checks the first time it is asked for, then reuse it."""
    if _last and _last[0][0] is build:
        return _last[0][1]
    report = run()
    _last[:] = [(build, report)]
    return report


def latest(build: object) -> SiteReport | None:
    """The report of this build, if the checks ran for it (the compare view marks drift with
    it; a build without the checks hook has none)."""
    return _last[0][1] if _last and _last[0][0] is build else None
