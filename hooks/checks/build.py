"""Per-build state shared by the MkDocs hooks: one object, replaced when a new build starts.

mkdocs-static-i18n rebuilds the whole site once per language with the same config object, so every
hook event fires once per language. Each hook asks for the state with `start(config)`; the first
call of a build (a new config object: a new build, or `mkdocs serve` rebuilding) replaces it, and
the other languages of the build find it as it is. It holds everything a hook keeps between
events: the checks' report (run once per build, its issues logged once), data files parsed once,
each hook's own collections (`of(hook)`), and how deep the nested language builds are
(`enter`/`leave`: the default language's `on_post_build` holds the others'). No hook keeps state
of its own. Pure: the build is any object that identifies it (the hooks pass the MkDocs config)."""

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
    command: str = "build"  # the mkdocs command of this process: build, serve, gh-deploy
    report: SiteReport | None = None
    site: SiteConfig | None = None  # the site's settings, read from the config once
    logged: bool = False  # the report's issues were logged (once, not once per language)
    parsed: dict[str, Any] = field(default_factory=dict)  # data files read by the hooks
    hooks: dict[str, dict[str, Any]] = field(default_factory=dict)  # each hook's own values
    depth: dict[str, int] = field(default_factory=dict)  # per hook: language builds under way

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

    def of(self, hook: str) -> dict[str, Any]:
        """One hook's values for this build (pages it collected, a file it keeps aside)."""
        return self.hooks.setdefault(hook, {})

    def enter(self, hook: str) -> None:
        """A language build starts (the hook's `on_pre_build`)."""
        self.depth[hook] = self.depth.get(hook, 0) + 1

    def leave(self, hook: str) -> bool:
        """A language build ends (the hook's `on_post_build`); True after the last one, when
        every language of the site is written."""
        self.depth[hook] = self.depth.get(hook, 0) - 1
        return self.depth[hook] <= 0


_current: list[BuildState] = []
_command = ["build"]  # set by `startup`: the process's mkdocs command


def startup(command: str) -> None:
    """The hooks' `on_startup`: which command this process runs (`serve` rebuilds on save)."""
    _command[0] = command


def start(build: object) -> BuildState:
    """The state of this build; a new build (another config object) starts from nothing."""
    if not _current or _current[0].build is not build:
        _current[:] = [BuildState(build, command=_command[0])]
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
    `languages`, names from `extra: checks:`. Every hook asks here, for every page; read once per
    build. Raises InputError."""
    state = start(config)
    if state.site is None:
        state.site = _read_site_config(config)
    return state.site


def _read_site_config(config: Any) -> SiteConfig:
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
