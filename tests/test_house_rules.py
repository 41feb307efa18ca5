"""The seams that bit before: the core under two import names, MkDocs leaking into the pure core,
and per-build state kept in a module instead of on the plugin instance."""

from __future__ import annotations

import ast
import re

from tests.sitebuild import REPO

PACKAGE = REPO / "hooks" / "translations"
# The two modules that face MkDocs; everything else is the pure core.
ADAPTERS = {"plugin.py", "options.py"}
MKDOCS_RE = re.compile(r"^(mkdocs|material|mkdocs_static_i18n|properdocs)(\.|$)")


def imported(source: str) -> set[str]:
    """The absolute modules a module imports, anywhere in it (inside functions too)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def _imports(folder: str) -> dict[str, set[str]]:
    return {
        path.relative_to(REPO).as_posix(): imported(path.read_text("utf-8"))
        for path in sorted((REPO / folder).rglob("*.py"))
    }


def test_hooks_tests_and_bench_import_the_core_as_translations() -> None:
    found = {
        path: sorted(m for m in modules if m.split(".")[0] in {"hooks", "checks"})
        for folder in ("hooks", "tests", "bench")
        for path, modules in _imports(folder).items()
    }
    assert {path: mods for path, mods in found.items() if mods} == {}


def test_the_core_imports_nothing_from_mkdocs() -> None:
    found = {
        path: sorted(m for m in modules if MKDOCS_RE.match(m))
        for path, modules in _imports("hooks/translations").items()
        if path.rsplit("/", 1)[-1] not in ADAPTERS
    }
    assert {path: mods for path, mods in found.items() if mods} == {}
    planted = "def f():\n    from material.plugins.search import plugin\n"
    assert any(MKDOCS_RE.match(m) for m in imported(planted))  # the rule can fire


# A module-level name bound to a mutable container or counter: state kept outside the plugin.
MODULE_STATE_RE = re.compile(
    r"^(?P<name>_?[a-z_]+)\s*(?::[^=\n]+)?=\s*(?:\{|\[|0\b|dict\(|list\()", re.MULTILINE
)


def test_no_module_keeps_state_of_its_own() -> None:
    """Per-build state has one owner, the plugin instance, made anew for each build."""
    found = {
        path.relative_to(REPO).as_posix(): MODULE_STATE_RE.findall(path.read_text("utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    assert {path: names for path, names in found.items() if names} == {}
    planted = 'log = 1\n_state: dict[str, Any] = {"depth": 0}\n'
    assert MODULE_STATE_RE.findall(planted) == ["_state"]  # the rule can fire
