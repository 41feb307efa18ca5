"""Hosted gate: the built site behind Debian's nginx with the shipped ``deploy/nginx.conf``.

nginx runs unprivileged on a free port of 127.0.0.1 with a temporary prefix; of the shipped file
only the site's folder and the listen address change (``tests/gates/tools.py``). The reader's
browser tests (search per language, the section-keeping switcher) pass over HTTP, nothing is
requested from anywhere but the server, each language's 404 page comes in its own language, and
Chromium's console shows no Content-Security-Policy violation on pages of both languages with
search used. Each header check has a negative control: the shipped file with that one line
removed, which the same check must fail. Hosts with no configuration get the root 404.html's
fallback to the Chinese not-found page, tested over http.server and from file://.
"""

from __future__ import annotations

import gzip
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.browser.search import search
from tests.conftest import RequestLog
from tests.gates.tools import (
    NGINX_CONF,
    block_external,
    build_variant,
    leaving,
    serve,
    serve_nginx,
    visit,
)
from tests.sitebuild import REPO, Build, plugin_options
from translations.output.csp import INCLUDE_PATH, header_from_include, script_hash

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def relative(urls: list[str], base: str) -> list[str]:
    return [u.removeprefix(base + "/") for u in urls]


def on_server(page, base: str) -> list[str]:
    """What the page requested from anywhere but the server (must be nothing)."""
    return page.requests.leaving(base + "/")


def served_only(base: str) -> Callable[[Any], None]:
    """For a tab of the module's shared context: record its requests (``tab.requests``, as the
    ``page`` fixture does) and block those that would leave ``base``."""

    def prepare(tab: Any) -> None:
        tab.requests = RequestLog()
        tab.on("request", lambda request: tab.requests.append(request.url))
        block_external(tab, base, this_tab=True)

    return prepare


# --------------------------------------------------------------------------------------------
# What the reader does: search, switch language, land on a 404
#
# The queries typed on one page share its tab, the box emptied between them
# (tests/browser/tabs.py): the page and its search index load once, and the requests checked
# are all those the tab made.


@pytest.mark.parametrize("query", ["pipeline", "lead scoring", "webhook"])
def test_english_query_finds_english_pages_only(hosted: str, tabs, query: str) -> None:
    page, found = tabs.search(f"{hosted}/index.html", query, on_open=served_only(hosted))
    results = relative(found, hosted)
    assert results, f"no result for {query!r}"
    assert [r for r in results if r.startswith("zh/")] == []
    assert on_server(page, hosted) == []


@pytest.mark.parametrize("start", ["zh/index.html", "zh/guides/crm-pipeline.html"])
@pytest.mark.parametrize("query", ["销售管道", "线索评分", "商机"])
def test_chinese_query_finds_chinese_pages_only(hosted: str, tabs, query: str, start: str) -> None:
    page, found = tabs.search(f"{hosted}/{start}", query, on_open=served_only(hosted))
    results = relative(found, hosted)
    assert results, f"no result for {query!r} from {start}"
    assert all(r.startswith("zh/") for r in results), results
    assert on_server(page, hosted) == []


def test_switcher_keeps_page_and_section(hosted: str, page) -> None:
    block_external(page, hosted)
    url = f"{hosted}/crm-deals-pipelines.html"
    page.goto(url)
    anchor = page.eval_on_selector_all("article h2[id]", "els => els.map(e => e.id)")[1]
    page.goto(f"{url}#{anchor}")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[data-ac-lang=zh]").click()
    page.wait_for_load_state()
    assert page.url == f"{hosted}/zh/crm-deals-pipelines.html#{anchor}"
    assert page.locator("html").get_attribute("lang") == "zh"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a[data-ac-lang=en]").click()
    page.wait_for_load_state()
    assert page.url == f"{url}#{anchor}"
    assert on_server(page, hosted) == []


