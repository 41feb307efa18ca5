"""Earlier versions of the English pages, from git: the text that a Chinese page's
`translation_of` names.

A stamp is the body hash of the English text a translation follows (source.body_hash). When the
English page has moved on, that text is found again by hashing each committed version of the
English file: one `git log` for every file asked about, one `git cat-file --batch` for all their
versions. Nothing runs when every translation is up to date, the usual case. No library reads
git history for us here (GitPython would be a dependency for two commands), so this module
calls the git command line. Pure: no MkDocs.
"""

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
EMPTY_BLOB = "0" * 40  # the "new" blob of a deletion in `git log --raw`
# Why a translated version was not found (NotFound.reason).
NO_GIT, SHALLOW, NOT_IN_HISTORY = "no-git", "shallow", "not-in-history"


@dataclass(frozen=True)
class Version:
    """One committed version of a file."""

    commit: str  # full hash of the commit that wrote this version
    date: dt.date  # its committer date, in UTC (the same on every machine)
    text: str  # the file, decoded as the checks read it


@dataclass(frozen=True)
class Translated:
    """The English version a stamp names, and when the English first changed after it."""

    version: Version
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


def _file_versions(folder: Path, prefix: str, names: Sequence[str]) -> dict[str, list[tuple]]:
    """Per name (relative to folder): (commit, date, blob) of each commit that changed it,
    newest first, as `git log` orders them (never a parent before its children)."""
    out = _git(
        folder,
        ["log", "--format=commit %H %ct", "--raw", "--no-abbrev", "--no-renames", "--", *names],
    ).decode("utf-8", "replace")
    versions: dict[str, list[tuple]] = {name: [] for name in names}
    commit, date = "", dt.date.min
    for line in out.splitlines():
        if line.startswith("commit "):
            _, commit, stamp = line.split(" ")
            date = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date()
        elif line.startswith(":"):
            info, _, path = line.partition("\t")
            blob = info.split(" ")[3]
            name = path.removeprefix(prefix)
            if name in versions and blob != EMPTY_BLOB:
                versions[name].append((commit, date, blob))
    return versions


def _blobs(folder: Path, blobs: set[str]) -> dict[str, bytes]:
    """The content of each blob, from one `git cat-file --batch`."""
    out = _git(folder, ["cat-file", "--batch"], "".join(f"{b}\n" for b in sorted(blobs)).encode())
    found: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        blob, kind, size = out[pos:end].decode().split(" ")
        start = end + 1
        if kind == "blob":
            found[blob] = out[start : start + int(size)]
        pos = start + int(size) + 1  # content, then a newline
    return found


def find_translated(folder: Path, wanted: dict[str, str]) -> dict[str, Translated | NotFound]:
    """For each English file (name relative to `folder`) the version whose body hash is the
    recorded one: the newest such version, as a text reverted to an older state is that state.

    Never raises: a folder without git history, a shallow clone or a hash that no version has
    gives a NotFound, which the caller turns into a message naming the command that fixes it."""
    if not wanted:
        return {}
    names = sorted(wanted)
    try:
        shallow, prefix = (
            _git(folder, ["rev-parse", "--is-shallow-repository", "--show-prefix"])
            .decode("utf-8", "replace")
            .split("\n")[:2]
        )
        versions = _file_versions(folder, prefix, names)
        contents = _blobs(folder, {blob for found in versions.values() for *_, blob in found})
    except OSError as error:
        return {name: NotFound(NO_GIT, str(error)) for name in names}
    missing = NotFound(SHALLOW if shallow == "true" else NOT_IN_HISTORY)
    found: dict[str, Translated | NotFound] = {}
    for name in names:
        found[name] = missing
        later: dt.date | None = None  # date of the newer version seen last (the next in time)
        for commit, date, blob in versions[name]:
            read = _read(contents.get(blob), name)
            if read is not None and read[1] == wanted[name]:
                found[name] = Translated(Version(commit, date, read[0]), later)
                break
            later = date
    return found


def _read(raw: bytes | None, name: str) -> tuple[str, str] | None:
    """A committed version as the checks read it, and its body hash; None if it cannot be read
    (then it is not the version a stamp names: stamping reads a file the same way)."""
    if raw is None:
        return None
    try:
        text = decode(raw, name)
        return text, body_hash(split_front_matter(text, name).body)
    except InputError:
        return None
