"""The data files every check reads: prices, skills, glossary, untranslated pages."""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translations.checks.safety import unsafe_data
from translations.config import Languages, SiteConfig
from translations.model import InputError
from translations.read.source import YamlDoc, load_yaml


@dataclass(frozen=True)
class Plan:
    name: str
    gloss: dict[str, str]  # language -> the name explained (`gloss: {zh: 入门版}`)
    price: float
    send_multiplier: float
    features: dict[str, tuple[str, ...]]  # language -> feature list
    line: int


@dataclass(frozen=True)
class Addon:
    name: str
    gloss: dict[str, str]  # language -> the name explained
    price: float | None
    text: dict[str, str]  # language -> what it is
    line: int


# What a plan gets in a row of the plan x feature matrix (plans.md); an add-on name means "with
# that add-on". A plan missing from a row is not listed for it: the cell stays empty.
INCLUDED = "included"
NOT_INCLUDED = "not-included"


@dataclass(frozen=True)
class Feature:
    """A row of the plan x feature matrix: a feature, the page explaining it, each plan's cell."""

    key: str
    name: dict[str, str]  # language -> feature name
    page: str | None  # page that explains it, relative to the language folder
    cells: dict[str, str]  # plan name -> INCLUDED, NOT_INCLUDED or an add-on name
    line: int
    # language -> other names prose uses for the feature ("split actions"); plan-gate check
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class CostExample:
    """The worked monthly-cost example of plans.md: one plan and its add-ons at the price basis."""

    plan: str
    addons: tuple[str, ...]
    line: int


# The words of the generated tables and entries, per language (`labels:` in the data file), each
# with the placeholders it must hold (`?`: may hold): the generator fills them in and writes only
# the markup.
PRICING_LABELS: dict[str, tuple[str, ...]] = {
    "plan": (),  # the plan table's header
    "price": ("basis",),
    "send_limit": (),
    "features": (),
    "feature_separator": (),  # between a plan's features
    "per_month": ("amount",),  # a price
    "multiplier": ("multiplier",),  # a send limit
    "plan_name": ("name", "gloss?"),  # a plan or add-on (gloss: its `gloss` in the language)
    "addon": (),  # the add-on table's header
    "addon_price": (),
    "addon_text": (),
    "no_price": ("url",),  # an add-on without a price
    "feature": (),  # the matrix
    "included": (),
    "not_included": (),
    "addon_cell": ("name",),
    "addon_cell_price": ("name", "price"),
    "legend": ("url",),
    "item": (),  # the cost example
    "monthly_cost": (),
    "example_plan": ("plan", "basis"),
    "total": (),
    "sends": ("contacts", "multiplier", "sends"),
}
GLOSSARY_LABELS: dict[str, tuple[str, ...]] = {
    "other": ("term",),  # the term in the other language
    "more": ("link",),  # the page that explains it
}


@dataclass(frozen=True)
class Pricing:
    rel: str
    as_of: dt.date
    as_of_label: dict[str, str]
    max_age_days: int
    verify_url: str
    basis: dict[str, str]
    plans: tuple[Plan, ...]
    addons: tuple[Addon, ...]
    as_of_line: int
    prices_line: int
    # the date someone last checked the figures at verify_url (None: not since as_of)
    last_verified: dt.date | None = None
    basis_contacts: int | None = None  # the contact count the plan prices are stated for
    features: tuple[Feature, ...] = ()
    example: CostExample | None = None
    last_verified_label: dict[str, str] | None = None
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> PRICING_LABELS

    @property
    def checked_on(self) -> dt.date:
        """The newer of the date the figures were stated and the date they were last verified."""
        if self.last_verified is None or self.last_verified < self.as_of:
            return self.as_of
        return self.last_verified

    @property
    def prices(self) -> frozenset[float]:
        """Every price the site may state."""
        found = {plan.price for plan in self.plans}
        found.update(addon.price for addon in self.addons if addon.price is not None)
        return frozenset(found)

    @property
    def multipliers(self) -> frozenset[float]:
        return frozenset(plan.send_multiplier for plan in self.plans)

    def is_stale(self, today: dt.date) -> bool:
        """The documented rule (CONTRIBUTING.md): more than max_age_days since the figures were
        stated or, if later, last verified."""
        return (today - self.checked_on).days > self.max_age_days

    def plan(self, name: str) -> Plan | None:
        return next((plan for plan in self.plans if plan.name == name), None)

    def addon(self, name: str) -> Addon | None:
        return next((addon for addon in self.addons if addon.name == name), None)


