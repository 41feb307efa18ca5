"""Translation status from git alone (lifecycle/gitstatus.py), on an ordinary site of our own:
no stamps, no data files, no heading ids. A translation is behind when its reference has a
commit after the translation's last one; it is then checked against the reference as it was in
that commit; no git, a folder outside git or a shallow clone is one line, never a traceback."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.cli import main
from translations.lifecycle import history
from translations.options import read_site_config

from .test_lifecycle import git

TODAY = dt.date(2026, 11, 25)
V1, ZH_FIX, V2 = "2026-11-02T10:00:00Z", "2026-11-10T10:00:00Z", "2026-11-20T09:30:00Z"
MKDOCS_YML = """\
site_name: Ordinary
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: zh, name: 中文, build: true}
"""
# (English, Chinese) of each page: no front matter, no {#id}, as an ordinary site writes them.
PAGES = {
    "index.md": (
        "# Start\n\nA wait step of 3 days.\n\n## Reports\n\nReports are kept for 90 days.\n",
        "# 开始\n\n含3天等待步骤。\n\n## 报告\n\n报告保留90天。\n",
    ),
    "guide.md": (
        "# Guide\n\nRun `tool --help` to list the 12 options.\n",
        "# 指南\n\n运行 `tool --help` 列出12个选项。\n",
    ),
    "usage/Install.md": (
        "# Install\n\nInstall version 2.5 or later.\n",
        "# 安装\n\n安装2.5或更高版本。\n",
    ),
}


def ordinary_site(root: Path, pages: dict[str, tuple[str, str]] = PAGES) -> Path:
    """The site's files under `root` (not yet a repository)."""
    (root / "mkdocs.yml").parent.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    for name, texts in pages.items():
        for lang, text in zip(("en", "zh"), texts, strict=True):
            path = root / "docs" / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    return root


