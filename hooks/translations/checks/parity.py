"""Translation parity of one page pair, English as the reference.

Headings are paired by explicit id, or else by level and position (`align_headings`), so that a
heading dropped on one side is one issue, not a shift of every later section. Each pair of
sections is then compared for structure and facts, every issue on the Chinese file with the
English line: `docs/zh/crm.md:42: list items differ in section {#deals} (5 vs 4)
(docs/en/crm.md:40: 5 list items)`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields, replace
from difflib import SequenceMatcher
from itertools import chain
from typing import Any

from translations.checks.facts import soft_keys, soft_keys_of
from translations.checks.glossary import Glossary
from translations.checks.notation import (
    PHRASE_RE,
    code_key,
    prose_in_backticks,
    same_code,
    same_span,
    words_in_backticks,
    written_in,
)
from translations.model import Fact, Issue
from translations.read.markdown import CodeBlock, Page, Section, heading_numbering

# A lowercase ASCII kebab-case id, as CONTRIBUTING.md asks.
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
NO_ID = 'heading "{}" has no explicit {{#id}}; add one, the same in both languages'


def _issue(
    zh: Page, line: int, message: str, en: Page, en_line: int, other: str, rule: str = "parity"
) -> Issue:
    return Issue(zh.rel, line, message, en.rel, en_line, other, rule=rule, page=zh.name)


def heading_issues(page: Page, heading_ids: bool = False) -> list[Issue]:
    """Headings of one page: no explicit id used twice; with `heading_ids` (the site's choice),
    every heading has one, in lowercase ASCII kebab-case."""
    issues = []
    seen: dict[str, int] = {}
    for section in page.headings:
        if section.id is None and not heading_ids:
            continue
        if section.id is None:
            message = NO_ID.format(section.title)
        elif heading_ids and not ID_RE.fullmatch(section.id):
            message = f"heading id {{#{section.id}}} is not lowercase ASCII kebab-case"
        elif section.id in seen:
            message = (
                f"heading id {{#{section.id}}} is used twice (first on line {seen[section.id]})"
            )
        else:
            seen[section.id] = section.line
            continue
        issues.append(Issue(page.rel, section.line, message, rule="parity", page=page.name))
    return issues


def _by_id(page: Page) -> dict[str, Section]:
    """Sections keyed by id; the text before the first heading is keyed ""."""
    found: dict[str, Section] = {}
    for section in page.sections:
        key = section.id if section.level else ""
        if key is not None and key not in found:
            found[key] = section
    return found


def _anchor_line(
    order: list[str], sections: dict[str, Section], common: set[str], index: int, fallback: int
) -> int:
    """Line of the nearest common heading before position `index`, where a missing one belongs."""
    for key in reversed(order[:index]):
        if key in common:
            return sections[key].line
    return fallback


def compare_headings(en: Page, zh: Page) -> list[Issue]:
    """Same headings, levels and ids, in the same order (every heading has an id)."""
    issues: list[Issue] = []
    en_sections, zh_sections = _by_id(en), _by_id(zh)
    en_order = [s.id for s in en.headings if s.id]
    zh_order = [s.id for s in zh.headings if s.id]
    common = set(en_order) & set(zh_order)
    first_zh = zh.headings[0].line if zh.headings else zh.source.body_line
    first_en = en.headings[0].line if en.headings else en.source.body_line
    for index, key in enumerate(en_order):
        if key not in common:
            e = en_sections[key]
            line = _anchor_line(en_order, zh_sections, common, index, first_zh)
            message = f"heading {{#{key}}} is missing"
            issues.append(_issue(zh, line, message, en, e.line, _heading_text(e)))
    for index, key in enumerate(zh_order):
        if key not in common:
            line = _anchor_line(zh_order, en_sections, common, index, first_en)
            message = f"heading {{#{key}}} has no English counterpart"
            issues.append(
                _issue(zh, zh_sections[key].line, message, en, line, f"no heading {{#{key}}}")
            )
    for key in en_order:
        e, z = en_sections[key], zh_sections.get(key)
        if z is not None and e.level != z.level:
            message = f"heading {{#{key}}} is level {z.level}"
            issues.append(_issue(zh, z.line, message, en, e.line, f"level {e.level}"))
    en_common = [key for key in en_order if key in common]
    zh_common = [key for key in zh_order if key in common]
    for e_key, z_key in zip(en_common, zh_common, strict=False):  # a duplicate id: reported
        if e_key != z_key:
            e, z = en_sections[e_key], zh_sections[z_key]
            message = f"heading {{#{z_key}}} is out of order"
            issues.append(_issue(zh, z.line, message, en, e.line, f"{{#{e_key}}} comes here"))
            break
    return issues


def _count(
    zh: Page, z: Section, en: Page, e: Section, what: str, en_count: int, zh_count: int
) -> Iterator[Issue]:
    if en_count != zh_count:
        message = f"{what} differ in section {e.label} ({en_count} vs {zh_count})"
        yield _issue(zh, z.line, message, en, e.line, f"{en_count} {what}")


def _shape(section: Section) -> tuple[object, ...]:
    """Everything compare_sections looks at (most sections agree: then it reports nothing)."""
    return (
        section.list_items,
        section.table_rows,
        section.table_columns,
        len(section.images),
        [block.code for block in section.code_blocks],
        [ref.text for ref in section.admonitions],
        [marker.label for marker in section.markers],
        sorted(ref.text for ref in section.links),
    )


def _paired_blocks(
    e: Section, z: Section, exact_code: bool
) -> Iterator[tuple[int, CodeBlock, CodeBlock]]:
    """The code blocks of two sections paired in order, (English number, English, Chinese), so
    that one block added or dropped is the count's finding alone, not a difference in every
    block after it."""
    keys = [
        [block.code if exact_code else code_key(block.code, block.info) for block in blocks]
        for blocks in (e.code_blocks, z.code_blocks)
    ]
    for i, j in pair_in_order(*keys, similar=_similar):
        if keys[0][i] != keys[1][j]:
            yield i + 1, e.code_blocks[i], z.code_blocks[j]


def pair_in_order(
    a: list[Any], b: list[Any], similar: Callable[[Any, Any], float]
) -> list[tuple[int, int]]:
    """Items of two sequences paired in order: equal ones anchor the pairing; between anchors
    each item of the shorter run takes the likeliest item of the longer one still free."""
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs += zip(range(i1, i2), range(j1, j2), strict=True)
        elif tag == "replace":
            flip = i2 - i1 < j2 - j1  # walk the shorter run
            short, long = (
                (range(j1, j2), range(i1, i2)) if not flip else (range(i1, i2), range(j1, j2))
            )
            at = long.start
            for k in short:
                skippable = (long.stop - at) - (short.stop - k)
                pick = max(
                    range(at, at + skippable + 1),
                    key=lambda m: similar(a[k], b[m]) if flip else similar(a[m], b[k]),
                )
                pairs.append((k, pick) if flip else (pick, k))
                at = pick + 1
    return pairs


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def compare_sections(
    en: Page, e: Section, zh: Page, z: Section, *, exact_code: bool = False
) -> Iterator[Issue]:
    """Structure of two sections with the same id (`exact_code`: code blocks written alike,
    comments and all; else compared as code, see notation.py)."""
    if _shape(e) == _shape(z):
        return
    if not (_list_as_prose(e, z) or _list_as_prose(z, e)):
        yield from _count(zh, z, en, e, "list items", e.list_items, z.list_items)
    yield from _count(zh, z, en, e, "table rows", e.table_rows, z.table_rows)
    if len(e.table_columns) == len(z.table_columns):
        for number, (ec, zc) in enumerate(
            zip(e.table_columns, z.table_columns, strict=True), start=1
        ):
            yield from _count(zh, z, en, e, f"columns of table {number}", ec, zc)
    else:
        yield from _count(zh, z, en, e, "tables", len(e.table_columns), len(z.table_columns))
    yield from _count(zh, z, en, e, "code blocks", len(e.code_blocks), len(z.code_blocks))
    for number, ec, zc in _paired_blocks(e, z, exact_code):
        if ec.code != zc.code and (exact_code or not same_code(ec.code, zc.code, ec.info)):
            first = next((line for line in ec.code.split("\n") if line.strip()), "")
            message = f"code block {number} of section {e.label} differs from English"
            start = f"code block {number} starts `{first.strip()}`"
            yield _issue(zh, zc.line, message, en, ec.line, start)
    e_types, z_types = [r.text for r in e.admonitions], [r.text for r in z.admonitions]
    if not exact_code and len(e_types) == len(z_types):  # `!!! 提示`: a type written in Chinese
        z_types = [et if not zt.isascii() else zt for et, zt in zip(e_types, z_types, strict=True)]
    yield from _listed(zh, z, en, e, "admonitions", e_types, z_types)
    yield from _count(zh, z, en, e, "images", len(e.images), len(z.images))
    e_markers, z_markers = [m.label for m in e.markers], [m.label for m in z.markers]
    yield from _listed(zh, z, en, e, "markers", e_markers, z_markers)
    yield from _compare_links(en, e, zh, z, exact_code)


# A line that starts a list item in the text: a list Python-Markdown did not start (no blank
# line after a paragraph), or markers written as text.
MARKER_LINE_RE = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE)


def _list_as_prose(listed: Section, other: Section) -> bool:
    """A list written as paragraphs on the other side (`three.js, Babylon.js and Cesium`, or a
    label above each code block): the other side has no list item, each item names a fact, a
    link or a code block under it, and the other side names every one, in no line written as
    a list item."""
    if other.list_items or not listed.list_items or MARKER_LINE_RE.search(other.prose):
        return False
    keys = {f.key for f in other.facts} | {f"link {ref.text}" for ref in other.links}
    keys |= {f"code {code_key(block.code, block.info)}" for block in other.code_blocks}
    ends = [first - 1 for first, _ in listed.items[1:]] + [1 << 30]
    for (first, last), end in zip(listed.items, ends, strict=True):
        named = {f.key for f in listed.facts if not f.soft and first <= f.line <= last}
        named |= {f"link {ref.text}" for ref in listed.links if first <= ref.line <= last}
        named |= {
            f"code {code_key(block.code, block.info)}"
            for block in listed.code_blocks
            if first < block.line <= end
        }
        if not named or not named <= keys:
            return False
    return True


def _listed(
    zh: Page, z: Section, en: Page, e: Section, what: str, en_list: list[str], zh_list: list[str]
) -> Iterator[Issue]:
    if en_list != zh_list:
        message = f"{what} differ in section {e.label}: {', '.join(zh_list) or 'none'}"
        yield _issue(zh, z.line, message, en, e.line, ", ".join(en_list) or "none")


def localized(url: str, lang: str) -> str:
    """A web address as the reference would write it: a translation's link to its own
    language's copy of a page (`https://x.org/docs/zh/setup/`, a site built with folders per
    language) is the reference's link to that page (`https://x.org/docs/setup/`)."""
    if not url.startswith(("https://", "http://")):
        return url
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme}://{host}{slash}{('/' + path).replace(f'/{lang}/', '/', 1)[1:]}"


