"""A build log a maintainer reads: the problems and a short summary, not the plugins' chatter.

mkdocs-static-i18n logs its configuration at INFO on every build (each `extra.ui` text it
overrides, each alternate link it would like written otherwise) and jieba logs its dictionary
loading straight to stderr. Neither is a problem to act on. A filter on their loggers drops
those records below WARNING; ``mkdocs build --verbose`` (the ``mkdocs`` logger at DEBUG) shows
them all again. Warnings and errors always pass, so strict mode counts what it counted before.

The engine names the loggers: under ProperDocs (which answers ``import mkdocs`` with itself) a
plugin's logger is ``properdocs.plugins.<name>`` and --verbose sets ``properdocs`` to DEBUG.
"""

from __future__ import annotations

import importlib
import logging


def engine() -> str:
    """The root logger name of the engine running the build: ``mkdocs`` or ``properdocs``."""
    return importlib.import_module("mkdocs").__name__


# Logger (and its children), below the engine's for a plugin -> the lowest level shown
# without --verbose.
QUIET = {
    "{engine}.plugins.mkdocs_static_i18n": logging.WARNING,  # configuration overrides, progress
    "jieba": logging.INFO,  # "Building prefix dict ...", "Loading model cost ..."
}


class BelowLevelUnlessVerbose(logging.Filter):
    """Drops a record below ``level`` unless MkDocs runs with --verbose."""

    def __init__(self, level: int, root: str = "mkdocs") -> None:
        super().__init__()
        self.level = level
        self.root = root  # the engine's logger, at DEBUG under --verbose

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level or logging.getLogger(self.root).isEnabledFor(
            logging.DEBUG
        )


def quiet_loggers(quiet: dict[str, int] = QUIET) -> list[str]:
    """Put the filter on each named logger and on every child logger created so far (a filter on
    a logger sees only the records logged on that logger); returns the loggers filtered."""
    names = list(logging.Logger.manager.loggerDict)
    root = engine()
    done = []
    for pattern, level in quiet.items():
        prefix = pattern.format(engine=root)
        for name in [prefix, *(n for n in names if n.startswith(prefix + "."))]:
            logger = logging.getLogger(name)
            if not any(isinstance(f, BelowLevelUnlessVerbose) for f in logger.filters):
                logger.addFilter(BelowLevelUnlessVerbose(level, root))
            done.append(name)
    return done