@pytest.mark.parametrize(("path", "status", "lang", "heading"), [
    ("404.html", 200, "en", "Page not found"),
    ("zh/404.html", 200, "zh", "页面未找到"),
    ("no-such-page.html", 404, "en", "Page not found"),
    ("zh/no-such-page.html", 404, "zh", "页面未找到"),
    ("zh/guides/no-such-page.html", 404, "zh", "页面未找到"),
])  # fmt: skip
def test_each_404_page_is_in_its_language_with_its_assets(
    hosted: str, page, path: str, status: int, lang: str, heading: str
) -> None:
    response = fetch(f"{hosted}/{path}")
    assert response.status == status
    html = response.body.decode("utf-8")
    assert re.search(r"<html[^>]*\blang=\"([^\"]+)\"", html).group(1) == lang
    assert heading in html

    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # Material probes sitemap.xml beside every <link rel=alternate> (the same page in the other
    # language) and copes with a 404 there; static-i18n writes one sitemap, at the root.
    probes = re.compile(r"/sitemap\.xml$")
    block_external(page, hosted)
    requests = visit(page, f"{hosted}/{path}")
    assert [r for r in requests if "/assets/" in r], "the 404 page loaded no assets"
    assert [f for f in failed if not probes.search(f) and not f.endswith(f"/{path}")] == []
    assert leaving(requests, hosted + "/") == []
    assert page.locator("h1").first.inner_text().endswith(heading)


# Negative control: the same watch catches a page that loads a script from the internet


def test_a_remote_script_is_caught_over_http(faulty_site: Build, page) -> None:
    with serve(faulty_site.site) as base:
        block_external(page, base)
        requests = visit(page, f"{base}/index.html")
    assert leaving(requests, base + "/") == ["https://example.com/x.js"]


# --------------------------------------------------------------------------------------------
# What the configuration sends: one check per header, each returning its problems


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes


def fetch(url: str, encoding: str = "identity") -> Response:
    """GET ``url`` as sent (no decompression), any status."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return Response(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read())
    except urllib.error.HTTPError as error:
        headers = {k.lower(): v for k, v in error.headers.items()}
        return Response(error.code, headers, error.read())


def samples(site: Path) -> dict[str, str]:
    """One path of each kind a reader's browser asks for."""
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    return {
        "page": "zh/crm-deals-pipelines.html",
        "hashed asset": bundle.relative_to(site).as_posix(),
        "search index": "zh/search/search_index.json",
        "missing page": "zh/no-such-page.html",
    }


def _header_everywhere(base: str, site: Path, name: str, expected: str) -> list[str]:
    got = {
        path: fetch(f"{base}/{path}").headers.get(name.lower()) for path in samples(site).values()
    }
    return [f"{path}: {name} {value!r}" for path, value in got.items() if value != expected]


def check_nosniff(base: str, site: Path) -> list[str]:
    return _header_everywhere(base, site, "X-Content-Type-Options", "nosniff")


def check_referrer_policy(base: str, site: Path) -> list[str]:
    return _header_everywhere(base, site, "Referrer-Policy", "same-origin")


