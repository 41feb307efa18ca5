"""Facts a translation must keep: numbers, prices, dates, code, URLs, endpoints, merge tags, brands.

Each fact has a key that is the same in both languages: `$68/mo` and `68美元/月` are both 68,
`50K`, `5万`, `1.5w` and `50,000` all 50000, `March 2026` and `2026年3月` the date 2026-03.
Numbers written as words (`three`, `三`) are "soft": they satisfy a counterpart but need none, as
idiom differs ("一个", "once"); they are looked for only when a section has an unmatched fact.
So are the digits of a heading's numbering (`## 2.1.4 Indexing`) and of a number glued to
letters (`Ubuntu22.04`, `16GB`, `v3`), which the other language may write apart or not at all."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from decimal import Decimal

from translations.model import Fact
from translations.read.markdown import ASCII_WORD, NOT_BEFORE_PATH, Section, heading_numbering

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_NUMBER = {name: index for index, name in enumerate(MONTHS, start=1)}
MONTH_NUMBER.update({name[:3]: index for name, index in list(MONTH_NUMBER.items())})
MONTH_NUMBER["Sept"] = 9
_MONTH_ALT = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))

SCALES = {
    "K": 1_000, "k": 1_000, "M": 1_000_000, "B": 1_000_000_000,
    "千": 1_000, "万": 10_000, "亿": 100_000_000,
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip
EN_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1_000,
    "million": 1_000_000, "once": 1, "twice": 2, "single": 1, "double": 2, "both": 2, "half": 0.5,
    "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9, "首": 1, "双": 2}  # fmt: skip
ZH_UNITS = {"十": 10, "百": 100, "千": 1_000}
ZH_BIG = {"万": 10_000, "亿": 100_000_000}
NOT_BEFORE_NUMBER = ASCII_WORD | {".", "$"}
# A letter a number may be glued after: Ubuntu22.04, python3.13, centos7, v3, api-us1.
LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

# A number (_numbers reads the groups of NUMBER_RE by name). An optional group is written
# (?:...|), the same match as (?:...)?.
_NUMBER = r"(?P<num>[$\d]\d*(?:,\d{3})*(?:\.\d+|))"  # $68 / 1,000 / 2.5 ($ only first)
# What may follow a number.
_NUMBER_TAIL = (
    r"(?P<iso>-\d{2}-\d{2})(?![\w-])"  # ISO date: 2026-03-01
    # 2026年 / 2026年3月 / 2026年3月1日
    r"|(?P<zh_year>[ \t]*年)"
    r"(?:[ \t]*(?P<zh_m>\d{1,2})[ \t]*月(?:[ \t]*(?P<zh_d>\d{1,2})[ \t]*[日号]|)|)"
    # 3月 / 3月1日 (3个月, with 个, is a duration)
    r"|(?P<zh_month>[ \t]*月)(?:[ \t]*(?P<zh_md>\d{1,2})[ \t]*[日号]|)"
    rf"|\s+(?P<en_m3>{_MONTH_ALT})\s+(?P<en_y3>\d{{4}})(?!\d)"  # 1 March 2026
    # scale: 50K, 5万, 1 million
    r"|(?:(?P<ks>[KkMB])(?![A-Za-z0-9])"
    r"|(?P<wan>w)(?![A-Za-z0-9])"  # 1.5w, informal 万 (_numbers reads it so beside Chinese only)
    r"|[ \t]*(?P<zs>[千万亿])"
    r"|\s+(?P<ws>thousand|million|billion)\b|)"
    r"\+?"  # 180K+ / 18万+
    r"(?:(?P<pct>[ \t]*[%％])"  # 25%
    r"|(?P<mul>[x×](?![A-Za-z0-9])|[ \t]*倍)"  # 10x / 10倍
    r"|(?P<usd>[ \t]*美元(?:[ \t]*/[ \t]*[月年]|))|)"  # 68美元/月
    r"(?:[ \t]*/[ \t]*(?:mo|month|yr|year)\b|\s+(?:per|a)\s+(?:month|year)\b|)"  # $68/mo
    r"(?:st|nd|rd|th|)"  # 3rd
    r"(?P<glued>[A-Za-z_][A-Za-z0-9_]*|)(?![A-Za-z0-9_])"  # letters glued on: 2FA, 5xx, 16GB
)
NUMBER_RE = re.compile(f"{_NUMBER}(?:{_NUMBER_TAIL})", re.ASCII)
# A Chinese character or full-width punctuation: 1.5w beside one is 1.5万 (_numbers).
CHINESE_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
# A word with a capital letter: month names, brand and product names (found per match in Python).
CAPITAL_RE = re.compile(r"[A-Z][A-Za-z0-9]*")
# An English date starting at a month name: March 2026 / March 1, 2026 / Mar 1.
MONTH_DATE_RE = re.compile(
    rf"(?P<m>{_MONTH_ALT})\.?\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?|(?P<y2>\d{{4}}))(?!\d)",
    re.ASCII,
)
# A day just before a month name (1 March 2026), read by NUMBER_RE instead.
DAY_BEFORE_RE = re.compile(r"(?<!\d)\d{1,2}\s+$")
# A lowercase-to-uppercase step inside a word: ActiveCampaign, iPaaS, JavaScript.
INTERNAL_CAPITAL_RE = re.compile(r"[a-z][A-Z]")
# API endpoint or path (/api/3/contacts, /sales-do) and merge tags (%FIRSTNAME%).
PATH_OR_TAG_RE = re.compile(
    r"/(?P<path>[a-z{][A-Za-z0-9_{}.~-]*(?:/[A-Za-z0-9_{}.~-]+)*/?)|%(?P<tag>[A-Z][A-Z0-9_]*)%"
)
# A paragraph's enumerator: a number alone in parentheses (`(1)`, `（2）`).
PAREN_ENUMERATOR_RE = re.compile(r"[(（](\d{1,2})[)）]")
# Spaces in a code span beside punctuation, which change no code: `/* */` is `/**/`, `0, 90`
# is `0,90` (a space between two words does).
CODE_SPACE_RE = re.compile(r"(?<=[^\w\s])\s+|\s+(?=[^\w\s])")
# A label in backticks, capitalised words and nothing else (`Network`, `Relay Server`, `Security &
# Privacy`; not `NULL` or `onClick`): a menu or a button the translation may name in its own
# language, so a soft fact, as a capitalised word outside backticks is no fact.
LABEL_RE = re.compile(r"[A-Z][a-z]+|[A-Z][A-Za-z]*(?:[ \t]+(?:&[ \t]+)?[A-Z][A-Za-z]*)+")
# Soft facts: runs of Chinese numerals and English number words.
ZH_NUMERAL_RE = re.compile(r"[零〇一二两三四五六七八九十百千万亿首双]+")
EN_WORD_RE = re.compile(r"[a-z]+")


def parse_number(digits: str, scale: str | None = None) -> int | Decimal:
    """1,000 -> 1000; 1.5 with scale K -> 1500 (exact: integers stay ints)."""
    digits = digits.replace(",", "")
    factor = SCALES[scale] if scale else 1
    if "." not in digits:
        return int(digits) * factor
    value = Decimal(digits) * factor
    return int(value) if value == value.to_integral_value() else value.normalize()


def number_key(value: int | float | Decimal) -> str:
    """The comparison key of a number: n:50000, n:2.5."""
    if isinstance(value, int):
        return f"n:{value}"
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return f"n:{int(value)}"
    return "n:" + format(value.normalize(), "f")


def parse_zh_numeral(text: str) -> list[int]:
    """Values of a run of Chinese numerals: 三 -> 3, 二十 -> 20, 两万 -> 20000, 一二 -> 1, 2."""
    total = section = 0
    digit: int | None = None
    for char in text:
        if char in ZH_DIGITS:
            if digit is not None:  # two digits in a row: not one number
                return [ZH_DIGITS[c] for c in text if c in ZH_DIGITS]
            digit = ZH_DIGITS[char] or None
        elif char in ZH_UNITS:
            section += (1 if digit is None else digit) * ZH_UNITS[char]
            digit = None
        else:
            total = ((total + section + (digit or 0)) or 1) * ZH_BIG[char]
            section, digit = 0, None
    return [total + section + (digit or 0)]


def _date(text: str, line: int, year: str | None, month: str | int, day: str | None) -> Fact:
    key = f"d:{year or '-'}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return Fact("date", key, text, line)


class FactExtractor:
    """Extracts facts from sections; built once per site (the brand list comes from the data)."""

    def __init__(
        self,
        brands: Iterable[str] = (),
        misspelt: Callable[[str], str | None] | None = None,
        inner_capitals: bool = True,
    ) -> None:
        # brand -> by its first word, longest first: "Active Intelligence" before "Active"
        self.brands: dict[str, list[str]] = {}
        for brand in sorted({b for b in brands if b}, key=len, reverse=True):
            self.brands.setdefault(brand.split()[0], []).append(brand)
        self.misspelt = misspelt or (lambda word: None)  # the brand a word misspells, if any
        self.inner_capitals = inner_capitals  # HubSpot, iPaaS: names, though no data lists them

    def extract(self, section: Section) -> list[Fact]:
        """The facts of one section (month names on their own are soft)."""
        return self.extract_page([section], section.prose)[0]

    def extract_page(self, sections: list[Section], prose: str) -> list[list[Fact]]:
        """The facts of each section of a page, from one pass of each regex over the page's
        prose (line k of `prose` is file line sections[0].line + k)."""
        found: list[Fact] = []
        first = sections[0].line
        taken = self._capitals(prose, first, found)
        taken.extend(self._paths_and_tags(prose, first, found))
        taken.sort()
        numberings = sorted(_numberings(sections, prose) + _enumerators(prose))
        self._numbers(prose, first, found, taken, numberings)
        per_section = [
            [
                Fact(
                    "code",
                    "c:" + CODE_SPACE_RE.sub("", ref.text),
                    ref.text,
                    ref.line,
                    soft=bool(LABEL_RE.fullmatch(ref.text)),
                )
                for ref in section.code_spans
            ]
            + [Fact("url", "u:" + ref.text, ref.text, ref.line) for ref in section.urls]
            for section in sections
        ]
        starts = [section.line for section in sections]
        for fact in found:
            per_section[bisect_right(starts, fact.line) - 1].append(fact)
        return per_section

    def _paths_and_tags(self, text: str, line: int, facts: list[Fact]) -> list[tuple[int, int]]:
        """Endpoints and paths (/api/3/contacts) and merge tags; returns the spans of the paths."""
        spans = []
        last = 0
        for m in PATH_OR_TAG_RE.finditer(text):
            start = m.start()
            is_path = m["tag"] is None
            if is_path and start and text[start - 1] in NOT_BEFORE_PATH:
                continue  # and/or, SPF/DKIM, a URL's path
            line += text.count("\n", last, start)
            last = start
            written = m.group(0)
            if is_path:
                facts.append(Fact("path", "p:" + written, written, line))
                spans.append((start, m.end()))
            else:
                facts.append(Fact("tag", "t:" + written, written, line))
        return spans

    def _numbers(
        self,
        text: str,
        line: int,
        facts: list[Fact],
        taken: list[tuple[int, int]],
        numberings: list[tuple[int, int]],
    ) -> None:
        """Numbers, prices, percentages, multipliers and dates written with digits first; the
        digits of a heading's numbering (`numberings`, spans in `text`) are soft."""
        last = 0
        spans = iter(taken)  # English dates and paths already read: skip the numbers inside them
        span = next(spans, None)
        numbering_spans = iter(numberings)
        numbering = next(numbering_spans, None)
        for m in NUMBER_RE.finditer(text):
            start = m.start()
            while span is not None and span[1] <= start:
                span = next(spans, None)
            if span is not None and span[0] <= start:
                continue
            while numbering is not None and numbering[1] <= start:
                numbering = next(numbering_spans, None)
            soft = numbering is not None and numbering[0] <= start
            num = m["num"]
            currency = num[0] == "$"
            if currency:
                num = num[1:]
                if not num:
                    continue
            elif start and text[start - 1] in NOT_BEFORE_NUMBER:
                if text[start - 1] not in LATIN_LETTERS:
                    continue  # part of a longer number or name: 1.2.3, a_1
                # Glued after a word, "Ubuntu22.04", "python3.13" and "centos7" are often
                # written "Ubuntu 22.04" in the other language: its digits are a soft fact,
                # which satisfies the other side's 22.04 and needs none there, so v3 and
                # api-us1 are no facts (and the B of B2B is no billion).
                line += text.count("\n", last, start)
                last = start
                value = parse_number(num)
                facts.append(Fact("number", number_key(value), num, line, soft=True, value=value))
                continue
            # the same with letters glued on after it: 16GB against 16 GB; 2FA, 5xx need none
            soft = soft or bool(m["glued"])
            line += text.count("\n", last, start)
            last = start
            written = " ".join(m.group(0).split())
            if any(m[group] is not None for group in ("iso", "zh_year", "zh_month", "en_m3")):
                fact = self._digit_date(m, num, written, line)
                if fact is not None:
                    facts.append(fact)
                    continue
                written = num
            scale = m["ks"] or m["zs"] or m["ws"]
            if m["wan"]:  # Chinese writes 1.5万 as 1.5w; English 2w is no 20000, nor 2 weeks
                if _beside_chinese(text, start, m.end()):
                    scale = "万"
                else:
                    soft = True  # a letter glued on, as 5xx
            value = parse_number(num, scale)
            if currency or m["usd"]:
                kind = "money"
            elif m["pct"]:
                kind = "percent"
            elif m["mul"]:
                kind = "multiplier"
            else:
                kind = "number"
            facts.append(Fact(kind, number_key(value), written, line, soft=soft, value=value))

    @staticmethod
    def _digit_date(m: re.Match[str], num: str, written: str, line: int) -> Fact | None:
        """A date that starts with digits, or None when the digits are a plain number (5年)."""
        if m["iso"] is not None and len(num) == 4:
            return _date(written, line, num, m["iso"][1:3], m["iso"][4:6])
        if m["zh_year"] is not None and len(num) == 4:
            if m["zh_m"] is None:  # a year, as in English
                return Fact("number", f"n:{int(num)}", written, line, value=int(num))
            return _date(written, line, num, m["zh_m"], m["zh_d"])
        if m["zh_month"] is not None and num.isdigit() and 1 <= int(num) <= 12:
            return _date(written, line, None, num, m["zh_md"])
        if m["en_m3"] and num.isdigit() and int(num) <= 31:
            return _date(written, line, m["en_y3"], MONTH_NUMBER[m["en_m3"]], num)
        return None

    def _classify(self, word: str) -> tuple[str, object] | None:
        """What a capitalised word is, or None for most (sentence starts, labels)."""
        if word in MONTH_NUMBER:
            return ("month", MONTH_NUMBER[word])
        if word in self.brands:
            return ("brand", self.brands[word])
        if len(word) >= 4 and (brand := self.misspelt(word)):
            return ("misspelt", brand)  # a letter dropped, or the wrong capitals
        if (
            self.inner_capitals
            and not word.isupper()
            and not word[1:].islower()
            and INTERNAL_CAPITAL_RE.search(word)
        ):
            return ("internal", None)  # HubSpot, iPaaS, JavaScript
        return None

    def _capitals(self, text: str, line: int, facts: list[Fact]) -> list[tuple[int, int]]:
        """Month dates, brand and product names (and misspelt brands), from capitalised words;
        returns the spans of the dates, whose digits are not numbers of their own."""
        dates: list[tuple[int, int]] = []
        last = 0
        skip_to = 0
        for m in CAPITAL_RE.finditer(text):
            start, end = m.span()
            word = text[start:end]
            kind = self._classify(word)
            if kind is None:
                continue  # most capitalised words: sentence starts, labels
            if start < skip_to:
                continue
            if start:
                before = text[start - 1]
                if before in ASCII_WORD:
                    if not ("a" <= before <= "z"):
                        continue
                    while start and text[start - 1] in ASCII_WORD:  # iPaaS starts lower-case
                        start -= 1
                    word = text[start:end]
                    kind = self._classify(word)
                    if kind is None:
                        continue
                elif before in ".@-":
                    continue  # part of a domain, an e-mail address or a hyphenated name
            line += text.count("\n", last, start)
            last = start
            what, data = kind
            if what == "month":
                if DAY_BEFORE_RE.search(text, max(0, start - 4), start):
                    continue  # 1 March 2026: read with the digits, as a day-first date
                month = int(data)  # type: ignore[call-overload]
                date = MONTH_DATE_RE.match(text, start)
                if date is not None:
                    written, year = " ".join(date.group(0).split()), date["y"] or date["y2"]
                    facts.append(_date(written, line, year, month, date["d"]))
                    skip_to = date.end()
                    dates.append((start, skip_to))
                elif word in MONTHS:  # a month name on its own satisfies a Chinese 3月
                    facts.append(Fact("date", f"d:--{month:02d}", word, line, soft=True))
            elif what == "brand":
                for brand in data:  # type: ignore[attr-defined]
                    end = start + len(brand)
                    if text.startswith(brand, start) and (
                        end == len(text) or text[end] not in ASCII_WORD
                    ):
                        facts.append(Fact("brand", "b:" + brand, brand, line))
                        skip_to = end
                        break
            elif what == "internal":
                facts.append(Fact("brand", "b:" + word, word, line))
            elif end == len(text) or text[end] != "." or not text[end + 1 : end + 2].isalpha():
                # reported by the spelling check; as a soft fact it stands for the brand it
                # misspells, so that the typo is not reported again as a missing brand
                facts.append(Fact("misspelt", f"b:{data}", word, line, soft=True))
        return dates


