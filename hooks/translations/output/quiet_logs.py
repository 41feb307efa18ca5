"""A build log of problems and a short summary, not the plugins' chatter.

mkdocs-static-i18n logs its configuration at INFO on every build and jieba logs its dictionary
loading; neither is a problem to act on. A filter drops their records below WARNING unless the
engine's logger is at DEBUG (``--verbose``), so strict mode counts what it counted before. Under
ProperDocs (which answers ``import mkdocs`` with itself) the loggers are under ``properdocs``.
"""

from __future__ import annotations

import importlib
import logging


def engine() -> str:
    """The root logger name of the engine running the build: ``mkdocs`` or ``properdocs``."""
    return importlib.import_module("mkdocs").__name__


# Logger (and its children) -> the lowest level shown without --verbose.
QUIET = {
    "{engine}.plugins.mkdocs_static_i18n": logging.WARNING,  # configuration overrides, progress
    "jieba": logging.INFO,  # "Building prefix dict ...", "Loading model cost ..."
}


class BelowLevelUnlessVerbose(logging.Filter):
    """Drops a record below ``level`` unless the engine's logger ``root`` is at DEBUG."""

    def __init__(self, level: int, root: str = "mkdocs") -> None:
        super().__init__()
        self.level = level
        self.root = root

    def filter(self, record: logging.LogRecord) -> bool:
        verbose = logging.getLogger(self.root).isEnabledFor(logging.DEBUG)
        return record.levelno >= self.level or verbose


def quiet_loggers(quiet: dict[str, int] = QUIET) -> list[str]:
    """Filter each named logger and its children created so far (a logger's filter sees only the
    records logged on that logger); returns the loggers filtered."""
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
