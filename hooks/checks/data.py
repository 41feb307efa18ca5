"""The data files every check reads: prices, skills, glossary, untranslated pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .model import InputError
from .source import YamlDoc, load_yaml


@dataclass(frozen=True)
class Plan:
    name: str
    zh_gloss: str
    price: float
    send_multiplier: float
    features: dict[str, tuple[str, ...]]  # language -> feature list
    line: int


@dataclass(frozen=True)
class Addon:
    name: str
    zh_gloss: str
    price: float | None
    text: dict[str, str]  # language -> what it is
    line: int


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
        return (today - self.as_of).days > self.max_age_days


@dataclass(frozen=True)
class Skill:
    name: str
    text: dict[str, str]
    line: int


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    brand: bool
    line: int


@dataclass(frozen=True)
class SiteData:
    """Everything under data/ that the checks and the renderer need. Without a pricing file,
    `pricing` is None and the price checks are off; without a skills file, the skill checks."""

    pricing: Pricing | None
    skills: tuple[Skill, ...]
    skills_rel: str
    terms: tuple[Term, ...]
    glossary_rel: str
    untranslated: dict[str, int]  # page name -> line in untranslated.yml
    untranslated_rel: str
    skills_on: bool = True
    off: tuple[str, ...] = ()  # what is off because its data file is absent, said once per run

    @property
    def skill_names(self) -> dict[str, Skill]:
        return {skill.name: skill for skill in self.skills}


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

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc

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
            path = ".".join(str(key) for key in keys)
            raise self.fail(keys, f"`{path}` must be {KIND_NAMES.get(kind, str(kind))}")
        return value

    def per_language(self, *keys: str | int) -> dict[str, str]:
        """A `{en: ..., zh: ...}` mapping; any other key is a mistake (often an unquoted comma)."""
        value = self.get(*keys, kind=dict)
        for lang in ("en", "zh"):
            self.get(*keys, lang, kind=str)
        for key in value:
            if key not in ("en", "zh"):
                path = ".".join(str(k) for k in keys)
                raise self.fail(
                    keys,
                    f"`{path}` has an unexpected key `{key}`; quote values that contain a comma",
                )
        return {str(k): str(v) for k, v in value.items()}


def _load_pricing(doc: YamlDoc) -> Pricing:
    r = _Reader(doc)
    r.get(kind=dict)
    plans = []
    for index in range(len(r.get("plans", kind=list))):
        features = r.get("plans", index, "features", kind=dict)
        plans.append(
            Plan(
                name=r.get("plans", index, "name", kind=str),
                zh_gloss=r.get("plans", index, "zh_gloss", kind=str),
                price=r.get("plans", index, "price", kind=(int, float)),
                send_multiplier=r.get("plans", index, "send_multiplier", kind=(int, float)),
                features={
                    lang: tuple(str(f) for f in r.get("plans", index, "features", lang, kind=list))
                    for lang in features
                },
                line=doc.line("plans", index),
            )
        )
    addons = []
    for index in range(len(r.get("addons", kind=list))):
        addons.append(
            Addon(
                name=r.get("addons", index, "name", kind=str),
                zh_gloss=r.get("addons", index, "zh_gloss", kind=str),
                price=r.get("addons", index, "price", kind=(int, float), optional=True),
                text={lang: r.get("addons", index, lang, kind=str) for lang in ("en", "zh")},
                line=doc.line("addons", index),
            )
        )
    return Pricing(
        rel=doc.rel,
        as_of=r.get("as_of", kind=dt.date),
        as_of_label=r.per_language("as_of_label"),
        max_age_days=r.get("max_age_days", kind=int),
        verify_url=r.get("verify_url", kind=str),
        basis=r.per_language("basis"),
        plans=tuple(plans),
        addons=tuple(addons),
        as_of_line=doc.line("as_of"),
        prices_line=doc.line("plans"),
    )


def _load_skills(doc: YamlDoc) -> tuple[Skill, ...]:
    r = _Reader(doc)
    skills = []
    for index in range(len(r.get("skills", kind=list))):
        name = r.get("skills", index, "name", kind=str)
        if name.startswith("/"):
            raise r.fail(("skills", index, "name"), f"skill name `{name}` must not start with /")
        skills.append(
            Skill(
                name=name,
                text={lang: r.get("skills", index, lang, kind=str) for lang in ("en", "zh")},
                line=doc.line("skills", index),
            )
        )
    return tuple(skills)


def _load_terms(doc: YamlDoc) -> tuple[Term, ...]:
    r = _Reader(doc)
    terms = []
    for index in range(len(r.get("terms", kind=list))):
        terms.append(
            Term(
                en=r.get("terms", index, "en", kind=str),
                zh=r.get("terms", index, "zh", kind=str),
                brand=bool(r.get("terms", index, "brand", kind=bool, optional=True)),
                line=doc.line("terms", index),
            )
        )
    return tuple(terms)


def _load_untranslated(doc: YamlDoc) -> dict[str, int]:
    r = _Reader(doc)
    pages = r.get("pages", kind=list, optional=True) or []
    found = {}
    for index in range(len(pages)):
        found[r.get("pages", index, kind=str)] = doc.line("pages", index)
    return found


def load_data(data_dir: Path, rel_dir: str = "data", config: SiteConfig | None = None) -> SiteData:
    """Read every data file; collect the problems of all of them before failing. The pricing,
    skills and untranslated files may be absent: their checks are then off."""
    config = config or SiteConfig()
    problems: list[str] = []
    loaded: dict[str, Any] = {}
    off: list[str] = []
    files = {
        "pricing": (config.pricing_file, _load_pricing, "price checks"),
        "skills": (config.skills_file, _load_skills, "skill checks"),
        "glossary": (config.glossary_file, _load_terms, None),
        "untranslated": (config.untranslated_file, _load_untranslated, ""),
    }
    empty: dict[str, Any] = {"pricing": None, "skills": (), "untranslated": {}}
    for key, (name, loader, checks) in files.items():
        rel = f"{rel_dir}/{name}"
        path = data_dir / name
        if not path.exists():
            if checks is None:
                problems.append(f"{rel}:1: data file is missing")
            else:
                loaded[key] = empty[key]
                if checks:
                    off.append(f"{checks} are off: there is no {rel}")
            continue
        try:
            loaded[key] = loader(load_yaml(path, rel))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return SiteData(
        pricing=loaded["pricing"],
        skills=loaded["skills"],
        skills_rel=f"{rel_dir}/{config.skills_file}",
        terms=loaded["glossary"],
        glossary_rel=f"{rel_dir}/{config.glossary_file}",
        untranslated=loaded["untranslated"],
        untranslated_rel=f"{rel_dir}/{config.untranslated_file}",
        skills_on=(data_dir / config.skills_file).exists(),
        off=tuple(off),
    )
