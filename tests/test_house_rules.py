"""The seams that bit before: the core under two import names, a hook importing a hook (MkDocs
loads each hook file as its own module, so an imported hook runs twice), and hooks keeping their
own per-build state beside checks.build's."""

from __future__ import annotations

import re

import yaml

from tests.sitebuild import REPO

IMPORT_RE = re.compile(r"^\s*(?:from|import)\s+(?P<module>[\w.]+)", re.MULTILINE)


def _imports(folder: str) -> dict[str, set[str]]:
    return {
        path.relative_to(REPO).as_posix(): set(IMPORT_RE.findall(path.read_text("utf-8")))
        for path in sorted((REPO / folder).rglob("*.py"))
    }


def test_hooks_tests_and_bench_import_the_core_as_checks() -> None:
    found = {
        path: sorted(m for m in modules if m == "hooks" or m.startswith("hooks."))
        for folder in ("hooks", "tests", "bench")
        for path, modules in _imports(folder).items()
    }
    assert {path: mods for path, mods in found.items() if mods} == {}


def test_no_hook_imports_another_hook() -> None:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    hooks = {hook.removeprefix("hooks/").removesuffix(".py") for hook in config["hooks"]}
    assert len(hooks) >= 3
    imported = {
        path: sorted(modules & hooks)
        for path, modules in _imports("hooks").items()
        if not path.startswith("hooks/checks/")
    }
    assert {path: mods for path, mods in imported.items() if mods} == {}


# A module-level name bound to a mutable container or counter: state kept outside checks.build.
MODULE_STATE_RE = re.compile(
    r"^(?P<name>_?[a-z_]+)\s*(?::[^=\n]+)?=\s*(?:\{|\[|0\b|dict\(|list\()", re.MULTILINE
)


def test_hooks_keep_no_state_of_their_own() -> None:
    """Per-build state has one owner, checks.build, reset when a new build starts."""
    found = {
        path.relative_to(REPO).as_posix(): MODULE_STATE_RE.findall(path.read_text("utf-8"))
        for path in sorted((REPO / "hooks").glob("*.py"))
    }
    assert {path: names for path, names in found.items() if names} == {}
    planted = 'log = 1\n_state: dict[str, Any] = {"depth": 0}\n'
    assert MODULE_STATE_RE.findall(planted) == ["_state"]  # the rule can fire
