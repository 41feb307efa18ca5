"""The whole-site run: read docs/<lang>/ and data/ once, run every check, report issues."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from translations.checks.facts import FactExtractor
from translations.checks.glossary import Glossary, generated_anchors
from translations.checks.parity import compare_pages, heading_issues
from translations.checks.plan_gates import PlanGates
from translations.checks.pricing import (
    PriceRules,
    matrix_issues,
    page_has_price_tables,
    page_has_prices,
    stale_issue,
)
from translations.checks.safety import HtmlPolicy, unsafe_files, unsafe_markdown
from translations.checks.skills import (
    anchor_issues,
    reference_issues,
    skill_refs,
    unmentioned_issues,
)
from translations.checks.sources import Sources, load_sources, source_issues
from translations.config import CONFIG_FILE, FOLDER, STRICT, Languages, SiteConfig, language_name
from translations.lifecycle.gitstatus import NoHistory, behind_note, behind_pairs
from translations.lifecycle.history import NotFound, Translated, find_translated
from translations.lifecycle.staleness import (
    FIELD,
    Lag,
    Policy,
    date_label,
    is_current,
    lag_note,
    load_policy,
    not_found_issue,
    overdue_issue,
    recorded_hash,
    section_changes,
    unstamped_issue,
)
from translations.model import PARITY_RULES, InputError, Issue, plural
from translations.read.data import SiteData, load_data
from translations.read.frontmatter import front_matter_problems
from translations.read.markdown import Page, parse_page
from translations.read.markers import marker_problem
from translations.read.source import read_text, split_front_matter


@dataclass
class PageStatus:
    """What `status` shows for a page in one translation, and what the banners need."""

    name: str
    lang: str  # the translation
    present: dict[str, bool]  # reference, then translation: the language -> it has the page
    untranslated: bool  # declared in data/untranslated.yml
    outdated: bool = False  # the translation does not translate the current reference page
    stamped: bool = True  # the translation records which reference text it translates
    prices: dict[str, bool] = field(default_factory=dict)  # language -> the page shows prices
    tables: dict[str, bool] = field(default_factory=dict)  # language -> it holds price tables
    parity_issues: int = 0
    lag: Lag | None = None  # stamped with an older English version: how far behind
    from_git: bool = False  # a site without stamps: behind or not is read from git history

    @property
    def translation(self) -> str:
        """The TRANSLATION column of `status`: the state, and how far behind."""
        return self.lag.summary() if self.lag is not None else self.state

    @property
    def state(self) -> str:
        reference, translation = self.present.values()
        if not reference:
            return f"no {language_name(next(iter(self.present)))} page"
        if not translation:
            return "untranslated" if self.untranslated else "missing"
        if not self.stamped and not self.from_git:
            return "not stamped"
        return "outdated" if self.outdated else "up to date"


@dataclass
class SiteReport:
    """Everything one run found; the hooks keep it for the whole build."""

    root: Path
    data: SiteData
    pages: dict[str, dict[str, PageStatus]]  # translation -> page name -> its status
    issues: list[Issue]
    today: dt.date
    prices_stale: bool
    # lags, not defects: checks that are off (no data file), translations behind within the
    # grace period, stale prices; logged for maintainers, never failing
    notes: list[str] = field(default_factory=list)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> page -> title
    languages: Languages = field(default_factory=Languages)
    sources: Sources | None = None  # data/sources.yml: the Sources line of each page
    # check_site(keep_going=True): the pages set aside for their input errors, with them
    unreadable: dict[str, list[str]] = field(default_factory=dict)

    def page_titles(self, lang: str) -> dict[str, str]:
        """Page name -> front-matter title in one language (link text of generated links)."""
        return self.titles.get(lang, {})

    def status(self, name: str, lang: str) -> PageStatus | None:
        """A page's status in a translation; in the reference language, its status in the first
        translation (which also knows the reference page's prices)."""
        if lang == self.languages.reference:
            lang = self.languages.translations[0]
        return self.pages.get(lang, {}).get(name)

    @property
    def statuses(self) -> list[PageStatus]:
        """Every page's status in every translation."""
        return [status for pages in self.pages.values() for status in pages.values()]

    def summary(self) -> str:
        statuses = self.statuses
        pairs = sum(1 for status in statuses if all(status.present.values()))
        behind = sum(1 for status in statuses if status.lag is not None)
        names = {status.name for status in statuses}
        counted = f"{len(names)} pages ({pairs} page pairs)"
        if self.data.skills_on:
            counted += f", {len(self.data.skills)} skills"
        if self.data.pricing is not None:
            counted += f", prices as of {self.data.pricing.as_of.isoformat()}"
        return (
            f"{counted}: "
            + (plural(len(self.issues), "issue") if self.issues else "no issues")
            + (f"; {plural(behind, 'translation')} behind the English" if behind else "")
        )

    def banner(self, name: str, file_lang: str, build_lang: str) -> dict[str, Any]:
        """Banner status of a page in one language build (page.meta["ac_status"])."""
        status = self.status(name, build_lang)
        lag = status.lag if status is not None else None
        translated_build = build_lang != self.languages.reference
        shows_prices = status is not None and status.prices.get(file_lang, False)
        pricing = self.data.pricing
        as_of = "" if pricing is None else pricing.as_of.isoformat()
        return {
            "untranslated": file_lang != build_lang
            or (translated_build and status is not None and status.untranslated),
            "outdated": translated_build
            and file_lang == build_lang
            and status is not None
            and status.outdated,
            "prices_stale": self.prices_stale and shows_prices,
            "prices_as_of": "" if pricing is None else pricing.as_of_label.get(build_lang, as_of),
            "verify_url": "" if pricing is None else pricing.verify_url,
            # the date note: any page that states a price, a plan gate or a limit
            "figures": shows_prices,
            # ... in full where the price tables stand, one line elsewhere
            "figures_full": status is not None and status.tables.get(file_lang, False),
            "prices_verified": None
            if pricing is None
            else (pricing.last_verified_label or {}).get(build_lang),
            # the outdated banner: the date of the English version the translation follows,
            # and the first section that changed since (the side-by-side view opens there)
            "follows": date_label(lag.follows, build_lang) if lag and lag.follows else "",
            "first_change": next(
                (c.id for c in (lag.changes if lag else ()) if c.id and c.kind != "removed"), ""
            ),
        }


def _a(word: str) -> str:
    """`an English`, `a Chinese`."""
    return ("an " if word[:1] in "AEIOU" else "a ") + word


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return os.path.relpath(path, root).replace(os.sep, "/")


@dataclass
class _Found:
    """What the per-page and per-pair checks found, for check_site to finish with."""

    issues: list[Issue] = field(default_factory=list)
    statuses: list[PageStatus] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    mentioned: set[str] = field(default_factory=set)
    anchors: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> page -> title
    unreadable: dict[str, list[str]] = field(default_factory=dict)  # page -> its input errors


class _Checker:
    """Every per-page and per-pair check, set up once per run."""

    def __init__(
        self,
        root: Path,
        docs_dir: Path,
        data: SiteData,
        present: dict[str, set[str]],
        config: SiteConfig,
    ) -> None:
        self.data = data
        self.config = config
        self.languages = config.languages
        self.policy = HtmlPolicy.of(config)
        self.present = present
        self.glossary = Glossary(data.terms, data.glossary_rel)
        plans = data.pricing.plans if data.pricing is not None else ()
        brands = [term.en for term in data.terms if term.brand] + [plan.name for plan in plans]
        self.brands = frozenset(brands)
        self.extractor = FactExtractor(
            brands, self.glossary.misspells, inner_capitals=self.config.name_facts
        )
        self.prices = PriceRules(data.pricing) if data.pricing is not None else None
        self.gates = PlanGates(data.pricing) if data.pricing is not None else None
        self.plan_names = frozenset(plan.name for plan in plans)
        # the glossary's definitions state plan gates too ("Plus and above"): its page dates them
        self.definitions_gate = any(
            re.search(rf"\b{re.escape(name)}\b", text)
            for term in data.terms
            for text in (term.definition or {}).values()
            for name in self.plan_names
        )
        self.docs, self.docs_rel = docs_dir, _rel(docs_dir, root)

    def rel(self, lang: str, name: str) -> str:
        """A page's file as issues name it: docs/zh/crm.md."""
        return f"{self.docs_rel}/{self.languages.path(lang, name)}"

    def compare(self, en: Page, zh: Page) -> list[Issue]:
        config = self.config
        return compare_pages(
            en, zh, self.glossary, heading_ids=config.heading_ids, exact_code=config.exact_code
        )

    def read_pages(
        self, name: str, problems: list[str], langs: tuple[str, ...] | None = None
    ) -> dict[str, Page | None]:
        """A page in each language (`langs`: all), facts extracted; None where a language lacks
        it, and everywhere when a page could not be read."""
        pages = {
            lang: self.read_page(lang, name, problems) if name in self.present[lang] else None
            for lang in langs or self.languages.all
        }
        if problems:
            return dict.fromkeys(pages)
        for page in pages.values():
            if page is not None:
                self.extract_facts(page)
        return pages

    def read_page(self, lang: str, name: str, problems: list[str]) -> Page | None:
        """Read and parse one page under the site's policies; an unreadable one adds its
        problems and returns None."""
        rel, config = self.rel(lang, name), self.config
        try:
            path = self.docs / self.languages.path(lang, name)
            source = split_front_matter(read_text(path, rel, config.max_file_kib * 1024), rel)
        except InputError as exc:
            problems.extend(exc.problems)
            return None
        required = config.require_front_matter
        if not source.body.strip() and required:  # a strict site's pages say something
            problems.append(f"{rel}:1: page is empty; write it or delete it")
            return None
        # untrusted input
        refused = front_matter_problems(
            source, lang, self.languages, self.data.listed, required=required
        ) + unsafe_markdown(source, self.policy)
        if refused:
            problems.extend(refused)
            return None
        page = parse_page(source, lang, name)
        for section in page.sections:
            for marker in section.markers:
                problem = marker_problem(marker.name, marker.arg)
                if problem:
                    problems.append(f"{rel}:{marker.line}: {problem}")
        return page

    def read_pair(self, name: str, lang: str) -> tuple[Page, Page]:
        """A page in the reference language and in one translation, both read a moment ago
        (an InputError if either has changed meanwhile)."""
        problems: list[str] = []
        pages = self.read_pages(name, problems, (self.languages.reference, lang))
        en, zh = pages[self.languages.reference], pages[lang]
        if en is None or zh is None:
            raise InputError(problems)
        return en, zh

    def extract_facts(self, page: Page) -> Page:
        facts = self.extractor.extract_page(page.sections, page.prose)
        for section, found in zip(page.sections, facts, strict=True):
            section.facts = found
        return page

    def follows(self, status: PageStatus, en: Page, zh: Page, lag: Lag, text: str) -> list[Issue]:
        """Note on `status` that the translation follows the reference `text` of `lag.commit`
        (and which sections changed since); returns the translation's parity issues against
        that text, but for the old version's own headings (history)."""
        old_rel = f"{lag.commit[:12]}:{en.rel}"
        source = split_front_matter(text, old_rel)
        old = self.extract_facts(parse_page(source, self.languages.reference, status.name))
        lag.changes = section_changes(old, en)
        status.outdated, status.lag = True, lag
        return [issue for issue in self.compare(old, zh) if issue.path != old_rel]

    def check(self, names: list[str], keep_going: bool = False) -> _Found:
        """Read the pages once and run every per-page and per-pair check on them. keep_going:
        a page with input errors is set aside (_Found.unreadable), the others are checked."""
        reference = self.languages.reference
        result = _Found()
        for name in names:
            own: list[str] = []
            pages = self.read_pages(name, own)
            if own and keep_going:
                result.unreadable[name] = own
                continue
            result.problems.extend(own)
            if result.problems:
                continue  # keep reading to report every input problem, but check nothing more
            en = pages[reference]
            statuses = []
            for lang in self.languages.translations:
                zh = pages[lang]
                status = PageStatus(
                    name,
                    lang,
                    {reference: en is not None, lang: zh is not None},
                    name in self.data.untranslated.get(lang, {}),
                )
                statuses.append(status)
                result.issues.extend(self.pair_issues(en, zh, status))
            result.statuses.extend(statuses)
            for page in pages.values():
                if page is not None:
                    self.page_checks(page, statuses, result)
        return result

    def page_checks(self, page: Page, statuses: list[PageStatus], result: _Found) -> None:
        """The checks of one page in one language, and what its statuses need to know of it."""
        data, prices = self.data, self.prices
        generated = generated_anchors(page, data)
        has_prices = page_has_prices(page, self.plan_names) or bool(
            generated and self.definitions_gate
        )
        has_tables = page_has_price_tables(page)
        for status in statuses:
            status.prices[page.lang] = has_prices
            status.tables[page.lang] = has_tables
        is_reference = page.lang == self.languages.reference
        result.issues.extend(self.glossary.spelling(page))
        result.issues.extend(self.glossary.avoided(page))  # the reference's variants too
        if prices is not None:
            result.issues.extend(prices.prose_issues(page))
            if is_reference:
                result.issues.extend(prices.plan_issues(page, self.brands))
            result.issues.extend(prices.derived_issues(page))
        if self.gates is not None:
            result.issues.extend(self.gates.page_issues(page))
        if data.skills_on:
            result.issues.extend(reference_issues(page, data))
            result.mentioned.update(ref.text for ref in skill_refs(page, data.skill_prefix))
        result.anchors[page.lang, page.name] = page.anchors | generated
        title = page.source.meta.get("title")
        if isinstance(title, str):
            result.titles.setdefault(page.lang, {})[page.name] = title

    def pair_issues(self, en: Page | None, zh: Page | None, status: PageStatus) -> Iterator[Issue]:
        """Existence, parity, glossary and staleness of one page pair; notes on `status` what
        it finds out."""
        name, lang, listing = status.name, status.lang, self.data.untranslated_rel
        reference, translation = language_name(self.languages.reference), language_name(lang)
        if en is not None and zh is None and not status.untranslated:
            message = f"page is missing; translate {en.rel} or list {name} in {listing}"
            other = f"{reference} page"
            path = self.rel(lang, name)
            yield Issue(path, 1, message, en.rel, 1, other, rule="parity", page=name)
        elif en is None and zh is not None:
            message = f"page is missing; {reference} is the reference"
            other = f"{translation} page without {_a(reference)} original"
            path = self.rel(self.languages.reference, name)
            yield Issue(path, 1, message, zh.rel, 1, other, rule="parity", page=name)
        if en is None or zh is None:
            return
        if status.untranslated:
            line = self.data.untranslated[lang][name]
            message = f"{name} is listed as untranslated"
            other = f"but the {translation} page exists; remove it from the list"
            yield Issue(listing, line, message, zh.rel, 1, other, rule="parity", page=name)
        if is_current(en, zh):
            yield from self.compare(en, zh)
        elif recorded_hash(zh) is None:
            status.outdated, status.stamped = True, False
            yield from self.compare(en, zh)
            yield unstamped_issue(en, zh)
        else:  # stamped with an older reference version: check_behind compares it with that
            status.outdated, status.lag = True, Lag()

    def check_behind(
        self, statuses: list[PageStatus], policy: Policy, today: dt.date
    ) -> tuple[list[Issue], list[str]]:
        """Pages stamped with an older reference version: parity against that version (found in
        git history), then how far behind (a note, or an issue past the grace period). They
        are few, so they are checked here, once, with one history walk for all of them."""
        pairs = {(s.lang, s.name): self.read_pair(s.name, s.lang) for s in statuses}
        # where the reference pages are: docs/<reference>/, or docs/ itself (suffix layout)
        folder = (self.docs / self.languages.path(self.languages.reference, "x.md")).parent
        found: dict[tuple[str, str], Translated | NotFound] = {}
        for lang in self.languages.translations:  # each translation may follow another version
            wanted = {
                name: recorded_hash(zh) or ""
                for (code, name), (_, zh) in pairs.items()
                if code == lang
            }
            found.update(
                ((lang, name), outcome) for name, outcome in find_translated(folder, wanted).items()
            )
        issues: list[Issue] = []
        notes: list[str] = []
        for status in statuses:
            en, zh = pairs[status.lang, status.name]
            outcome = found[status.lang, status.name]
            if isinstance(outcome, NotFound):
                status.lag = Lag(not_found=outcome.reason)
                issues.append(not_found_issue(en, zh, outcome))
                continue
            lag = Lag(outcome.commit, outcome.date, outcome.changed_on)
            issues += heading_issues(en, self.config.heading_ids)
            issues += self.follows(status, en, zh, lag, outcome.text)
            overdue = overdue_issue(en, zh, lag, policy, today)
            if overdue is not None:
                issues.append(overdue)
            else:
                notes.append(lag_note(zh, lag, policy))
        return issues, notes

    def check_git(
        self, root: Path, statuses: list[PageStatus], issues: list[Issue]
    ) -> tuple[list[Issue], list[str]]:
        """A site without stamps: a translation whose reference changed after its last commit is
        behind (gitstatus.py) and checked against the reference as it was then, instead of
        being asked for a stamp. Returns the issues so amended, and the notes."""
        unstamped = f"{FIELD} is missing"
        issues = [
            i for i in issues if not (i.rule == "staleness" and i.message.startswith(unstamped))
        ]
        reference = self.languages.reference
        pairs = {
            (s.lang, s.name): (self.rel(reference, s.name), self.rel(s.lang, s.name))
            for s in statuses
        }
        for status in statuses:
            status.from_git, status.outdated = True, False
        try:
            found = behind_pairs(root, list(pairs.values()))
        except NoHistory as error:
            return issues, [str(error)]
        notes: list[str] = []
        for status in statuses:
            behind = found.get(pairs[status.lang, status.name])
            if behind is None:
                continue
            en, zh = self.read_pair(status.name, status.lang)
            lag = Lag(behind.last.sha, behind.last.date, behind.since.date)
            then = self.follows(status, en, zh, lag, behind.reference_then or "")
            if behind.reference_then is not None:  # the pair as it was: what the translation says
                now = set(self.compare(en, zh))
                issues = [issue for issue in issues if issue not in now] + then
            notes.append(behind_note(zh.rel, status.name, lag.summary(), behind, en.rel))
        return issues, notes


def data_link_issues(
    data: SiteData, anchors: dict[tuple[str, str], set[str]], docs_rel: str, languages: Languages
) -> Iterator[Issue]:
    """The pages that data files point to (a glossary term's page, a plan feature's page) exist in
    both languages, with the anchor."""
    links = [(data.glossary_rel, term.line, term.page) for term in data.terms if term.page]
    if data.pricing is not None:
        links += [(data.pricing.rel, f.line, f.page) for f in data.pricing.features if f.page]
    for rel, line, key in links:
        name, _, anchor = key.partition("#")
        for lang in languages.all:
            path = f"{docs_rel}/{languages.path(lang, name)}"
            if (lang, name) not in anchors:
                message = f"{key}: there is no page {path}"
            elif anchor and anchor not in anchors[lang, name]:
                message = f"{key}: {path} has no anchor {{#{anchor}}}"
            else:
                continue
            yield Issue(rel, line, message, rule="links")


def _inputs(
    root: Path, docs_dir: Path | None, data_dir: Path | None, config: SiteConfig | None
) -> tuple[Path, Path, Path, SiteConfig, SiteData]:
    """The folders, the settings (strict unless given) and the data files, read only once no
    name or link under docs/ and data/ leads outside the repository."""
    root = Path(root)
    docs_dir = Path(docs_dir) if docs_dir else root / "docs"
    data_dir = Path(data_dir) if data_dir else root / "data"
    config = config or STRICT
    refused = unsafe_files(
        root,
        (_rel(docs_dir, root), docs_dir),
        (_rel(data_dir, root), data_dir),
        only_pages=config.only_pages_in_docs,
    )
    if refused:
        raise InputError(refused)
    return root, docs_dir, data_dir, config, load_data(data_dir, _rel(data_dir, root), config)


def check_site(
    root: Path,
    *,
    docs_dir: Path | None = None,
    data_dir: Path | None = None,
    today: dt.date | None = None,
    config: SiteConfig | None = None,
    keep_going: bool = False,
) -> SiteReport:
    """Run every check over the pages and data/, reading every file once; raise InputError for
    unreadable input. `config`: the site's settings (`options.read_site_config`), strict when
    absent. keep_going: a page with input errors is set aside (SiteReport.unreadable) and the
    rest is checked; data files must still be readable."""
    root, docs_dir, data_dir, config, data = _inputs(root, docs_dir, data_dir, config)
    today = today or dt.date.today()
    docs_rel = _rel(docs_dir, root)
    policy = load_policy(data_dir, _rel(data_dir, root))
    languages = config.languages
    present = languages.pages(docs_dir)
    names = sorted(set().union(*present.values()), key=lambda n: (n.count("/"), n))
    # a translation the i18n plugin lists without its folder: one line, not one per page
    unbuilt = [
        lang
        for lang in languages.translations
        if languages.structure == FOLDER and not (docs_dir / lang).is_dir()
    ]
    languages = replace(
        languages,
        translations=tuple(lang for lang in languages.translations if lang not in unbuilt),
    )
    checker = _Checker(root, docs_dir, data, present, replace(config, languages=languages))
    found = checker.check(names, keep_going)
    if found.problems:
        raise InputError(found.problems)
    issues = [
        Issue(
            f"{docs_rel}/{lang}",
            1,
            f"the i18n plugin lists {lang}, but there is no such folder; add it, or remove "
            f"{lang} from the i18n plugin's languages ({CONFIG_FILE})",
            rule="parity",
        )
        for lang in unbuilt
    ] + found.issues
    statuses: dict[str, dict[str, PageStatus]] = {lang: {} for lang in languages.translations}
    for status in found.statuses:
        statuses[status.lang][status.name] = status
    notes: list[str] = []
    behind = [status for status in found.statuses if status.lag is not None]
    if behind:
        behind_issues, notes = checker.check_behind(behind, policy, today)
        issues.extend(behind_issues)
    pairs = [status for status in found.statuses if all(status.present.values())]
    if pairs and not any(status.stamped for status in pairs):  # no stamps: status from git
        issues, git_notes = checker.check_git(root, pairs, issues)
        notes.extend(git_notes)
    listed_lines = {item for pages in data.untranslated.values() for item in pages.items()}
    for listed, line in sorted(listed_lines, key=lambda item: item[1]):
        if listed not in present[languages.reference]:
            message = f"{listed} is listed as untranslated but there is no page {listed}"
            issues.append(Issue(data.untranslated_rel, line, message, rule="parity"))
    if data.skills_on:
        issues.extend(unmentioned_issues(found.mentioned, data))
        issues.extend(
            anchor_issues(
                found.anchors, found.mentioned, data, docs_rel, config.related_skills_page
            )
        )
    issues.extend(data_link_issues(data, found.anchors, docs_rel, languages))
    if checker.gates is not None:
        issues.extend(checker.gates.data_issues(data.terms, data.glossary_rel))
    issues.extend(matrix_issues(data.pricing) if data.pricing is not None else ())
    sources_rel = f"{_rel(data_dir, root)}/{config.sources_file}"
    sources = load_sources(data_dir / config.sources_file, sources_rel)
    if sources is not None:
        issues.extend(source_issues(sources, found.anchors, languages.all, docs_rel, today))
    stale = stale_issue(data.pricing, today) if data.pricing is not None else None

    order = {name: index for index, name in enumerate(names)}
    issues.sort(key=lambda issue: order.get(issue.page, len(order)))  # by page; data files last
    for issue in issues:
        if issue.rule not in PARITY_RULES:
            continue
        lang = languages.split(issue.path.removeprefix(docs_rel + "/"))[0]
        for code, pages in statuses.items():  # the translation's, or (no file of one) each's
            if issue.page in pages and lang in (code, None, languages.reference):
                pages[issue.page].parity_issues += 1
    # checks off for want of a data file, then lags, then stale prices
    notes = [*data.off, *notes, *(str(note) for note in ([stale] if stale else []))]
    return SiteReport(
        root=root,
        data=data,
        pages=statuses,
        issues=issues,
        today=today,
        prices_stale=stale is not None,
        notes=notes,
        titles=found.titles,
        languages=languages,
        sources=sources,
        unreadable=found.unreadable,
    )


def current_parity(
    root: Path,
    names: list[str],
    *,
    docs_dir: Path | None = None,
    data_dir: Path | None = None,
    config: SiteConfig | None = None,
) -> dict[str, list[Issue]]:
    """Parity issues of each page pair against the current reference: what `stamp` refuses
    on. Raises InputError for unreadable input."""
    root, docs_dir, data_dir, config, data = _inputs(root, docs_dir, data_dir, config)
    checker = _Checker(root, docs_dir, data, config.languages.pages(docs_dir), config)
    problems: list[str] = []
    found: dict[str, list[Issue]] = {}
    for name in names:
        pages = checker.read_pages(name, problems)
        en = pages[config.languages.reference]
        for lang in config.languages.translations:
            zh = pages[lang]
            if en is not None and zh is not None:
                found.setdefault(name, []).extend(checker.compare(en, zh))
    if problems:
        raise InputError(problems)
    return found
