"""The site's Content-Security-Policy, with a hash for every inline script the templates ship.

Material and our templates write small inline scripts into every page, and their SHA-256 change
with the theme version, the features and the page depth. So the policy is built from what we ship,
not from what we find: :func:`template_scripts` makes each inline script of the templates a
pattern whose Jinja expressions are holes that no code can be written with (no parentheses, ``=``,
``;``, backtick, backslash or ``<``), and :func:`site_policy` hashes a built page's script only if
it fills one in, outside the page's content. Any other inline script or event handler gets no
hash, so the browser blocks it; refusing it with file and line is checks/safety.py's job. The
result is an nginx include (:func:`nginx_include`) that ``deploy/nginx.conf`` loads.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Every directive but script-src, whose sources are 'self' and the hashes. Same-origin only:
# nothing may come from the network (fonts are off, no CDN); data: for Material's CSS icons.
DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
)

# <script ATTRS>BODY</script>: the body is raw text up to the first </script (HTML's rule).
SCRIPT = re.compile(
    r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
# one attribute: name, then an optional ="…", ='…' or bare value
ATTRIBUTE = re.compile(
    r"(?P<name>[^\s=/>]+)"
    r"""(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+)))?"""
)
# the element that holds the page's own (Markdown) content, in Material's layout
ARTICLE = re.compile(r"<article\b.*?</article\s*>", re.IGNORECASE | re.DOTALL)
# type values a browser runs as script (absent or empty also runs); others are data blocks
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})

INCLUDE_PATH = "_nginx/csp.conf"  # inside the built site; deploy/nginx.conf includes it

# A Jinja tag in a template script: {{ expression }}, {% statement %} or {# comment #}.
JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# What an expression may become in a script the site allows: a relative URL, a language code,
# JSON of those ("/", ["zh", "ja"]). No character that calls, assigns, ends a statement or a
# script, or escapes: nothing written here can run.
HOLE = r'[\w./:"\[\], -]*'


@dataclass(frozen=True)
class InlineScript:
    """One inline script the browser would run: where it is and what CSP calls it."""

    path: str
    line: int
    source: str  # 'sha256-…'
    in_content: bool  # inside the page's <article>: from Markdown, not from a template
    body: str = ""  # its text, line breaks as the browser reads them


@dataclass
class SitePolicy:
    """The policy for one built site."""

    hashes: dict[str, str] = field(default_factory=dict)  # source -> first page that uses it

    @property
    def header(self) -> str:
        return policy(self.hashes)


def _as_parsed(text: str) -> str:
    """The text with its line breaks as an HTML parser reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def script_hash(body: str) -> str:
    """CSP's name for an inline script: base64 SHA-256 of its text, newlines as parsed."""
    digest = hashlib.sha256(_as_parsed(body).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _runs(attributes: str) -> bool:
    """True for an inline script the browser executes (no src, a JavaScript type)."""
    values = {
        m["name"].lower(): m["double"] or m["single"] or m["bare"] or ""
        for m in ATTRIBUTE.finditer(attributes)
    }
    return "src" not in values and values.get("type", "").strip().lower() in SCRIPT_TYPES


def inline_scripts(html: str, path: str = "") -> list[InlineScript]:
    """Every inline script of one page that a browser would run, in order."""
    content = [m.span() for m in ARTICLE.finditer(html)]
    found = []
    for m in SCRIPT.finditer(html):
        if not _runs(m["attributes"]):
            continue
        at, body = m.start(), _as_parsed(m["body"])
        in_content = any(lo <= at < hi for lo, hi in content)
        line = html.count("\n", 0, at) + 1
        found.append(InlineScript(path, line, script_hash(body), in_content, body))
    return found


def policy(hashes: Iterable[str]) -> str:
    """The header value: every directive, script-src with 'self' and the sorted hashes."""
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return "; ".join([DIRECTIVES[0], f"script-src {scripts}", *DIRECTIVES[1:]])


def template_scripts(template_dirs: Iterable[Path]) -> list[re.Pattern[str]]:
    """The inline scripts the templates can write, one pattern each. ``template_dirs`` in the
    theme's order (overrides first): an overridden template is not read, as Jinja reads none."""
    seen: set[str] = set()
    patterns: dict[str, re.Pattern[str]] = {}
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            if name in seen:
                continue
            seen.add(name)
            text = path.read_text(encoding="utf-8")
            for m in SCRIPT.finditer(text):
                if not _runs(JINJA_TAG.sub("", m["attributes"])):
                    continue
                body = m["body"].replace("\r\n", "\n")
                holes = [HOLE if tag.startswith("{{") else "" for tag in JINJA_TAG.findall(body)]
                texts = [re.escape(text) for text in JINJA_TAG.split(body)]
                regex = "".join(text + hole for text, hole in zip(texts, [*holes, ""], strict=True))
                patterns.setdefault(regex, re.compile(regex))
    return list(patterns.values())


def site_policy(site: Path, shipped: Iterable[re.Pattern[str]] = ()) -> SitePolicy:
    """The hashes of the inline scripts of a built site that the templates ship (``shipped``,
    from :func:`template_scripts`); every other inline script gets none."""
    result = SitePolicy()
    shipped = list(shipped)
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        for script in inline_scripts(page.read_text(encoding="utf-8", errors="replace"), rel):
            if not script.in_content and any(p.fullmatch(script.body) for p in shipped):
                result.hashes.setdefault(script.source, rel)
    return result


def nginx_include(header: str) -> str:
    """The include file ``deploy/nginx.conf`` loads: the header, sent on every response."""
    if '"' in header or "\n" in header:
        raise ValueError(f"a CSP header cannot hold a quote or a newline: {header!r}")
    return (
        "# Generated by `make build` (the translations plugin) from this build's inline scripts.\n"
        "# Do not edit: rebuild, copy the site, then `nginx -s reload`.\n"
        f'add_header Content-Security-Policy "{header}" always;\n'
    )


def header_from_include(text: str) -> str | None:
    """The policy an include file sends (None if it sends none): the tests read it back."""
    m = re.search(r'add_header\s+Content-Security-Policy\s+"(?P<policy>[^"]*)"', text)
    return m["policy"] if m else None