# A path segment that names a language: /en/, /zh/, /zh-cn/, /zh_CN/, /en-us/.
LANGUAGE_SEGMENT_RE = re.compile(
    r"/(?:en|zh|ja|ko|fr|de|es|pt|ru|it|nl|pl|tr|vi|id|th|ar|uk|cs|sv)(?:[-_][A-Za-z]{2,4})?(?=/)"
)


def edition(url: str) -> str:
    """A web address without its language folder and its #anchor: the page in any language (a
    link within the site keeps its anchor: it names the section the reader lands on)."""
    if not url.startswith(("https://", "http://")):
        return url
    scheme, _, rest = url.partition("://")
    host, _, path = rest.partition("/")
    path = LANGUAGE_SEGMENT_RE.sub("", "/" + path.partition("#")[0])
    return f"{scheme}://{host}{path}"


# The wording of _unmatched_issues, per rule, with {e} and {z} the English and Chinese text, {label}
# the section, {counts} how many each side has: a pair that differs (message, the English side),
# an English one without a counterpart, a Chinese one without a counterpart.
_WORDING = {
    "links": (
        ("link to {z} does not match the English", "links to {e}"),
        ("section {label} has no link to {e}{counts}", "links to {e}"),
        ("link to {z} is not in the English section {label}{counts}", "no link to {z}"),
    ),
    "facts": (
        ("{z} does not match the English", "{e}"),
        ("section {label} lacks {e}", "{e}"),
        ("{z} is not in the English section {label}", "not in section {label}"),
    ),
}


