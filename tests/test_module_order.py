"""The order in which make test hands modules to its workers (tests/conftest.py): the modules
that build or open a browser first, the rest largest first, each module's own order kept."""

from __future__ import annotations

from types import SimpleNamespace

from tests.conftest import pytest_collection_modifyitems


def item(nodeid: str, slow: bool = False) -> SimpleNamespace:
    return SimpleNamespace(nodeid=nodeid, get_closest_marker=lambda name: slow or None)


def test_slow_modules_first_then_the_largest_each_in_its_own_order() -> None:
    items = [
        item("tests/test_a.py::one"),
        item("tests/test_b.py::one"),
        item("tests/test_b.py::two"),
        item("tests/test_c.py::one"),
        item("tests/gates/test_d.py::fast"),
        item("tests/gates/test_d.py::slow", slow=True),
        item("tests/test_e.py::one", slow=True),
    ]
    pytest_collection_modifyitems(items)
    assert [i.nodeid for i in items] == [
        "tests/gates/test_d.py::fast",
        "tests/gates/test_d.py::slow",
        "tests/test_e.py::one",
        "tests/test_b.py::one",
        "tests/test_b.py::two",
        "tests/test_a.py::one",
        "tests/test_c.py::one",
    ]
