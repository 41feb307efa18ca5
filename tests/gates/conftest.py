"""Fixtures of the quality gates: the real site on a local static server, and a faulty tiny site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import session_folder
from tests.gates.tools import build_variant, serve_nginx
from tests.sitebuild import Build, shared_build

# One tiny site holds every planted fault; each negative control asserts that its gate finds
# the fault meant for it. Raw HTML, so that MkDocs' own link validation does not stop the build.
FAULTS = """
## Planted faults {#planted-faults}

<a href="automations.html#no-such-section">A section that does not exist</a>

<a href="no-such-page.html">A page that does not exist</a>

<a href="https://example.com/listed">An external link</a>

<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="gate-no-alt">

<p id="gate-faint" style="color:#d0d0d0">Faint text that few can read.</p>

<script src="https://example.com/x.js"></script>
"""


@pytest.fixture(scope="session")
def faulty_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The two-page fixture tree with the faults above on the English start page."""
    build = shared_build(
        "faulty",
        lambda folder: build_variant(folder, {"en/index.md": FAULTS}),
        folder=session_folder(tmp_path_factory),
    )
    assert build.returncode == 0, f"build of the faulty fixture failed:\n{build.log}"
    return build


@pytest.fixture(scope="session")
def hosted(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site behind Debian's nginx with deploy/nginx.conf on 127.0.0.1; yields its URL."""
    with serve_nginx(real_site.site, tmp_path_factory.mktemp("nginx")) as base:
        yield base