class _InlineScripts(HTMLParser):
    """The text of every inline script a browser runs: a second reader, independent of the
    build's regular expressions in checks.csp, so that the two must agree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            a = dict(attrs)
            runs = "src" not in a and (a.get("type") or "").lower() in ("", "text/javascript")
            self._open = [] if runs else None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.bodies.append("".join(self._open))
            self._open = None


def inline_script_hashes(site: Path) -> set[str]:
    hashes = set()
    for html in site.rglob("*.html"):
        reader = _InlineScripts()
        reader.feed(html.read_text(encoding="utf-8"))
        hashes |= {script_hash(body) for body in reader.bodies}
    return hashes


def check_csp(base: str, site: Path) -> list[str]:
    """The policy is on every kind of response, allows every inline script of the built site by
    its hash and nothing inline besides, and loads nothing from another origin."""
    expected = inline_script_hashes(site)
    problems = []
    for path in samples(site).values():
        header = fetch(f"{base}/{path}").headers.get("content-security-policy")
        if header is None:
            problems.append(f"{path}: no Content-Security-Policy")
            continue
        directives = {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}
        script_src = directives.get("script-src", [])
        hashes = {s for s in script_src if s.startswith("'sha256-")}
        if missing := expected - hashes:
            problems.append(f"{path}: script-src lacks {len(missing)} inline script hashes")
        if extra := hashes - expected:
            problems.append(f"{path}: script-src has {len(extra)} hashes no page uses")
        if set(script_src) - hashes != {"'self'"}:
            problems.append(f"{path}: script-src allows more than 'self': {script_src}")
        for name in ("default-src", "connect-src", "style-src"):
            if directives.get(name) != ["'self'"]:
                problems.append(f"{path}: {name} {directives.get(name)}")
        if directives.get("frame-ancestors") != ["'none'"]:
            problems.append(f"{path}: frame-ancestors {directives.get('frame-ancestors')}")
    return problems


def _max_age(cache_control: str) -> int:
    m = re.search(r"\bmax-age=(\d+)", cache_control)
    return int(m.group(1)) if m else -1


def check_cache(base: str, site: Path) -> list[str]:
    """A hashed asset is cached for a year and never revalidated; pages and the search index
    (same names, new content on each deploy) for at most ten minutes."""
    problems = []
    for kind, path in samples(site).items():
        cache = fetch(f"{base}/{path}").headers.get("cache-control", "")
        if kind == "hashed asset":
            if _max_age(cache) < 31_536_000 or "immutable" not in cache:
                problems.append(f"{path}: Cache-Control {cache!r}, not a year and immutable")
        elif not 0 < _max_age(cache) <= 600 or "immutable" in cache:
            problems.append(f"{path}: Cache-Control {cache!r}, not brief")
    return problems


def _compressed(site: Path) -> list[str]:
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    s = samples(site)
    return [s["page"], s["search index"], s["hashed asset"], css.relative_to(site).as_posix()]


def check_gzip(base: str, site: Path) -> list[str]:
    problems = []
    for path in _compressed(site):
        r = fetch(f"{base}/{path}", "gzip")
        if r.headers.get("content-encoding") != "gzip":
            problems.append(f"{path}: Content-Encoding {r.headers.get('content-encoding')!r}")
        elif gzip.decompress(r.body) != (site / path).read_bytes():
            problems.append(f"{path}: the gzip body is not the file")
        if "accept-encoding" not in r.headers.get("vary", "").lower():
            problems.append(f"{path}: no Vary: Accept-Encoding")
    return problems


def check_brotli(base: str, site: Path) -> list[str]:
    problems = []
    for path in _compressed(site):
        r = fetch(f"{base}/{path}", "br")
        if r.headers.get("content-encoding") != "br":
            problems.append(f"{path}: Content-Encoding {r.headers.get('content-encoding')!r}")
        elif len(r.body) * 2 > (site / path).stat().st_size:
            problems.append(f"{path}: brotli saves less than half ({len(r.body)} bytes)")
    return problems


# The type of every kind of file the site holds or will hold (Markdown twins, llms.txt, PDFs)
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".gz": "application/gzip",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
}


def check_types(base: str, site: Path) -> list[str]:
    """One file of each kind under ``site``: its Content-Type, with UTF-8 on every text type."""
    first: dict[str, Path] = {}
    for p in sorted(site.rglob("*")):
        if p.is_file() and not p.relative_to(site).as_posix().startswith("_nginx/"):
            first.setdefault(p.suffix, p)
    problems = []
    for suffix, p in first.items():
        path = p.relative_to(site).as_posix()
        got = fetch(f"{base}/{path}").headers.get("content-type")
        if got != TYPES.get(suffix):
            problems.append(f"{path}: Content-Type {got!r}, expected {TYPES.get(suffix)!r}")
    return problems


def check_language_404(base: str, site: Path) -> list[str]:
    """A missing path under /zh/ gets the Chinese not-found page, any other the English one."""
    problems = []
    for path, lang in (("zh/guides/no-such-page.html", "zh"), ("guides/no-such-page.html", "en")):
        r = fetch(f"{base}/{path}")
        found = re.search(rb'<html[^>]*\blang="([^"]+)"', r.body)
        got = found.group(1).decode() if found else None
        if r.status != 404 or got != lang:
            problems.append(f"{path}: status {r.status}, a page in {got!r}, expected 404 in {lang}")
    return problems


@pytest.fixture(scope="session")
def typed_tree(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file of each kind the built site holds, plus the kinds other parts of the build add
    (a Markdown twin, llms.txt, a PDF edition), with the site's CSP include."""
    root = tmp_path_factory.mktemp("typed")
    seen: set[str] = set()
    for p in sorted(real_site.site.rglob("*")):
        if p.is_file() and p.suffix not in seen:
            seen.add(p.suffix)
            target = root / p.relative_to(real_site.site)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, target)
    (root / "index.md").write_text("# 销售管道\n\nA Markdown twin.\n", encoding="utf-8")
    (root / "llms.txt").write_text("# ActiveCampaign平台帮助\n", encoding="utf-8")
    (root / "edition.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n%%EOF\n")
    return root


Check = Callable[[str, Path], list[str]]
HEADER_CHECKS: dict[str, Check] = {
    "nosniff": check_nosniff,
    "referrer policy": check_referrer_policy,
    "content security policy": check_csp,
    "cache": check_cache,
    "gzip": check_gzip,
    "brotli": check_brotli,
    "language 404": check_language_404,
}