def _beside_chinese(text: str, start: int, end: int) -> bool:
    """Whether the character just before `start` or just after `end` is Chinese."""
    before = start > 0 and CHINESE_RE.match(text, start - 1) is not None
    return before or CHINESE_RE.match(text, end) is not None


def _numberings(sections: list[Section], prose: str) -> list[tuple[int, int]]:
    """Where each heading's numbering stands in `prose` (line k of it is file line
    sections[0].line + k, and a heading's line holds its title)."""
    spans = []
    position, line = 0, sections[0].line
    for section in sections:
        numbering = heading_numbering(section)
        if not numbering:
            continue
        for _ in range(section.line - line):
            position = prose.find("\n", position) + 1
        line = section.line
        if prose.startswith(numbering, position):
            spans.append((position, position + len(numbering)))
    return spans


def _enumerators(prose: str) -> list[tuple[int, int]]:
    """Where a paragraph's own enumerators stand in `prose`, which number its points, not facts:
    in parentheses beside the next one on the same line (`（1）…；（2）…`; a lone `(3)` may be
    a value)."""
    spans = []
    for line in re.finditer(r".+", prose):
        found = [(int(m[1]), m.span(1)) for m in PAREN_ENUMERATOR_RE.finditer(line.group(0))]
        numbers = {number for number, _ in found}
        at = line.start()
        spans += [
            (at + a, at + b)
            for number, (a, b) in found
            if number + 1 in numbers or number - 1 in numbers
        ]
    return spans


def soft_keys(section: Section) -> set[str]:
    """Keys of numbers written as words in a section (三, 两万, three, twice), looked for lazily."""
    return soft_keys_of(section.prose)


def soft_keys_of(text: str) -> set[str]:
    """Keys of numbers written as words in any text (a section, a table row, a list item)."""
    keys = set()
    for m in ZH_NUMERAL_RE.finditer(text):
        keys.update(f"n:{value}" for value in parse_zh_numeral(m.group(0)))
    for m in EN_WORD_RE.finditer(text.lower()):
        value = EN_NUMBER_WORDS.get(m.group(0))
        if value is not None:
            keys.add(number_key(value))
    return keys
