"""Per-build state shared by the MkDocs hooks: one object, replaced when a new build starts.

mkdocs-static-i18n rebuilds the whole site once per language with the same config object, so every
hook event fires once per language. The first hook's `on_config` of a build calls `start(config)`,
which resets the state when the config is a new one (a new build, or `mkdocs serve` rebuilding);
the other languages of the build find it as it is. The checks then run once per build, their
issues are logged once, and data files the hooks read per page are parsed once. Pure: the build
is any object that identifies it (the hooks pass the MkDocs config)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import SiteConfig, languages_from, ui_problems
from .model import InputError
from .site import SiteReport


@dataclass
class BuildState:
    """What one build has computed so far."""

    build: object
    report: SiteReport | None = None
    logged: bool = False  # the report's issues were logged (once, not once per language)
    parsed: dict[str, Any] = field(default_factory=dict)  # data files read by the hooks

    def report_for(self, run: Callable[[], SiteReport]) -> SiteReport:
        """The checks' report of this build: run them the first time it is asked for."""
        if self.report is None:
            self.report = run()
        return self.report

    def parse(self, key: str, load: Callable[[], Any]) -> Any:
        """A data file's parsed content, read the first time a page of this build needs it."""
        if key not in self.parsed:
            self.parsed[key] = load()
        return self.parsed[key]


_current: list[BuildState] = []


def start(build: object) -> BuildState:
    """The state of this build; a new build (another config object) starts from nothing."""
    if not _current or _current[0].build is not build:
        _current[:] = [BuildState(build)]
    return _current[0]


def latest(build: object) -> SiteReport | None:
    """The report of this build, if the checks ran for it (the compare view marks drift with
    it; a build without the checks hook has none)."""
    return _current[0].report if _current and _current[0].build is build else None


def languages(config: Any) -> tuple[list[str], str]:
    """The built languages and the default one, from the i18n plugin's settings (the hooks pass
    the MkDocs config; read here once, not in each hook)."""
    pair = site_config(config).languages
    return list(pair.both), pair.reference


def site_config(config: Any) -> SiteConfig:
    """The site's settings from the MkDocs config: the language pair from the i18n plugin's
    `languages`, names from `extra: checks:`. Every hook asks here; raises InputError."""
    rel = Path(config.config_file_path or "mkdocs.yml").name
    entries = [
        {"locale": lang.locale, "default": lang.default}
        for lang in config.plugins["i18n"].config.languages
    ]
    return SiteConfig.from_mapping(
        config.extra.get("checks"), rel, languages=languages_from(entries, rel)
    )


def ui(config: Any) -> dict[str, str]:
    """The interface text of the language being built (its `extra.ui`); raises InputError naming
    every missing key."""
    rel = Path(config.config_file_path or "mkdocs.yml").name
    text = config.extra.get("ui")
    problems = ui_problems(text, current_language(config), rel)
    if problems:
        raise InputError(problems)
    return dict(text)


def current_language(config: Any) -> str:
    """The language being built: the i18n plugin's current language (it also sets
    theme.language, but only for the Material theme)."""
    i18n = config.plugins.get("i18n")
    return str(
        getattr(i18n, "current_language", None)
        or config.theme.get("language")
        or site_config(config).languages.reference
    )
