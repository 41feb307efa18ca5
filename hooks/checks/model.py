"""Records shared by every check: an issue names a place in a file and, when it is about a
mismatch, the place on the other side that disagrees."""

from __future__ import annotations

from dataclasses import dataclass

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


class InputError(Exception):
    """Input the checks cannot read (bad YAML, bad encoding, empty page, unknown marker).

    Carries every problem found so that one run shows them all."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems

    @classmethod
    def at(cls, path: str, line: int, message: str) -> InputError:
        return cls([f"{path}:{line}: {message}"])
