"""Reading files: UTF-8 (or the line of the first bad byte), front matter, YAML with lines."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import InputError

# libyaml when present: front matter is parsed for every page of every build.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

READ_SIZE = 1 << 16  # bytes per read: most pages take one

# Front matter: a first line of exactly `---`, then YAML, then a closing `---` (or `...`) line.
FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\n"  # opening delimiter on the first line
    r"(?P<yaml>.*?)"  # the YAML itself, as little as possible
    r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)",  # closing delimiter on a line of its own
    re.DOTALL | re.MULTILINE,
)


@dataclass(frozen=True)
class Source:
    """A Markdown file split into front matter and body, line numbers kept."""

    rel: str  # path shown in messages, e.g. docs/zh/crm.md
    meta: dict[str, Any]
    body: str
    body_line: int  # file line of the first body line
    meta_lines: dict[str, int]  # front matter key -> file line
    meta_raw: dict[str, str]  # front matter key -> its value as written (hashes stay text)


def decode(raw: bytes, rel: str) -> str:
    """UTF-8 text with normalised line endings, or an InputError naming the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = raw[exc.start]
        raise InputError.at(
            rel,
            line,
            f"not valid UTF-8 (byte 0x{bad:02x} at column {column}); save the file as UTF-8",
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff")


def read_text(path: Path | str, rel: str) -> str:
    """Read a file once, as UTF-8 text (os.read: no buffered file object for a one-shot read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            chunks = []
            while chunk := os.read(fd, READ_SIZE):
                chunks.append(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise InputError.at(rel, 1, f"cannot read file: {exc.strerror}") from None
    return decode(chunks[0] if len(chunks) == 1 else b"".join(chunks), rel)


def _yaml_problem(exc: yaml.YAMLError, rel: str, first_line: int, what: str) -> InputError:
    """Turn a YAML error into `file:line: malformed ...` (first_line: file line of YAML line 1)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = first_line + (mark.line if mark is not None else 0)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError.at(rel, line, f"malformed {what}: {problem}")


# A front matter line simple enough to read without YAML: `key: plain text` or `key: [a, b]`
# (plain scalars: no indicator first, no ": " or " #" inside; list items: no flow indicators).
# A plain scalar is then checked in Python for ": " and " #" (cheaper than a lookahead per char).
SIMPLE_LINE_RE = re.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_]*):[ \t]+"
    r"(?:\[(?P<items>[^\[\]{}#&*!|>'\"%@`:\n]*)\][ \t]*"  # flow sequence of plain scalars
    r"|(?P<plain>[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\t\n]*))"  # plain scalar
)
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers  # how YAML types a plain scalar


def _is_str(value: str) -> bool:
    """Whether YAML reads this plain scalar as a string (not a number, bool, date or null)."""
    return bool(value) and not any(
        regexp.match(value) for _tag, regexp in _IMPLICIT.get(value[0], ())
    )


def _simple_front_matter(raw: str) -> tuple[dict[str, Any], dict[str, int], dict[str, str]] | None:
    """Front matter made only of simple lines, read without YAML; None when YAML is needed."""
    meta: dict[str, Any] = {}
    lines: dict[str, int] = {}
    written: dict[str, str] = {}
    for number, line in enumerate(raw.split("\n"), start=2):
        if not line:
            continue
        match = SIMPLE_LINE_RE.fullmatch(line)
        if match is None or match["key"] in meta:
            return None
        plain, items = match["plain"], match["items"]
        if plain is not None:
            plain = plain.rstrip(" ")
            if ": " in plain or " #" in plain or plain.endswith(":") or not _is_str(plain):
                return None
            value: Any = plain
        else:
            value = [item.strip() for item in items.split(",")] if items.strip() else []
            if not all(_is_str(item) for item in value):
                return None
        meta[match["key"]] = value
        lines[match["key"]] = number
        written[match["key"]] = plain if plain is not None else items
    return meta, lines, written


def split_front_matter(text: str, rel: str) -> Source:
    """Split a page into front matter (parsed) and body; the body keeps its file line numbers.

    Simple front matter (the usual `key: text` and `key: [a, b]` lines) is read directly; anything
    else goes through YAML, whose errors name the file and line."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return Source(rel, {}, text, 1, {}, {})
    raw = match.group("yaml")
    simple = _simple_front_matter(raw)
    if simple is not None:
        meta, meta_lines, meta_raw = simple
    else:
        meta, meta_lines, meta_raw = _yaml_front_matter(raw, rel)
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    return Source(rel, meta, body, body_line, meta_lines, meta_raw)


def _yaml_front_matter(raw: str, rel: str) -> tuple[dict[str, Any], dict[str, int], dict[str, str]]:
    loader = _Loader(raw)
    try:
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, rel, 2, "front matter") from None
    finally:
        loader.dispose()
    if not isinstance(meta, dict) or not isinstance(node, (yaml.MappingNode, type(None))):
        raise InputError.at(rel, 2, "malformed front matter: expected `key: value` lines")
    meta_lines: dict[str, int] = {}
    meta_raw: dict[str, str] = {}
    for key_node, value_node in node.value if node is not None else ():
        key = key_node.value
        if isinstance(key, str) and key not in meta_lines:
            meta_lines[key] = key_node.start_mark.line + 2
            if isinstance(value_node, yaml.ScalarNode):
                meta_raw[key] = value_node.value  # as written: a hash stays text
    return meta, meta_lines, meta_raw


def body_hash(body: str) -> str:
    """The staleness record: first 12 hex digits of sha256 of the body (front matter excluded)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML data file that still knows the line of every node."""

    rel: str
    data: Any
    node: Any

    def line(self, *keys: str | int) -> int:
        """1-based line of the node reached by following mapping keys / sequence indexes."""
        node = self.node
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == key:
                        node = value_node
                        break
                else:
                    break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(key, int)
                and key < len(node.value)
            ):
                node = node.value[key]
            else:
                break
        return node.start_mark.line + 1 if node is not None else 1


def load_yaml(path: Path, rel: str) -> YamlDoc:
    """Parse a data file; malformed YAML is an InputError with its file and line."""
    text = read_text(path, rel)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, rel, 1, "YAML") from None
    finally:
        loader.dispose()
    return YamlDoc(rel, data, node)
