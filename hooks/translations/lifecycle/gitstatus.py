"""Translation status from git alone, for a site whose translations carry no stamp.

A translation is behind when its reference has a commit after the translation's last commit, in
`git log --topo-order` order (a commit that changed both leaves them in step, whatever the
dates); the reference as it was in that commit is the version the translation follows. Three git
calls for any number of pages; no usable history is a NoHistory of one line. Pure: no MkDocs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from translations.lifecycle.history import cat_file, git_log, repo_state
from translations.model import InputError, plural
from translations.read.source import decode

Pair = tuple[str, str]  # (reference path, translation path), relative to the site's root
OFF = "translation status from git is off"


class NoHistory(Exception):
    """The history cannot be read; the message is one line and says what fixes it."""


@dataclass(frozen=True)
class Commit:
    """One commit that changed a file."""

    order: int  # its position in `git log --topo-order`: 0 is the newest
    sha: str
    date: dt.date  # committer date, in UTC


@dataclass(frozen=True)
class Behind:
    """A translation whose reference changed after the translation's last commit."""

    last: Commit  # the translation's last commit: the version of the reference it follows
    since: Commit  # the reference's first commit after it
    commits: int  # how many reference commits came after it
    reference_then: str | None = None  # the reference in `last`; None: it had no such file


def history(root: Path, paths: Iterable[str], prefix: str | None = None) -> dict[str, list[Commit]]:
    """Per path (relative to `root`), the commits that changed it, newest first, from one
    `git log` over the top folders of the paths. Raises NoHistory."""
    wanted = sorted(set(paths))
    prefix = _prefix(root) if prefix is None else prefix
    folders = sorted({path.split("/", 1)[0] for path in wanted}) or ["."]
    with _reading(root):
        commits = git_log(root, prefix, folders, "--topo-order")
    found: dict[str, list[Commit]] = {path: [] for path in wanted}
    for order, (sha, day, files) in enumerate(commits):
        for name in files:
            if name in found:
                found[name].append(Commit(order, sha, day))
    return found


def behind_pairs(root: Path, pairs: Sequence[Pair]) -> dict[Pair, Behind]:
    """The pairs whose translation is behind its reference, each with the reference as it was
    in the translation's last commit. A file never committed is behind nothing (a new page, or
    a reference whose history starts later). Raises NoHistory."""
    prefix = _prefix(root)
    commits = history(root, [path for pair in pairs for path in pair], prefix)
    found: dict[Pair, Behind] = {}
    for reference, translation in pairs:
        if not commits[translation] or not commits[reference]:
            continue
        last = commits[translation][0]
        after = [commit for commit in commits[reference] if commit.order < last.order]
        if after:
            found[reference, translation] = Behind(last, after[-1], len(after))
    if not found:
        return found
    objects = {pair: f"{b.last.sha}:{prefix}{pair[0]}" for pair, b in found.items()}
    with _reading(root):
        raw = cat_file(root, list(objects.values()))
    texts = {}
    for name, content in raw.items():
        try:
            texts[name] = decode(content, name)
        except InputError:
            continue  # not UTF-8 text: as if the reference had no such file then
    return {pair: replace(b, reference_then=texts.get(objects[pair])) for pair, b in found.items()}


def behind_note(translation: str, name: str, summary: str, found: Behind, reference: str) -> str:
    """The line `check` and the build log for a page behind (news, not a defect)."""
    return (
        f"{translation}: {summary} ({reference} has {plural(found.commits, 'commit')} after the "
        f"translation's last, {found.last.sha[:12]} of {found.last.date.isoformat()}); "
        f"`python -m translations status {name}` lists what changed"
    )


@contextmanager
def _reading(root: Path) -> Iterator[None]:
    """Turn git's failure into a NoHistory that says what fixes it."""
    try:
        yield
    except OSError as error:
        if "not a git repository" in str(error):
            raise NoHistory(
                f"{OFF}: {root} is not a git repository; run the command in a clone"
            ) from None
        raise NoHistory(f"{OFF}: {error}") from None


def _prefix(root: Path) -> str:
    """The root's path inside its repository (`site/` in a monorepo, "" at the top), after
    making sure the history is whole."""
    with _reading(root):
        shallow, prefix = repo_state(root)
    if shallow:
        raise NoHistory(f"{OFF}: this is a shallow clone; run `git fetch --unshallow`")
    return prefix
