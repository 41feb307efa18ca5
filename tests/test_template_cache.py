"""The compiled templates a build keeps for its next language and the next `mkdocs serve` rebuild
(translations.plugin._CompiledTemplates): reused while a template is unchanged, never after."""

from __future__ import annotations

import jinja2
import pytest

from translations.plugin import _CompiledTemplates


def _render(cache: jinja2.BytecodeCache | None, source: str, compiled: list[str]) -> str:
    """A fresh environment, as MkDocs makes one per language build, rendering one template."""

    class Counting(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[override]
            compiled.append(name or "")
            return super().compile(source, name, filename, raw, defer_init)

    env = Counting(loader=jinja2.DictLoader({"main.html": source}), bytecode_cache=cache)
    return env.get_template("main.html").render(title="Deals")


def test_a_second_environment_reuses_the_compiled_template() -> None:
    cache, compiled = _CompiledTemplates(), []
    assert _render(cache, "<h1>{{ title }}</h1>", compiled) == "<h1>Deals</h1>"
    assert _render(cache, "<h1>{{ title }}</h1>", compiled) == "<h1>Deals</h1>"
    assert compiled == ["main.html"]


def test_without_the_cache_every_environment_compiles_again() -> None:
    compiled: list[str] = []
    _render(None, "<h1>{{ title }}</h1>", compiled)
    _render(None, "<h1>{{ title }}</h1>", compiled)
    assert compiled == ["main.html", "main.html"]


@pytest.mark.parametrize("edited", ["<h2>{{ title }}</h2>", "<h1>{{ title|upper }}</h1>"])
def test_an_edited_template_is_compiled_and_rendered_anew(edited: str) -> None:
    cache, compiled = _CompiledTemplates(), []
    _render(cache, "<h1>{{ title }}</h1>", compiled)
    assert _render(cache, edited, compiled) == jinja2.Template(edited).render(title="Deals")
    assert compiled == ["main.html", "main.html"]
