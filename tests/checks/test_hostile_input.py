"""Hostile and careless input: a corpus of mutations of the clean fixture, one per way in.

Each case changes a few lines of docs/ or data/ the way a hostile or careless contributor
would, and must be refused by `make check` (the command line, in a subprocess) and by the checks
the build runs (check_site, in process): a non-zero exit, the file and line that caused it, a
message of bounded size, no traceback. The benign look-alikes beside them (a symbolic link inside
the repository, a large but legal page, an id of our own, a YAML comment) must pass.

The strict builds of the same routes, and the browser behind the shipped nginx configuration,
are in tests/test_hostile_build.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from translations.checks.report import check_site
from translations.checks.safety import THEME_NAMESPACE
from translations.lifecycle.staleness import stamp_pages
from translations.model import MAX_PROBLEM_CHARS, MAX_PROBLEMS, InputError

from .conftest import REPO, TODAY, make_tree

Edit = Callable[[Path], None]


def replace(rel: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text("utf-8")
        assert old in text, f"{rel} has no {old!r}: the case no longer plants its defect"
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit


def append(rel: str, text: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text("utf-8") if path.exists() else ""
        path.write_text(before + text, "utf-8")

    return edit


def write_bytes(rel: str, data: bytes) -> Edit:
    def edit(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)

    return edit


def link(rel: str, target: Callable[[Path], Path]) -> Edit:
    """A symbolic link at `rel` to `target(root)` (made first if it is a folder to create)."""

    def edit(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(root), root / rel)

    return edit


def outside_folder(root: Path) -> Path:
    """A folder of unchecked HTML beside the repository, not in it."""
    folder = root.parent / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "page.html").write_text("<script>alert(1)</script>", "utf-8")
    (folder / "secret.md").write_text("a file that is not the site's\n", "utf-8")
    return folder


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
TITLE = "title: Start\n"
PRICE = "    price: 15\n"

# (case, edits, what `make check` must say: a regular expression that starts with file:line)
HOSTILE: list[tuple[str, list[Edit], str]] = [
    # front matter: one reading, and the value that reaches HTML is plain text
    (
        "fm-duplicate-title",
        [replace("docs/en/index.md", TITLE, TITLE + "title: <b>x</b>\n")],
        r"docs/en/index\.md:3: malformed front matter: the key `title` is given twice "
        r"\(also at line 2\)",
    ),
    (
        "fm-markup-title",
        [replace("docs/zh/index.md", "title: ", 'title: "<img src=x onerror=alert(1)>"\nx: ')],
        r"docs/zh/index\.md:2: `title` must not contain <, > or \"",
    ),
    (
        "fm-alias-bomb",
        [
            replace(
                "docs/en/index.md", TITLE, TITLE + BOMB.replace("a:", "ka:").replace("b:", "kb:")
            )
        ],
        r"docs/en/index\.md:4: malformed front matter: a YAML alias \(\*a\) repeats a value",
    ),
    # data files: untrusted text, read once, values checked for what they mean
    (
        "data-alias-bomb",
        [append("data/pricing.yml", BOMB.replace("a:", "bomb_a:").replace("b:", "bomb_b:"))],
        r"data/pricing\.yml:\d+: malformed YAML: a YAML alias",
    ),
    (
        "data-duplicate-price",
        [replace("data/pricing.yml", PRICE, PRICE + "    price: 1\n")],
        r"data/pricing\.yml:\d+: malformed YAML: the key `price` is given twice",
    ),
    (
        "data-negative-price",
        [replace("data/pricing.yml", PRICE, "    price: -145\n")],
        r"data/pricing\.yml:\d+: `plans\.0\.price` is -145; it must be from 0\.01 to 100000",
    ),
    (
        "data-zero-multiplier",
        [replace("data/pricing.yml", "send_multiplier: 10", "send_multiplier: 0")],
        r"data/pricing\.yml:\d+: `plans\.0\.send_multiplier` is 0; it must be from 1 to 1000",
    ),
    (
        "data-price-as-text",
        [replace("data/pricing.yml", PRICE, '    price: "15"\n')],
        r"data/pricing\.yml:\d+: `plans\.0\.price` must be a number",
    ),
    (
        "data-max-age-negative",
        [replace("data/pricing.yml", "max_age_days: 365", "max_age_days: -1")],
        r"data/pricing\.yml:\d+: `max_age_days` is -1",
    ),
    (
        "data-verify-url-breaks-out",
        [
            replace(
                "data/pricing.yml",
                "verify_url: https://www.activecampaign.com/pricing",
                "verify_url: 'https://x.example/\" onmouseover=\"alert(1)'",
            )
        ],
        r"data/pricing\.yml:\d+: `verify_url` must be an https:// address",
    ),
    (
        "data-verify-url-javascript",
        [
            replace(
                "data/pricing.yml",
                "verify_url: https://www.activecampaign.com/pricing",
                "verify_url: javascript:alert(1)",
            )
        ],
        r"data/pricing\.yml:\d+: `verify_url` must be an https:// address",
    ),
    (
        "data-duplicate-plan",
        [replace("data/pricing.yml", "  - name: Plus\n", "  - name: Starter\n")],
        r"data/pricing\.yml:\d+: `Starter` is listed twice in `plans`",
    ),
    (
        "data-markup-in-label",
        [replace("data/pricing.yml", "as_of_label: {en: March 2026", "as_of_label: {en: <script>")],
        r"data/pricing\.yml:2: HTML tag <script> is not allowed",
    ),
    (
        "data-markup-in-skill",
        [append("data/skills.yml", "  - name: sales-x\n    en: <img src=x onerror=alert(1)>\n")],
        r"data/skills\.yml:\d+: HTML tag <img> is not allowed",
    ),
    (
        "data-javascript-link-in-glossary",
        [append("data/glossary.yml", "# [x](javascript:alert(1)) in a comment is no text\n")],
        "",  # benign: a comment is not a value
    ),
    (
        "data-markup-in-any-data-file",
        [append("data/notes.yml", "note: '[click](javascript:alert(1))'\n")],
        r"data/notes\.yml:1: link to a javascript: URL is not allowed",
    ),
    (
        "glossary-avoid-wrong-type",
        [replace("data/glossary.yml", "brand: true}", "brand: true, avoid: {zh: [1, {a: b}]}}")],
        r"data/glossary\.yml:2: `terms\.0\.avoid\.zh\.0` must be text",
    ),
    (
        "page-names-a-plan-not-in-data",
        [append("docs/en/pricing.md", "\nThe Enterprise plan adds custom objects.\n")],
        r"docs/en/pricing\.md:\d+: names a plan Enterprise that data/pricing\.yml does not list",
    ),
    (
        "page-counts-plans-not-in-data",
        [append("docs/en/pricing.md", "\nActiveCampaign sells four plans.\n")],
        r"docs/en/pricing\.md:\d+: counts four plans, but data/pricing\.yml lists 3",
    ),
    # ids in the theme's namespace
    (
        "theme-id-heading",
        [append("docs/en/index.md", "\n## Config {#__config}\n\nText.\n")],
        r"docs/en/index\.md:\d+: id `__config` is in the theme's namespace",
    ),
    (
        "theme-id-div",
        [append("docs/zh/index.md", '\n<div id="__search" markdown>\n\nx\n\n</div>\n')],
        r"docs/zh/index\.md:\d+: id `__search` is in the theme's namespace",
    ),
    (
        "theme-id-attribute-list",
        [append("docs/en/index.md", '\nText {: id="__drawer" }\n')],
        r"docs/en/index\.md:\d+: id `__drawer` is in the theme's namespace",
    ),
    # nothing outside the repository is read or published
    (
        "symlink-page-outside",
        [link("docs/en/leak.md", lambda root: outside_folder(root) / "secret.md")],
        r"docs/en/leak\.md:1: a symbolic link to .*/outside/secret\.md, outside the repository",
    ),
    (
        "symlink-folder-outside",
        [link("docs/en/extra", outside_folder)],
        r"docs/en/extra:1: a symbolic link to .*/outside, outside the repository",
    ),
    (
        "symlink-data-outside",
        [link("data/notes.yml", lambda root: outside_folder(root) / "secret.md")],
        r"data/notes\.yml:1: a symbolic link to .*/outside/secret\.md, outside the repository",
    ),
    # budgets
    (
        "page-too-large",
        [append("docs/en/index.md", "\n" + "Lorem ipsum dolor sit amet. " * 20_000 + "\n")],
        r"docs/en/index\.md:1: file is [\d,]+ bytes, more than the 524,288 a page",
    ),
    (
        "data-file-too-large",
        [append("data/notes.yml", "note: '" + "x" * 600_000 + "'\n")],
        r"data/notes\.yml:1: file is [\d,]+ bytes, more than the 524,288",
    ),
    # file names
    (
        "page-upper-case",
        [write_bytes("docs/en/Guide.MD", b"---\ntitle: G\ndescription: D\n---\n\n# G {#g}\n")],
        r"docs/en/Guide\.MD:1: page name `Guide\.MD` is not portable",
    ),
    (
        "page-space-in-name",
        [write_bytes("docs/en/my page.md", b"---\ntitle: G\ndescription: D\n---\n\n# G {#g}\n")],
        r"docs/en/my page\.md:1: page name `my page\.md` is not portable",
    ),
    (
        "page-other-markdown-extension",
        [write_bytes("docs/zh/notes.markdown", b"# N {#n}\n")],
        r"docs/zh/notes\.markdown:1: page name `notes\.markdown` is not portable",
    ),
    (
        "non-utf8-data",
        [write_bytes("data/notes.yml", b"note: caf\xe9\n")],
        r"data/notes\.yml:1: not valid UTF-8 \(byte 0xe9 at column 10\)",
    ),
]


CASES = {name: (edits, expected) for name, edits, expected in HOSTILE}

BENIGN: dict[str, list[Edit]] = {
    # a YAML comment after the title: the title is what the parser reads, "Start"
    "fm-comment-after-title": [replace("docs/en/index.md", TITLE, "title: Start # <b>x</b>\n")],
    # a symbolic link inside the repository is followed like any file
    "symlink-inside": [
        lambda root: (root / "shared").mkdir(),
        lambda root: (root / "docs" / "zh" / "index.md").rename(root / "shared" / "index.md"),
        link("docs/zh/index.md", lambda root: root / "shared" / "index.md"),
    ],
    # a large page below the budget, the same code block on both sides
    "large-legal-page": [
        append(f"docs/{lang}/guides/setup.md", "\n```text\n" + "x = 1\n" * 40_000 + "```\n")
        for lang in ("en", "zh")
    ],
    # an id of our own beside the theme's
    "legitimate-ids": [
        append(f"docs/{lang}/index.md", "\n## Extra {#extra-notes}\n\n- One.\n")
        for lang in ("en", "zh")
    ],
    # a comment in a data file holds anything; `<` in text that opens no tag is text
    "data-comment-and-less-than": [
        append("data/glossary.yml", "# <script>alert(1)</script>\n"),
        append("data/notes.yml", "note: fewer than 5 <= 6 contacts\n"),
    ],
}


def planted(tmp_path: Path, edits: list[Edit], restamp: bool = False) -> Path:
    """The clean fixture with the edits made; `restamp`: then record that each translation
    follows its (edited) English page, as a translator would."""
    root, _ = make_tree(tmp_path)
    # the policy that reads pages for what runs or loads (the default trusts them, as MkDocs does)
    (root / "mkdocs.yml").write_text("plugins:\n  - translations:\n      raw_html: safe\n")
    for edit in edits:
        edit(root)
    if restamp:
        stamp_pages(root / "docs", [])
    return root


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    """`make check` on the tree: the command line, as a maintainer runs it."""
    return subprocess.run(
        [sys.executable, "-m", "translations", "--root", str(root), "--today", TODAY.isoformat()],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def in_process(root: Path) -> list[str]:
    """What the build's checks say: input errors, else the issues."""
    try:
        report = check_site(root, today=TODAY)
    except InputError as error:
        return error.problems
    return [str(issue) for issue in report.issues]


