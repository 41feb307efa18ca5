"""The gates' tools: a link checker, axe-core, a static server, a request watch and a tree diff.

Each gate runs a tool that no one here wrote (LinkChecker, axe-core, Python's own http.server)
and turns its report into a list of problems: an empty list passes. The negative controls feed
the same functions a tiny site with one known fault and assert that the fault is in the list.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from tests.sitebuild import REPO, Build, build_mini_site

MINI = REPO / "tests" / "fixtures" / "mini"

# --------------------------------------------------------------------------------------------
# Small sites with one known fault each (negative controls)


def build_variant(
    workdir: Path,
    appends: dict[str, str],
    tweak: Callable[[dict[str, Any]], None] | None = None,
) -> Build:
    """The two-page fixture tree with ``appends[path]`` added to the end of each named page.

    Built like ``build_mini_site`` (real theme, plugins and output hooks), strictly, into
    ``workdir``. Raw HTML in the appended Markdown reaches the page untouched, so a fault that
    MkDocs itself would reject (a link to a missing page) can still be planted.
    """
    docs = workdir / "docs"
    shutil.copytree(MINI, docs)
    for rel, text in appends.items():
        page = docs / rel
        page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")

    def use_docs(config: dict[str, Any]) -> None:
        config["docs_dir"] = str(docs)
        if tweak is not None:
            tweak(config)

    return build_mini_site(workdir / "build", use_docs)


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site, both languages, without the 404 pages (made for hosts)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


# --------------------------------------------------------------------------------------------
# LinkChecker (PyPI: LinkChecker), over file:// or http://

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# As root, LinkChecker switches its effective user to "nobody", who cannot read pytest's private
# temporary folders (mode 0700). CI runs as root, so there the same entry point runs with that
# step skipped; as any other user this is exactly the `linkchecker` command.
_AS_ROOT = (
    "import sys\n"
    "from linkcheck.command import linkchecker as cli\n"
    "cli.drop_privileges = lambda: None\n"
    "sys.exit(cli.linkchecker())\n"
)
ANCHOR_CONFIG = "[AnchorCheck]\n"  # the plugin that checks #fragments; off unless configured


@dataclass(frozen=True)
class CheckedUrl:
    """One row of LinkChecker's XML report."""

    url: str  # as written in the page
    real: str  # resolved
    parent: str  # the page holding the link ("" for a start URL)
    line: str
    extern: bool
    valid: bool
    result: str  # "filtered" for an external URL whose syntax only was checked
    warnings: tuple[str, ...]

    def where(self) -> str:
        return f"{self.parent}:{self.line}" if self.parent else "(start URL)"


@dataclass
class LinkReport:
    """What LinkChecker checked and what it found wrong."""

    urls: list[CheckedUrl] = field(default_factory=list)
    returncode: int = 0
    log: str = ""

    @property
    def internal(self) -> list[CheckedUrl]:
        return [u for u in self.urls if not u.extern]

    @property
    def external(self) -> list[CheckedUrl]:
        """Links that leave the site (``data:`` URLs stay on the page and are skipped)."""
        return [u for u in self.urls if u.extern and not u.real.startswith("data:")]

    def problems(self) -> list[str]:
        """Broken internal links and every warning on one (a missing #anchor is a warning)."""
        out = []
        for u in self.internal:
            if not u.valid:
                out.append(f"{u.where()}: {u.url} -> {u.real}: {u.result}")
            out += [f"{u.where()}: {u.url} -> {u.real}: {w}" for w in u.warnings]
        return sorted(set(out))

    def broken(self, root: str = "") -> set[tuple[str, str]]:
        """(page relative to ``root``, URL as written) of every internal link with a problem."""
        return {
            (u.parent.removeprefix(root), u.url.strip())
            for u in self.internal
            if not u.valid or u.warnings
        }

    def external_listing(self, root: str = "") -> list[str]:
        """External URLs, each with a page (relative to ``root``) that links to it, sorted.

        LinkChecker reports a URL once per process, with the first page it was found on."""
        return sorted({f"{u.real}\t{u.parent.removeprefix(root)}" for u in self.external})


