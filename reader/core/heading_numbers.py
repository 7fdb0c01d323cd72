"""The numbers headings are counted with: digits, roman numerals, Chinese numerals and
number or ordinal words in English, Spanish, French and German.

Only values are computed here; which numbering a document uses, and whether a line is
a heading at all, is decided by :mod:`reader.core.headings` and its callers.
"""

from __future__ import annotations

import re

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

# Ordinal words, 1 to 10, by language; English ordinals go on in compounds
# ("Twenty-First"). Lower case, accents as written.
_ORDINALS_EN = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_TENTHS_EN = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_ORDINALS_OTHER = {
    # Spanish (masculine and feminine), French, German (the usual inflections)
    **{
        w: i + 1
        for i, ws in enumerate(
            [
                (
                    "primero",
                    "primera",
                    "premier",
                    "première",
                    "erster",
                    "erste",
                    "erstes",
                    "único",
                    "única",
                ),
                (
                    "segundo",
                    "segunda",
                    "second",
                    "seconde",
                    "deuxième",
                    "zweiter",
                    "zweite",
                    "zweites",
                ),
                ("tercero", "tercera", "troisième", "dritter", "dritte", "drittes"),
                ("cuarto", "cuarta", "quatrième", "vierter", "vierte", "viertes"),
                ("quinto", "quinta", "cinquième", "fünfter", "fünfte", "fünftes"),
                ("sexto", "sexta", "sixième", "sechster", "sechste", "sechstes"),
                ("séptimo", "séptima", "septième", "siebter", "siebte", "siebtes"),
                ("octavo", "octava", "huitième", "achter", "achte", "achtes"),
                ("noveno", "novena", "neuvième", "neunter", "neunte", "neuntes"),
                ("décimo", "décima", "dixième", "zehnter", "zehnte", "zehntes"),
            ]
        )
        for w in ws
    },
}
ORDINAL_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty)[- ](?:"
    + "|".join(_ORDINALS_EN[:9])
    + r")"
    + r"|"
    + "|".join(sorted([*_ORDINALS_EN, *_TENTHS_EN, *_ORDINALS_OTHER], key=len, reverse=True))
    + r")"
)

_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

CJK_DIGITS = "〇零一二三四五六七八九两"
CJK_NUMERAL_RE = r"[〇零一二三四五六七八九十百千两]+"
_CJK_DIGIT_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}


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


def cjk_value(s: str) -> int | None:
    """The value of a Chinese numeral (``十二``, ``一百零五``, ``二〇``), or None."""
    if not s or any(c not in _CJK_DIGIT_VALUES and c not in _CJK_UNITS for c in s):
        return None
    if not any(c in _CJK_UNITS for c in s):  # digit by digit, as in years: 二〇一六
        return int("".join(str(_CJK_DIGIT_VALUES[c]) for c in s))
    total, digit = 0, None
    for c in s:
        if c in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[c]
            digit = None
        else:
            digit = _CJK_DIGIT_VALUES[c]
    return total + (digit or 0)


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal word (``First``, ``Twenty-First``, ``segunda``, ``premier``)."""
    low = word.lower().replace(" ", "-")
    if low in _ORDINALS_EN:
        return _ORDINALS_EN.index(low) + 1
    if low in _TENTHS_EN:
        return _TENTHS_EN[low]
    if low in _ORDINALS_OTHER:
        return _ORDINALS_OTHER[low]
    tens, _, unit = low.partition("-")
    if tens in _TENS_EN and unit in _ORDINALS_EN[:9]:
        return _TENS_EN[tens] + _ORDINALS_EN.index(unit) + 1
    return None


def number_value(num: str) -> int | None:
    """The value of a heading number: digits (``12``, ``1er``, ``3.º``), a number or
    ordinal word, a single letter (its place in the alphabet), a roman or a Chinese
    numeral."""
    digits = re.match(r"\d+", num)
    if digits:
        return int(digits.group())
    low = num.lower()
    if low in NUMBER_WORDS:
        return NUMBER_WORDS.index(low) + 1
    value = ordinal_value(num)
    if value is not None:
        return value
    if len(num) == 1 and num.isascii() and num.isalpha() and roman_value(num) is None:
        return ord(low) - ord("a") + 1
    return roman_value(num) if num.isascii() else cjk_value(num)


def roman_to_text(n: int) -> str:
    """``n`` (1-3999) as an upper-case roman numeral."""
    out = []
    for value, digits in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)
