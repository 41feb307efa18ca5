"""The seams that bit before: the core under two import names, and a hook importing a hook
(MkDocs loads each hook file as its own module, so an imported hook runs twice)."""

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