def _unmatched_issues(
    en: Page,
    e: Section,
    zh: Page,
    z: Section,
    lacking: list[tuple[int, str]],
    surplus: list[tuple[int, str]],
    rule: str,
    counts: str = "",
) -> Iterator[Issue]:
    """English items (line, text) without a counterpart and Chinese ones without one: paired in
    order as one that differs, the rest reported as missing or extra."""
    differs, missing, extra = _WORDING[rule]

    def issue(wording: tuple[str, str], line: int, en_line: int, e_text: str, z_text: str) -> Issue:
        message, other = (
            text.format(e=e_text, z=z_text, label=e.label, counts=counts) for text in wording
        )
        return _issue(zh, line, message, en, en_line, other, rule)

    for (e_line, e_text), (z_line, z_text) in zip(lacking, surplus, strict=False):
        yield issue(differs, z_line, e_line, e_text, z_text)
    # what one line lacks or adds is one difference: one issue naming each item
    for e_line, e_texts in _by_line(lacking[len(surplus) :], e.items):
        yield issue(missing, z.line, e_line, e_texts, "")
    for z_line, z_texts in _by_line(surplus[len(lacking) :], z.items):
        yield issue(extra, z_line, e.line, "", z_texts)


def _line(item: tuple[int, str]) -> int:
    return item[0]


def _by_line(
    items: list[tuple[int, str]], units: Sequence[list[int]] = ()
) -> list[tuple[int, str]]:
    """Items (line, text) with those of one line, of lines in a row (a paragraph one side adds
    or drops) or of one list item (`units`), joined at the first: `a`, `b`."""
    lines: dict[int, list[str]] = {}
    last = first = -2
    for line, text in sorted(items, key=_line):
        unit = next((u for u in units if u[0] <= line <= u[1]), None)
        if line > last + 1 and not (unit and unit[0] <= last):
            first = line
        last = line
        lines.setdefault(first, []).append(text)
    return [(line, ", ".join(dict.fromkeys(texts))) for line, texts in lines.items()]


def _compare_links(
    en: Page, e: Section, zh: Page, z: Section, exact: bool = False
) -> Iterator[Issue]:
    """Internal links point to the same page and anchor; external URLs are identical, but for
    the translation's language folder in the translation's (`localized`)."""
    e_keys = Counter(ref.text for ref in e.links)
    z_keys = Counter(localized(ref.text, zh.lang) for ref in z.links)
    if e_keys == z_keys:
        return
    missing, extra = e_keys - z_keys, z_keys - e_keys
    lacking = []  # English links without a counterpart, in order
    for ref in e.links:
        if missing[ref.text]:
            missing[ref.text] -= 1
            lacking.append((ref.line, ref.text))
    surplus = []  # Chinese links without a counterpart, in order
    for ref in z.links:
        if extra[localized(ref.text, zh.lang)]:
            extra[localized(ref.text, zh.lang)] -= 1
            surplus.append((ref.line, ref.text))
    # an address written out on one side, linked on the other, is the same address
    e_urls, z_urls = {ref.text for ref in e.urls}, {ref.text for ref in z.urls}
    lacking = [(line, url) for line, url in lacking if url not in z_urls]
    surplus = [(line, url) for line, url in surplus if url not in e_urls]
    if not exact:  # another language's edition of one page: /en/ or /zh/, a translated #anchor
        editions = {edition(url) for _, url in surplus}
        paired = {edition(url) for _, url in lacking} & editions
        lacking = [(line, url) for line, url in lacking if edition(url) not in paired]
        surplus = [(line, url) for line, url in surplus if edition(url) not in paired]
        if len(e.items) != len(z.items):  # links in items one side lacks: the count's finding
            e_only, z_only = _unpaired_items(e, z)
            lacking = _without_items(lacking, e, e_only)
            surplus = _without_items(surplus, z, z_only)
    en_total, zh_total = e_keys.total(), z_keys.total()
    counts = f" ({en_total} vs {zh_total} links)" if en_total != zh_total else ""
    yield from _unmatched_issues(en, e, zh, z, lacking, surplus, "links", counts)