def linkcheck(
    urls: list[str],
    workdir: Path,
    *,
    anchors: bool = True,
    args: tuple[str, ...] = (),
    jobs: int = 1,
) -> LinkReport:
    """Run LinkChecker on ``urls`` (internal URLs only) and parse its XML reports.

    External URLs are never fetched (no ``--check-extern``): they are reported as "filtered".
    With ``anchors`` the config file enables the AnchorCheck plugin, so ``page.html#id`` fails
    when ``page.html`` has no element with that id. With ``jobs`` > 1 the start URLs are split
    between that many LinkChecker processes (it parses HTML in one thread; checking each
    #anchor re-reads its page, which is most of the time); pass ``--recursion-level 1`` with
    every page as a start URL, or each process crawls the whole site.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "linkcheckerrc"
    config.write_text(ANCHOR_CONFIG if anchors else "[output]\n", encoding="utf-8")
    command = [sys.executable, "-c", _AS_ROOT] if os.geteuid() == 0 else [str(LINKCHECKER)]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": "en", "NO_PROXY": "127.0.0.1"}
    options = [
        "--config",
        str(config),
        "--no-status",
        "--verbose",  # every URL, so that external ones can be listed
        "--threads",
        "0",  # parsing is CPU-bound: one thread per process is fastest
        "--output",
        "xml/utf-8",
        *args,
    ]
    chunks = [urls[i::jobs] for i in range(max(1, min(jobs, len(urls))))]
    runs = []
    for i, chunk in enumerate(chunks):
        out, err = workdir / f"report-{i}.xml", workdir / f"log-{i}.txt"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            proc = subprocess.Popen(
                [*command, *options, *chunk], stdout=stdout, stderr=stderr, env=env, cwd=workdir
            )
        runs.append((proc, out, err))
    report = LinkReport()
    for proc, out, err in runs:
        returncode = proc.wait(timeout=600)
        report.log += err.read_text(encoding="utf-8", errors="replace")
        # 0: clean, 1: problems found; anything else: LinkChecker itself failed
        report.returncode = max(report.returncode, returncode)
        if returncode in (0, 1):
            report.urls += _parse(out.read_bytes())
    return report


def _parse(xml: bytes) -> list[CheckedUrl]:
    rows = []
    for node in ET.fromstring(xml).iter("urldata"):
        parent = node.find("parent")
        valid = node.find("valid")
        rows.append(
            CheckedUrl(
                url=node.findtext("url", ""),
                real=node.findtext("realurl", ""),
                parent=(parent.text or "") if parent is not None else "",
                line=parent.get("line", "") if parent is not None else "",
                extern=node.findtext("extern", "0") == "1",
                valid=valid is not None and valid.text == "1",
                result=valid.get("result", "") if valid is not None else "",
                warnings=tuple(w.text or "" for w in node.iter("warning")),
            )
        )
    return rows


# --------------------------------------------------------------------------------------------
# The same link and #anchor check, in this process (the links gate on the real site)
#
# LinkChecker spends most of its 90 s on the real site re-reading a page for every #anchor that
# points into it. ``site_links`` reads each page once, with LinkChecker's own parser, tag table
# (``linkparse.LinkTags``: href, src, srcset, style url(), ...) and anchor rule (``AnchorTags``:
# every ``id`` and ``<a name>``), and applies LinkChecker's verdicts for file: URLs: a missing
# file, a missing #anchor in an HTML page, a directory without its trailing slash, whitespace
# around a URL, a URL over 2047 characters. tests/gates/test_links.py proves on planted faults
# that both report the same links.

URL_MAX_LENGTH = 2047  # linkcheck.checker.const.URL_MAX_LENGTH
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class FoundLink:
    """One URL in a page, as LinkChecker's parser finds it."""

    page: str  # file: URL of the page holding the link
    line: int
    url: str  # as written
    real: str  # resolved against the page (or its <base>)


@dataclass
class SiteLinks:
    """Every link of the pages read, and what is wrong with the internal ones."""

    links: list[FoundLink] = field(default_factory=list)
    problem_rows: list[tuple[FoundLink, str]] = field(default_factory=list)

    @property
    def internal(self) -> list[FoundLink]:
        return [u for u in self.links if u.real.startswith("file:")]

    @property
    def external(self) -> list[FoundLink]:
        """Links that leave the site (``data:`` URLs stay on the page and are skipped)."""
        return [
            u for u in self.links if not u.real.startswith(("file:", "data:")) and u.real.strip()
        ]

    def problems(self) -> list[str]:
        return sorted(
            {f"{u.page}:{u.line}: {u.url} -> {u.real}: {what}" for u, what in self.problem_rows}
        )

    def broken(self, root: str = "") -> set[tuple[str, str]]:
        """(page, URL as written) of every problem: what LinkReport.broken() lists too."""
        return {(u.page.removeprefix(root), u.url.strip()) for u, _ in self.problem_rows}

    def external_listing(self, root: str = "") -> list[str]:
        """External URLs, each with the first page (relative to ``root``) that links to it."""
        first: dict[str, str] = {}
        for u in self.external:
            first.setdefault(u.real, u.page.removeprefix(root))
        return sorted(f"{url}\t{page}" for url, page in first.items())