@pytest.mark.parametrize("case", [name for name, _, expected in HOSTILE if expected])
def test_hostile_input_is_refused_with_file_and_line(tmp_path: Path, case: str) -> None:
    edits, expected = CASES[case]
    root = planted(tmp_path, edits)
    found = in_process(root)
    assert any(re.match(expected, problem) for problem in found), found
    assert all(len(problem) <= MAX_PROBLEM_CHARS for problem in found)
    run = run_check(root)
    assert run.returncode != 0
    output = run.stdout + run.stderr
    assert re.search(expected, output, re.M), output
    assert "Traceback" not in output
    assert len(output) < 20_000  # bounded: the message, not the input


@pytest.mark.parametrize(
    "case", [*BENIGN, *(name for name, _, expected in HOSTILE if not expected)]
)
def test_benign_look_alikes_pass(tmp_path: Path, case: str) -> None:
    edits = BENIGN[case] if case in BENIGN else CASES[case][0]
    root = planted(tmp_path, edits, restamp=True)
    assert in_process(root) == []
    run = run_check(root)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_flood_of_errors_shows_the_first_then_a_count(tmp_path: Path) -> None:
    frames = "".join(f"<iframe src=p{n}.html></iframe>\n\n" for n in range(5_000))
    root = planted(tmp_path, [append("docs/en/index.md", frames)])
    run = run_check(root)
    lines = run.stderr.splitlines()
    assert run.returncode != 0
    assert len(lines) == MAX_PROBLEMS + 2  # the problems shown, the count, the closing line
    assert lines[MAX_PROBLEMS] == "error: … and 4900 more input error(s) not shown"
    assert "5000 input error(s)" in lines[-1]