def _without_items(
    links: list[tuple[int, str]], section: Section, items: list[list[int]]
) -> list[tuple[int, str]]:
    """Links without one of each target that the given list items hold: a card one side adds
    accounts for one link to its target (`[…](#)` in every card, one more `#`), wherever the
    unmatched one stands."""
    links = list(links)
    for ref in section.links:
        if _within(ref.line, items):
            at = next((k for k, (_, url) in enumerate(links) if url == ref.text), None)
            if at is not None:
                del links[at]
    return links


def _unmatched(
    mine: list[Fact], theirs: list[Fact], their_section: Section, exact: bool = False
) -> list[Fact]:
    """Hard facts of one side that the other side has in no notation (words count there, and a
    name or code word written in other capitals, without code formatting or only in a link)."""
    keys = {fact.key for fact in theirs}
    first: dict[str, Fact] = {}  # the first fact of each key
    for fact in mine:
        if not fact.soft and fact.key not in keys:
            first.setdefault(fact.key, fact)
    found = list(first.values())
    if found:  # only now: most sections match without these
        words = soft_keys(their_section)
        written = "" if exact else _written(their_section)
        codes = "" if exact else " ".join(ref.text for ref in their_section.code_spans)
        found = [
            fact
            for fact in found
            if fact.key not in words
            and not (fact.kind in _SPELLED_KINDS and written_in(fact.text, written))
            and not (fact.group == "number" and written_in(fact.text, codes))  # `0, 90, 180`
        ]
    return sorted(found, key=lambda fact: fact.line)


# Facts that stay the same fact in other capitals, without code formatting or linked rather
# than written out (notation.py).
_SPELLED_KINDS = frozenset({"brand", "code", "url"})


def _written(section: Section, lines: tuple[int, int] = (0, 1 << 30)) -> str:
    """Everything a section writes (or its `lines`): prose, code spans, URLs, link targets and
    code blocks (a name in backticks on one side may stand in the other's code)."""
    refs = [*section.code_spans, *section.urls, *section.links, *section.code_blocks]
    texts = [getattr(ref, "text", None) or getattr(ref, "code", "") for ref in refs]
    within = [
        text for ref, text in zip(refs, texts, strict=True) if lines[0] <= ref.line <= lines[1]
    ]
    return "\n".join([section.prose, *within])


def _without_prose_in_backticks(facts: list[Fact], other: Section, page: Page) -> list[Fact]:
    """Facts without the code spans that are prose set in backticks, which `other` writes out,
    or English words set in backticks in the facts' own `page` (notation.py); what `other`
    writes is joined once, and only when a code span is left."""
    if not any(f.kind == "code" for f in facts):
        return facts
    written = _written(other)
    prose = "\n".join([other.prose, *(ref.text for ref in other.code_spans)])
    facts = [f for f in facts if f.kind != "code" or not prose_in_backticks(f.text, written, prose)]
    return [f for f in facts if f.kind != "code" or not _words_in_backticks(f.text, page)]


def _words_in_backticks(span: str, page: Page) -> bool:
    """`span` is English words in backticks, by what the rest of its page writes (notation.py)."""
    if not PHRASE_RE.fullmatch(span):  # the usual case: not words, no page to join
        return False
    code = [ref.text for s in page.sections for ref in s.code_spans if ref.text != span]
    code += [block.code for s in page.sections for block in s.code_blocks]
    return words_in_backticks(span, page.prose, "\n".join(code))


def _translated_placeholders(missing: list[Fact], extra: list[Fact]) -> None:
    """Drop each pair of code spans that differ only by translated words (`{原文件名}.json`)."""
    for zf in [f for f in extra if f.kind == "code"]:
        ef = next((f for f in missing if f.kind == "code" and same_span(f.text, zf.text)), None)
        if ef is not None:
            missing.remove(ef)
            extra.remove(zf)


def _unpaired_items(e: Section, z: Section) -> tuple[list[list[int]], list[list[int]]]:
    """The list items of each side with no counterpart on the other, pairing the items in order
    by the facts they hold: (English items, Chinese items), each [first line, last line]; the
    first item of a list runs from the paragraph that introduces it (`**Relay**`, then the
    items one side adds: one difference)."""
    e_keys, z_keys = (
        [frozenset(f.key for f in s.facts if not f.soft and a <= f.line <= b) for a, b in s.items]
        for s in (e, z)
    )
    pairs = pair_in_order(e_keys, z_keys, similar=_overlap)
    e_paired, z_paired = {i for i, _ in pairs}, {j for _, j in pairs}
    e_only = [_lead_in(e, item) for i, item in enumerate(e.items) if i not in e_paired]
    z_only = [_lead_in(z, item) for j, item in enumerate(z.items) if j not in z_paired]
    return e_only, z_only


