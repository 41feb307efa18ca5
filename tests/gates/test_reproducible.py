"""Reproducible builds gate: two clean builds of the same sources are byte-identical.

The build's one input from the clock is the build date, which MkDocs writes into sitemap.xml
(<lastmod>) and the header of sitemap.xml.gz; it honours SOURCE_DATE_EPOCH, and `make build`
sets that to the last commit's time. Everything else must come out the same whatever the
hash seed, time zone or output folder.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import real_site_book_cache
from tests.gates.tools import first_difference, tree_differences
from tests.sitebuild import MKDOCS, PROPERDOCS, REPO, Build, build_mini_site, build_real_site

pytestmark = pytest.mark.slow

LASTMOD = re.compile(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>")


def build_date(site) -> str:
    dates = set(LASTMOD.findall((site / "sitemap.xml").read_text(encoding="utf-8")))
    assert len(dates) == 1, dates
    return dates.pop()


def epoch(day: str) -> int:
    return int(dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp())


# Two more builds, each with its own fixed hash seed, time zone and folder. Fixed seeds keep the
# verdict the same on every run of one commit; a choice that hangs on set order differs between
# two seeds half the time, so there are two, and the session's build (random seed) besides.
# The first reuses the session's PDFs (the cache of translations/plugin.py: a build with nothing
# changed), the second renders them anew into an empty cache: both must match byte for byte.
# The first is built on the far side of the date line (UTC+14, where the day turns first: the
# last-updated test below reads its dates); the second on the near side (UTC-8).
# The first is also built by ProperDocs, the maintained fork of MkDocs 1.6 (MkDocs has had no
# release since 2024): the engines test below needs a build by it, and one build serves both
# (a build of its own took 11 s of the test run). Its pages name their engine in the generator
# meta tag, which the comparison leaves out; every other byte must be the same.
# The second segments Chinese for search with jieba itself (SEARCH_SEGMENTER=jieba), where every
# other build uses rjieba (translations/output/segmenter.py): the same bytes show that the two
# segment the site alike (tests/test_segmenter.py compares them word by word; a build of its own
# took 8 s of the test run).
VARIANTS = {
    "ProperDocs, PYTHONHASHSEED=1 TZ=Pacific/Kiritimati": {
        "PYTHONHASHSEED": "1",
        "TZ": "Pacific/Kiritimati",
    },
    "jieba, PYTHONHASHSEED=2 TZ=America/Los_Angeles": {
        "PYTHONHASHSEED": "2",
        "TZ": "America/Los_Angeles",
        "SEARCH_SEGMENTER": "jieba",
    },
}
PROPERDOCS_VARIANT, RENDERING_VARIANT = VARIANTS
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')  # names the engine


def without_generator(path: Path) -> bytes:
    return GENERATOR.sub(b"", path.read_bytes())


def engine_differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two built trees once the generator tag is left out."""
    return [
        p for p in tree_differences(a, b) if without_generator(a / p) != without_generator(b / p)
    ]


