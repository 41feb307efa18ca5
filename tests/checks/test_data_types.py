"""No traceback for any wrong type in any data file: every value of every data file of this site
(every field the files can hold is used there) is replaced, one at a time, by a value of another
type, and the checks must either accept it or refuse it as an InputError naming the file and a
line; never another exception. Each case reads the data files, sets up every check that
depends on them and reads the sources file as the build does (the pages are the clean
fixture's: reading this site's 68 pages per case would take minutes)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from translations.checks.report import _Checker
from translations.checks.sources import load_sources
from translations.model import InputError
from translations.options import read_site_config
from translations.read.data import load_data

from .conftest import REPO

pytestmark = pytest.mark.slow  # about 200 cases, 12 s in one process

# What a value is replaced by: a branch by a number, a scalar by a mapping holding a list.
WRONG_FOR_BRANCH, WRONG_FOR_SCALAR = 7, {"x": [1]}


def shape(value: Any) -> str:
    """The structure of a value without its keys and words: what a wrong type meets there."""
    if isinstance(value, dict):
        return f"map{sorted({shape(v) for v in value.values()})}"
    if isinstance(value, list):
        return f"list{sorted({shape(v) for v in value})}"
    return type(value).__name__


MANY = 8  # a mapping with this many keys maps names to entries (articles, pages), not fields


def paths(value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a parsed YAML document, leaves and branches; of a list, the first item and
    every key any of its items has (`features[0].plans.Enterprise` stands for every row); of a
    mapping of MANY or more names, each entry whose shape no earlier entry has (130 articles of
    the same three fields are one case, as a list's rows are). A record's fields all stay."""
    if at:
        yield at
    if isinstance(value, dict):
        seen_shapes: set[str] = set()
        for key, item in value.items():
            if len(value) >= MANY and isinstance(item, (dict, list)):
                if shape(item) in seen_shapes:
                    continue
                seen_shapes.add(shape(item))
            yield from paths(item, (*at, key))
    elif isinstance(value, list) and value:
        seen = set()
        for item in value:
            for place in paths(item, (*at, 0)):
                if place not in seen:
                    seen.add(place)
                    yield place


def replaced(data: Any, at: tuple[Any, ...], new: Any) -> Any:
    """The document with the value at `at` replaced; a list index 0 means each item that has
    the rest of the path (so a key only some items have is replaced where it stands)."""
    if not at:
        return new
    head, rest = at[0], at[1:]
    if isinstance(data, dict):
        return {k: replaced(v, rest, new) if k == head else v for k, v in data.items()}
    if isinstance(data, list):
        return [replaced(v, rest, new) if _has(v, rest) else v for v in data]
    return data


def _has(value: Any, at: tuple[Any, ...]) -> bool:
    for key in at:
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and value:
            value = value[0]
        else:
            return False
    return True


DATA = REPO / "data"
# Each data file parsed once, and written back once as every case writes the files it leaves
# alone: a case then dumps only the file it changes (parsing and dumping every file in every
# case was three quarters of the cases' time). ``replaced`` builds new containers along the
# path it changes, so the parsed documents are shared, never modified.
PARSED = {p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(DATA.glob("*.yml"))}
CASES = [(name, at) for name, data in PARSED.items() for at in paths(data)]
CONFIG = read_site_config(REPO)


def dump(data: Any) -> str:
    """``yaml.safe_dump(data, allow_unicode=True)`` by libyaml: the same text, a fifth of the
    time (test_the_fast_dump_writes_what_safe_dump_writes)."""
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)


@functools.cache
def dumped() -> dict[str, str]:
    """Every data file as a case writes it when it leaves the file alone."""
    return {name: dump(data) for name, data in PARSED.items()}


def value_at(data: Any, at: tuple[Any, ...]) -> Any:
    """The value at `at`; of a list, in the first item that has the rest of the path."""
    for position, key in enumerate(at):
        if isinstance(data, list):
            data = next(item for item in data if _has(item, at[position + 1 :]))
        else:
            data = data[key]
    return data


@pytest.mark.parametrize(("name", "at"), CASES, ids=lambda v: str(v))
def test_a_wrong_type_is_an_input_error_or_accepted(
    tmp_path: Path, name: str, at: tuple[Any, ...]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for other, text in dumped().items():
        (folder / other).write_text(text, "utf-8")
    data = PARSED[name]
    branch = isinstance(value_at(data, at), (dict, list))
    data = replaced(data, at, WRONG_FOR_BRANCH if branch else WRONG_FOR_SCALAR)
    (folder / name).write_text(dump(data), "utf-8")
    try:
        data = load_data(folder, "data", CONFIG)
        _Checker(tmp_path, tmp_path / "docs", data, {"en": set(), "zh": set()}, CONFIG)
        load_sources(folder / CONFIG.sources_file, f"data/{CONFIG.sources_file}")
    except InputError as error:
        assert all(re.match(r"[\w./-]+:\d+: ", problem) for problem in error.problems)


@pytest.mark.parametrize("name", PARSED)
def test_the_fast_dump_writes_what_safe_dump_writes(name: str) -> None:
    # the cases write their files with libyaml; PyYAML's own emitter gives the same bytes, for
    # the files as they are and with a wrong type planted (checked for every case once, when
    # the C dumper replaced it); a difference would change what the cases feed the checks
    at = next(paths(PARSED[name]))
    for data in (PARSED[name], replaced(PARSED[name], at, WRONG_FOR_SCALAR)):
        assert dump(data) == yaml.safe_dump(data, allow_unicode=True)
    assert dump({"a": "é"}) != yaml.safe_dump({"a": "é"})  # control: allow_unicode is passed
