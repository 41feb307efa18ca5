"""Reading files: UTF-8 (or the line of the first bad byte), front matter, YAML with lines."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from translations.model import InputError

# libyaml's loader when it is installed, else the pure-Python one: the same documents and errors.
# libyaml when PyYAML has it (about ten times faster than the pure-Python loader)
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The largest page or data file read, in bytes: ours are under 15 KB, and a page of megabytes
# would take minutes to build (CONTRIBUTING.md, "Budgets"; a site sets its own with
# the plugin option `max_file_kib`).
MAX_FILE_BYTES = 512 * 1024

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
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        problem = f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {column})"
        raise InputError.at(rel, line, f"{problem}; save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def read_text(path: Path | str, rel: str, limit: int = MAX_FILE_BYTES) -> str:
    """Read a file as UTF-8 text, or raise an InputError naming it; a file of more than `limit`
    bytes is refused before it is read."""
    try:
        with open(path, "rb") as file:
            raw = file.read(limit + 1)
    except OSError as exc:
        raise InputError.at(rel, 1, f"cannot read file: {exc.strerror}") from None
    if len(raw) > limit:
        size = f"file is {Path(path).stat().st_size:,} bytes, more than the {limit:,}"
        advice = "split it (or raise the plugin option max_file_kib in mkdocs.yml)"
        raise InputError.at(rel, 1, f"{size} a page or data file may have; {advice}")
    return decode(raw, rel)


def _yaml_problem(exc: yaml.YAMLError, rel: str, first_line: int, what: str) -> InputError:
    """Turn a YAML error into `file:line: malformed ...` (first_line: file line of YAML line 1)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = first_line + (mark.line if mark is not None else 0)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError.at(rel, line, f"malformed {what}: {problem}")


def body_line(text: str) -> int:
    """File line of a page's first body line: just after its front matter, if it has one."""
    match = FRONT_MATTER_RE.match(text)
    return text.count("\n", 0, match.end()) + 1 if match else 1


def split_front_matter(text: str, rel: str) -> Source:
    """Split a page into front matter (parsed as YAML, whose errors name the file and line) and
    body; the body keeps its file line numbers."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        return Source(rel, {}, text, 1, {}, {})
    meta, meta_lines, meta_raw = _yaml_front_matter(match["yaml"], rel)
    first = text.count("\n", 0, match.end()) + 1
    return Source(rel, meta, text[match.end() :], first, meta_lines, meta_raw)


def _compose(text: str, rel: str, first_line: int, what: str) -> tuple[Any, Any]:
    """Parse YAML into its node graph and its value; malformed YAML is an InputError naming the
    line (first_line: the file line of the YAML's first line), and so are two things YAML reads
    silently in a way their writer may not have meant:
    - an alias (`*name`): a few lines of nested aliases expand to billions of values;
    - a key given twice in one mapping: YAML keeps the last, so a second `price:` or `title:`
      would change the value every check has read from the first."""
    try:
        for event in yaml.parse(text, Loader=YAML_LOADER):
            if isinstance(event, yaml.AliasEvent):
                line = first_line + event.start_mark.line
                alias = f"a YAML alias (*{event.anchor}) repeats a value written elsewhere"
                raise InputError.at(rel, line, f"malformed {what}: {alias}; write the value out")
        loader = YAML_LOADER(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, None
            _refuse_repeated_keys(node, rel, first_line, what)
            return node, loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, rel, first_line, what) from None


def _refuse_repeated_keys(root: Any, rel: str, first_line: int, what: str) -> None:
    """A key given twice in one mapping, anywhere in the document (which holds no alias)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            keys: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                line = first_line + key_node.start_mark.line
                if key in keys:
                    twice = f"the key `{_short(key)}` is given twice (also at line {keys[key]})"
                    problem = f"malformed {what}: {twice}; YAML would keep only the last"
                    raise InputError.at(rel, line, problem)
                keys[key] = line
                stack += (key_node, value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _short(value: object, width: int = 60) -> str:
    """A value as a message shows it: one line, at most `width` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _yaml_front_matter(raw: str, rel: str) -> tuple[dict[str, Any], dict[str, int], dict[str, str]]:
    node, meta = _compose(raw, rel, 2, "front matter")
    if node is None:
        return {}, {}, {}
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        raise InputError.at(rel, 2, "malformed front matter: expected `key: value` lines")
    meta_lines: dict[str, int] = {}
    meta_raw: dict[str, str] = {}
    for key_node, value_node in node.value:
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
        """1-based line of the node reached by following mapping keys / sequence indexes, or of
        the last node found on the way."""
        node = self.node
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                child = next((value for name, value in node.value if name.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                child = node.value[key] if key < len(node.value) else None
            else:
                break
            if child is None:
                break
            node = child
        return node.start_mark.line + 1 if node is not None else 1


def load_yaml(path: Path, rel: str, limit: int = MAX_FILE_BYTES) -> YamlDoc:
    """Parse a data file; malformed YAML is an InputError with its file and line."""
    node, data = _compose(read_text(path, rel, limit), rel, 1, "YAML")
    return YamlDoc(rel, data, node)
