"""Prices from one source (data/pricing.yml): the generated tables and the checks of prose."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from translations.checks.facts import NOT_BEFORE_NUMBER, parse_number
from translations.model import Issue
from translations.read.data import INCLUDED, NOT_INCLUDED, Addon, Feature, Plan, Pricing
from translations.read.markdown import Page, Section

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# The rest of a sentence: anything but a sentence end or a blank line.
_SAME_SENTENCE = r"(?:[^.!?。！？；;\n]|\n(?!\n))*?"
# Arithmetic written out: `5,000 × 10 = 50,000` (starts at a digit; the character before is
# checked in Python).
PRODUCT_RE = re.compile(
    rf"(?P<a>\d[\d,]*(?:\.\d+)?)\s*[×x*]\s*(?P<b>{_NUM})\s*=\s*(?P<c>{_NUM})(?![\d,])"
)
NOT_BEFORE_FIGURE = NOT_BEFORE_NUMBER | {","}


def amount(value: float | Decimal) -> str:
    """15 -> "15", 12.5 -> "12.50", 50000 -> "50,000"."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,.2f}"


def price_text(pricing: Pricing, value: float | Decimal, lang: str) -> str:
    """$68/mo, 68 美元/月: the language's `per_month` label."""
    return pricing.labels[lang]["per_month"].format(amount=amount(value))


def limit_text(pricing: Pricing, multiplier: float, lang: str) -> str:
    """10x contact count, 联系人数量的 10 倍: the language's `multiplier` label."""
    return pricing.labels[lang]["multiplier"].format(multiplier=amount(multiplier))


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", r"\|") for cell in cells) + " |"


def _table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    lines = [_row(list(header)), "|" + "---|" * len(header)]
    lines.extend(_row(row) for row in rows)
    return "\n".join(lines)


def _name(pricing: Pricing, item: Plan | Addon, lang: str) -> str:
    """A plan's or add-on's name as a language writes it (`Plus（进阶版）`)."""
    return pricing.labels[lang]["plan_name"].format(name=item.name, gloss=item.gloss.get(lang, ""))


def _price_header(pricing: Pricing, lang: str) -> str:
    """ "Price (per month, 1,000 contacts)": the price label with the basis of the prices."""
    return pricing.labels[lang]["price"].format(basis=pricing.basis[lang])


def plans_table(pricing: Pricing, lang: str) -> str:
    """The plan table of one language, as Markdown."""
    words = pricing.labels[lang]
    header = (words["plan"], _price_header(pricing, lang), words["send_limit"], words["features"])
    rows = [
        [
            _name(pricing, plan, lang),
            price_text(pricing, plan.price, lang),
            limit_text(pricing, plan.send_multiplier, lang),
            words["feature_separator"].join(
                _plan_feature(pricing, item, lang) for item in plan.features.get(lang, ())
            ),
        ]
        for plan in pricing.plans
    ]
    return _table(header, rows)


def _plan_feature(pricing: Pricing, item: str, lang: str) -> str:
    """A key feature of the plan table; one that is an add-on by itself ("Sales Engagement") says
    so, as its matrix cell does: the plan can have it, it does not include it."""
    for addon in pricing.addons:
        if item in (addon.name, _name(pricing, addon, lang)):
            return pricing.labels[lang]["addon_cell"].format(name=addon.name)
    return item


def addons_table(pricing: Pricing, lang: str) -> str:
    """The add-on table of one language; an add-on without a price links to the source."""
    words = pricing.labels[lang]
    rows = [
        [_name(pricing, addon, lang), _addon_price(pricing, addon, lang), addon.text[lang]]
        for addon in pricing.addons
    ]
    return _table((words["addon"], words["addon_price"], words["addon_text"]), rows)


def _addon_price(pricing: Pricing, addon: Addon, lang: str) -> str:
    if addon.price is not None:
        return price_text(pricing, addon.price, lang)
    return pricing.labels[lang]["no_price"].format(url=pricing.verify_url)