def _lead_in(section: Section, item: list[int]) -> list[int]:
    """An item with the paragraph just before it, when it starts a list (no item above)."""
    lines = section.prose.split("\n")
    above = item[0] - section.line - 1  # index in `lines`; 0 is the heading's
    if above >= 1 and not lines[above].strip():
        above -= 1  # one blank line between
    if above < 1 or not lines[above].strip() or _within(section.line + above, section.items):
        return item
    while above > 1 and lines[above - 1].strip():
        above -= 1
    return [section.line + above, item[1]]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _within(line: int, spans: list[list[int]]) -> bool:
    return any(first <= line <= last for first, last in spans)


def compare_facts(
    en: Page, e: Section, zh: Page, z: Section, *, exact_code: bool = False
) -> Iterator[Issue]:
    """Every fact of a section on one side appears in its counterpart on the other side
    (`exact_code`: names and code spans written alike, not only in another notation)."""
    if {fact.key for fact in e.facts} == {fact.key for fact in z.facts}:
        return  # the usual case: nothing unmatched on either side
    missing = _unmatched(e.facts, z.facts, z, exact_code)
    extra = _unmatched(z.facts, e.facts, e, exact_code)
    if not exact_code:
        _translated_placeholders(missing, extra)
        # what is left in another script or in numbers only is prose set in backticks
        # (`中英日繁`, `PDF / 图片`, `[0,1]`), the same when the other side writes its names;
        # so are English words that the rest of their page writes as prose (`command line mode`)
        missing = _without_prose_in_backticks(missing, z, en)
        extra = _without_prose_in_backticks(extra, e, zh)
        if len(e.items) != len(z.items):  # the count's finding names the items one side lacks
            e_only, z_only = _unpaired_items(e, z)
            missing = [f for f in missing if not _within(f.line, e_only)]
            extra = [f for f in extra if not _within(f.line, z_only)]
    lacking_rest: list[tuple[int, str]] = []  # without a counterpart of their kind
    surplus_rest: list[tuple[int, str]] = []
    for group in dict.fromkeys(fact.group for fact in missing + extra):
        lacking = [(f.line, f.shown) for f in missing if f.group == group]
        surplus = [(f.line, f.shown) for f in extra if f.group == group]
        paired = min(len(lacking), len(surplus))
        yield from _unmatched_issues(en, e, zh, z, lacking[:paired], surplus[:paired], "facts")
        lacking_rest += lacking[paired:]
        surplus_rest += surplus[paired:]
    yield from _unmatched_issues(en, e, zh, z, sorted(lacking_rest, key=_line), [], "facts")
    yield from _unmatched_issues(en, e, zh, z, [], sorted(surplus_rest, key=_line), "facts")


def _moves(
    en: Page,
    e: Section,
    e_rows: dict[int, dict[str, Fact]],
    zh: Page,
    z: Section,
    z_rows: dict[int, dict[str, Fact]],
) -> set[tuple[int, str]]:
    """The (unit, key) of a row's or item's fact that changed rows: what compare_rows reports.
    Not a change of rows: a fact the other side writes outside its rows and items (in a
    paragraph or a code block: the list was laid out anew), a fact moving between an item and
    the items nested in it, or among those, unless two of them trade facts (a swap), nor a
    name one row mentions and the other not, which the section's other rows both name."""
    units = set(e_rows) | set(z_rows)
    lacking = {u: e_rows.get(u, {}).keys() - z_rows.get(u, {}).keys() for u in units}
    extra = {u: z_rows.get(u, {}).keys() - e_rows.get(u, {}).keys() for u in units}
    e_facts = {k: f for row in e_rows.values() for k, f in row.items()}
    z_facts = {k: f for row in z_rows.values() for k, f in row.items()}
    e_free = _outside_units(e, [z_facts[k] for keys in extra.values() for k in keys])
    z_free = _outside_units(z, [e_facts[k] for keys in lacking.values() for k in keys])
    family = _families(en, e)  # the items of one list item: the same on both sides
    moved = {(u, v) for u in units for v in units if u != v and lacking[u] & extra[v]}
    found = set()
    for u, v in moved:
        if family[u] != family[v] or (v, u) in moved:
            found |= {(w, k) for w in (u, v) for k in lacking[u] & extra[v]}
    # a number that went nowhere else: this row's value dropped or added (Plus: 5 users, where
    # the English Plus has none); a name is only mentioned once more or once less
    all_lacking, all_extra = set().union(*lacking.values()), set().union(*extra.values())
    numbers = {
        k for k in all_lacking | all_extra if (e_facts.get(k) or z_facts[k]).group == "number"
    }
    for u in units:
        gone = lacking[u] - all_extra - z_free
        added = extra[u] - all_lacking - e_free
        found |= {(u, k) for k in (gone | added) & numbers}
    return found


def _outside_units(section: Section, facts: list[Fact]) -> set[str]:
    """The keys of `facts` that a section writes outside its table rows and list items."""
    units = [(line, line) for rows in section.tables for line in rows] + section.items
    free = {f.key for f in section.facts if not _within(f.line, units)}
    code = "\n".join(block.code for block in section.code_blocks)
    return {f.key for f in facts if f.key in free or written_in(f.text, code)}


def _families(page: Page, section: Section) -> list[int]:
    """For each table row, then list item, of a section, the unit it belongs to: a row to
    itself, a list item to the item it is nested in (by indentation), or else to itself."""
    lines = page.source.body.split("\n")
    family = list(range(sum(len(rows) for rows in section.tables)))
    head, head_indent = -1, -1
    for first, _ in section.items:
        text = lines[first - page.source.body_line]
        indent = len(text) - len(text.lstrip())
        if head < 0 or indent <= head_indent:
            head, head_indent = len(family), indent
        family.append(head)
    return family


