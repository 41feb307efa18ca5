"""`python -m translations`: exit codes 0/1/2, the summary line, status, stamp; no tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from translations.cli import main

from .conftest import REPO, make_tree


def run_module(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m translations` as `make check` runs it, with the repository importable."""
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "translations", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_clean_tree_exits_0_with_a_one_line_summary(clean_tree: Path) -> None:
    result = run_module("--today", "2026-06-01", cwd=clean_tree)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "4 pages (4 page pairs), 2 skills, prices as of 2026-03-01: no issues\n"


def test_issues_exit_1_and_are_printed_before_the_summary(tmp_path: Path) -> None:
    root, _ = make_tree(tmp_path, "number")
    result = run_module("--today", "2026-06-01", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/zh/index.md:13: 4 does not match the English (docs/en/index.md:12: 3)",
        "4 pages (4 page pairs), 2 skills, prices as of 2026-03-01: 1 issue",
    ]


@pytest.mark.parametrize(
    ("path", "old", "new", "message"),
    [
        ("data/glossary.yml", b"terms:", b"terms: [", "error: data/glossary.yml:"),
        (
            "docs/zh/index.md",
            "description: 用于".encode(),
            b"description: \xff",
            "error: docs/zh/index.md:3: not valid UTF-8",
        ),
        (
            "docs/en/index.md",
            b"# Start {#start}",
            b"<!-- pricing:nope -->",
            "error: docs/en/index.md:6: unknown marker",
        ),
    ],
)
def test_bad_input_exits_2_without_traceback(
    clean_tree: Path, path: str, old: bytes, new: bytes, message: str
) -> None:
    file = clean_tree / path
    file.write_bytes(file.read_bytes().replace(old, new, 1))
    result = run_module(cwd=clean_tree)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stderr.endswith("input error(s); fix them and run again\n")
    assert "Traceback" not in result.stderr + result.stdout


def test_empty_page_exits_2(clean_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty page is refused where every page must say something (require_front_matter, as
    this site sets it); an ordinary site may hold an empty placeholder page."""
    (clean_tree / "docs/en/related-skills.md").write_text("", "utf-8")
    assert main(["--root", str(clean_tree)]) != 2
    capsys.readouterr()
    (clean_tree / "mkdocs.yml").write_text(
        "plugins:\n  - translations:\n      require_front_matter: true\n", "utf-8"
    )
    assert main(["--root", str(clean_tree)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: docs/en/related-skills.md:1: page is empty; write it or delete it",
        "1 input error(s); fix them and run again",
    ]


def test_usage_error_exits_2(clean_tree: Path) -> None:
    assert run_module("check", "index.md", cwd=clean_tree).returncode == 2
    assert run_module("frobnicate", cwd=clean_tree).returncode == 2


def test_status_reports_each_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = make_tree(tmp_path, "staleness")
    (root / "docs/zh/guides/setup.md").unlink()
    (root / "data/untranslated.yml").write_text("pages: [guides/setup.md]\n", "utf-8")
    page = root / "docs/zh/pricing.md"
    page.write_text(page.read_text("utf-8").replace("含5,000个联系人", "含5,000名联系人"), "utf-8")
    assert main(["status", "--root", str(root), "--today", "2026-06-01"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "PAGE               ENGLISH  CHINESE  TRANSLATION"
        "                             PARITY ISSUES",
        "index.md           present  present  outdated, translated version not found  0",
        "pricing.md         present  present  up to date                              0",
        "related-skills.md  present  present  up to date                              0",
        "guides/setup.md    present  missing  untranslated                            0",
        "4 pages: 1 outdated, 1 untranslated, 2 up to date; 0 parity issues",
    ]


def test_status_counts_parity_issues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = make_tree(tmp_path, "internal-link")
    assert main(["status", "--root", str(root), "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "index.md           present  present  up to date   1"
    assert out[-1] == "4 pages: 4 up to date; 1 parity issue"


def test_stamp_one_page_then_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _ = make_tree(tmp_path, "staleness")
    zh = root / "docs/zh/index.md"
    zh.write_bytes(zh.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["stamp", "docs/zh/index.md", "--root", str(root)]) == 0
    assert capsys.readouterr().out == (
        "docs/zh/index.md: translation_of: e6791e580bb0 (was 26fef1d585ef)\n"
    )
    assert b"translation_of: e6791e580bb0\r\n" in zh.read_bytes()  # line endings kept
    assert main(["--root", str(root), "--today", "2026-06-01"]) == 0
    assert main(["stamp", "--root", str(root)]) == 0
    assert capsys.readouterr().out.count("(unchanged)") == 4


def test_stamp_adds_the_field_when_missing(
    clean_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = clean_tree / "docs/zh/pricing.md"
    text = page.read_text("utf-8")
    page.write_text(
        "\n".join(line for line in text.split("\n") if not line.startswith("translation_of")),
        "utf-8",
    )
    assert main(["stamp", "pricing.md", "--root", str(clean_tree)]) == 0
    assert "(was missing)" in capsys.readouterr().out
    assert page.read_text("utf-8") == text


def test_stamp_of_a_missing_page_exits_2(
    clean_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stamp", "nope.md", "--root", str(clean_tree)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: docs/en/nope.md:1: no such page; stamping needs the page in the reference "
        "language and the translation"
    )
