"""The core's modules import each other without a cycle (a type-only import counts too): each
can be read, and moved, after the ones it uses."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import REPO

CORE = REPO / "hooks" / "checks"


def imports(path: Path) -> set[str]:
    """The core modules one module imports, relatively (`from translations.checks.facts import …`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for other in sorted(graph.get(node, ())):
            if state.get(other) == "open":
                found.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, [*path, other])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_core_has_no_import_cycle() -> None:
    graph = {path.stem: imports(path) for path in CORE.glob("*.py")}
    assert cycles(graph) == []


def test_control_a_cycle_is_found() -> None:
    assert cycles({"facts": {"markdown"}, "markdown": {"facts"}}) == [
        ["facts", "markdown", "facts"]
    ]