def _unit_names(section: Section) -> list[str]:
    """Names of the table rows, then the list items, of a section, in the order _rows counts."""
    names = []
    several = len(section.tables) > 1
    for number, rows in enumerate(section.tables, start=1):
        for row in range(len(rows)):
            name = f"row {row}" if row else "the header row"
            names.append(f"{name} of table {number}" if several else name)
    names += [f"list item {number}" for number in range(1, len(section.items) + 1)]
    return names


def _rows(section: Section, common: set[str]) -> dict[int, dict[str, Fact]]:
    """The facts of `common` that each table row, then each list item, holds (unit index -> key
    -> fact); a list item runs to its last continuation line, a nested item is a unit of its own."""
    row_at = {line: index for index, line in enumerate(chain.from_iterable(section.tables))}.get
    items = section.items
    starts = [first for first, _ in items]
    first_item = sum(len(rows) for rows in section.tables)  # items are counted after the rows
    found: dict[int, dict[str, Fact]] = {}
    for fact in section.facts:
        if fact.key not in common:
            continue
        unit = row_at(fact.line)
        if unit is None:
            item = bisect_right(starts, fact.line) - 1
            if item < 0 or fact.line > items[item][1]:
                continue  # in neither a row nor an item
            unit = first_item + item
        found.setdefault(unit, {}).setdefault(fact.key, fact)
    return found


def _unit_lines(section: Section, unit: int) -> tuple[int, int]:
    """The first and last line of a table row or list item, numbered as _rows numbers them."""
    rows = list(chain.from_iterable(section.tables))
    return (rows[unit], rows[unit]) if unit < len(rows) else section.items[unit - len(rows)]


def _unit_text(section: Section, unit: int) -> str:
    first, last = _unit_lines(section, unit)
    lines = section.prose.split("\n")
    return "\n".join(lines[first - section.line : last - section.line + 1])


def _unit_written(section: Section, unit: int) -> str:
    """Everything a table row or list item writes, as _written."""
    lines = _unit_lines(section, unit)
    return "\n".join([_unit_text(section, unit), _written(replace(section, prose=""), lines)])


def compare_rows(en: Page, e: Section, zh: Page, z: Section) -> Iterator[Issue]:
    """Row n of a table (item n of a list) holds the same facts in both languages: compare_facts
    is blind to two cells swapped between rows, and reports the facts one side lacks. Paired
    only when both sides have the same rows per table and as many list items."""
    if not (e.tables or e.items) or len(e.items) != len(z.items):
        return
    if [len(rows) for rows in e.tables] != [len(rows) for rows in z.tables]:
        return
    common = {f.key for f in e.facts if not f.soft} & {f.key for f in z.facts if not f.soft}
    if not common:
        return
    e_rows, z_rows = _rows(e, common), _rows(z, common)
    if e_rows.keys() == z_rows.keys() and all(
        e_rows[unit].keys() == z_rows[unit].keys() for unit in e_rows
    ):
        return  # the usual case
    names = _unit_names(e)
    moves = _moves(en, e, e_rows, zh, z, z_rows)
    for unit, name in enumerate(names):
        e_row, z_row = e_rows.get(unit, {}), z_rows.get(unit, {})
        if e_row.keys() == z_row.keys():
            continue
        lacking = [f for key, f in e_row.items() if key not in z_row and (unit, key) in moves]
        if lacking:  # a number the Chinese row writes in words is there, a name in any notation
            words, written = soft_keys_of(_unit_text(z, unit)), _unit_written(z, unit)
            lacking = [
                f
                for f in lacking
                if f.key not in words
                and not (f.kind in _SPELLED_KINDS and written_in(f.text, written))
            ]
        extra = [f for key, f in z_row.items() if key not in e_row and (unit, key) in moves]
        if extra:
            written = _unit_written(e, unit)
            extra = [
                f for f in extra if not (f.kind in _SPELLED_KINDS and written_in(f.text, written))
            ]
        if not lacking and not extra:
            continue
        has = ", ".join(f.shown for f in extra)
        english = ", ".join(f.shown for f in lacking)
        if extra and lacking:
            message = f"{name} has {has}, the English {name} has {english}"
        elif extra:
            message = f"{name} has {has}, the English {name} does not"
        else:
            message = f"{name} lacks {english}, which the English {name} has"
        line, en_line = _unit_lines(z, unit)[0], _unit_lines(e, unit)[0]
        yield Issue(zh.rel, line, message, en.rel, en_line, rule="facts", page=zh.name)


# Costs of the heading alignment (integers, so that ties are exact): a heading on one side only,
# a pair of headings at different levels, and at most this much for two sections that share
# nothing (dissimilar content never outweighs a missing heading). Headings with the same explicit
# id are anchors: pairing them outweighs any gap around them.
GAP = 100
# A name in a code block (a key, a function, a variable): what pairs two sections' code.
CODE_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")
LEVEL = 100
UNLIKE = 90
ANCHOR = 1000
# What a section's heading is, not what it holds (a merged section keeps the first one's).
HEADING_FIELDS = frozenset({"id", "level", "title", "line"})
# Above this many heading pairs, the alignment looks at levels and ids only (content costs time).
MAX_CONTENT_PAIRS = 20_000