def _parse_page(path: Path) -> tuple[list[tuple[str, int, str]], set[str]]:
    """(URL, line, <base href>) of every link in an HTML file, and its anchors."""
    from linkcheck.htmlutil import htmlsoup, linkparse

    soup = htmlsoup.make_soup(path.read_bytes())
    links: list[tuple[str, int, str]] = []
    anchors: set[str] = set()

    def add_link(url: str | None, line: int, column: int, name: str, base: str) -> None:
        if url is not None:
            links.append((url, line, base))

    def add_anchor(url: str | None, line: int, column: int, name: str, base: str) -> None:
        if url is not None:
            anchors.add(url)

    linkparse.find_links(soup, add_link, linkparse.LinkTags)
    linkparse.find_links(soup, add_anchor, linkparse.AnchorTags)
    return links, anchors


def site_links(pages: list[Path]) -> SiteLinks:
    """Check every link of ``pages`` (internal ones only; external ones are listed)."""
    parsed: dict[Path, tuple[list[tuple[str, int, str]], set[str]]] = {}

    def read(path: Path) -> tuple[list[tuple[str, int, str]], set[str]]:
        if path not in parsed:
            parsed[path] = _parse_page(path)
        return parsed[path]

    report = SiteLinks()
    for page in pages:
        page_url = page.resolve().as_uri()
        for url, line, base in read(page.resolve())[0]:
            written = url.strip()
            real = urllib.parse.urljoin(base or page_url, written) if written else page_url
            found = FoundLink(page_url, line, url, real)
            report.links.append(found)
            if not real.startswith("file:"):
                continue
            for what in _file_url_problems(url, real, read):
                report.problem_rows.append((found, what))
    return report


def _file_url_problems(
    url: str, real: str, read: Callable[[Path], tuple[Any, set[str]]]
) -> Iterator[str]:
    """LinkChecker's verdicts on one file: URL (query ignored, as LinkChecker ignores it)."""
    if url != url.strip():
        yield "leading or trailing whitespace"
    if len(real) > URL_MAX_LENGTH:
        yield f"URL length {len(real)} is longer than {URL_MAX_LENGTH}"
    parts = urllib.parse.urlsplit(real)
    path = Path(urllib.parse.unquote(parts.path))
    if path.is_dir() and not path.is_symlink():
        if not parts.path.endswith("/"):
            yield "directory without its trailing slash"
        if parts.fragment:
            yield "an #anchor on a directory"
        return
    if not path.is_file():
        yield "no such file"
        return
    if parts.fragment and path.suffix.lower() in HTML_SUFFIXES:
        anchor = urllib.parse.unquote(parts.fragment)
        if anchor not in read(path.resolve())[1]:
            yield f"anchor #{anchor} not found"


# --------------------------------------------------------------------------------------------
# axe-core (bundled with axe-playwright-python) in the Playwright page

BLOCKING_IMPACTS = ("serious", "critical")