@pytest.mark.parametrize("name", HEADER_CHECKS)
def test_the_shipped_configuration_sends(hosted: str, real_site: Build, name: str) -> None:
    assert HEADER_CHECKS[name](hosted, real_site.site) == []


def test_every_kind_of_file_has_its_type_and_charset(
    real_site: Build, typed_tree: Path, tmp_path: Path
) -> None:
    served = {p.suffix for p in real_site.site.rglob("*") if p.is_file()}
    assert sorted(served - {".conf"} - TYPES.keys()) == []  # .conf: the include, never served
    with serve_nginx(typed_tree, tmp_path / "nginx") as base:
        assert check_types(base, typed_tree) == []


# Negative controls: the shipped file with one line removed; the check of that line must fail.
CONTROLS = [
    ('add_header X-Content-Type-Options "nosniff" always;', check_nosniff),
    ('add_header Referrer-Policy "same-origin" always;', check_referrer_policy),
    ("include /srv/activecampaign-help/site/_nginx/csp.conf;", check_csp),
    ("add_header Cache-Control $ac_help_cache_control always;", check_cache),
    ("gzip on;", check_gzip),
    ("brotli on;", check_brotli),
    ("error_page 404 /zh/404.html;", check_language_404),
    ("charset utf-8;", check_types),
    ("text/markdown               md;", check_types),
]


def without(line: str) -> str:
    """The shipped configuration with exactly one line, ``line``, removed."""
    lines = NGINX_CONF.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [x for x in lines if x.strip() != line]
    assert len(kept) == len(lines) - 1, f"{NGINX_CONF} has not exactly one line {line!r}"
    return "".join(kept)