def _features(section: Section) -> Counter[str]:
    """What a section says that a translation keeps: facts, link targets, code, images, URLs,
    admonitions, markers, and how many list items and table rows."""
    found: Counter[str] = Counter(fact.key for fact in section.facts if not fact.soft)
    found.update(f"link {ref.text}" for ref in section.links)
    found.update(f"code {block.code}" for block in section.code_blocks)
    # the names in the code, which a translation keeps when it translates the comments
    found.update(
        {f"code-word {w}" for b in section.code_blocks for w in CODE_WORD_RE.findall(b.code)}
    )
    found.update(f"image {ref.text}" for ref in section.images)
    found.update(f"url {ref.text}" for ref in section.urls)
    found.update(f"note {ref.text}" for ref in section.admonitions)
    found.update(f"marker {marker.label}" for marker in section.markers)
    # a numbered heading's numbering (2.1.4): the digits are soft facts, yet they pair sections
    parts = heading_numbering(section).replace("-", ".").split(".")
    if parts != [""]:
        found.update(f"numbering {'.'.join(parts[:n])}" for n in range(1, len(parts) + 1))
    if section.list_items:
        found[f"items {section.list_items}"] += 1
    if section.table_rows:
        found[f"rows {section.table_rows}"] += 1
    return found


def _unlike(a: Counter[str], b: Counter[str]) -> int:
    """0 for sections with the same features, UNLIKE for sections that share none (Dice)."""
    total = a.total() + b.total()
    return UNLIKE * (total - 2 * (a & b).total()) // total if total else 0


def align_headings(en: list[Section], zh: list[Section]) -> list[tuple[int | None, int | None]]:
    """The two heading sequences aligned by edit distance: (en index, zh index) for a pair, None
    on the side without a counterpart. Of equal alignments the one that pairs the earlier
    headings wins, so a heading dropped among look-alike sections is the later one."""
    m, n = len(en), len(zh)
    content = m * n <= MAX_CONTENT_PAIRS
    e_features = [_features(s) for s in en] if content else []
    z_features = [_features(s) for s in zh] if content else []

    def pair_cost(i: int, j: int) -> int | None:
        e, z = en[i], zh[j]
        if e.id and z.id and e.id != z.id:
            return None
        cost = LEVEL if e.level != z.level else 0
        if content:
            cost += _unlike(e_features[i], z_features[j])
        return cost - ANCHOR if e.id and e.id == z.id else cost

    # cost[i][j]: the cheapest alignment of en[i:] with zh[j:], so that the walk from (0, 0)
    # below can prefer a pair on ties
    cost = [[0] * (n + 1) for _ in range(m + 1)]
    pairs: dict[tuple[int, int], int | None] = {}
    for i in range(m, -1, -1):
        for j in range(n, -1, -1):
            if i == m or j == n:
                cost[i][j] = GAP * ((m - i) + (n - j))
                continue
            pairs[i, j] = paired = pair_cost(i, j)
            best = min(cost[i + 1][j], cost[i][j + 1]) + GAP
            if paired is not None:
                best = min(best, paired + cost[i + 1][j + 1])
            cost[i][j] = best
    aligned: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < m or j < n:
        paired = pairs.get((i, j))
        if paired is not None and cost[i][j] == paired + cost[i + 1][j + 1]:
            aligned.append((i, j))
            i, j = i + 1, j + 1
        elif i < m and (j == n or cost[i][j] == cost[i + 1][j] + GAP):
            aligned.append((i, None))
            i += 1
        else:
            aligned.append((None, j))
            j += 1
    return aligned


def _merged(sections: list[Section]) -> Section:
    """Consecutive sections as one, under the first one's heading: counts added, lists joined,
    prose line for line."""
    head = sections[0]
    if len(sections) == 1:
        return head
    merged: dict[str, object] = {}
    for f in fields(Section):
        if f.name in HEADING_FIELDS:
            continue
        values = [getattr(s, f.name) for s in sections]
        if isinstance(values[0], int):
            merged[f.name] = sum(values)
        elif isinstance(values[0], str):
            merged[f.name] = "\n".join(values)
        else:
            merged[f.name] = [item for value in values for item in value]
    return replace(head, **merged)


def _heading_text(section: Section) -> str:
    text = f"{'#' * section.level} {section.title}"
    return f"{text} {{#{section.id}}}" if section.id else text


