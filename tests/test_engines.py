"""The engines this site builds on: MkDocs 1.6 (the one `make build` runs) and ProperDocs, the
maintained fork of MkDocs 1.6 (MkDocs has had no release since 2024). The same sources built
with ProperDocs give the same site, byte for byte, but for the generator meta tag, and the same
quiet log."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gates.test_reproducible import build_date, epoch
from tests.gates.tools import tree_differences
from tests.sitebuild import REPO, Build

pytestmark = pytest.mark.slow

PROPERDOCS = Path(sys.executable).with_name("properdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')  # names the engine


def without_generator(path: Path) -> bytes:
    return GENERATOR.sub(b"", path.read_bytes())


def engine_differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two built trees once the generator tag is left out."""
    return [
        p for p in tree_differences(a, b) if without_generator(a / p) != without_generator(b / p)
    ]


def test_properdocs_builds_the_same_site(real_site: Build, tmp_path: Path) -> None:
    from tests.conftest import real_site_book_cache

    config = real_site.site.parent / "mkdocs.yml"  # the session build's own config
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch(build_date(real_site.site))),
        # the session build's PDFs: reused only if the print HTML is the same too
        "BOOK_CACHE_DIR": str(real_site_book_cache(real_site.site.parent.parent)),
    }
    proc = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "--clean", "-f", str(config), "-d", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    differing = tree_differences(real_site.site, tmp_path)
    assert differing, "nothing differs: the generator tag should name ProperDocs"
    assert engine_differences(real_site.site, tmp_path) == []
    assert b"ProperDocs" in (tmp_path / "index.html").read_bytes()
    # the same quiet log (hooks/translations/output/quiet_logs.py knows ProperDocs' logger names)
    assert "mkdocs_static_i18n: Overriding" not in proc.stderr, proc.stderr


def test_the_comparison_sees_a_difference_beyond_the_generator(
    real_site: Build, tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(real_site.site, copy)
    page = copy / "zh" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</article>", b"<p>x</p></article>", 1))
    assert engine_differences(real_site.site, copy) == ["zh/index.html"]