def _cell(pricing: Pricing, cell: str | None, lang: str) -> str:
    """One cell of the matrix: included, not included, an add-on, or "—" (listed only from a
    higher plan: the legend says so)."""
    words = pricing.labels[lang]
    if cell is None:
        return "—"
    named = {INCLUDED: words["included"], NOT_INCLUDED: words["not_included"]}
    return named.get(cell) or words["addon_cell"].format(name=cell)


def _feature_links(features: list[Feature], pricing: Pricing, lang: str) -> str:
    """Feature names, each linked to the page that explains it, with the separator between."""
    links = (f"[{f.name[lang]}]({f.page})" if f.page else f.name[lang] for f in features)
    return pricing.labels[lang]["feature_separator"].join(links)


def plan_features(pricing: Pricing) -> list[Feature]:
    """The matrix's rows: the features some plan includes. A feature that only add-ons bring
    (CRM, transactional email) is in the add-on table instead, once."""
    return [f for f in pricing.features if INCLUDED in f.cells.values()]


def addon_rows(pricing: Pricing) -> list[tuple[Addon, list[Feature], list[str]]]:
    """Each add-on the matrix data names: the features it brings and the plans it is listed for,
    in the data file's order."""
    rows = []
    for addon in pricing.addons:
        features = [f for f in pricing.features if addon.name in f.cells.values()]
        plans = [
            p.name
            for p in pricing.plans
            if any(f.cells.get(p.name) == addon.name for f in features)
        ]
        if features:
            rows.append((addon, features, plans))
    return rows


def matrix_table(pricing: Pricing, lang: str) -> str:
    """The plan x feature matrix of plans.md: the legend, then price and send limit and one row
    per feature a plan includes, then the add-ons once, then the same as one card per plan (the
    stylesheet shows the cards on a phone, the table elsewhere). Every cell comes from
    data/pricing.yml; a feature links to the page that explains it."""
    words = pricing.labels[lang]
    plans = pricing.plans
    header = (words["feature"], *(_name(pricing, p, lang) for p in plans))
    rows = [
        [_price_header(pricing, lang), *(price_text(pricing, p.price, lang) for p in plans)],
        [words["send_limit"], *(limit_text(pricing, p.send_multiplier, lang) for p in plans)],
    ]
    for feature in plan_features(pricing):
        cells = (_cell(pricing, feature.cells.get(plan.name), lang) for plan in plans)
        rows.append([_feature_links([feature], pricing, lang), *cells])
    addons = [
        [
            words["addon_cell"].format(name=addon.name),
            _feature_links(features, pricing, lang),
            words["feature_separator"].join(plans),
            _addon_price(pricing, addon, lang),
        ]
        for addon, features, plans in addon_rows(pricing)
    ]
    parts = [
        words["legend"].format(url=pricing.verify_url),
        '<div class="ac-plan-matrix" markdown>',
        _table(header, rows),
        "</div>",
        '<div class="ac-plan-cards" markdown>',
        *(_card(pricing, plan, lang) for plan in plans),
        "</div>",
    ]
    if addons:
        header_addons = (words["addon"], words["feature"], words["plan"], words["addon_price"])
        parts.append(_table(header_addons, addons))
    return "\n\n".join(parts)


def _card(pricing: Pricing, plan: Plan, lang: str) -> str:
    """One plan as a card: its price, send limit, every feature it includes, its add-ons."""
    words = pricing.labels[lang]
    lines = [
        f"- {_price_header(pricing, lang)}: {price_text(pricing, plan.price, lang)}",
        f"- {words['send_limit']}: {limit_text(pricing, plan.send_multiplier, lang)}",
    ]
    lines += [
        f"- ✓ {_feature_links([f], pricing, lang)}"
        for f in plan_features(pricing)
        if f.cells.get(plan.name) == INCLUDED
    ]
    lines += [
        f"- {words['addon_cell'].format(name=addon.name)}: "
        + _feature_links(features, pricing, lang)
        for addon, features, plans in addon_rows(pricing)
        if plan.name in plans
    ]
    name = _name(pricing, plan, lang)
    return "\n".join(
        ['<div class="ac-plan-card" markdown>', "", f"**{name}**", "", *lines, "", "</div>"]
    )


