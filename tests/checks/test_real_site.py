"""The real site (docs/ and data/ of this repository) passes the checks cleanly."""

from __future__ import annotations

import pytest

from translations.checks.report import check_site
from translations.model import InputError

from .conftest import REPO


@pytest.mark.skipif(not (REPO / "docs" / "en").is_dir(), reason="docs/en does not exist yet")
def test_real_site_has_no_issues() -> None:
    try:
        report = check_site(REPO)
    except InputError as error:
        pytest.fail("input errors:\n" + "\n".join(error.problems))
    assert [str(issue) for issue in report.issues] == []