def test_one_problem_cannot_be_a_megabyte(tmp_path: Path) -> None:
    role = "x" * 100_000
    root = planted(tmp_path, [replace("docs/en/index.md", TITLE, f"{TITLE}roles: [{role}]\n")])
    (problem,) = in_process(root)
    assert problem.startswith("docs/en/index.md:3: `roles` has ")
    assert len(problem) <= MAX_PROBLEM_CHARS
    assert problem.endswith("characters in all)")


def test_the_theme_writes_its_element_ids_in_its_namespace() -> None:
    """The namespace rule is derived from the templates: every id that Material's templates (and
    ours, outside the path finder, whose ids are in a page) write starts with `__`, so a page
    that keeps out of `__` cannot take the place of a theme element. A theme upgrade that adds
    an id outside it fails here."""
    import material

    ours = REPO / "overrides"
    found = set()
    for folder in (Path(material.__file__).parent / "templates", ours):
        for template in folder.rglob("*.html"):
            if template.name == "pathfinder.html":  # rendered into the start page's content
                continue
            for m in re.finditer(r'\bid="([^"]*)"', template.read_text("utf-8")):
                found.add(m.group(1))
    literal = {value.split("{{")[0] for value in found}
    # "" is `{{ path }}` and friends: Material's nav ids, built as "__nav_" + numbers
    assert {value for value in literal if value and not value.startswith(THEME_NAMESPACE)} == set()
    assert {"__config", "__drawer", "__search", "__toc"} <= literal