def matrix_issues(pricing: Pricing) -> Iterator[Issue]:
    """Blanks that would read as "this plan lacks it": the plans are tiers, each including what
    the plans before it include, so a feature `included` on a plan is `included` on every plan
    after it in the data file."""
    names = [plan.name for plan in pricing.plans]
    for feature in pricing.features:
        included = [name for name in names if feature.cells.get(name) == INCLUDED]
        if not included:
            continue
        first = included[0]
        for plan in names[names.index(first) + 1 :]:
            if feature.cells.get(plan) != INCLUDED:
                cell = feature.cells.get(plan) or "empty"
                yield Issue(
                    pricing.rel,
                    feature.line,
                    f"feature {feature.key}: {plan} is {cell}, but {first} includes it and every "
                    f"plan includes what the plans before it include; write `{plan}: included`",
                    rule="pricing",
                )


def _example_items(pricing: Pricing) -> list[Plan | Addon]:
    """The cost example's plan, then its add-ons: each has a price (checked when read)."""
    example = pricing.example
    names = (example.plan, *example.addons) if example else ()
    return [pricing.plan(name) or pricing.addon(name) for name in names]  # type: ignore[misc]


def example_total(pricing: Pricing) -> Decimal:
    """The monthly total of the cost example: the plan's price plus its add-ons' prices."""
    return sum((Decimal(str(item.price)) for item in _example_items(pricing)), Decimal(0))


def example_table(pricing: Pricing, lang: str) -> str:
    """The worked monthly-cost example: plan, add-ons, total, and the send limit it brings."""
    contacts = pricing.basis_contacts
    if pricing.example is None or contacts is None:
        return ""
    plan, *addons = _example_items(pricing)
    words = pricing.labels[lang]
    rows = [
        [
            words["example_plan"].format(plan=plan.name, basis=pricing.basis[lang]),
            price_text(pricing, plan.price, lang),
        ],
        *(
            [words["addon_cell"].format(name=addon.name), _addon_price(pricing, addon, lang)]
            for addon in addons
        ),
        [f"**{words['total']}**", f"**{price_text(pricing, example_total(pricing), lang)}**"],
    ]
    multiplier = plan.send_multiplier  # type: ignore[union-attr]
    sends = words["sends"].format(
        contacts=amount(contacts),
        multiplier=amount(multiplier),
        sends=amount(Decimal(contacts) * Decimal(str(multiplier))),
    )
    return _table((words["item"], words["monthly_cost"]), rows) + "\n\n" + sends


def render_marker(pricing: Pricing, arg: str | None, lang: str) -> str:
    """The content for `<!-- pricing:<arg> -->`."""
    render = {
        "plans": plans_table,
        "addons": addons_table,
        "matrix": matrix_table,
        "example": example_table,
    }
    return render[arg or ""](pricing, lang)


# A capitalised word that names a plan: "the Enterprise plan", "Pro and above".
PLAN_NAME_RE = re.compile(r"\b(?P<name>[A-Z][A-Za-z]+) (?:plans?|and above|or above|or higher)\b")
# Capitalised words that stand before "plan" without naming one, even inside a sentence.
SENTENCE_WORDS = frozenset({"Which", "Every", "Each", "Any", "All", "Your", "The", "This", "That"})
NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1
    )
}
# How many plans there are, in words or figures: "four plans", "3 plans".
PLAN_COUNT_RE = re.compile(rf"\b(?P<count>{'|'.join(NUMBER_WORDS)}|\d+) plans\b", re.I)


