"""Records shared by every check: an issue names a place in a file and, when it is about a
mismatch, the place on the other side that disagrees."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Fact kinds compared as numbers ("3 does not match 4" across them).
NUMERIC_KINDS = frozenset({"number", "money", "percent", "multiplier", "date"})


@dataclass(slots=True)
class Fact:
    """A fact as written, with the key it is compared by."""

    kind: str  # number, money, percent, multiplier, date, code, url, path, tag, brand, misspelt
    key: str
    text: str
    line: int
    soft: bool = False
    value: float | Decimal | None = None  # numeric value, for price and multiplier checks

    @property
    def group(self) -> str:
        """Facts of one group are paired as "X does not match Y" in messages."""
        return "number" if self.kind in NUMERIC_KINDS else self.kind

    @property
    def shown(self) -> str:
        return f"`{self.text}`" if self.kind == "code" else self.text


def plural(count: int, noun: str) -> str:
    """`1 section`, `2 sections`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


# Rules whose issues count as translation parity problems in `status`.
PARITY_RULES = frozenset({"parity", "facts", "glossary", "links"})


@dataclass(frozen=True)
class Issue:
    """One content problem; strict builds fail on it, `make check` exits 1."""

    path: str
    line: int
    message: str
    other_path: str | None = None
    other_line: int | None = None
    other_message: str = ""
    rule: str = ""
    page: str = ""  # the page name ("guides/x.md") it belongs to, "" for data files

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        if self.other_path is not None:
            other = f": {self.other_message}" if self.other_message else ""
            text += f" ({self.other_path}:{self.other_line}{other})"
        return text


# What one run shows of its input errors (CONTRIBUTING.md, "Budgets"): the first problems, each
# cut to one bounded line, then how many more. A file built to produce errors cannot flood a log.
MAX_PROBLEMS = 100
MAX_PROBLEM_CHARS = 1000


class InputError(Exception):
    """Input the checks cannot read (bad YAML, bad encoding, empty page, unknown marker): every
    problem found, each cut to one bounded line, so that one run shows them all."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = [_bounded(problem) for problem in problems]
        self.count = len(self.problems)
        super().__init__("\n".join(self.shown))

    @property
    def shown(self) -> list[str]:
        more = self.count - MAX_PROBLEMS
        tail = [f"… and {more} more input error(s) not shown"] if more > 0 else []
        return self.problems[:MAX_PROBLEMS] + tail

    @classmethod
    def at(cls, path: str, line: int, message: str) -> InputError:
        return cls([f"{path}:{line}: {message}"])


def _bounded(problem: str) -> str:
    if len(problem) <= MAX_PROBLEM_CHARS:
        return problem
    return f"{problem[: MAX_PROBLEM_CHARS - 30]}… ({len(problem):,} characters in all)"