def commit_all(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", message, date=date)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Both languages committed on V1; then English index.md changes a fact and gains a
    section (V2). guide.md and usage/Install.md stay in step."""
    root = ordinary_site(tmp_path / "site")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "v1: English and Chinese", V1)
    en = root / "docs/en/index.md"
    replace_in(en, "3 days", "5 days")
    en.write_text(en.read_text("utf-8") + "\n## Exports\n\nExports run every 24 hours.\n", "utf-8")
    commit_all(root, "v2: English only", V2)
    return root


def run(root: Path):
    return check_site(root, today=TODAY, config=read_site_config(root))


def test_a_translation_behind_its_reference_is_news_with_the_sections_that_changed(
    repo: Path,
) -> None:
    report = run(repo)
    assert [str(issue) for issue in report.issues] == []  # no stamp asked, no fact from v2
    status = report.pages["zh"]["index.md"]
    assert status.lag is not None and status.from_git
    assert (status.state, status.translation) == (
        "outdated",
        "outdated since 2026-11-20, 2 sections changed",
    )
    assert status.lag.follows == dt.date(2026, 11, 2)
    kinds = [(change.kind, change.label) for change in status.lag.changes]
    assert kinds == [("changed", '"Start"'), ("added", '"Exports"')]
    assert [report.pages["zh"][name].state for name in ("guide.md", "usage/Install.md")] == [
        "up to date",
        "up to date",
    ]
    (note,) = [note for note in report.notes if "outdated" in note]
    assert note.startswith("docs/zh/index.md: outdated since 2026-11-20, 2 sections changed")
    assert "1 commit after the translation's last" in note


def test_status_page_lists_the_changes_and_asks_for_a_commit_not_a_stamp(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(repo), "--today", "2026-11-25", "status", "index.md"]) == 0
    out = capsys.readouterr().out
    assert "~ A wait step of [-3-]{+5+} days." in out
    assert 'added "Exports" (docs/en/index.md:' in out
    assert out.rstrip().endswith("Translate these sections in docs/zh/index.md and commit it.")
    assert "make stamp" not in out


def test_one_commit_of_both_languages_leaves_them_in_step(repo: Path) -> None:
    """Control: translating the change in the same commit ends the lag (order, not dates)."""
    zh = repo / "docs/zh/index.md"
    replace_in(zh, "含3天", "含5天")
    zh.write_text(zh.read_text("utf-8") + "\n## 导出\n\n导出每24小时运行一次。\n", "utf-8")
    replace_in(repo / "docs/en/guide.md", "12 options", "13 options")
    replace_in(repo / "docs/zh/guide.md", "12个", "13个")
    commit_all(repo, "both languages", V1)  # an older date than V2: the order decides
    report = run(repo)
    assert [status.state for status in report.pages["zh"].values()] == ["up to date"] * 3
    assert [str(issue) for issue in report.issues] == []


def test_a_behind_page_is_checked_against_the_reference_it_follows(tmp_path: Path) -> None:
    """A number the translation got wrong in its own commit is a defect, even behind."""
    root = ordinary_site(tmp_path / "site")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "v1", V1)
    replace_in(root / "docs/zh/index.md", "报告保留90天", "报告保留60天")
    commit_all(root, "a wrong number in Chinese", ZH_FIX)
    replace_in(root / "docs/en/index.md", "3 days", "5 days")
    commit_all(root, "v2", V2)
    report = run(root)
    assert report.pages["zh"]["index.md"].lag is not None
    messages = [str(issue) for issue in report.issues]
    assert any(
        message.startswith("docs/zh/index.md:7: 60") and "90" in message for message in messages
    ), messages
    assert not any("5 days" in message or " 5 " in message for message in messages), messages


def test_a_site_that_stamps_its_pages_keeps_its_stamps(repo: Path) -> None:
    """Once one translation carries a stamp, git is not asked and an unstamped page is one."""
    zh = repo / "docs/zh/guide.md"
    zh.write_text("---\ntranslation_of: 0123456789ab\n---\n" + zh.read_text("utf-8"), "utf-8")
    report = run(repo)
    assert not any(status.from_git for status in report.pages["zh"].values())
    assert report.pages["zh"]["usage/Install.md"].state == "not stamped"
    assert any("translation_of is missing" in str(issue) for issue in report.issues)


def test_outside_git_shallow_or_without_git_is_one_line(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = ordinary_site(tmp_path / "copy")
    report = run(copy)
    assert [note for note in report.notes if "git" in note] == [
        f"translation status from git is off: {copy} is not a git repository; "
        "run the command in a clone"
    ]
    assert [str(issue) for issue in report.issues] == []
    assert report.pages["zh"]["index.md"].state == "up to date"

    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "--quiet", "--depth", "1", f"file://{repo}", str(shallow)],
        check=True,
        capture_output=True,
    )
    assert [note for note in run(shallow).notes if "git" in note] == [
        "translation status from git is off: this is a shallow clone; run `git fetch --unshallow`"
    ]

    monkeypatch.setenv("PATH", str(tmp_path / "no-binaries"))
    assert [note for note in run(repo).notes if "git" in note] == [
        "translation status from git is off: git is not installed"
    ]


def test_three_git_calls_for_any_number_of_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rev-parse, one log over docs/, one cat-file for the pages behind: not one per page."""
    pages = {
        f"p{n:03}.md": (f"# P{n}\n\nStep {n}.\n", f"# 页{n}\n\n第{n}步。\n") for n in range(120)
    }
    root = ordinary_site(tmp_path / "site", pages)
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "v1", V1)
    for n in (7, 80):
        replace_in(root / f"docs/en/p{n:03}.md", f"Step {n}.", f"Step {n}, then {n + 1}.")
    commit_all(root, "v2", V2)
    calls: list[str] = []
    real = history._git

    def counted(folder: Path, args: list[str], stdin: bytes | None = None) -> bytes:
        calls.append(args[0])
        return real(folder, args, stdin)

    monkeypatch.setattr(history, "_git", counted)
    report = run(root)
    assert calls == ["rev-parse", "log", "cat-file"]
    assert sorted(name for name, status in report.pages["zh"].items() if status.lag) == [
        "p007.md",
        "p080.md",
    ]