class PriceRules:
    """Checks of prices in prose, compiled once per site from the plan names."""

    def __init__(self, pricing: Pricing) -> None:
        self.pricing = pricing
        self.plans = {plan.name: plan for plan in pricing.plans}
        longest_first = sorted(self.plans, key=len, reverse=True)
        names = "|".join(re.escape(name) for name in longest_first) or "(?!)"
        # a digit first: the engine skips to digits
        en_n = r"(?P<n>\d[\d,]*(?:\.\d+)?)(?P<ns>[Kk])?"
        en_m = rf"(?<![\d,.])(?P<m>{_NUM})(?P<ms>[Kk])?\s+emails\b"
        zh_n = rf"(?P<n>{_NUM})\s*(?P<ns>万)?\s*个联系人"
        zh_m = rf"(?<![\d,.])(?P<m>{_NUM})\s*(?P<ms>万)?\s*封"
        plan = rf"(?P<plan>{names})"
        gloss = r"(?:（[^）\n]*）)?"  # a Chinese gloss after the plan name: Plus（进阶版）
        # (words the sentence must hold, pattern): the cheap test skips most sections
        self.derived = [
            # a 5,000-contact Plus plan ... 50,000 emails
            (
                ("contact", "plan", "emails"),
                re.compile(rf"{en_n}[- ]contacts?\s+{plan}\s+plan\b{_SAME_SENTENCE}{en_m}"),
            ),
            # a Plus plan with 5,000 contacts ... 50,000 emails
            (
                ("contacts", "plan", "emails"),
                re.compile(rf"{plan}\s+plan\s+with\s+{en_n}\s+contacts\b{_SAME_SENTENCE}{en_m}"),
            ),
            # 含5,000个联系人的Plus套餐每月可发送50,000封
            (
                ("个联系人的", "封"),
                re.compile(rf"含\s*{zh_n}的\s*{plan}{gloss}\s*套餐{_SAME_SENTENCE}{zh_m}"),
            ),
        ]

    def plan_issues(self, page: Page, brands: frozenset[str]) -> Iterator[Issue]:
        """Plans that prose names or counts and the data file does not have: a plan removed from
        the data while a page still says "Enterprise plan" or "four plans" (reference pages;
        a translation follows its reference by the parity checks)."""
        rel, known = self.pricing.rel, {plan.name for plan in self.pricing.plans}
        listed = "plans are " + ", ".join(plan.name for plan in self.pricing.plans)
        names = known | {addon.name for addon in self.pricing.addons} | brands
        found: list[tuple[int, str]] = []  # (offset in the prose, message)
        for m in PLAN_NAME_RE.finditer(page.prose):
            word, before = m["name"], page.prose[: m.start()].rpartition("\n")[2].rstrip()
            if word in names or not before or before[-1] in ".!?:;(" or word in SENTENCE_WORDS:
                continue  # a plan, a product, or a capital that starts a sentence
            found.append((m.start(), f"names a plan {word} that {rel} does not list"))
        for m in PLAN_COUNT_RE.finditer(page.prose):
            count = m["count"].lower()
            if NUMBER_WORDS.get(count, count) != str(len(known)):
                found.append((m.start(), f"counts {m[0]}, but {rel} lists {len(known)}"))
        for at, message in found:
            yield Issue(
                page.rel,
                page.line_of(at),
                message,
                rel,
                self.pricing.prices_line,
                listed,
                rule="pricing",
                page=page.name,
            )

    def prose_issues(self, page: Page) -> Iterator[Issue]:
        """Prices and multipliers in prose that the data file does not have."""
        known = {
            "money": ("price", "prices", self.pricing.prices),
            "multiplier": ("send-limit multiplier", "multipliers", self.pricing.multipliers),
        }
        for section in page.sections:
            for fact in section.facts:
                if fact.kind not in known or fact.value in known[fact.kind][2]:
                    continue
                what, plural, values = known[fact.kind]
                yield Issue(
                    page.rel,
                    fact.line,
                    f"{what} {fact.text} is not in {self.pricing.rel}",
                    self.pricing.rel,
                    self.pricing.prices_line,
                    f"{plural} are {', '.join(amount(v) for v in sorted(values))}",
                    rule="pricing",
                    page=page.name,
                )

    def derived_issues(self, page: Page) -> Iterator[Issue]:
        """Derived figures: N contacts x the plan's multiplier, and products written out."""
        prose = page.prose
        candidates = [(w, r) for w, r in self.derived if all(x in prose for x in w)]
        if not candidates and "=" not in prose:
            return
        for section in page.sections:
            text = section.prose
            regexes = [regex for words, regex in candidates if all(w in text for w in words)]
            for match, line in _figures(section, regexes):
                plan = self.plans[match["plan"]]
                contacts = parse_number(match["n"], _scale(match["ns"]))
                stated = parse_number(match["m"], _scale(match["ms"]))
                expected = contacts * Decimal(str(plan.send_multiplier))
                if stated != expected:
                    multiplier = amount(plan.send_multiplier)
                    yield Issue(
                        page.rel,
                        line,
                        f"{amount(contacts)} contacts on {plan.name} send {amount(expected)} "
                        f"emails a month ({multiplier}x), not {amount(stated)}",
                        self.pricing.rel,
                        plan.line,
                        f"{plan.name} send_multiplier: {multiplier}",
                        rule="pricing",
                        page=page.name,
                    )
            for match, line in _figures(section, [PRODUCT_RE] if "=" in text else []):
                a, b, c = (parse_number(match[g]) for g in "abc")
                if a * b != c:
                    yield Issue(
                        page.rel,
                        line,
                        f"{match['a']} × {match['b']} is {amount(a * b)}, not {match['c']}",
                        rule="pricing",
                        page=page.name,
                    )