def axe_source() -> str:
    """axe.min.js as shipped inside the axe-playwright-python wheel."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


# Colours are measured as rendered: let CSS transitions (Material fades its tabs in) settle.
SETTLED = """() => document.getAnimations().every(a => a.playState !== 'running'
    || !a.effect || a.effect.getComputedTiming().iterations === Infinity)"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; return its violations of every rule that can
    report a serious or critical one (RUN_AXE)."""
    page.wait_for_load_state("load")
    page.wait_for_function(SETTLED, timeout=10_000)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(RUN_AXE, BLOCKING_IMPACTS)
    return result["violations"]


# axe.run with only the rules that can report a blocking impact. A rule's violation takes the
# highest impact among its failed checks, so a rule whose own impact and every check's impact
# (axe's metadata, read from the copy that runs) are below BLOCKING_IMPACTS can never block:
# those are switched off (a quarter of the rules, about a fifth of the time; color-contrast,
# the costly one, stays). A check without a known impact keeps its rule.
RUN_AXE = """(blocking) => {
  const checks = axe._audit.data.checks || {};
  const impacts = (rule) => [rule.impact, ...[...rule.any, ...rule.all, ...rule.none]
    .map((check) => (checks[check.id || check] || {}).impact)];
  const off = axe._audit.rules.filter((rule) => impacts(rule)
    .every((impact) => impact && !blocking.includes(impact)));
  const rules = Object.fromEntries(off.map((rule) => [rule.id, {enabled: false}]));
  return axe.run(document, {resultTypes: ['violations'], rules});
}"""


def blocking(violations: list[dict[str, Any]], where: str = "") -> list[str]:
    """Serious and critical violations, one line per element: rule, impact, element, help."""
    out = []
    for rule in violations:
        if rule.get("impact") not in BLOCKING_IMPACTS:
            continue
        for node in rule["nodes"]:
            html = " ".join(node["html"].split())[:120]
            out.append(
                f"{where} {rule['id']} [{rule['impact']}] {node['target']} {html} -- {rule['help']}"
            )
    return out


# --------------------------------------------------------------------------------------------
# Browser traffic


def block_external(page: Any, allowed: str, *, this_tab: bool = False) -> None:
    """Abort (after logging) every http(s) request that does not go to ``allowed``: the
    requests of every tab of ``page``'s context, or with ``this_tab`` of ``page`` alone (a tab
    of a context that tests of other origins share, tests/browser/tabs.py).

    The gates record what a page asks for; nothing is actually fetched from the internet,
    and an offline machine behaves like an online one.
    """
    pattern = re.compile(r"^(?!" + re.escape(allowed) + r")https?://")
    (page if this_tab else page.context).route(pattern, lambda route: route.abort())


def visit(page: Any, url: str) -> list[str]:
    """Open ``url`` and wait until its network is idle; return the URLs it requested."""
    return visit_all(page, [url], tabs=1)[url]


def visit_all(page: Any, urls: list[str], tabs: int = 6) -> dict[str, list[str]]:
    """Open every URL, ``tabs`` at a time in tabs of ``page``'s context, each until its network
    is idle (Playwright: no request for 500 ms); return the URLs each page requested."""
    pool = [page, *(page.context.new_page() for _ in range(min(tabs, len(urls)) - 1))]
    logs: list[list[str]] = [[] for _ in pool]
    for tab, log in zip(pool, logs, strict=True):
        tab.on("request", lambda request, log=log: log.append(request.url))
    seen: dict[str, list[str]] = {}
    try:
        for start in range(0, len(urls), len(pool)):
            batch = list(zip(pool, logs, urls[start : start + len(pool)], strict=False))
            for tab, log, url in batch:
                log.clear()
                tab.goto(url, wait_until="commit")
            for tab, log, url in batch:
                tab.wait_for_load_state("networkidle")
                seen[url] = list(log)
    finally:
        # pytest-playwright screenshots every open page when the context closes (then deletes
        # the pictures of a passing test): left open, the extra tabs cost 20 s of teardown
        for tab in pool[1:]:
            tab.close()
    return seen


# --------------------------------------------------------------------------------------------
# What pages fetch, read from the files: the offline gate's static half

# <link> relations whose href the browser fetches as the page loads (not canonical, alternate)
FETCHING_RELS = frozenset(
    {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload", "prefetch"}
    | {"modulepreload", "manifest", "prerender"}
)
# attributes whose value the browser fetches wherever they stand (<img src>, <video poster>...)
FETCHING_ATTRS = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
REFRESH_URL = re.compile(r"""url\s*=\s*['"]?([^'"\s]+)""", re.IGNORECASE)
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # https://x, //x, ftp://x