@pytest.mark.parametrize(("line", "check"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_without_its_line_the_check_fails(
    real_site: Build, typed_tree: Path, tmp_path: Path, line: str, check: Check
) -> None:
    site = typed_tree if check is check_types else real_site.site
    with serve_nginx(site, tmp_path / "nginx", without(line)) as base:
        assert check(base, site) != []


# --------------------------------------------------------------------------------------------
# Zero Content-Security-Policy violations in Chromium's console, search included

CSP_MESSAGE = re.compile(r"Content Security Policy|Content-Security-Policy")
SAMPLE = ["index.html", "crm-deals-pipelines.html", "pricing.html", "guides/crm-pipeline.html",
          "compare/pricing.html", "tags.html", "no-such-page.html"]  # fmt: skip
QUERIES = {"en": "pipeline", "zh": "销售管道"}
SEARCHED = {"index.html", "guides/crm-pipeline.html"}


def watch_csp(page) -> list[str]:
    """Every CSP violation Chromium reports in the page's console, as it reports it."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if CSP_MESSAGE.search(m.text) else None)
    return seen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_csp_violation_with_search(hosted: str, page, lang: str) -> None:
    violations = watch_csp(page)
    block_external(page, hosted)
    prefix = "" if lang == "en" else "zh/"
    # every page of the sample loads; search runs on a page at the root and one a folder down
    # (the worker, its index and their URLs are the same on every page of a language; searching
    # on all seven took 15 s more)
    for path in SAMPLE:
        if path in SEARCHED:
            results = search(page, f"{hosted}/{prefix}{path}", QUERIES[lang])
            assert results, f"search found nothing on {prefix}{path}"
        else:
            page.goto(f"{hosted}/{prefix}{path}")
        page.wait_for_load_state("networkidle")
    assert violations == []


# Negative controls: a page the policy does not cover reports its violation in the console


@pytest.mark.parametrize(("planted", "reported"), [
    # an inline template script changed after the build: its hash is not in the policy
    (lambda html: html.replace("__md_get(", "__md_get( ", 1), "inline script"),
    # a script from the internet
    (lambda html: html.replace("</body>", '<script src="https://example.com/x.js"></script></body>'),
     "https://example.com/x.js"),
], ids=["stale hash", "remote script"])  # fmt: skip
def test_a_page_the_policy_does_not_cover_is_reported(
    real_site: Build, page, tmp_path: Path, planted: Callable[[str], str], reported: str
) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    index = site / "index.html"
    index.write_text(planted(index.read_text(encoding="utf-8")), encoding="utf-8")
    violations = watch_csp(page)
    with serve_nginx(site, tmp_path / "nginx") as base:
        block_external(page, base)
        visit(page, f"{base}/index.html")
    assert [v for v in violations if reported in v], violations


# Features added later bring their own inline scripts: a template block with a new script, and
# the site's palette toggle (system, light, dark), added after this gate was written. The build
# hashes them with no hand edit, and they run under the policy.
LATER_SCRIPT = '<script>document.body.dataset.later = "ran"</script>'


def test_theme_scripts_added_later_are_covered(page, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    main = overrides / "main.html"
    block = "{% block scripts %}{{ super() }}" + LATER_SCRIPT + "{% endblock %}\n"
    main.write_text(main.read_text(encoding="utf-8") + block, encoding="utf-8")

    def later(config: dict) -> None:
        plugin_options(config)["csp"] = True
        config["theme"]["custom_dir"] = str(overrides)

    build = build_variant(tmp_path / "later", {}, later)
    assert build.returncode == 0, build.log
    include = (build.site / INCLUDE_PATH).read_text(encoding="utf-8")
    assert script_hash(LATER_SCRIPT[8:-9]) in (header_from_include(include) or "")
    violations = watch_csp(page)
    with serve_nginx(build.site, tmp_path / "nginx") as base:
        block_external(page, base)
        for path in ("index.html", "zh/index.html"):
            visit(page, f"{base}/{path}")
            assert page.locator("body").get_attribute("data-later") == "ran"
            # the site's toggle (system, light, dark) runs its inline script under the policy
            page.locator("label.md-header__button[for='__palette_1']").click()
            page.locator("label.md-header__button[for='__palette_2']").click()
            assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
            page.locator("label.md-header__button[for='__palette_0']").click()
        assert check_csp(base, build.site) == []
    assert violations == []


def test_the_include_is_not_served(hosted: str, real_site: Build) -> None:
    assert (real_site.site / INCLUDE_PATH).is_file()
    assert fetch(f"{hosted}/{INCLUDE_PATH}").status == 404


# --------------------------------------------------------------------------------------------
# Hosts without configuration: the root 404.html opens the Chinese page for paths under /zh/


def land(page, url: str) -> tuple[str, str, str]:
    """Open ``url`` and follow any client-side redirect: (final URL, html lang, first h1)."""
    page.goto(url, wait_until="commit")
    page.wait_for_load_state("networkidle")
    page.wait_for_load_state("load")
    return (
        page.url,
        page.locator("html").get_attribute("lang"),
        page.locator("h1").first.inner_text(),
    )


def strip_fallback(site: Path) -> None:
    """Remove the fallback script from the root 404.html (for the negative controls)."""
    root_404 = site / "404.html"
    html, n = re.subn(r"<script>\s*\(function \(base, languages\).*?</script>", "",
                      root_404.read_text(encoding="utf-8"), flags=re.S)  # fmt: skip
    assert n == 1, "the fallback script is not in 404.html"
    root_404.write_text(html, encoding="utf-8")


@pytest.mark.parametrize("fallback", [True, False], ids=["fallback", "control without it"])
def test_root_404_opens_the_chinese_page_over_a_plain_host(
    real_site: Build, page, tmp_path: Path, fallback: bool
) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    if not fallback:
        strip_fallback(site)
    with serve(site, root_404=True) as base:
        block_external(page, base)
        url, lang, h1 = land(page, f"{base}/zh/guides/no-such-page.html")
        if not fallback:
            assert (url, lang) == (f"{base}/zh/guides/no-such-page.html", "en")
            return
        assert (url, lang) == (f"{base}/zh/404.html", "zh")
        assert h1.endswith("页面未找到")
        results = relative(search(page, url, "销售管道"), base)
        assert results and all(r.startswith("zh/") for r in results), results
        assert land(page, f"{base}/guides/no-such-page.html")[:2] == (
            f"{base}/guides/no-such-page.html",
            "en",
        )
        assert on_server(page, base) == []


@pytest.mark.parametrize("fallback", [True, False], ids=["fallback", "control without it"])
def test_root_404_opens_the_chinese_page_from_disk(
    real_site: Build, page, tmp_path: Path, fallback: bool
) -> None:
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    if not fallback:
        strip_fallback(site)
    # what a host would send for a missing page: the root 404.html at the missing path
    for missing in ("zh/guides/no-such-page.html", "guides/no-such-page.html"):
        shutil.copyfile(site / "404.html", site / missing)
    url, lang, h1 = land(page, (site / "zh/guides/no-such-page.html").as_uri())
    if not fallback:
        assert lang == "en"
        return
    assert (url, lang) == ((site / "zh/404.html").as_uri(), "zh")
    assert h1.endswith("页面未找到")
    english = (site / "guides/no-such-page.html").as_uri()
    assert land(page, english)[:2] == (english, "en")
