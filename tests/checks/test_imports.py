"""The core's modules import each other without a cycle (a type-only import counts too): each
can be read, and moved, after the ones it uses."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import REPO

PACKAGE = REPO / "hooks" / "translations"


def module_name(path: Path) -> str:
    """`translations.checks.facts` for hooks/translations/checks/facts.py."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The package's modules one module imports (`from translations.checks.facts import …`)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("translations."):  # a module, or a package's modules
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("translations."))
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
    graph = {module_name(path): imports(path) for path in PACKAGE.rglob("*.py")}
    assert len(graph) > 30 and "translations.checks.facts" in graph
    assert cycles(graph) == []


def test_control_a_cycle_is_found() -> None:
    assert cycles({"facts": {"markdown"}, "markdown": {"facts"}}) == [
        ["facts", "markdown", "facts"]
    ]
