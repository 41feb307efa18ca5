"""The translation lifecycle in a small git repository: English v1, a Chinese page translating v1,
then English v2 with a changed fact and a new section. Behind is news (note, banner, status);
disagreeing with v1 is a defect; stamping before translating is refused; a version that cannot be
found says why and what fixes it."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import absolutise, load_config, plugin_options, run_mkdocs
from translations.checks.report import check_site
from translations.cli import main
from translations.lifecycle.staleness import line_diff
from translations.model import InputError
from translations.read.source import body_hash, read_text, split_front_matter

from .conftest import make_tree
from .test_build import build, logged

V1_DATE, V2_DATE = "2026-11-02T10:00:00Z", "2026-11-20T09:30:00Z"
TODAY = dt.date(2026, 11, 25)
# English v2 of index.md: a changed fact, and a new section at the end.
FACT_V1, FACT_V2 = "a wait step of 3 days", "a wait step of 5 days"
NEW_SECTION = "\n## Reports {#reports}\n\nReports keep the results of each campaign for 90 days.\n"
# The Chinese page once it translates v2.
ZH_FACT_V2 = "含5天等待步骤"
ZH_NEW_SECTION = "\n## 报告 {#reports}\n\n报告会保留每个营销活动90天内的结果。\n"


def git(root: Path, *args: str, date: str = V1_DATE) -> str:
    """git in `root`, with no user or system configuration and a fixed date."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
        "GIT_AUTHOR_NAME": "Writer",
        "GIT_AUTHOR_EMAIL": "writer@example.org",
        "GIT_COMMITTER_NAME": "Writer",
        "GIT_COMMITTER_EMAIL": "writer@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    result = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def make_repo(tmp_path: Path, v1_date: str = V1_DATE, v2_date: str = V2_DATE) -> Path:
    """English v1 and its Chinese translation (stamped) committed, then English v2 committed."""
    root, _ = make_tree(tmp_path)
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "English v1, Chinese translating v1", date=v1_date)
    en = root / "docs/en/index.md"
    edit(en, FACT_V1, FACT_V2)
    en.write_text(en.read_text("utf-8") + NEW_SECTION, "utf-8")
    git(root, "commit", "--quiet", "-am", "English v2: 5 days, a Reports section", date=v2_date)
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path)


@pytest.fixture
def recent_repo(tmp_path: Path) -> tuple[Path, dt.date]:
    """The same, English v2 five days ago: a build (which checks against the real date) is
    within the grace period. Returns the date of v1."""
    today = dt.date.today()
    v1, v2 = today - dt.timedelta(days=20), today - dt.timedelta(days=5)
    return make_repo(tmp_path, f"{v1}T12:00:00Z", f"{v2}T12:00:00Z"), v1


def v1_commit(root: Path) -> str:
    return git(root, "rev-list", "--max-parents=0", "HEAD").strip()


def translate_v2(root: Path) -> None:
    zh = root / "docs/zh/index.md"
    edit(zh, "含3天等待步骤", ZH_FACT_V2)
    zh.write_text(zh.read_text("utf-8") + ZH_NEW_SECTION, "utf-8")


def test_behind_the_english_is_news_not_a_defect(repo: Path) -> None:
    report = check_site(repo, today=TODAY)
    assert [str(issue) for issue in report.issues] == []
    assert report.notes == [
        "docs/zh/index.md: outdated since 2026-11-20, 2 sections changed; "
        "`make status PAGE=index.md` lists what changed (checks fail after 2026-12-20)"
    ]
    status = report.pages["zh"]["index.md"]
    assert (status.state, status.translation) == (
        "outdated",
        "outdated since 2026-11-20, 2 sections changed",
    )
    assert status.lag is not None and status.lag.commit == v1_commit(repo)
    assert report.summary().endswith("no issues; 1 translation behind the English")
    banner = report.banner("index.md", "zh", "zh")
    assert (banner["outdated"], banner["follows"], banner["first_change"]) == (
        True,
        "2026年11月2日",
        "what-you-can-do",
    )
    assert report.banner("index.md", "zh", "en")["follows"] == "November 2, 2026"
    assert report.banner("index.md", "en", "en")["outdated"] is False
    # the pages that are up to date stay exactly as before
    assert {
        name: s.translation for name, s in report.pages["zh"].items() if name != "index.md"
    } == {
        "pricing.md": "up to date",
        "related-skills.md": "up to date",
        "guides/setup.md": "up to date",
    }


