"""Shared helpers: fixture trees copied into tmp_path (pyproject.toml puts hooks/ on the path, so
the core imports as `checks`, the name the hooks use)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from translations.checks.facts import FactExtractor
from translations.checks.parity import compare_pages
from translations.config import SiteConfig
from translations.lifecycle.staleness import stamp_pages
from translations.read.markdown import Page, parse_page
from translations.read.source import split_front_matter

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN = FIXTURES / "clean"
DEFECTS = FIXTURES / "defects"
RELATED = SiteConfig().related_skills_page  # where skill mentions link, by default
TODAY = dt.date(2026, 6, 1)  # the fixtures' prices (as of 2026-03-01) are fresh on this day

# The plugins of a tiny bilingual build (en + zh folders), the translations plugin last without
# its exports or CSP: a test's MKDOCS_YML holds `{plugins}` and adds the plugin's other options.
PLUGINS = """\
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: zh, name: 中文, build: true}
  - translations:
      export: false
      csp: false
"""


def make_tree(tmp_path: Path, case: str | None = None) -> tuple[Path, dict]:
    """The clean fixture in tmp_path, with a defect case laid over it; returns (root, case options).

    Overlay files replace their clean versions; `case.yml` may `delete:` files, set `today:`, or
    set `restamp: false` (otherwise Chinese pages are restamped, so an edit of an English page is
    not also reported as an outdated translation)."""
    root = tmp_path / "site-src"
    shutil.copytree(CLEAN, root)
    options: dict = {}
    if case is not None:
        case_dir = DEFECTS / case
        for path in case_dir.rglob("*"):
            rel = path.relative_to(case_dir)
            if path.is_file() and rel.name not in ("expected.txt", "case.yml"):
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, root / rel)
        if (case_dir / "case.yml").exists():
            options = yaml.safe_load((case_dir / "case.yml").read_text("utf-8")) or {}
        for rel in options.get("delete", []):
            (root / rel).unlink()
        if options.get("restamp", True):
            stamp_pages(root / "docs", [])
    return root, options


@pytest.fixture
def clean_tree(tmp_path: Path) -> Path:
    return make_tree(tmp_path)[0]


def read_page(lang: str, body: str, extractor: FactExtractor | None = None) -> Page:
    """A page read and its facts extracted, as the site check does (`docs/<lang>/p.md`)."""
    page = parse_page(split_front_matter(body, f"docs/{lang}/p.md"), lang, "p.md")
    facts = (extractor or FactExtractor()).extract_page(page.sections, page.prose)
    for section, found in zip(page.sections, facts, strict=True):
        section.facts = found
    return page


def pair_issues(en_body: str, zh_body: str, extractor: FactExtractor | None = None) -> list[str]:
    """Every parity issue of a page pair, as `make check` prints it."""
    en, zh = read_page("en", en_body, extractor), read_page("zh", zh_body, extractor)
    return [str(issue) for issue in compare_pages(en, zh)]
