"""Translation status from git alone, for a site whose translations carry no stamp.

A translation is behind when its reference page has a commit after the translation's last
commit: the translator's last commit is taken as the moment the two were in step, so the
reference as it was in that commit is the version the translation follows. "After" is the
order of `git log --topo-order` (a child before its parents), so a commit that changed both
files leaves them in step, whatever their dates. Edits not committed yet do not count.

Three git calls for the whole site, however many pages: `rev-parse`, one `git log
--name-only` over the docs folders, and one `git cat-file --batch` for the reference versions
of the pages that are behind. A folder that is not a git repository, a shallow clone or a
missing `git` is a NoHistory with one line saying so, never a traceback. Pure: no MkDocs;
works on (reference path, translation path) pairs, so any number of translations and any layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translations.lifecycle.history import _git
from translations.model import InputError
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
    log = ["log", "--topo-order", "-z", "--no-renames", "--name-only", "--format=%x01%H %ct"]
    out = _run(root, [*log, "--", *folders])
    found: dict[str, list[Commit]] = {path: [] for path in wanted}
    for order, chunk in enumerate(out.split(b"\x01")[1:]):
        head, _, names = chunk.partition(b"\0")
        sha, stamp = head.decode("ascii").split(" ")
        commit = Commit(order, sha, dt.datetime.fromtimestamp(int(stamp), dt.UTC).date())
        for raw in names.split(b"\0"):
            name = raw.strip(b"\n").decode("utf-8", "replace").removeprefix(prefix)
            if name in found:
                found[name].append(commit)
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
    texts = _versions(root, [f"{b.last.sha}:{prefix}{pair[0]}" for pair, b in found.items()])
    return {
        pair: Behind(b.last, b.since, b.commits, texts.get(f"{b.last.sha}:{prefix}{pair[0]}"))
        for pair, b in found.items()
    }


def behind_note(translation: str, name: str, summary: str, found: Behind, reference: str) -> str:
    """The line `check` and the build log for a page behind (news, not a defect)."""
    return (
        f"{translation}: {summary} ({reference} has {found.commits} commit"
        f"{'' if found.commits == 1 else 's'} after the translation's last, "
        f"{found.last.sha[:12]} of {found.last.date.isoformat()}); "
        f"`python -m translations status {name}` lists what changed"
    )


def _run(root: Path, args: list[str]) -> bytes:
    try:
        return _git(root, args)
    except OSError as error:
        text = str(error)
        if "not a git repository" in text:
            raise NoHistory(
                f"{OFF}: {root} is not a git repository; run the command in a clone"
            ) from None
        raise NoHistory(f"{OFF}: {text}") from None


def _prefix(root: Path) -> str:
    """The root's path inside its repository (`site/` in a monorepo, "" at the top), after
    making sure the history is whole."""
    shallow, prefix = (
        _run(root, ["rev-parse", "--is-shallow-repository", "--show-prefix"])
        .decode("utf-8", "replace")
        .split("\n")[:2]
    )
    if shallow == "true":
        raise NoHistory(f"{OFF}: this is a shallow clone; run `git fetch --unshallow`")
    return prefix


def _versions(root: Path, objects: list[str]) -> dict[str, str]:
    """`commit:path` -> the file's text then, from one `git cat-file --batch`; an object that
    does not exist (the file was not there) or is not UTF-8 text is left out."""
    try:
        out = _git(root, ["cat-file", "--batch"], "".join(f"{o}\n" for o in objects).encode())
    except OSError as error:
        raise NoHistory(f"{OFF}: {error}") from None
    found: dict[str, str] = {}
    pos = 0
    for name in objects:  # git answers in the order asked
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("utf-8", "replace")
        pos = end + 1
        if header.endswith(" missing") or header.endswith(" ambiguous"):
            continue
        size = int(header.rsplit(" ", 1)[1])
        raw = out[pos : pos + size]
        pos += size + 1  # content, then a newline
        try:
            found[name] = decode(raw, name)
        except InputError:
            continue
    return found