class _PageReader(HTMLParser):
    """One pass over a page: the URLs it fetches without script, with their lines, and its
    element kinds (``tag``, ``tag.class``, ``tag[attribute]``, ``tag[data-x=value]``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetches: list[tuple[int, str]] = []
        self.kinds: set[str] = set()
        self._in_style = False

    def _css(self, text: str, line: int) -> None:
        for match in CSS_URL.finditer(text):
            url = match[1] or match[2]
            self.fetches.append((line + text.count("\n", 0, match.start()), url))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        self.kinds.add(tag)
        for name, value in values.items():
            self.kinds.add(f"{tag}[{name}]")
            if name.startswith("data-") or name in ("rel", "type", "lang"):
                self.kinds.add(f"{tag}[{name}={value}]")
        self.kinds.update(f"{tag}.{c}" for c in values.get("class", "").split())
        for name, value in values.items():
            if name in FETCHING_ATTRS:
                urls = [part.split()[0] for part in value.split(",") if part.strip()]
                self.fetches += [(line, url) for url in (urls if name == "srcset" else [value])]
            elif name == "style":
                self._css(value, line)
        if tag == "link" and FETCHING_RELS & set(values.get("rel", "").lower().split()):
            self.fetches.append((line, values.get("href", "")))
        refresh = tag == "meta" and values.get("http-equiv", "").lower() == "refresh"
        if refresh and (match := REFRESH_URL.search(values.get("content", ""))):
            self.fetches.append((line, match[1]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css(data, self.getpos()[0])


def read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader


def static_requests(site: Path) -> list[str]:
    """Every URL off the site that a page or stylesheet of ``site`` fetches without running
    script, as ``file:line: url``: the src, srcset, poster and data of any element, the href of a
    <link> the browser loads (stylesheet, icon, preload...), url() and @import in a style
    attribute, a <style> element or a .css file, and a refresh's target."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            fetches = read_page(path).fetches
        elif path.suffix == ".css":
            reader = _PageReader()
            reader._css(path.read_text(encoding="utf-8"), 1)
            fetches = reader.fetches
        else:
            continue
        name = path.relative_to(site).as_posix()
        found += [f"{name}:{line}: {url}" for line, url in fetches if REMOTE.match(url)]
    return found


def pages_showing_every_kind(pages: list[Path]) -> list[Path]:
    """Few pages that, between them, hold every kind of element that any of ``pages`` holds,
    in each language (by ``<html lang>``) and at each folder depth: a script that reacts to
    a kind of element (Material fetches Mermaid when a page holds a diagram) meets it at least
    once. Greedy cover: the page with the most kinds not yet shown, until none is left."""
    groups: dict[tuple[str, int], dict[Path, frozenset[str]]] = {}
    for path in pages:
        kinds = read_page(path).kinds
        lang = next((k for k in kinds if k.startswith("html[lang=")), "")
        groups.setdefault((lang, len(path.parts)), {})[path] = frozenset(kinds)
    chosen = []
    for group in groups.values():
        left = set().union(*group.values())
        while left:
            best = max(group, key=lambda p: len(group[p] & left))
            chosen.append(best)
            left -= group[best]
    return sorted(chosen)


def leaving(requests: list[str], allowed: str) -> list[str]:
    """Requests that left ``allowed`` (``data:`` and ``blob:`` stay on the page)."""
    return [u for u in requests if not u.startswith((allowed, "data:", "blob:"))]


# --------------------------------------------------------------------------------------------
# A plain static server on 127.0.0.1 (python -m http.server)


# http.server as a host without configuration serves a site (GitHub Pages, S3 website hosting):
# the root 404.html, status 404, for every missing path.
_ROOT_404_SERVER = """
import http.server

class RootNotFound(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        with open("404.html", "rb") as page:
            body = page.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

http.server.test(HandlerClass=RootNotFound, port=0, bind="127.0.0.1")
"""


@contextmanager
def serve(directory: Path, *, root_404: bool = False) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1; yield ``http://127.0.0.1:PORT``.

    With ``root_404`` every missing path gets the site's root ``404.html`` (status 404), as on a
    host without configuration; otherwise http.server's own error page."""
    plain = ["-m", "http.server", "0", "--bind", "127.0.0.1"]
    proc = subprocess.Popen(
        [sys.executable, "-u", *(["-c", _ROOT_404_SERVER] if root_404 else plain)],
        cwd=directory,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 15)
        line = proc.stdout.readline() if ready else ""
        match = re.search(r"port (\d+)", line)
        if not match:
            raise RuntimeError(f"http.server did not start: {line!r}")
        yield f"http://127.0.0.1:{match.group(1)}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


# --------------------------------------------------------------------------------------------
# Debian's nginx with the shipped deploy/nginx.conf, as an unprivileged process on 127.0.0.1