def _aligned_pairs(
    en: Page, zh: Page, heading_ids: bool
) -> tuple[list[Issue], list[tuple[int, Section, Section]], list[tuple[int, Section, Section]]]:
    """Heading issues of a pair aligned by level and position, the section pairs to compare and
    those the glossary looks at. A section whose heading the other side lacks is compared as
    part of the one before it when that brings the sides closer (the heading was dropped, its
    text kept), and left out otherwise (the whole section is missing)."""
    issues: list[Issue] = []
    e_heads, z_heads = en.sections[1:], zh.sections[1:]  # sections[0]: the text before a heading
    aligned = align_headings(e_heads, z_heads)
    # groups: each paired section with the unpaired ones that follow it on its side
    groups: list[tuple[list[int], list[int]]] = [([0], [0])]  # the text before the headings
    run: list[int] = []  # headings of one side in a row without a counterpart: one issue
    for k, (i, j) in enumerate(aligned):
        if i is not None and j is not None:
            groups.append(([i + 1], [j + 1]))
            e, z = e_heads[i], z_heads[j]
            if e.level != z.level:
                message = f"heading {e.label} is level {z.level}"
                issues.append(_issue(zh, z.line, message, en, e.line, f"level {e.level}"))
            if not heading_ids and bool(e.id) != bool(z.id):  # with heading_ids: heading_issues
                page, section = (zh, z) if e.id else (en, e)
                message = NO_ID.format(section.title)
                issues.append(Issue(page.rel, section.line, message, rule="parity", page=page.name))
            continue
        e_group, z_group = groups[-1]
        index = j if i is None else i
        if index is None:
            continue
        (z_group if i is None else e_group).append(index + 1)
        run.append(index)
        following = aligned[k + 1] if k + 1 < len(aligned) else (0, 0)
        if None in following and (following[0] is None) == (i is None):
            continue  # the next heading is on the same side without a counterpart too
        more = len(run) - 1  # the headings after the first: the same difference
        if i is not None:
            e, line = e_heads[run[0]], _group_line(zh, z_group)
            message = f"heading {e.label} is missing" + (
                f", and the {more} after it" if more else ""
            )
            issues.append(_issue(zh, line, message, en, e.line, _heading_text(e)))
        else:
            z, line = z_heads[run[0]], _group_line(en, e_group)
            message = f"heading {z.label} has no English counterpart" + (
                f", nor have the {more} after it" if more else ""
            )
            no = f"no heading {{#{z.id}}}" if z.id else "no heading here"
            issues.append(_issue(zh, z.line, message, en, line, no))
        run = []
    pairs, glossary_pairs = [], []
    for e_group, z_group in groups:
        e = en.sections[e_group[0]]
        z = zh.sections[z_group[0]]
        e_all = _merged([en.sections[k] for k in e_group])
        if len(e_group) > 1 and _closer(e_all, e, z):
            e = e_all
        else:
            e_group = e_group[:1]
        z_all = _merged([zh.sections[k] for k in z_group])
        if len(z_group) > 1 and _closer(z_all, z, e):
            z = z_all
        pairs.append((e_group[0], e, z))
        glossary_pairs += [(k, en.sections[k], z) for k in e_group]
    return issues, pairs, glossary_pairs


def _group_line(page: Page, group: list[int]) -> int:
    """Where a heading the other side lacks belongs on this side: the heading of the group it
    falls in, or the first heading when it falls before every heading."""
    at = page.sections[group[0]]
    headings = page.sections[1:]
    return at.line if at.level or not headings else headings[0].line


def _closer(merged: Section, alone: Section, other: Section) -> bool:
    """Whether a section with the unpaired ones after it is more like `other` than it is alone."""
    features = _features(other)
    return _unlike(_features(merged), features) < _unlike(_features(alone), features)


def _empty(section: Section) -> bool:
    """A heading with nothing under it (the text before the first heading never counts)."""
    body = section.prose.partition("\n")[2]
    return bool(section.level) and not body.strip() and not section.code_blocks


def _stub_issue(en: Page, zh: Page) -> Issue | None:
    """One side has no section below its title and the other two or more: the pages are not
    yet one text."""
    counts = tuple(max(len(page.headings) - 1, 0) for page in (en, zh))  # after the title
    if min(counts) > 0 or max(counts) < 2:
        return None
    empty, full = (en, zh) if counts[0] == 0 else (zh, en)
    message = (
        f"{empty.rel} has no section and {full.rel} has {max(counts)}: one page is a stub of "
        "the other; translate it whole"
    )
    where = f"{counts[0]} sections"
    return Issue(zh.rel, 1, message, en.rel, 1, where, rule="parity", page=zh.name)


def compare_pages(
    en: Page,
    zh: Page,
    glossary: Glossary | None = None,
    *,
    heading_ids: bool = False,
    exact_code: bool = False,
) -> list[Issue]:
    """All parity issues of a page pair: headings of each side, then section by section.
    `heading_ids`: the site requires an explicit id on every heading; `exact_code`: code is
    never translated, not even a comment."""
    stub = _stub_issue(en, zh)
    if stub is not None:
        return [stub]
    issues = heading_issues(en, heading_ids) + heading_issues(zh, heading_ids)
    if all(s.id for s in en.headings) and all(s.id for s in zh.headings):
        issues += compare_headings(en, zh)
        zh_sections = _by_id(zh)
        index_of = {id(section): index for index, section in enumerate(en.sections)}
        pairs = [
            (index_of[id(e)], e, zh_sections[key])
            for key, e in _by_id(en).items()
            if key in zh_sections
        ]
        glossary_pairs = pairs
    else:
        found, pairs, glossary_pairs = _aligned_pairs(en, zh, heading_ids)
        issues += found
    for _, e, z in pairs:
        found = [
            *compare_sections(en, e, zh, z, exact_code=exact_code),
            *compare_facts(en, e, zh, z, exact_code=exact_code),
        ]
        reported = {issue.line for issue in found}  # a row's finding on a line already named
        found += [issue for issue in compare_rows(en, e, zh, z) if issue.line not in reported]
        if found and _empty(e) != _empty(z):  # one side holds only its heading: one issue
            where, other = (
                ("English", "translation") if _empty(e) else ("the translation", "English")
            )
            message = f"section {e.label} is empty in {where}; the {other} has it"
            found = [_issue(zh, z.line, message, en, e.line, "empty" if _empty(e) else "text")]
        issues += found
    if glossary is not None:
        issues.extend(glossary.compare(en, zh, glossary_pairs))
    return issues