@dataclass(frozen=True)
class Skill:
    name: str
    text: dict[str, str]
    line: int


@dataclass(frozen=True)
class Term:
    en: str  # the term in the reference language (`en:`, whatever the reference's code)
    names: dict[str, str]  # language -> the term (`en: lead scoring`, `zh: 线索评分`)
    brand: bool
    line: int
    definition: dict[str, str] | None = None  # language -> one-line definition (glossary.md)
    page: str | None = None  # page (and #anchor) that explains it, relative to the language folder
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> ruled out
    # language -> longer renderings that hold a ruled-out one and are right: 联系人评分模型
    allow: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_in: tuple[str, ...] = ()  # reference phrases whose use of the term does not count

    @property
    def anchor(self) -> str:
        """The term's entry on the glossary page: `glossary.md#term-lead-scoring`."""
        return "term-" + "-".join(re.findall(r"[a-z0-9]+", self.en.lower()))


@dataclass(frozen=True)
class SiteData:
    """Everything under data/ that the checks and the renderer need. Without a pricing file,
    `pricing` is None and the price checks are off; without a skills file, the skill checks."""

    pricing: Pricing | None
    skills: tuple[Skill, ...]
    skills_rel: str
    terms: tuple[Term, ...]
    glossary_rel: str
    # translation -> page name -> its line in untranslated.yml
    untranslated: dict[str, dict[str, int]]
    untranslated_rel: str
    skills_on: bool = True
    listed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # `areas`/`roles` ids
    skill_prefix: str = ""  # what every skill name starts with (`sales-`): a mention is `/<name>`
    off: tuple[str, ...] = ()  # what is off because its data file is absent, said once per run
    languages: Languages = field(default_factory=Languages)  # the pair the files were read with
    glossary_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # GLOSSARY_LABELS

    @property
    def skill_names(self) -> dict[str, Skill]:
        return {skill.name: skill for skill in self.skills}


# An address a page may link to: https, then no space, quote, angle bracket or backslash.
URL_RE = re.compile(r"https://[^\s\"'<>\\`]+")
# Ranges of the numbers in pricing.yml: a price per month in its currency, a send multiplier.
PRICE_RANGE = (0.01, 100_000)
MULTIPLIER_RANGE = (1, 1_000)

KIND_NAMES: dict[object, str] = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    int: "a whole number",
    (int, float): "a number",
    bool: "true or false",
    dt.date: "a date (YYYY-MM-DD)",
}


