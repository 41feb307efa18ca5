"""Earlier versions of the English pages, from git, and the git reader the lifecycle shares.

A stamp is the body hash of the English text a translation follows; when the English has moved
on, that text is found by hashing each committed version, with one `git log` and one `git
cat-file --batch` for every file asked about (none when every translation is up to date). The
git command line, as no library reads history without a dependency. Pure: no MkDocs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translations.model import InputError
from translations.read.source import body_hash, decode, split_front_matter

GIT_TIMEOUT = 120  # seconds; a history walk of a docs folder takes a fraction of one
# Why a translated version was not found (NotFound.reason).
NO_GIT, SHALLOW, NOT_IN_HISTORY = "no-git", "shallow", "not-in-history"


@dataclass(frozen=True)
class Translated:
    """The committed English version a stamp names, and when the English first changed after it."""

    commit: str  # full hash of the commit that wrote this version
    date: dt.date  # its committer date, in UTC (the same on every machine)
    text: str  # the file, decoded as the checks read it
    changed_on: dt.date | None  # None: no later commit; only the working tree differs


@dataclass(frozen=True)
class NotFound:
    """A stamp whose English version cannot be read; detail is git's own words, if any."""

    reason: str  # NO_GIT, SHALLOW or NOT_IN_HISTORY
    detail: str = ""


def _git(folder: Path, args: Sequence[str], stdin: bytes | None = None) -> bytes:
    """Run git in `folder`; a failure is an OSError carrying git's first line of complaint."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder,
            input=stdin,
            capture_output=True,
            env=env,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise OSError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise OSError(f"git {args[0]} took longer than {GIT_TIMEOUT} s") from None
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        first = lines[0].removeprefix("fatal: ") if lines else f"exit code {result.returncode}"
        raise OSError(f"git {args[0]}: {first}")
    return result.stdout


def repo_state(folder: Path) -> tuple[bool, str]:
    """Whether the repository is a shallow clone, and the folder's path inside it (`docs/`, ""
    at the top): the prefix of every path git prints."""
    out = _git(folder, ["rev-parse", "--is-shallow-repository", "--show-prefix"])
    shallow, prefix = out.decode("utf-8", "replace").split("\n")[:2]
    return shallow == "true", prefix


def git_log(
    folder: Path, prefix: str, paths: Sequence[str], *options: str
) -> list[tuple[str, dt.date, list[str]]]:
    """The commits that changed `paths`, newest first, each as its hash, its committer date in
    UTC (the same on every machine) and the files it changed, from one `git log`; paths are
    relative to `folder`, whose path in the repository is `prefix` (repo_state)."""
    # a merge lists what it changed on its first parent's line: a version made by merging two
    # branches' edits exists in no other commit (by default git lists no files for a merge)
    log = ["log", *options, "-z", "--no-renames", "--name-only", "--diff-merges=first-parent"]
    log.append("--format=%x01%H %ct")
    commits = []
    for chunk in _git(folder, [*log, "--", *paths]).split(b"\x01")[1:]:
        head, _, names = chunk.partition(b"\0")
        sha, stamp = head.decode("ascii").split(" ")
        day = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
        files = [raw.strip(b"\n").decode("utf-8", "replace") for raw in names.split(b"\0")]
        inside = [file.removeprefix(prefix) for file in files if file and file.startswith(prefix)]
        commits.append((sha, day, inside))
    return commits


def cat_file(folder: Path, objects: Sequence[str]) -> dict[str, bytes]:
    """`commit:path` -> the file's bytes then, from one `git cat-file --batch`; an object that
    does not exist (the file was not there, or was deleted) is left out."""
    out = _git(folder, ["cat-file", "--batch"], "".join(f"{o}\n" for o in objects).encode())
    found: dict[str, bytes] = {}
    pos = 0
    for name in objects:  # git answers in the order asked
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("utf-8", "replace")
        pos = end + 1
        if header.endswith((" missing", " ambiguous")):
            continue
        kind, size = header.rsplit(" ", 2)[1:]
        if kind == "blob":
            found[name] = out[pos : pos + int(size)]
        pos += int(size) + 1  # content, then a newline
    return found


def find_translated(folder: Path, wanted: dict[str, str]) -> dict[str, Translated | NotFound]:
    """For each English file (name relative to `folder`) the newest version whose body hash is
    the recorded one; never raises: no history, a shallow clone or a hash no version has is a
    NotFound, which the caller turns into a message naming the command that fixes it."""
    if not wanted:
        return {}
    names = sorted(wanted)
    versions: dict[str, list[tuple[str, dt.date]]] = {name: [] for name in names}
    try:
        shallow, prefix = repo_state(folder)
        for sha, day, files in git_log(folder, prefix, names):
            for file in files:
                if file in versions:
                    versions[file].append((sha, day))
        objects = [f"{sha}:{prefix}{name}" for name in names for sha, _ in versions[name]]
        contents = cat_file(folder, objects)
    except OSError as error:
        return {name: NotFound(NO_GIT, str(error)) for name in names}
    found: dict[str, Translated | NotFound] = {}
    for name in names:
        found[name] = NotFound(SHALLOW if shallow else NOT_IN_HISTORY)
        later: dt.date | None = None  # date of the newer version seen last (the next in time)
        for sha, day in versions[name]:
            raw = contents.get(f"{sha}:{prefix}{name}")
            if raw is None:
                continue  # the commit deleted the file
            read = _read(raw, name)
            if read is not None and read[1] == wanted[name]:
                found[name] = Translated(sha, day, read[0], later)
                break
            later = day
    return found


def _read(raw: bytes, name: str) -> tuple[str, str] | None:
    """A committed version as the checks read it, and its body hash; None if it cannot be read
    (then it is not the version a stamp names: stamping reads a file the same way)."""
    try:
        text = decode(raw, name)
        return text, body_hash(split_front_matter(text, name).body)
    except InputError:
        return None
