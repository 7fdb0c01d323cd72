"""Recognise a heading written as a text convention, on one line of text.

A convention has a *key* (``part``, ``num``, ``(num)``, ``dec2``, ``caps`` ...). Keys
are not ranked here: :mod:`reader.core.structure` nests them by the order in which
they appear in each document. This module only says whether a line *can* be a heading
and splits it into label and title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.clauses import sentence_count

NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_NUMBER_WORDS_RE = "|".join(NUMBER_WORDS)

_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Keyword conventions: "Part IV", "CHAPTER 3", "Article 12", "Part One", "Annex A".
_KEYWORD_RE = re.compile(
    r"^(?P<kw>(?i:part|chapter|section|article|annex|appendix|book|schedule))"
    rf"\s+(?P<num>[IVXLCDM]+|\d{{1,3}}(?:\.\d{{1,3}})*|(?i:{_NUMBER_WORDS_RE})|[A-Z])"
    r"(?![\w-])\s*(?P<sep>[.:\-\u2013\u2014]\s*)?(?P<rest>.*)$"
)
_SECTION_SIGN_RE = re.compile(r"^(?P<num>§{1,2}\s*\d{1,4}[a-z]?)\.?\s*(?P<rest>.*)$")
_DECIMAL_RE = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){1,5})\.?\s+(?P<rest>.*)$")
_NUM_DOT_RE = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<rest>.*)$")
_NUM_PAREN_RE = re.compile(r"^(?P<num>\d{1,3})\)\s+(?P<rest>.*)$")
_PAREN_NUM_RE = re.compile(r"^\((?P<num>\d{1,3})\)\s*(?P<rest>.*)$")
_PAREN_LETTER_RE = re.compile(r"^\((?P<num>[a-z]{1,6}|[A-Z]{1,6})\)\s*(?P<rest>.*)$")
_ROMAN_DOT_RE = re.compile(r"^(?P<num>[IVXLC]{1,7}|[ivxlc]{1,7})\.\s+(?P<rest>.*)$")
_LETTER_DOT_RE = re.compile(r"^(?P<num>[A-Za-z])[.)]\s+(?P<rest>.*)$")

NAMED_TITLES = frozenset(
    [
        "preface",
        "foreword",
        "introduction",
        "conclusion",
        "conclusions",
        "abstract",
        "summary",
        "overview",
        "background",
        "epilogue",
        "afterword",
        "postscript",
        "acknowledgements",
        "acknowledgments",
        "references",
        "bibliography",
        "glossary",
        "notes",
        "endnotes",
        "appendices",
        "annexes",
        "contents",
    ]
) | {
    "executive summary",
    "concluding remarks",
    "closing remarks",
    "table of contents",
    "final remarks",
    "list of abbreviations",
    "abbreviations",
}
_NAMED_RE = re.compile(r"^(?:[IVX0-9]{1,4}[.)]\s+)?(?P<name>[A-Za-z ]{4,30}?)\s*:?$")

# Keyword labels are strong evidence: their titles may be longer and may be absent.
STRONG_KEYS = frozenset(
    {"part", "chapter", "section", "article", "annex", "appendix", "book", "schedule", "§"}
)


@dataclass(slots=True)
class HeadingMatch:
    """A line that can be a heading: its convention key, label, title and number."""

    key: str
    label: str | None
    title: str
    value: int | None = None  # the label's number, when it has one
    letter: str | None = None  # for (i)/(v)/(x): the letter, which may be alpha or roman

    @property
    def strong(self) -> bool:
        """Keyword conventions (``Part``, ``Chapter``, ``Article`` ...)."""
        return self.key in STRONG_KEYS


def roman_value(s: str) -> int | None:
    """The value of a roman numeral (either case), or None if ``s`` is not one."""
    up = s.upper()
    if not up or not _ROMAN_RE.match(up):
        return None
    total = 0
    for a, b in zip(up, up[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def _number_value(num: str) -> int | None:
    if num.isdigit():
        return int(num)
    low = num.lower()
    if low in NUMBER_WORDS:
        return NUMBER_WORDS.index(low) + 1
    if len(num) == 1 and num.isalpha() and roman_value(num) is None:
        return ord(low) - ord("a") + 1
    return roman_value(num)


def looks_like_title(text: str, strong: bool = False) -> bool:
    """Whether ``text`` reads as a heading's title rather than body text.

    A title is short, is one sentence, starts with a capital (or digit/quote) and does
    not end like a sentence; keyword conventions are allowed a longer title.
    """
    if not text:
        return strong
    max_chars, max_words = (220, 32) if strong else (160, 22)
    if len(text) > max_chars:
        return False
    words = text.split()
    if len(words) > max_words:
        return False
    first = next((c for c in text if c.isalnum()), "")
    if not first or (first.isalpha() and not first.isupper()):
        return False
    last = text.rstrip()[-1]
    if last in ",;" or (last == "." and not (strong or len(words) <= 3)):
        return False
    if text.startswith(("-", "*", "\u2022")):
        return False
    return sentence_count(text) <= 1


def _caps_title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or any(c.islower() for c in letters):
        return False
    words = line.split()
    if len(words) > 14 or line.rstrip()[-1] in ".,;":
        return False
    return len(words) >= 2 or len(letters) >= 5


def _named(line: str) -> str | None:
    m = _NAMED_RE.match(line)
    if not m:
        return None
    name = " ".join(m.group("name").lower().split())
    return name if name in NAMED_TITLES else None


def _finish(
    key: str, label: str, rest: str, value: int | None, letter: str | None = None
) -> HeadingMatch | None:
    title = rest.strip()
    match = HeadingMatch(key, label, title, value, letter)
    return match if looks_like_title(title, match.strong) else None


def match_heading(line: str) -> HeadingMatch | None:
    """Recognise one stripped line as a heading candidate, or return None.

    Context (is it alone, is it followed by body text, does it continue a list)
    is judged by the caller.
    """
    line = line.strip()
    if not line or len(line) > 260:
        return None
    m = _KEYWORD_RE.match(line)
    if m:
        kw = m.group("kw")
        num = m.group("num")
        value = _number_value(num)
        if value is None and not num.replace(".", "").isdigit():
            return None
        label = f"{kw} {num}"
        rest = m.group("rest")
        return _finish(kw.lower(), label, rest, value)
    m = _SECTION_SIGN_RE.match(line)
    if m:
        num = m.group("num")
        return _finish("§", " ".join(num.split()), m.group("rest"), None)
    m = _DECIMAL_RE.match(line)
    if m:
        num = m.group("num")
        parts = num.split(".")
        label = num if line[len(num) : len(num) + 1] != "." else num + "."
        return _finish(f"dec{len(parts)}", label, m.group("rest"), int(parts[-1]))
    for regex, key, fmt in (
        (_NUM_DOT_RE, "num.", "{}."),
        (_NUM_PAREN_RE, "num)", "{})"),
        (_PAREN_NUM_RE, "(num)", "({})"),
    ):
        m = regex.match(line)
        if m:
            num = m.group("num")
            return _finish(key, fmt.format(num), m.group("rest"), int(num))
    m = _PAREN_LETTER_RE.match(line)
    if m:
        num = m.group("num")
        case = "upper" if num.isupper() else "lower"
        roman = roman_value(num)
        label = f"({num})"
        if len(num) == 1 and num.lower() in "ivx":  # alpha or roman: the caller decides
            return _finish(f"(roman-{case})", label, m.group("rest"), roman, num)
        if roman is not None and len(num) > 1:
            return _finish(f"(roman-{case})", label, m.group("rest"), roman)
        if len(num) == 1:
            return _finish(f"(alpha-{case})", label, m.group("rest"), _number_value(num))
        return None
    m = _ROMAN_DOT_RE.match(line)
    if m and roman_value(m.group("num")) is not None and len(m.group("num")) > 1:
        num = m.group("num")
        case = "upper" if num.isupper() else "lower"
        return _finish(f"roman-{case}.", f"{num}.", m.group("rest"), roman_value(num))
    m = _LETTER_DOT_RE.match(line)
    if m:
        num = m.group("num")
        case = "upper" if num.isupper() else "lower"
        sep = line[1]
        if num.lower() in "ivx" and sep == ".":
            return _finish(f"roman-{case}.", f"{num}.", m.group("rest"), roman_value(num), num)
        return _finish(f"alpha-{case}{sep}", f"{num}{sep}", m.group("rest"), _number_value(num))
    name = _named(line)
    if name is not None:
        key = "contents" if name in ("contents", "table of contents") else "named"
        return HeadingMatch(key, None, line.rstrip(":").strip())
    if _caps_title(line) and looks_like_title(line):
        return HeadingMatch("caps", None, line)
    return None


LIST_MARKER_RE = re.compile(
    r"[ \t]*(?:[-*+\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014]|\d{1,3}[.)]|\(\d{1,3}\)"
    r"|[a-z][.)]|\([a-z]\))[ \t]+(?=\S)"
)
BULLET_RE = re.compile(r"[ \t]*[-*+\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014][ \t]+(?=\S)")
