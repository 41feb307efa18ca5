"""Plan gates from one source: a sentence that says which plan includes a feature, or which add-on
unlocks it, must agree with the plan x feature matrix of data/pricing.yml.

Written by hand: no maintained library reads such statements. A statement is recognised only in the
phrasings of PHRASINGS (per language; CONTRIBUTING.md gives examples of each kind), with nothing but
those words between the names, so a sentence that merely mentions a plan and a feature is not a
statement. Plans are tiered in the order data/pricing.yml lists them: "X and above" is X and every
plan after it, and a plan whose matrix cell is empty has a feature that a lower plan includes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from translations.model import Issue
from translations.read.data import INCLUDED, NOT_INCLUDED, Addon, Feature, Pricing, Term
from translations.read.markdown import Page

# The placeholders of a phrasing: {F} features, {P} plans, {A} an add-on, {PAREN} an aside
# after the features ("Predictive sending (step 7) is ..."), {GAP} words of the same clause.
EN_GAP = r"(?:[^.;!?\n]|\n(?!\n)){0,100}?"
ZH_GAP = r"[^。；！？\n]{0,80}?"

# (kind, phrasing) per language. Kinds: `includes` (the plans include the features), `needs`
# (the plans named are the lowest that include them), `excludes`, `excludes-all`, `needs-addon`
# (the features need that add-on), `paid-addon` (the features need some add-on), `addon-on` (the
# plans can have the add-on), `addon-included` (the plans include the add-on).
PHRASINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("excludes", r"{P}\s+(?:do|does)\s+not\s+include\s+{F}"),
        ("excludes", r"{F}\s+(?:is|are)\s+not\s+(?:included|available)\s+(?:on|in|with)\s+{P}"),
        ("excludes", r"{F}\s+(?:is|are)\s+not\s+part\s+of\s+{P}"),
        ("excludes-all", r"{F}\s*:\s*in\s+no\s+plans?\b"),
        ("addon-included", r"{A}\s+(?:is|are)\s+(?:also\s+)?included\s+(?:in|on|with)\s+{P}"),
        ("addon-included", r"{P}\s+(?:also\s+)?includes?\s+(?:the\s+)?{A}"),
        (
            "includes",
            r"{F}{PAREN}\s+(?:is|are)\s+(?:also\s+|only\s+)?(?:available|included|listed)\s+"
            r"(?:on|in|with|for)\s+{P}",
        ),
        ("includes", r"{F}{PAREN}\s+comes?\s+with\s+{P}"),
        ("needs", r"{F}{PAREN}\s+(?:needs?|requires?)\s+{P}"),
        ("includes", r"{F}{PAREN}\s*:\s*(?:listed\s+for\s+)?{P}(?=\s*(?:[.;(]|$))"),
        ("includes", r"{F}\s*\(\s*{P}\s*\)"),
        ("includes", r"{F}\s+on\s+{P}"),
        ("includes", r"{P}\s+(?:also\s+)?includes?\s+{F}"),
        (
            "includes",
            r"\b[Oo]n\s+{P},?\s+(?:you\s+can\s+(?:also\s+)?)?(?:add|use|build|create)\s+"
            r"(?:an?\s+|your\s+own\s+)?{F}",
        ),
        ("needs-addon", r"{F}{PAREN}\s+(?:needs?|requires?)\s+(?:the\s+|an?\s+)?{A}"),
        ("paid-addon", r"{F}(?:,\s+|\s+is\s+)an?\s+paid\s+add-on"),
        ("addon-on", r"{P}\s+can\s+(?:buy|add|purchase|get)\s+(?:the\s+)?{A}"),
        ("addon-on", r"\b[Oo]n\s+{P},\s+(?:add\s+)?(?:the\s+)?{A}"),
        ("addon-on", r"{A}{GAP}\b(?:available|offered|sold|listed)\s+(?:on|for|with)\s+{P}"),
        ("addon-on", r"{A}\s*[,:]\s+the\s+{GAP}(?:\s(?:on|for)\s+|:\s*){P}"),
        ("addon-on", r"{A}\s*:\s*{P}(?=\s*(?:[.;(]|$))"),
        ("addon-on", r"{P}\s+with\s+(?:the\s+)?{A}"),
    ),
    "zh": (
        ("excludes", r"{P}\s*(?:默认)?(?:都|均)?(?:默认)?不(?:包含|提供)\s*{F}"),
        ("excludes", r"{F}\s*[：:]?\s*(?:不包含在|不属于|不在)\s*{P}"),
        ("addon-included", r"{A}\s*(?:已)?(?:包含在|包含于)\s*{P}"),
        ("addon-included", r"{P}\s*(?:已|还|也)?(?:包含|含)\s*{A}"),
        ("includes", r"{F}{PAREN}\s*(?:仅|只)?在\s*{P}\s*中(?:提供|可用|可以使用)"),
        ("includes", r"{F}{PAREN}\s*(?:仅|只)?适用于\s*{P}"),
        ("includes", r"{F}{PAREN}\s*随\s*{P}\s*提供"),
        ("needs", r"{F}{PAREN}\s*需要\s*{P}"),
        (
            "includes",
            r"{F}{PAREN}\s*[：:]\s*(?:列于\s*)?{P}(?=\s*(?:[。；（]|$|均可使用|都可使用|可用))",
        ),
        ("includes", r"{F}\s*（\s*{P}\s*）"),
        ("includes", r"{F}{PAREN}\s*列于\s*{P}"),
        # not "为 Starter 和 Plus 提供 CRM" (CRM for Starter and Plus): 为, 给, 向 make the plans an
        # object, and a plan after 和, 、 or 或 is the end of a list that starts before them
        (
            "includes",
            r"(?<![为给向和、或])(?<![为给向和、或] ){P}\s*(?:都|均)?(?:还|也)?(?:包含|提供)\s*{F}",
        ),
        ("includes", r"{P}\s*(?:都|均)可(?:以)?使用\s*{F}"),
        ("includes", r"使用\s*{P}\s*的\s*{F}"),
        ("includes", r"使用\s*{P}\s*[，,]\s*可以(?:添加|使用|创建)\s*{F}"),
        ("needs-addon", r"{F}{PAREN}\s*需要\s*(?:开通\s*|加购\s*)?{A}"),
        ("paid-addon", r"{F}\s*(?:是|为)\s*(?:一项)?付费附加功能"),
        ("paid-addon", r"{F}\s*[，,]\s*这是一项付费附加功能"),
        ("addon-on", r"{P}\s*(?:时)?[，,]?\s*(?:可|可以)(?:加购|购买|添加)\s*{A}"),
        ("addon-on", r"{A}{GAP}{P}\s*可(?:以)?(?:购买|加购)"),
        ("addon-on", r"{A}{GAP}(?:适用于|列于)\s*{P}"),
        ("addon-on", r"{A}\s*[，,：:]{GAP}[：:]\s*{P}"),
        ("addon-on", r"{P}\s*(?:加|搭配)\s*{A}"),
    ),
}


# A name found in the text is replaced by a token of the same length (so offsets, and lines, stay
# as they were): its kind's character, then filler. The phrasings are written over tokens.
FEATURE, PLAN, ADDON, FILL = "\ue000", "\ue001", "\ue002", "\ue003"
TOKEN_CHARS_RE = re.compile("[*\\[\ue000-\ue003]")  # emphasis, link brackets, stray tokens
_F, _P, _A = (f"{kind}{FILL}*" for kind in (FEATURE, PLAN, ADDON))
WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
# Words of a statement that names no plan ("CRM, a paid add-on", "forms: all plans").
CUES = ("add-on", "附加功能", "plan", "套餐")


@dataclass(frozen=True)
class _Grammar:
    """How one language writes a list of features, a set of plans and an add-on, over tokens."""

    features: str
    plans: str
    addon: str
    aside: str  # an aside after the features: "Predictive sending (step 7) is ..."
    gap: str  # other words of the same clause
    every: str  # "all plans", "任何套餐"
    above: str  # "and above", "及以上"


GRAMMARS = {
    "en": _Grammar(
        features=rf"{_F}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+){_F})*",
        plans=(
            r"(?:(?i:(?:all|every|any)\s+(?:of\s+the\s+|[A-Z]\w+\s+)?plans?)"
            rf"|(?:the\s+)?{_P}(?:\s+plan)?"
            rf"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?{_P}(?:\s+plan)?)*"
            r"(?:\s+plans)?(?:\s+(?:and|or)\s+(?:above|higher))?)"
        ),
        addon=rf"{_A}(?:\s+add-on)?",
        aside=r"(?:\s*\([^()\n]*\))?",
        gap=EN_GAP,
        every=r"(?i:all|every|any)\s",
        above=r"\b(?:above|higher)\b",
    ),
    "zh": _Grammar(
        features=rf"{_F}(?:\s*(?:、|和|或)\s*{_F})*",
        plans=(
            r"(?:(?:所有|任何|每个|全部)\s*(?:[A-Za-z]+\s*)?套餐"
            rf"|(?:入门套餐\s*)?{_P}(?:（[^）\n]*）)?(?:\s*套餐)?"
            rf"(?:\s*(?:和|、|或)\s*{_P}(?:（[^）\n]*）)?(?:\s*套餐)?)*(?:\s*及以上(?:套餐)?)?)"
        ),
        addon=rf"{_A}(?:（[^）\n]*）)?(?:\s*附加功能)?",
        aside=r"(?:\s*（[^）\n]*）)?",
        gap=ZH_GAP,
        every=r"所有|任何|每个|全部",
        above=r"及以上",
    ),
}


def _compile(grammar: _Grammar, phrasings: tuple[tuple[str, str], ...]) -> list[_Phrasing]:
    fill = {
        "F": f"(?P<f>{grammar.features})",
        "P": f"(?P<p>{grammar.plans})",
        "A": f"(?P<a>{grammar.addon})",
        "PAREN": grammar.aside,
        "GAP": grammar.gap,
    }
    return [
        (
            kind,
            frozenset(re.findall(r"\{([FPA])\}", phrasing)),
            re.compile(re.sub(r"\{(\w+)\}", lambda m: fill[m[1]], phrasing)),
        )
        for kind, phrasing in phrasings
    ]


# (kind, the placeholders it needs, the compiled phrasing)
_Phrasing = tuple[str, frozenset[str], re.Pattern[str]]
COMPILED = {lang: _compile(GRAMMARS[lang], PHRASINGS[lang]) for lang in PHRASINGS}
EVERY_RE = {lang: re.compile(grammar.every) for lang, grammar in GRAMMARS.items()}
ABOVE_RE = {lang: re.compile(grammar.above) for lang, grammar in GRAMMARS.items()}


@dataclass(frozen=True)
class Claim:
    """One statement of a plan gate, as read from the text."""

    kind: str
    start: int  # offset of the statement in the text
    text: str  # the statement, as written
    features: tuple[Feature, ...]
    plans: tuple[str, ...]  # every plan it speaks of, "and above" and "all plans" spelt out
    lowest: str | None  # the plan it names as the lowest ("Plus and above", "needs Pro")
    addon: Addon | None


def _names_re(names: Iterable[str], *, sentence_case: bool = False) -> str:
    """One alternation of names, longest first, a space matching any run of white space, and
    bounded where a name ends with a Latin letter or digit (where it starts: see _tokens, a
    look-behind here would cost a third of the check); with sentence_case, the
    first letter in either case ("Lead scoring", "lead scoring")."""
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in name.split())
        first = name[:1]
        if sentence_case and first.lower() != first.upper():
            body = f"[{first.upper()}{first.lower()}]" + body[1:]
        right = r"(?![A-Za-z0-9-])" if name[-1:].isascii() and name[-1:].isalnum() else ""
        parts.append(body + right)
    return "|".join(parts) or "(?!)"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


class PlanGates:
    """The plan-gate statements of pages and data files checked against the matrix."""

    def __init__(self, pricing: Pricing) -> None:
        self.pricing = pricing
        self.order = [plan.name for plan in pricing.plans]  # lowest first
        self.addons = {addon.name: addon for addon in pricing.addons}
        self.names: dict[str, dict[str, Feature]] = {}  # lang -> name in lower case -> row
        self.addon_names: dict[str, Addon] = {}  # a name prose uses -> add-on
        for addon in pricing.addons:
            self.addon_names[addon.name] = addon
            short = addon.name.split(" (")[0]  # Transactional Email (Postmark)
            self.addon_names.setdefault(short, addon)
        # per language, every name at once: add-ons first ("SMS credits" before "SMS"), plans
        # as written, features in any case
        self.name_re: dict[str, re.Pattern[str]] = {}
        # a paragraph without one of these words states no gate
        self.cue_re = re.compile(
            "|".join(re.escape(cue) for cue in (*self.order, *self.addon_names, *CUES))
        )
        for lang in PHRASINGS:
            names: dict[str, Feature] = {}  # as written -> row
            for feature in pricing.features:
                for name in (feature.name.get(lang, ""), *feature.aliases.get(lang, ())):
                    if name:
                        names.setdefault(name, feature)
                        if lang == "en" and name.endswith("s"):  # landing page(s)
                            names.setdefault(name[:-1], feature)
            self.names[lang] = {_key(name): feature for name, feature in names.items()}
            self.name_re[lang] = re.compile(
                f"(?P<a>{_names_re(self.addon_names)})|(?P<p>{_names_re(self.order)})"
                f"|(?P<f>{_names_re(names, sentence_case=True)})"
            )

    # reading

    def _tokens(self, text: str, lang: str) -> tuple[str, dict[int, Feature | Addon | str]]:
        """The text with each name replaced by its token, and what each token stands for."""
        found: dict[int, Feature | Addon | str] = {}

        def token(m: re.Match[str]) -> str:
            if m.start() and text[m.start() - 1] in WORD_CHARS and m[0][0] in WORD_CHARS:
                return m[0]  # inside a longer word: "Prosper", "non-CRM"
            name = " ".join(m[0].split())
            if m["a"]:
                found[m.start()], kind = self.addon_names[name], ADDON
            elif m["p"]:
                found[m.start()], kind = name, PLAN
            else:
                found[m.start()], kind = self.names[lang][_key(name)], FEATURE
            return kind + FILL * (len(m[0]) - 1)

        return self.name_re[lang].sub(token, text), found

    def claims(self, text: str, lang: str) -> Iterator[Claim]:
        """Every plan-gate statement in a text, in order; one statement read once. Only the
        paragraphs (up to a blank line: a statement never spans two) that name a plan or an
        add-on, or say "plan" or "add-on", are read."""
        if lang not in COMPILED or not self.pricing.features:
            return  # without a matrix, nothing to hold a statement to
        end = 0
        for cue in self.cue_re.finditer(text):
            if cue.start() < end:
                continue  # in the paragraph just read
            start = max(text.rfind("\n\n", 0, cue.start()) + 1, 0)
            end = text.find("\n\n", cue.end())
            end = len(text) if end < 0 else end
            yield from self._paragraph_claims(text[start:end], start, lang)

    def _paragraph_claims(self, text: str, offset: int, lang: str) -> list[Claim]:
        text = TOKEN_CHARS_RE.sub(" ", text)  # offsets kept
        tokens, found = self._tokens(text, lang)
        has = {FEATURE: "F", ADDON: "A", PLAN: "P"}
        present = {letter for char, letter in has.items() if char in tokens}
        if not present & {"F", "A"}:
            return []  # a statement is about a feature or an add-on
        if EVERY_RE[lang].search(text):
            present.add("P")  # "all plans" is a set of plans without a name
        taken: list[tuple[int, int]] = []
        claims = []
        for kind, needs, regex in COMPILED[lang]:
            if not needs <= present:
                continue
            for m in regex.finditer(tokens):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # an earlier, more specific phrasing read these words
                taken.append((m.start(), m.end()))
                claims.append(self._claim(kind, m, text, found, lang, offset))
        return sorted(claims, key=lambda claim: claim.start)

    def _claim(
        self,
        kind: str,
        m: re.Match[str],
        text: str,
        found: dict[int, Feature | Addon | str],
        lang: str,
        offset: int = 0,
    ) -> Claim:
        def named(group: str) -> list[Feature | Addon | str]:
            if m.re.groupindex.get(group) is None or m[group] is None:
                return []
            return [found[pos] for pos in range(m.start(group), m.end(group)) if pos in found]

        features = tuple(f for f in named("f") if isinstance(f, Feature))
        plans_named = [p for p in named("p") if isinstance(p, str)]
        addon = next((a for a in named("a") if isinstance(a, Addon)), None)
        plan_text = text[m.start("p") : m.end("p")] if "p" in m.re.groupindex else ""
        lowest = None
        if kind == "excludes-all" or EVERY_RE[lang].match(plan_text):
            plans = tuple(self.order)
        elif plans_named and ABOVE_RE[lang].search(plan_text):
            lowest = plans_named[-1]
            plans = (*plans_named, *self.order[self.order.index(lowest) + 1 :])
        else:
            plans = tuple(plans_named)
            lowest = plans_named[0] if kind == "needs" and plans_named else None
        return Claim(
            kind="excludes" if kind == "excludes-all" else kind,
            start=offset + m.start(),
            text=" ".join(text[m.start() : m.end()].split()),
            features=features,
            plans=tuple(dict.fromkeys(plans)),
            lowest=lowest,
            addon=addon,
        )

    # judging

    def _lowest_included(self, feature: Feature) -> str | None:
        return next((p for p in self.order if feature.cells.get(p) == INCLUDED), None)

    def _includes(self, feature: Feature, plan: str) -> str | None:
        """Why the data says the plan does not include the feature; None when it does."""
        cell, name = feature.cells.get(plan), feature.name["en"]
        if cell == INCLUDED:
            return None
        if cell == NOT_INCLUDED:
            return f"{plan} does not include {name}"
        if cell is not None:
            return f"{name} on {plan} needs the {cell} add-on"
        lowest = self._lowest_included(feature)
        if lowest is None:
            return f"no plan includes {name}"
        if self.order.index(lowest) < self.order.index(plan):
            return None  # a lower plan includes it
        return f"{name} is listed from {lowest}, not {plan}"

    def _offered(self, addon: Addon) -> list[str]:
        return [
            p
            for p in self.order
            if any(f.cells.get(p) == addon.name for f in self.pricing.features)
        ]

    def _addon_row(self, addon: Addon) -> Feature | None:
        return next((f for f in self.pricing.features if addon.name in f.cells.values()), None)

    def judge(self, claim: Claim) -> Iterator[tuple[str, Feature | None, Addon | None]]:
        """Each disagreement of a statement with the data: (why, the matrix row, the add-on)."""
        if claim.kind in ("includes", "needs"):
            for feature in claim.features:
                reasons = [self._includes(feature, plan) for plan in claim.plans]
                lowest = self._lowest_included(feature)
                if (
                    claim.lowest
                    and lowest
                    and self.order.index(lowest) < self.order.index(claim.lowest)
                ):
                    reasons.append(
                        f"{feature.name['en']} is listed from {lowest}, not {claim.lowest}"
                    )
                why = next((reason for reason in reasons if reason), None)
                if why:
                    yield why, feature, None
        elif claim.kind == "excludes":
            for feature in claim.features:
                for plan in claim.plans:
                    if self._includes(feature, plan) is None:
                        yield f"{plan} includes {feature.name['en']}", feature, None
                        break
        elif claim.kind == "needs-addon" and claim.addon is not None:
            for feature in claim.features:
                if claim.addon.name not in feature.cells.values():
                    why = f"no plan needs the {claim.addon.name} add-on for {feature.name['en']}"
                    yield why, feature, claim.addon
        elif claim.kind == "paid-addon":
            for feature in claim.features:
                if not any(c in self.addons for c in feature.cells.values()):
                    yield f"no add-on brings {feature.name['en']}", feature, None
        elif claim.kind == "addon-on" and claim.addon is not None:
            offered = self._offered(claim.addon)  # none: the matrix does not say
            for plan in claim.plans if offered else ():
                if plan not in offered:
                    where = ", ".join(offered) or "no plan"
                    why = f"{claim.addon.name} is offered on {where}, not {plan}"
                    yield why, self._addon_row(claim.addon), claim.addon
                    break
        elif claim.kind == "addon-included" and claim.addon is not None and claim.plans:
            why = f"{claim.addon.name} is an add-on, not included in {claim.plans[0]}"
            yield why, self._addon_row(claim.addon), claim.addon

    def _issue(
        self,
        path: str,
        line: int,
        claim: Claim,
        found: tuple[str, Feature | None, Addon | None],
        page: str = "",
    ) -> Issue:
        why, row, addon = found
        quote = claim.text if len(claim.text) <= 90 else claim.text[:89] + "…"
        rel = self.pricing.rel
        if row is not None:
            cells = ", ".join(f"{p} {row.cells[p]}" for p in self.order if p in row.cells)
            other_line, other = row.line, f"{row.key}: {cells or 'no plan named'}"
        elif addon is not None:
            other_line, other = addon.line, f"{addon.name}: an add-on on no plan of the matrix"
        else:
            other_line, other = self.pricing.prices_line, "plans"
        return Issue(
            path,
            line,
            f'plan gate "{quote}" disagrees with {rel}: {why}',
            rel,
            other_line,
            other,
            rule="pricing",
            page=page,
        )

    # the checks

    def page_issues(self, page: Page) -> Iterator[Issue]:
        """Plan-gate statements in a page's prose that disagree with the matrix."""
        for claim in self.claims(page.prose, page.lang):
            for found in self.judge(claim):
                yield self._issue(page.rel, page.line_of(claim.start), claim, found, page.name)

    def data_issues(self, terms: Iterable[Term], glossary_rel: str) -> Iterator[Issue]:
        """The plan table's feature lists, the add-on descriptions and the glossary definitions,
        read as statements of the same gates."""
        if not self.pricing.features:
            return
        rel = self.pricing.rel
        statements: list[tuple[str, int, Iterable[Claim]]] = []  # (file, line, its claims)
        for plan in self.pricing.plans:
            for lang, items in plan.features.items():
                claims = (self._item_claims(plan.name, item, lang) for item in items)
                statements += [(rel, plan.line, found) for found in claims]
        for addon in self.pricing.addons:
            for lang, text in addon.text.items():
                claims = self._clause_claims(addon.name, text, "[;；]", lang)
                statements.append((rel, addon.line, claims))
        for term in terms:
            for lang, text in (term.definition or {}).items():
                name = term.names.get(lang, term.en)
                if _key(name) in self.names.get(lang, {}):
                    claims = self._clause_claims(name, text, "[;；,，。]", lang)
                    statements.append((glossary_rel, term.line, claims))
        for path, line, claims in statements:
            for claim in claims:
                for found in self.judge(claim):
                    yield self._issue(path, line, claim, found)

    def _clause_claims(self, name: str, text: str, clauses: str, lang: str) -> Iterator[Claim]:
        """Each clause of a data text read as a statement about `name`: "CRM: needs Pipelines"."""
        separator = "：" if lang == "zh" else ": "
        for clause in re.split(clauses, text):
            yield from self.claims(f"{name}{separator}{clause.strip()}", lang)

    def _item_claims(self, plan: str, item: str, lang: str) -> Iterator[Claim]:
        """A plan's key feature: an add-on it can have, or features it includes."""
        if lang not in COMPILED:
            return
        _, found = self._tokens(item, lang)
        addon = next((a for a in found.values() if isinstance(a, Addon)), None)
        text = f"{plan}: {item}"
        if addon is not None:
            yield Claim("addon-on", 0, text, (), (plan,), None, addon)
        elif 0 in found and isinstance(found[0], Feature):
            yield Claim("includes", 0, text, (found[0],), (plan,), None, None)