NGINX = Path("/usr/sbin/nginx")
NGINX_CONF = REPO / "deploy" / "nginx.conf"
SHIPPED_ROOT = "/srv/activecampaign-help/site"  # the folder deploy/nginx.conf names twice
DEBIAN_MODULES = Path("/usr/share/nginx/modules")  # where Debian's load_module lines point
BROTLI_PACKAGE = "libnginx-mod-http-brotli-filter"


def site_config(site: Path, port: int, conf: str | None = None) -> str:
    """The shipped configuration for ``site`` on 127.0.0.1:``port``: only root and listen change."""
    text = NGINX_CONF.read_text(encoding="utf-8") if conf is None else conf
    if SHIPPED_ROOT not in text or not re.search(r"^\s*listen 80;", text, re.M):
        raise ValueError(f"{NGINX_CONF}: no {SHIPPED_ROOT} or no `listen 80;` to point at the test")
    text = text.replace(SHIPPED_ROOT, str(site))
    return re.sub(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", text, flags=re.M)


def main_config(prefix: Path, server_file: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf provides around a site file, with every path in
    ``prefix``: the enabled modules (brotli), pid, logs and temporary folders."""
    temp = "\n".join(
        f"    {name}_temp_path {prefix / 'temp' / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root, nginx runs its worker as "nobody", who cannot read pytest's private temporary
    # folders (mode 0700); CI runs as root, so there the worker keeps root's rights.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return (
        "include /etc/nginx/modules-enabled/*.conf;\n"
        f"{user}"
        "worker_processes 1;\n"
        f"pid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        f"    access_log {prefix / 'access.log'};\n"
        f"{temp}\n"
        f"    include {server_file};\n"
        "}\n"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_nginx(site: Path, prefix: Path, conf: str | None = None) -> Iterator[str]:
    """Run nginx in the foreground on a free port of 127.0.0.1 with the shipped configuration
    (or ``conf``, a variant of it) for ``site``; yield ``http://127.0.0.1:PORT``; stop it."""
    if not NGINX.exists():
        raise RuntimeError(f"{NGINX} is missing: apt-get install nginx {BROTLI_PACKAGE}")
    prefix.mkdir(parents=True, exist_ok=True)
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / name).mkdir(parents=True, exist_ok=True)
    if not (prefix / "modules").exists():
        (prefix / "modules").symlink_to(DEBIAN_MODULES)  # load_module modules/… is prefix-relative
    port = free_port()
    server_file = prefix / "site.conf"
    server_file.write_text(site_config(site, port, conf), encoding="utf-8")
    main = prefix / "nginx.conf"
    main.write_text(main_config(prefix, server_file), encoding="utf-8")
    command = [str(NGINX), "-p", f"{prefix}/", "-c", str(main), "-e", str(prefix / "error.log")]
    test = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, timeout=30)
    if test.returncode != 0:
        raise RuntimeError(f"nginx -t rejected the configuration:\n{test.stderr}")
    proc = subprocess.Popen(
        [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = (prefix / "error.log").read_text(encoding="utf-8", errors="replace")
                    raise RuntimeError(f"nginx did not start on port {port}:\n{log}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()  # SIGTERM: nginx's fast shutdown, the worker goes with the master
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


# --------------------------------------------------------------------------------------------
# Comparing two built trees


def tree_digests(root: Path) -> dict[str, str]:
    """Every file under ``root``: relative path -> SHA-256 of its bytes."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def tree_differences(a: Path, b: Path) -> list[str]:
    """Relative paths whose bytes differ, or that exist in one tree only."""
    da, db = tree_digests(a), tree_digests(b)
    return sorted(p for p in da.keys() | db.keys() if da.get(p) != db.get(p))


def first_difference(a: Path, b: Path, context: int = 40) -> str:
    """Where two versions of a file first differ, for a readable failure message."""
    if not a.is_file() or not b.is_file():
        return "only in " + (str(a) if a.is_file() else str(b))
    x, y = a.read_bytes(), b.read_bytes()
    if a.suffix == ".gz":
        x, y = gzip.decompress(x), gzip.decompress(y)
        if x == y:
            return "same content, different gzip header (mtime)"
    i = next((n for n, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    lo = max(0, i - context // 4)
    show = [z[lo : i + context].decode("utf-8", "replace") for z in (x, y)]
    return f"byte {i}: {show[0]!r} != {show[1]!r}"