@pytest.fixture(scope="module")
def variants(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """The two builds above, made once for the tests of this module."""
    # the same day as the session's build: the clock's only input (see the next test)
    day = {"SOURCE_DATE_EPOCH": str(epoch(build_date(real_site.site)))}
    folder = tmp_path_factory.mktemp("variants")
    builds = {}
    for n, (name, env) in enumerate(VARIANTS.items()):
        # the session build's own PDF cache, or an empty one; passed to this build only (the
        # session may be building other sites meanwhile)
        cache = real_site_book_cache(real_site.site.parent.parent)
        if name == RENDERING_VARIANT:
            cache = folder / f"empty-cache-{n}"
        engine = PROPERDOCS if name == PROPERDOCS_VARIANT else MKDOCS
        # a temporary folder of its own: jieba writes its dictionary cache there (see below)
        tmp = folder / f"tmp-{n}"
        tmp.mkdir()
        builds[name] = build_real_site(
            folder / f"build-{n}",
            book_cache=cache,
            env={**day, **env, "TMPDIR": str(tmp)},
            engine=engine,
        )
    return builds


def test_clean_builds_are_byte_identical(real_site: Build, variants: dict[str, Build]) -> None:
    report = []
    for name, build in variants.items():
        assert build.returncode == 0, build.log
        how = "rendered" if name == RENDERING_VARIANT else "unchanged, reused"
        assert build.log.count(f"PDF pages ({how})") == 2, f"{name}: PDFs not {how}\n{build.log}"
        differences = (
            engine_differences(real_site.site, build.site)
            if name == PROPERDOCS_VARIANT
            else tree_differences(real_site.site, build.site)
        )
        report += [
            f"{name}: {path}: {first_difference(real_site.site / path, build.site / path)}"
            for path in differences[:10]
        ]
        if len(differences) > 10:
            report.append(f"{name}: ... {len(differences)} files differ in all")
    assert report == [], "\n".join(report)


def test_properdocs_builds_the_same_site(real_site: Build, variants: dict[str, Build]) -> None:
    # the engines this site builds on: MkDocs 1.6 (the one `make build` runs) and ProperDocs;
    # the same site byte for byte but the generator tag (the test above), and the same quiet log
    build = variants[PROPERDOCS_VARIANT]
    assert build.returncode == 0, build.log
    assert tree_differences(real_site.site, build.site), "the generator tag should differ"
    assert b"ProperDocs" in (build.site / "index.html").read_bytes()
    # hooks/translations/output/quiet_logs.py knows ProperDocs' logger names
    assert "mkdocs_static_i18n: Overriding" not in build.log, build.log


def test_jieba_and_rjieba_build_the_same_site(real_site: Build, variants: dict[str, Build]) -> None:
    # the byte comparison above covers every file; here, that the jieba build really loaded
    # jieba (jieba caches its dictionary in the build's temporary folder as it loads it; rjieba
    # writes no such file) and that the index is segmented, not one run of characters
    build = variants[RENDERING_VARIANT]
    assert build.returncode == 0, build.log
    tmp = build.site.parent.parent / f"tmp-{list(VARIANTS).index(RENDERING_VARIANT)}"
    assert (tmp / "jieba.cache").is_file(), "jieba did not load its dictionary"
    assert not (tmp.parent / "tmp-0" / "jieba.cache").exists(), "rjieba's build loaded jieba"
    index = (build.site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\u200b线索\u200b评分\u200b" in index


def test_the_engine_comparison_sees_a_difference_beyond_the_generator(
    real_site: Build, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(real_site.site, copy)
    page = copy / "zh" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"</article>", b"<p>x</p></article>", 1))
    assert engine_differences(real_site.site, copy) == ["zh/index.html"]


def test_the_build_date_is_the_only_input_from_the_clock(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Negative control and explanation: builds on two different days differ, in the sitemap's
    # dates and the gzip header only, both pinned by SOURCE_DATE_EPOCH.
    sites = {}
    for day in ("2001-02-03", "2024-05-06"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch(day)))
        build = build_mini_site(tmp_path / day)
        assert build.returncode == 0, build.log
        sites[day] = build.site
    first, second = sites.values()
    assert tree_differences(first, second) == ["sitemap.xml", "sitemap.xml.gz"]
    for day, site in sites.items():
        xml = (site / "sitemap.xml").read_bytes()
        assert build_date(site) == day
        gz = (site / "sitemap.xml.gz").read_bytes()
        assert gzip.decompress(gz) == xml
        assert int.from_bytes(gz[4:8], "little") == epoch(day)  # gzip MTIME field
    undated = [
        LASTMOD.sub("<lastmod>DAY</lastmod>", (s / "sitemap.xml").read_text(encoding="utf-8"))
        for s in sites.values()
    ]
    assert undated[0] == undated[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_build_takes_the_build_date_from_the_last_commit() -> None:
    recipe = subprocess.run(
        ["make", "--dry-run", "build"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    command = recipe.replace("\\\n", " ")  # one shell command over continued lines
    line = next(line for line in command.splitlines() if "mkdocs build" in line)
    assert "SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct" in line


UPDATED = re.compile(r"<p class=\"ac-updated\" data-ac-updated>([^<]+)</p>")


def updated_dates(site) -> dict[str, str]:
    """Page -> its "last updated" line, for every page of both languages that has one."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        match = UPDATED.search(path.read_text(encoding="utf-8"))
        if match:
            found[path.relative_to(site).as_posix()] = match[1]
    return found


def test_last_updated_is_present_and_the_same_in_two_builds(
    real_site: Build, variants: dict[str, Build]
) -> None:
    # issue 26: each page says when it last changed, from git history (lifecycle/updated.py);
    # a second build of the same commit, on the other side of the date line, writes the same date
    first = updated_dates(real_site.site)
    for page in ("automations.html", "zh/automations.html", "plans.html", "zh/faq.html"):
        assert page in first, f"{page} has no last-updated line"
    assert re.fullmatch(r"Last updated: \w+ \d{1,2}, \d{4}", first["plans.html"])
    assert re.fullmatch(r"最后更新：\d{4}年\d{1,2}月\d{1,2}日", first["zh/faq.html"])
    build = variants[PROPERDOCS_VARIANT]
    assert build.returncode == 0, build.log
    second = updated_dates(build.site)
    assert second == first
    # negative control: the comparison sees a page whose date differs
    assert {**second, "plans.html": "Last updated: January 1, 2001"} != first
