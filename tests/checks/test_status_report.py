"""`python -m translations report`: a table per translation language (missing, behind since
DATE, contradicts, up to date, unreadable) with the first finding, as Markdown or JSON, and an
exit code set by --fail-on (missing < behind < contradicts; unreadable fails at every level).
Also what a real repository met (our own imitations): upper-case page names, no glossary file,
a page the checks cannot read, which no longer stops the report for the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.cli import main
from translations.model import InputError
from translations.options import read_site_config

from .test_gitstatus import PAGES, TODAY, V1, V2, commit_all, ordinary_site, replace_in
from .test_lifecycle import git

# A page only the reference has, and one whose translation says 60 where the reference says 90.
MORE = {
    "faq.md": ("# FAQ\n\nAsk on the forum.\n", None),
    "limits.md": ("# Limits\n\nUploads up to 90 MB.\n", "# 限制\n\n上传上限为60 MB。\n"),
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Every state once: index.md behind, limits.md contradicts, faq.md missing, the rest
    up to date; usage/Install.md has an upper-case name, and there is no data/ at all."""
    root = ordinary_site(tmp_path / "site")
    for name, (en, zh) in MORE.items():
        (root / "docs/en" / name).write_text(en, "utf-8")
        if zh is not None:
            (root / "docs/zh" / name).write_text(zh, "utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "v1", V1)
    replace_in(root / "docs/en/index.md", "3 days", "5 days")
    commit_all(root, "v2", V2)
    return root


def report(root: Path, *args: str) -> int:
    return main(["--root", str(root), "--today", TODAY.isoformat(), "report", *args])


def test_each_page_has_its_state_and_first_finding(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report(site, "--format", "json") == 0  # no --fail-on: a report never fails
    doc = json.loads(capsys.readouterr().out)
    rows = {row["page"]: row for row in doc["languages"]["zh"]["rows"]}
    assert {page: row["state"] for page, row in rows.items()} == {
        "limits.md": "contradicts (1 issue)",
        "index.md": "behind since 2026-11-20, 1 section",
        "faq.md": "missing",
        "guide.md": "up to date",
        "usage/Install.md": "up to date",
    }
    assert list(rows) == ["limits.md", "index.md", "faq.md", "guide.md", "usage/Install.md"]
    assert rows["limits.md"]["finding"].startswith("docs/zh/limits.md:3: 60")
    assert rows["index.md"]["finding"] == 'docs/en/index.md:1: changed "Start"'
    assert rows["faq.md"]["finding"].startswith("docs/zh/faq.md:1: page is missing")
    assert (rows["index.md"]["since"], rows["index.md"]["sections"]) == ("2026-11-20", 1)
    assert doc["languages"]["zh"]["counts"] == {
        "up to date": 2,
        "missing": 1,
        "behind": 1,
        "contradicts": 1,
    }
    assert "glossary checks are off: there is no data/glossary.yml" in doc["notes"]


@pytest.mark.parametrize(("level", "code"), [("missing", 1), ("behind", 1), ("contradicts", 1)])
def test_fail_on_fails_at_that_level_or_above(site: Path, level: str, code: int) -> None:
    assert report(site, "--fail-on", level) == code


def test_fail_on_passes_below_its_level(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Control: with the contradiction fixed, contradicts passes, behind still fails."""
    replace_in(site / "docs/zh/limits.md", "60 MB", "90 MB")
    assert report(site, "--fail-on", "contradicts") == 0
    assert report(site, "--fail-on", "behind") == 1
    assert capsys.readouterr().err.strip().endswith("1 page at or above --fail-on behind")
    (site / "docs/zh/faq.md").write_text("# 常见问题\n\n请在论坛提问。\n", "utf-8")
    replace_in(site / "docs/zh/index.md", "含3天", "含5天")
    commit_all(site, "translated", V2)
    assert report(site, "--fail-on", "missing") == 0


def test_markdown_to_a_file(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "status.md"
    assert report(site, "--output", str(out)) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text("utf-8")
    assert "| Page | State | First finding |" in text
    assert (
        "1 up to date" not in text and "2 up to date, 1 missing, 1 behind, 1 contradicts." in text
    )
    assert "| `index.md` | behind since 2026-11-20, 1 section | docs/en/index.md:1: changed" in text
    assert report(site, "--output", str(tmp_path / "no-such-folder" / "x.md")) == 2
    assert "cannot write the report" in capsys.readouterr().err


def test_an_unreadable_page_is_one_row_and_the_others_are_checked(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page saved in another encoding cannot be read; a real site had one. The report says
    so for that page and still checks the rest (check still stops, exit 2)."""
    (site / "docs/en/guide.md").write_bytes(PAGES["guide.md"][0].encode("gb18030") + b"\xff")
    assert report(site, "--format", "json", "--fail-on", "contradicts") == 1
    rows = {r["page"]: r for r in json.loads(capsys.readouterr().out)["languages"]["zh"]["rows"]}
    assert rows["guide.md"]["level"] == "unreadable"
    assert rows["guide.md"]["finding"].startswith("docs/en/guide.md:")
    assert "UTF-8" in rows["guide.md"]["finding"]
    assert rows["limits.md"]["level"] == "contradicts" and rows["index.md"]["level"] == "behind"
    with pytest.raises(InputError):
        check_site(site, today=TODAY, config=read_site_config(site))
    assert main(["--root", str(site), "--today", TODAY.isoformat()]) == 2


def test_page_names_with_capitals_are_a_strict_rule_only(site: Path) -> None:
    """`usage/Install.md` is checked on an ordinary site; this site's files policy refuses it;
    a space is refused under both."""
    assert (
        "usage/Install.md"
        in check_site(site, today=TODAY, config=read_site_config(site)).pages["zh"]
    )
    strict = site / "mkdocs.yml"
    strict.write_text(
        strict.read_text("utf-8") + "  - translations:\n      only_pages_in_docs: true\n", "utf-8"
    )
    with pytest.raises(InputError, match=r"usage/Install\.md` is not portable: use lower-case"):
        check_site(site, today=TODAY, config=read_site_config(site))
    strict.write_text(strict.read_text("utf-8").replace("true\n", "false\n"), "utf-8")
    (site / "docs/en/my page.md").write_text("# P\n\nText.\n", "utf-8")
    with pytest.raises(InputError, match=r"`my page\.md` is not portable: use letters"):
        check_site(site, today=TODAY, config=read_site_config(site))


def test_report_options_belong_to_report(site: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--root", str(site), "check", "--fail-on", "missing"])
    with pytest.raises(SystemExit):
        main(["--root", str(site), "report", "index.md"])


def test_a_link_to_the_translations_own_copy_is_the_same_link(site: Path) -> None:
    """A real repository's Chinese pages link the Chinese copy of their published docs
    (`…/docs/zh/output/`): that is the English link, not a difference; another page is."""
    (site / "docs/en/links.md").write_text(
        "# Links\n\nSee [the output](https://x.org/docs/output/).\n", "utf-8"
    )
    zh = site / "docs/zh/links.md"
    zh.write_text("# 链接\n\n参见[输出](https://x.org/docs/zh/output/)。\n", "utf-8")
    found = check_site(site, today=TODAY, config=read_site_config(site))
    assert [str(i) for i in found.issues if i.page == "links.md"] == []
    zh.write_text("# 链接\n\n参见[输出](https://x.org/docs/zh/input/)。\n", "utf-8")
    found = check_site(site, today=TODAY, config=read_site_config(site))
    assert [str(i) for i in found.issues if i.page == "links.md"] == [
        "docs/zh/links.md:3: link to https://x.org/docs/zh/input/ does not match the English "
        "(docs/en/links.md:3: links to https://x.org/docs/output/)"
    ]