def test_check_prints_the_note_and_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo), "--today", TODAY.isoformat()]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "note: docs/zh/index.md: outdated since 2026-11-20, 2 sections changed; "
        "`make status PAGE=index.md` lists what changed (checks fail after 2026-12-20)",
        "4 pages (4 page pairs), 2 skills, prices as of 2026-03-01: no issues; "
        "1 translation behind the English",
    ]


def test_status_lists_the_changed_sections(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--root", str(repo), "--today", TODAY.isoformat()]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1] == (
        "index.md           present  present  outdated since 2026-11-20, 2 sections changed  0"
    )
    assert table[-1] == "4 pages: 1 outdated, 3 up to date; 0 parity issues"
    assert main(["status", "docs/zh/index.md", "--root", str(repo)]) == 0
    v1 = v1_commit(repo)[:12]
    assert capsys.readouterr().out.splitlines() == [
        f"docs/zh/index.md translates docs/en/index.md of 2026-11-02 (commit {v1}); "
        "outdated since 2026-11-20, 2 sections changed:",
        "",
        "changed {#what-you-can-do} (docs/en/index.md:10)",
        "    ~ - Build an automation with a wait step of [-3-]{+5+} days.",
        "    facts that appeared: 5",
        "    facts that vanished: 3",
        "",
        "added {#reports} (docs/en/index.md:33)",
        "    + ## Reports {#reports}",
        "    +",
        "    + Reports keep the results of each campaign for 90 days.",
        "    facts that appeared: 90",
        "",
        "Translate these sections in docs/zh/index.md, then run `make stamp PAGE=index.md`.",
    ]
    # `diff` is the same view; an up-to-date page has nothing to translate
    assert main(["diff", "index.md", "pricing.md", "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert "changed {#what-you-can-do}" in out
    assert out.endswith("\ndocs/zh/pricing.md: up to date; no English changes to translate\n")


def test_contradicting_the_translated_version_fails(repo: Path) -> None:
    edit(repo / "docs/zh/index.md", "含3天等待步骤", "含4天等待步骤")  # v1 says 3 days
    report = check_site(repo, today=TODAY)
    v1 = v1_commit(repo)[:12]
    # measured against v1: the new English section {#reports} is not asked of it
    assert [str(issue) for issue in report.issues] == [
        f"docs/zh/index.md:13: 4 does not match the English ({v1}:docs/en/index.md:12: 3)"
    ]
    assert report.pages["zh"]["index.md"].parity_issues == 1


def test_past_the_grace_period_the_checks_fail(repo: Path) -> None:
    late = dt.date(2026, 12, 21)  # 31 days after the English changed; the default grace is 30
    assert [str(issue) for issue in check_site(repo, today=late).issues] == [
        "docs/zh/index.md:4: translation is outdated since 2026-11-20, 2 sections changed "
        "(31 days, more than the 30 of data/translation.yml); translate what "
        "`make status PAGE=index.md` lists, then run `make stamp PAGE=index.md` "
        "(docs/en/index.md:1: English page of 2026-11-02 changed since)"
    ]
    assert check_site(repo, today=late - dt.timedelta(days=1)).issues == []
    (repo / "data/translation.yml").write_text("grace_days: 60\n", "utf-8")
    report = check_site(repo, today=late)
    assert (report.issues, len(report.notes)) == ([], 1)


def test_a_bad_grace_period_names_the_file_and_line(repo: Path) -> None:
    (repo / "data/translation.yml").write_text("# lag\ngrace_days: soon\n", "utf-8")
    with pytest.raises(InputError) as error:
        check_site(repo, today=TODAY)
    assert error.value.problems == [
        "data/translation.yml:2: `grace_days` must be a whole number >= 0"
    ]


def test_stamping_before_translating_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zh = repo / "docs/zh/index.md"
    before = zh.read_bytes()
    assert main(["stamp", "index.md", "--root", str(repo)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "docs/zh/index.md: not stamped: 2 parity issues against the current English "
        "docs/en/index.md; fix them, then stamp again:",
        "    docs/zh/index.md:29: heading {#reports} is missing "
        "(docs/en/index.md:33: ## Reports {#reports})",
        "    docs/zh/index.md:13: 3 does not match the English (docs/en/index.md:12: 5)",
    ]
    assert zh.read_bytes() == before
    # translate the two sections, then stamping works and the page is up to date
    translate_v2(repo)
    assert main(["stamp", "index.md", "--root", str(repo)]) == 0
    assert capsys.readouterr().out.startswith("docs/zh/index.md: translation_of: ")
    report = check_site(repo, today=TODAY)
    assert (report.issues, report.notes) == ([], [])
    assert report.pages["zh"]["index.md"].translation == "up to date"


def test_an_uncommitted_english_edit(repo: Path) -> None:
    translate_v2(repo)
    assert main(["stamp", "index.md", "--root", str(repo)]) == 0
    git(repo, "commit", "--quiet", "-am", "Chinese translating v2", date=V2_DATE)
    edit(repo / "docs/en/index.md", "for 90 days", "for 120 days")  # not committed
    status = check_site(repo, today=TODAY).pages["zh"]["index.md"]
    assert status.translation == "outdated by an uncommitted edit, 1 section changed"


def not_found(root: Path) -> list[str]:
    return [str(issue) for issue in check_site(root, today=TODAY).issues]


NOW = "(docs/en/index.md:1: English page is now {now})"


def current_hash(root: Path) -> str:
    path = root / "docs/en/index.md"
    return body_hash(split_front_matter(read_text(path, "x"), "x").body)


def test_shallow_clone_names_git_fetch_unshallow(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{repo}", str(shallow))
    recorded = (repo / "docs/zh/index.md").read_text("utf-8").split("translation_of: ")[1][:12]
    assert not_found(shallow) == [
        f"docs/zh/index.md:4: cannot check the translation: translation_of: {recorded} names an "
        "English version that is not found (no version of docs/en/index.md in this shallow clone "
        "has it); run `git fetch --unshallow`, then build again "
        + NOW.format(now=current_hash(repo))
    ]
    status = check_site(shallow, today=TODAY).pages["zh"]["index.md"]
    assert status.translation == "outdated, translated version not found"
    git(shallow, "fetch", "--quiet", "--unshallow")
    assert not_found(shallow) == []


def test_hash_not_in_history_names_make_stamp(repo: Path) -> None:
    page = repo / "docs/zh/index.md"
    text = page.read_text("utf-8")
    page.write_text(
        re.sub(r"(?m)^translation_of: \w+$", "translation_of: 0123456789ab", text), "utf-8"
    )
    assert not_found(repo) == [
        "docs/zh/index.md:4: cannot check the translation: translation_of: 0123456789ab names an "
        "English version that is not found (no committed version of docs/en/index.md has it); "
        "check the translation against the current English, then run "
        "`make stamp PAGE=index.md` " + NOW.format(now=current_hash(repo))
    ]


def test_no_git_history_names_git_clone(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tarball"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
    issues = not_found(copy)
    assert len(issues) == 1
    assert issues[0].startswith(
        "docs/zh/index.md:4: cannot check the translation: translation_of: "
    )
    assert issues[0].endswith(
        "names an English version that is not found (there is no git history here); build "
        "from a git clone (`git clone`), not a copy of the files "
        + NOW.format(now=current_hash(repo))
    )
    # the safe default: readers still see the page as outdated (no date is known)
    banner = check_site(copy, today=TODAY).banner("index.md", "zh", "zh")
    assert (banner["outdated"], banner["follows"]) == (True, "")


def test_strict_build_publishes_the_page_behind(recent_repo: tuple[Path, dt.date]) -> None:
    repo, v1 = recent_repo
    result = build(repo)
    assert result.returncode == 0, result.log
    assert "WARNING" not in result.log
    since = v1 + dt.timedelta(days=15)
    due = since + dt.timedelta(days=30)
    assert (
        f"docs/zh/index.md: outdated since {since}, 2 sections changed; "
        f"`make status PAGE=index.md` lists what changed (checks fail after {due})"
    ) in logged(result, "INFO   ")
    statuses = json.loads((repo / "statuses.json").read_text("utf-8"))
    assert statuses["zh:zh/index.md"]["outdated"] is True
    assert statuses["zh:zh/index.md"]["follows"] == f"{v1.year}年{v1.month}月{v1.day}日"
    assert statuses["en:en/index.md"]["outdated"] is False


def test_strict_build_fails_on_a_contradiction_of_the_translated_version(
    recent_repo: tuple[Path, dt.date],
) -> None:
    repo, _ = recent_repo
    edit(repo / "docs/zh/index.md", "含3天等待步骤", "含4天等待步骤")
    result = build(repo)
    assert result.returncode == 1
    v1 = v1_commit(repo)[:12]
    assert logged(result, "WARNING") == [
        f"docs/zh/index.md:13: 4 does not match the English ({v1}:docs/en/index.md:12: 3)"
    ]


def test_the_reader_sees_the_banner_and_the_drift_marks(
    recent_repo: tuple[Path, dt.date], tmp_path: Path
) -> None:
    """The real theme, templates and hooks over the repository of the test."""
    repo, v1 = recent_repo
    config = absolutise(load_config())
    config["docs_dir"] = str(repo / "docs")
    config["nav"] = ["index.md", "pricing.md", "related-skills.md", "guides/setup.md"]
    plugin_options(config)["export"] = False  # the banners are in the HTML; no PDF to wait for
    result = run_mkdocs(config, tmp_path / "build")
    assert result.returncode == 0, result.log
    zh = (result.site / "zh/index.html").read_text("utf-8")
    assert (
        f"<p>本译文依据{v1.year}年{v1.month}月{v1.day}日的英文版翻译，英文版此后已有修改。"
        '请阅读<a href="../index.html" hreflang="en">英文版</a>，'
        '或<a href="compare/index.html#what-you-can-do">中英对照</a>查看改动。</p>'
    ) in zh
    assert 'data-ac-banner="outdated"' not in (result.site / "zh/pricing.html").read_text("utf-8")
    assert 'data-ac-banner="outdated"' not in (result.site / "index.html").read_text("utf-8")
    for path, note in [
        ("zh/compare/index.html", "本节英文版在翻译后已有修改。"),
        ("compare/index.html", "The English section changed after this translation."),
    ]:
        view = (result.site / path).read_text("utf-8")
        rows = re.findall(r"<section [^>]*ac-compare__row[^>]*>", view)
        marked = [
            (re.search(r'id="([^"]+)"', row)[1], re.search(r'data-ac-drift="([^"]+)"', row)[1])
            for row in rows
            if "data-ac-drift" in row
        ]
        assert (len(rows), marked) == (4, [("what-you-can-do", "changed"), ("reports", "added")])
        assert f'<p class="ac-compare__drift">{note}</p>' in view


def test_without_git_the_message_says_so(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-programs-here"))
    issues = not_found(repo)
    assert len(issues) == 1
    assert "not found (git cannot read the history: git is not installed); build from" in issues[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (["a b c"], ["a b c"], ()),
        (["of 3 days."], ["of 5 days."], ("~ of [-3-]{+5+} days.",)),
        (["is fully customizable and can"], ["is fully customizable, and each can"],
         ("~ is fully [-customizable-]{+customizable,+} and {+each+} can",)),
        (["keep", "gone"], ["keep"], ("- gone",)),
        (["one"], ["two", "three"], ("- one", "+ two", "+ three")),
    ],
)  # fmt: skip
def test_line_diff_marks_words_in_a_line_edited_in_place(
    old: list[str], new: list[str], expected: tuple[str, ...]
) -> None:
    assert line_diff(old, new) == expected


def test_status_of_an_unknown_page_and_diff_without_a_page_exit_2(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", "nope.md", "--root", str(repo)]) == 2
    assert capsys.readouterr().err == "error: docs/en/nope.md:1: no such page\n"
    with pytest.raises(SystemExit) as exit_:
        main(["diff", "--root", str(repo)])
    assert exit_.value.code == 2
    assert "diff needs a page: make diff PAGE=" in capsys.readouterr().err


def test_a_stamp_of_an_english_version_made_by_a_merge_is_found(repo: Path) -> None:
    """Two branches edit the English page in different places; the merged English exists only in
    the merge commit. A translation stamped against it is found (a log without the merge's own
    changes listed none, and reported the stamp as naming no committed version)."""
    en = repo / "docs/en/index.md"
    git(repo, "switch", "--quiet", "-c", "side")
    en.write_text(en.read_text("utf-8") + "\nA side note.\n", "utf-8")
    git(repo, "commit", "--quiet", "-am", "English: a note on a branch", date=V2_DATE)
    git(repo, "switch", "--quiet", "main")
    edit(en, FACT_V2, FACT_V2 + ", always")
    git(repo, "commit", "--quiet", "-am", "English: a word on main", date=V2_DATE)
    git(repo, "merge", "--quiet", "--no-edit", "side", date=V2_DATE)
    merged = current_hash(repo)
    edit(en, "A side note.", "A side note, later reworded.")  # the English moves on
    git(repo, "commit", "--quiet", "-am", "English: after the merge", date=V2_DATE)
    zh = repo / "docs/zh/index.md"
    zh.write_text(
        re.sub(r"(?m)^translation_of: \w+$", f"translation_of: {merged}", zh.read_text("utf-8")),
        "utf-8",
    )
    assert not [issue for issue in not_found(repo) if "not found" in issue]
    status = check_site(repo, today=TODAY).pages["zh"]["index.md"]
    assert status.translation != "outdated, translated version not found", status.translation