class _Reader:
    """Typed access to one YAML document; a wrong shape is an InputError naming the line."""

    def __init__(self, doc: YamlDoc, languages: Languages) -> None:
        self.doc = doc
        self.langs = languages.all  # the keys of per-language values

    def fail(self, keys: tuple[str | int, ...], message: str) -> InputError:
        return InputError.at(self.doc.rel, self.doc.line(*keys), message)

    def get(self, *keys: str | int, kind: type | tuple[type, ...], optional: bool = False) -> Any:
        value: Any = self.doc.data
        for key in keys:
            if isinstance(key, str):
                value = value.get(key) if isinstance(value, dict) else None
            else:
                value = value[key] if isinstance(value, list) and key < len(value) else None
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            if not keys:
                raise self.fail(keys, "the file must be a mapping of `key: value` lines")
            raise self.fail(keys, f"`{_path(keys)}` must be {KIND_NAMES.get(kind, str(kind))}")
        return value

    def items(self, key: str, optional: bool = False) -> list[tuple[str, int]]:
        """The key path of each entry of the list at `key` (none when optional and absent)."""
        entries = self.get(key, kind=list, optional=optional) or []
        return [(key, index) for index in range(len(entries))]

    def number(
        self,
        *keys: str | int,
        within: tuple[float, float],
        whole: bool = False,
        optional: bool = False,
    ) -> Any:
        """A number within a range (a price, a multiplier, a count of days): the value is
        checked for what it means, not only for its type."""
        value = self.get(*keys, kind=int if whole else (int, float), optional=optional)
        low, high = within
        if value is not None and not low <= value <= high:
            raise self.fail(
                keys, f"`{_path(keys)}` is {value}; it must be from {low:g} to {high:g}"
            )
        return value

    def texts(self, *keys: str | int, optional: bool = False) -> tuple[str, ...]:
        """A list of text items (each checked: a number or a mapping there is a mistake)."""
        items = self.get(*keys, kind=list, optional=optional) or []
        return tuple(self.get(*keys, index, kind=str) for index in range(len(items)))

    def text_per_language(self, *keys: str | int) -> dict[str, str]:
        """The text of each language, given as keys of the entry itself (`en: ...`, `zh: ...`)."""
        return {lang: self.get(*keys, lang, kind=str) for lang in self.langs}

    def url(self, *keys: str | int) -> str:
        """An https: address written plainly: it goes into a link on every priced page."""
        value = self.get(*keys, kind=str)
        if not URL_RE.fullmatch(value):
            raise self.fail(
                keys, f"`{_path(keys)}` must be an https:// address without spaces, quotes or <>"
            )
        return value

    def unique(self, list_key: str, field: str, names: list[str]) -> None:
        """Each entry of a list named once: a second entry would silently win or be ignored."""
        for index, name in enumerate(names):
            if name in names[:index]:
                first = names.index(name)
                raise self.fail(
                    (list_key, index, field),
                    f"`{name}` is listed twice in `{list_key}` (also at line "
                    f"{self.doc.line(list_key, first, field)})",
                )

    def per_language(
        self, *keys: str | int, langs: tuple[str, ...] | None = None, optional: bool = False
    ) -> dict[str, str]:
        """A `{en: ..., zh: ...}` mapping with a text for each of `langs` (default: every
        language); a key that is no language is a mistake (often an unquoted comma).
        `optional`: {} when the key is absent."""
        value = self.get(*keys, kind=dict, optional=optional)
        if value is None:
            return {}
        for lang in self.langs if langs is None else langs:
            self.get(*keys, lang, kind=str)
        for key in value:
            if key not in self.langs:
                raise self.fail(
                    keys,
                    f"`{_path(keys)}` has an unexpected key `{key}`; "
                    "quote values that contain a comma",
                )
            self.get(*keys, key, kind=str)
        return {str(k): str(v) for k, v in value.items()}

    def labels(self, key: str, names: dict[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
        """`key: {lang: {name: text}}`: every name in each language given, each holding the
        placeholders `{...}` it must (and no other), and nothing else. A language without labels
        (or a file without `key`) is left out: a page that needs them says so."""
        given = self.get(key, kind=dict, optional=True) or {}
        for lang in given:
            if lang not in self.langs:
                raise self.fail((key, lang), f"`{key}` has a key `{lang}` that is no language")
        found = {}
        for lang in (lang for lang in self.langs if lang in given):
            words = self.get(key, lang, kind=dict)
            for name in words:
                if name not in names:
                    raise self.fail(
                        (key, lang, name),
                        f"`{key}.{lang}.{name}` is not a label; labels: {', '.join(names)}",
                    )
            for name, fields in names.items():
                if name not in words:
                    raise self.fail((key, lang), f"`{key}.{lang}` lacks the label `{name}`")
                problem = _placeholder_problem(self.get(key, lang, name, kind=str), fields)
                if problem:
                    raise self.fail((key, lang, name), f"`{key}.{lang}.{name}` {problem}")
            found[lang] = {name: str(words[name]) for name in names}
        return found


def _path(keys: tuple[str | int, ...]) -> str:
    """A value's place as messages name it: `plans.1.price`."""
    return ".".join(str(key) for key in keys)


def _placeholder_problem(text: str, fields: tuple[str, ...]) -> str | None:
    """What is wrong with the `{...}` of a label that must hold `fields` (`name?`: may hold)."""
    try:
        held = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:  # a lone { or }
        return "has a { or } that opens no placeholder; write {{ or }} for the character"
    must = {f for f in fields if not f.endswith("?")}
    may = {f.rstrip("?") for f in fields}
    if must <= held <= may:
        return None
    wanted = ", ".join(f"{{{f}}}" for f in sorted(must)) or "no {...}"
    if may - must:
        wanted += " (and may hold " + ", ".join(f"{{{f}}}" for f in sorted(may - must)) + ")"
    return f"must hold {wanted}"


def _load_pricing(doc: YamlDoc, languages: Languages) -> Pricing:
    r = _Reader(doc, languages)
    r.get(kind=dict)
    plans = [
        Plan(
            name=r.get(*at, "name", kind=str),
            gloss=r.per_language(*at, "gloss", langs=(), optional=True),
            price=r.number(*at, "price", within=PRICE_RANGE),
            send_multiplier=r.number(*at, "send_multiplier", within=MULTIPLIER_RANGE),
            features={
                str(lang): r.texts(*at, "features", lang)
                for lang in r.get(*at, "features", kind=dict)
            },
            line=doc.line(*at),
        )
        for at in r.items("plans")
    ]
    r.unique("plans", "name", [plan.name for plan in plans])
    addons = [
        Addon(
            name=r.get(*at, "name", kind=str),
            gloss=r.per_language(*at, "gloss", langs=(), optional=True),
            price=r.number(*at, "price", within=PRICE_RANGE, optional=True),
            text=r.text_per_language(*at),
            line=doc.line(*at),
        )
        for at in r.items("addons")
    ]
    r.unique("addons", "name", [addon.name for addon in addons])
    plan_names = [plan.name for plan in plans]
    addon_names = [addon.name for addon in addons]
    clash = sorted(set(plan_names) & set(addon_names))
    if clash:
        raise r.fail(("addons",), f"`{clash[0]}` is both a plan and an add-on")
    features = []
    for at in r.items("features", optional=True):
        cells = r.get(*at, "plans", kind=dict)
        for plan, cell in cells.items():
            if plan not in plan_names:
                raise r.fail(
                    (*at, "plans", plan),
                    f"unknown plan `{plan}`; plans are {', '.join(plan_names)}",
                )
            if cell not in (INCLUDED, NOT_INCLUDED, *addon_names):
                raise r.fail(
                    (*at, "plans", plan),
                    f"`{plan}: {cell}` must be {INCLUDED}, {NOT_INCLUDED} or an add-on name",
                )
        aliases = r.get(*at, "aliases", kind=dict, optional=True)
        features.append(
            Feature(
                key=r.get(*at, "key", kind=str),
                name=r.text_per_language(*at),
                page=r.get(*at, "page", kind=str, optional=True),
                cells={str(plan): str(cell) for plan, cell in cells.items()},
                line=doc.line(*at),
                aliases={}
                if aliases is None
                else {lang: r.texts(*at, "aliases", lang, optional=True) for lang in r.langs},
            )
        )
    example = None
    if r.get("example", kind=dict, optional=True) is not None:
        name = r.get("example", "plan", kind=str)
        extra = r.texts("example", "addons")
        priced = [addon.name for addon in addons if addon.price is not None]
        for position, addon in enumerate(extra):
            if addon not in priced:
                raise r.fail(
                    ("example", "addons", position), f"`{addon}` is not an add-on with a price"
                )
        if name not in plan_names:
            raise r.fail(("example", "plan"), f"unknown plan `{name}`")
        example = CostExample(name, extra, doc.line("example"))
    labels = r.labels("labels", PRICING_LABELS)
    for lang, words in labels.items():  # a language whose names show a gloss has one for each
        if "{gloss}" in words["plan_name"]:
            for kind, items in (("plans", plans), ("addons", addons)):
                for index, item in enumerate(items):
                    if lang not in item.gloss:
                        raise r.fail(
                            (kind, index),
                            f"`{item.name}` needs `gloss: {{{lang}: ...}}`: "
                            f"labels.{lang}.plan_name shows it",
                        )
    last_verified = r.get("last_verified", kind=dt.date, optional=True)
    return Pricing(
        rel=doc.rel,
        last_verified=last_verified,
        last_verified_label=r.per_language("last_verified_label") if last_verified else None,
        basis_contacts=r.number(
            "basis_contacts", within=(1, 10_000_000), whole=True, optional=True
        ),
        features=tuple(features),
        example=example,
        as_of=r.get("as_of", kind=dt.date),
        as_of_label=r.per_language("as_of_label"),
        max_age_days=r.number("max_age_days", within=(1, 100_000), whole=True),
        verify_url=r.url("verify_url"),
        basis=r.per_language("basis"),
        plans=tuple(plans),
        addons=tuple(addons),
        as_of_line=doc.line("as_of"),
        prices_line=doc.line("plans"),
        labels=labels,
    )


# A skill name: lower-case words joined by -, the first of them (with its -) the prefix.
SKILL_NAME_RE = re.compile(r"(?P<prefix>[a-z0-9]+-)[a-z0-9]+(?:-[a-z0-9]+)*")


def _load_skills(doc: YamlDoc, languages: Languages) -> tuple[tuple[Skill, ...], str]:
    """The skills, and the prefix every name starts with: `prefix:` in the file, or else the
    first word the names share (it tells a mention `/sales-x` from other inline code)."""
    r = _Reader(doc, languages)
    skills = []
    for at in r.items("skills"):
        name = r.get(*at, "name", kind=str)
        if name.startswith("/"):
            raise r.fail((*at, "name"), f"skill name `{name}` must not start with /")
        skills.append(Skill(name, r.text_per_language(*at), doc.line(*at)))
    names = [skill.name for skill in skills]
    r.unique("skills", "name", names)
    given = r.get("prefix", kind=str, optional=True)
    shared = {m["prefix"] if (m := SKILL_NAME_RE.fullmatch(name)) else "" for name in names}
    prefix = given if given is not None else (shared.pop() if len(shared) == 1 else "")
    if not SKILL_NAME_RE.fullmatch(prefix + "x"):
        raise r.fail(
            ("prefix",) if given is not None else ("skills",),
            "skill names need one shared first word (`prefix: help-` for help-email, "
            "help-cadence); set `prefix:` to it",
        )
    for index, name in enumerate(names):
        if not name.startswith(prefix) or not SKILL_NAME_RE.fullmatch(name):
            raise r.fail(
                ("skills", index, "name"),
                f"skill name `{name}` must be lower-case words joined by -, starting {prefix}",
            )
    return tuple(skills), prefix


def _load_terms(
    doc: YamlDoc, languages: Languages
) -> tuple[tuple[Term, ...], dict[str, dict[str, str]]]:
    r = _Reader(doc, languages)
    reference = languages.reference
    terms = []
    for at in r.items("terms"):
        avoid = r.get(*at, "avoid", kind=dict, optional=True) or {}
        for lang in avoid:
            if lang not in r.langs:
                raise r.fail(
                    (*at, "avoid", lang),
                    f"`avoid` lists renderings per language; `{lang}` is none",
                )
        allow = r.get(*at, "allow", kind=dict, optional=True) or {}
        for lang in allow:
            if lang not in avoid:
                raise r.fail(
                    (*at, "allow", lang),
                    f"`allow` lists longer renderings that hold an `avoid` one; "
                    f"`avoid` has none for `{lang}`",
                )
            ruled_out = r.texts(*at, "avoid", lang)
            for index, phrase in enumerate(r.texts(*at, "allow", lang)):
                if not any(wrong in phrase for wrong in ruled_out):
                    raise r.fail(
                        (*at, "allow", lang, index),
                        f"`{phrase}` holds none of the `avoid` renderings; "
                        "`allow` is for longer renderings that hold one",
                    )
        names = {lang: r.get(*at, lang, kind=str, optional=lang != reference) for lang in r.langs}
        terms.append(
            Term(
                en=names[reference],
                # a translation may lack a term yet: its pages are not checked for it
                names={lang: name for lang, name in names.items() if name or lang == reference},
                brand=bool(r.get(*at, "brand", kind=bool, optional=True)),
                line=doc.line(*at),
                definition=r.per_language(*at, "def", optional=True) or None,
                page=r.get(*at, "page", kind=str, optional=True),
                avoid={lang: r.texts(*at, "avoid", lang) for lang in avoid},
                allow={lang: r.texts(*at, "allow", lang) for lang in allow},
                not_in=tuple(p.lower() for p in r.texts(*at, "not_in", optional=True)),
            )
        )
    r.unique("terms", reference, [term.en for term in terms])
    return tuple(terms), r.labels("labels", GLOSSARY_LABELS)


def _load_untranslated(doc: YamlDoc, languages: Languages) -> dict[str, dict[str, int]]:
    """`pages: [a.md]` (untranslated in every translation) or `pages: {ja: [a.md]}`."""
    r = _Reader(doc, languages)
    pages = r.get("pages", kind=(list, dict), optional=True) or []
    found: dict[str, dict[str, int]] = {lang: {} for lang in languages.translations}
    lists = {lang: ("pages",) for lang in languages.translations}
    if isinstance(pages, dict):
        for lang in pages:
            if lang not in languages.translations:
                raise r.fail(("pages", lang), f"`pages.{lang}`: {lang} is not a translation")
        lists = {lang: ("pages", lang) for lang in pages}
    for lang, keys in lists.items():
        for index in range(len(r.get(*keys, kind=list))):
            found[lang][r.get(*keys, index, kind=str)] = doc.line(*keys, index)
    return found


def _listed_ids(doc: YamlDoc, languages: Languages) -> dict[str, tuple[str, ...]]:
    """The ids of the path finder's `areas` and `roles` (data/paths.yml), each once."""
    r = _Reader(doc, languages)
    found = {}
    for kind in ("areas", "roles"):
        if r.get(kind, kind=list, optional=True) is not None:
            ids = [r.get(*at, "id", kind=str) for at in r.items(kind)]
            r.unique(kind, "id", ids)
            found[kind] = tuple(ids)
    return found


def load_data(data_dir: Path, rel_dir: str = "data", config: SiteConfig | None = None) -> SiteData:
    """Read every data file; collect the problems of all of them before failing. A missing
    file turns its checks off."""
    config = config or SiteConfig()
    problems: list[str] = []
    docs: dict[str, YamlDoc] = {}
    for path in sorted(data_dir.glob("*.y*ml")) if data_dir.is_dir() else []:
        # every data file is untrusted text, read once: its markup is refused at its own line
        try:
            docs[path.name] = load_yaml(path, f"{rel_dir}/{path.name}", config.max_file_kib * 1024)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(unsafe_data(docs[path.name]))
    no_pages: dict[str, dict[str, int]] = {lang: {} for lang in config.languages.translations}
    files = {  # key: (file name, reader, the checks it turns on, the value without the file)
        "paths": (config.paths_file, _listed_ids, "", {}),
        "pricing": (config.pricing_file, _load_pricing, "price checks", None),
        "skills": (config.skills_file, _load_skills, "skill checks", ((), "")),
        "glossary": (config.glossary_file, _load_terms, "glossary checks", ((), {})),
        "untranslated": (config.untranslated_file, _load_untranslated, "", no_pages),
    }
    loaded: dict[str, Any] = {}
    off: list[str] = []
    for key, (name, loader, checks, empty) in files.items():
        loaded[key] = empty
        if not (data_dir / name).exists():
            if checks:
                off.append(f"{checks} are off: there is no {rel_dir}/{name}")
        elif name in docs:  # else unreadable: its problem is above
            try:
                loaded[key] = loader(docs[name], config.languages)
            except InputError as exc:
                problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return SiteData(
        pricing=loaded["pricing"],
        skills=loaded["skills"][0],
        skill_prefix=loaded["skills"][1],
        listed=loaded["paths"],
        skills_rel=f"{rel_dir}/{config.skills_file}",
        terms=loaded["glossary"][0],
        glossary_labels=loaded["glossary"][1],
        glossary_rel=f"{rel_dir}/{config.glossary_file}",
        untranslated=loaded["untranslated"],
        untranslated_rel=f"{rel_dir}/{config.untranslated_file}",
        skills_on=(data_dir / config.skills_file).exists(),
        off=tuple(off),
        languages=config.languages,
    )
