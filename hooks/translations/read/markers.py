"""Invisible markers: HTML comments that stand where generated content goes.

A comment is a marker when it is `<!-- name:arg -->`, or `<!-- name -->` with a registered name.
Other comments are ordinary and ignored. A marker with an unregistered name or argument stops the
build (strict dispatch), so a typo cannot silently leave a page without its table."""

from __future__ import annotations

import re

# name -> accepted arguments; None accepts any argument (or none), handled by another hook.
KNOWN_MARKERS: dict[str, frozenset[str] | None] = {
    "pricing": frozenset({"plans", "addons", "matrix", "example"}),
    "glossary": frozenset({"terms"}),
    "pathfinder": None,
}

# An HTML comment, possibly over several lines: its text (markers are comments).
COMMENT = r"<!--(?P<comment>.*?)-->"
COMMENT_RE = re.compile(COMMENT, re.DOTALL)
# The inside of a comment that looks like a marker: `name` or `name:arg`, nothing else (an
# address, `<!-- https://... -->`, is a note, not a marker).
MARKER = r"(?P<name>[a-z][a-z0-9_-]*)(?::(?P<arg>(?!//)\S*))?"
MARKER_RE = re.compile(MARKER)
# A whole marker comment, for rewriting Markdown.
MARKER_COMMENT_RE = re.compile(rf"<!--[ \t]*{MARKER}[ \t]*-->")
# A line that is one comment, marker or not: `<!-- pathfinder -->`, `<!-- material/tags -->`.
COMMENT_LINE_RE = re.compile(r"^[ \t]*<!--[ \t]*(?P<name>[^\s>]+?)[ \t]*-->[ \t]*$")
# A line that is the marker of a widget rendered once per language (the path finder, Material's
# tag listing, which may carry options after its name).
WIDGET_LINE_RE = re.compile(
    r"^<!--[ \t]*(?P<name>pathfinder|material/tags)\b.*?-->[ \t]*$", re.MULTILINE
)
# A line that is the path finder's marker, exactly (the hook that renders it replaces only this).
PATHFINDER_LINE_RE = re.compile(r"^<!--[ \t]*pathfinder[ \t]*-->[ \t]*$", re.MULTILINE)


def is_marker(name: str, arg: str | None) -> bool:
    """Whether a comment is meant as a marker (and must then be a known one)."""
    return name in KNOWN_MARKERS or arg is not None


def known_labels() -> str:
    labels = []
    for name, args in KNOWN_MARKERS.items():
        labels.extend([name] if args is None else (f"{name}:{arg}" for arg in sorted(args)))
    return ", ".join(labels)


def marker_problem(name: str, arg: str | None) -> str | None:
    """Why a marker is not valid, or None."""
    args = KNOWN_MARKERS.get(name, frozenset())
    if args is None or arg in args:
        return None
    label = name if arg is None else f"{name}:{arg}"
    return f"unknown marker <!-- {label} -->; known markers: {known_labels()}"