def _figures(section: Section, regexes: list[re.Pattern[str]]) -> Iterator[tuple[re.Match, int]]:
    """Each match of the regexes in a section's prose that starts a figure, with its line."""
    text = section.prose
    for regex in regexes:
        for match in regex.finditer(text):
            if not match.start() or text[match.start() - 1] not in NOT_BEFORE_FIGURE:
                yield match, section.line + text.count("\n", 0, match.start())


def _scale(suffix: str | None) -> str | None:
    return {"k": "K", "K": "K", "万": "万"}.get(suffix or "")


def stale_issue(pricing: Pricing, today: dt.date) -> Issue | None:
    """Figures older than the rule allows: a notice for maintainers (a lag, not a defect, so it
    does not fail the build) and a warning banner on every page that states them."""
    if not pricing.is_stale(today):
        return None
    verified = (
        f"last verified {pricing.last_verified.isoformat()}"
        if pricing.last_verified
        else "not verified since"
    )
    return Issue(
        pricing.rel,
        pricing.as_of_line,
        f"prices are as of {pricing.as_of.isoformat()} ({verified}), more than "
        f"{pricing.max_age_days} days before {today.isoformat()}; verify them at "
        f"{pricing.verify_url}, then set last_verified (or update the figures and as_of)",
        rule="pricing",
    )


def page_has_prices(page: Page, plan_names: frozenset[str] = frozenset()) -> bool:
    """Whether a page states figures that date: a pricing marker, a price or a send-limit
    multiplier in its prose, or a plan gate (a plan named in prose: "Plus and above")."""
    return page_has_price_tables(page) or any(
        fact.kind in ("money", "multiplier") or (fact.kind == "brand" and fact.text in plan_names)
        for section in page.sections
        for fact in section.facts
    )


def page_has_price_tables(page: Page) -> bool:
    """Whether a page holds generated price tables (`<!-- pricing:... -->`): the pages where the
    price-date note stands in full; elsewhere it is one line."""
    return any(marker.name == "pricing" for section in page.sections for marker in section.markers)
