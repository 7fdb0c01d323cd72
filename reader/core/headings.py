"""Recognise a heading written as a text convention, on one line of text.

A convention has a *key* (``part``, ``num``, ``(num)``, ``dec2``, ``caps`` ...). Keys
are not ranked here: :mod:`reader.core.structure` nests them by the order in which
they appear in each document, and :mod:`reader.core.heading_context` judges each
candidate by its surroundings. This module only says whether a line *can* be a
heading and splits it into label and title.

Conventions: keywords in English, Spanish, French and German (``Part IV``,
``Sec. 3.``, ``Artículo 1.º``, ``Art. 1er``, ``Título I``, ``§ 1``), ordinal words
(``First Schedule``, ``Twenty-First Amendment``), numbered pieces of a collection
(``PAPER No. 12``), Chinese numbering (``第一章``, ``第一节``, ``第一条``, ``一、``,
``（一）``), decimal, numeric, lettered and roman labels, named parts (``Preface``)
and lines in capitals. Headings that run into their paragraph are split off by
:mod:`reader.core.heading_run_in`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.clauses import sentence_count
from reader.core.heading_numbers import (
    CJK_NUMERAL_RE,
    NUMBER_WORDS,
    ORDINAL_WORD_RE,
    cjk_value,
    number_value,
    ordinal_value,
    roman_value,
)

__all__ = [
    "BULLET_RE",
    "LIST_MARKER_RE",
    "NAMED_TITLES",
    "NUMBER_WORDS",
    "STRONG_KEYS",
    "HeadingMatch",
    "is_cjk",
    "keyword_match",
    "looks_like_title",
    "match_heading",
    "numbering",
    "reads_as_sentence",
    "roman_value",
    "starts_numbered",
    "title_cased",
    "word_set",
]

_NUMBER_WORDS_RE = "|".join(NUMBER_WORDS)

# Keyword conventions by the key they share across languages. Abbreviations take a dot.
KEYWORDS = {
    "book": ("book", "libro", "livre", "buch"),
    "part": ("part", "parte", "partie", "teil"),
    "title": ("title", "título", "titulo", "titre", "titel", "titolo"),
    "subtitle": ("subtitle",),
    "chapter": (
        "chapter",
        "capítulo",
        "capitulo",
        "chapitre",
        "kapitel",
        "capitolo",
        "capo",
        "chap.",
    ),
    "subchapter": ("subchapter",),
    "section": ("section", "sec.", "sección", "seccion", "abschnitt", "sezione"),
    "article": ("article", "art.", "artículo", "articulo", "artikel", "articolo", "artigo"),
    "annex": ("annex", "anexo", "annexe", "anhang", "allegato"),
    "appendix": ("appendix", "apéndice", "apendice", "appendice"),
    "schedule": ("schedule",),
    "protocol": ("protocol",),
    "amendment": ("amendment",),
    "division": ("division",),
}
_KEY_OF = {word: key for key, words in KEYWORDS.items() for word in words}
_KW_RE = "|".join(re.escape(w) for w in sorted(_KEY_OF, key=len, reverse=True))
# A heading number: digits with a French/Spanish ordinal mark or a letter (1er, 1.º,
# 2ª, 12a, 3bis), decimal numbers, roman numerals, number and ordinal words, a letter.
_NUM_RE = (
    r"\d{1,4}(?:\.\d{1,3})*(?:er|re|e|\.?º|\.?ª|°|[a-z]|bis|ter|quater)?"
    rf"|[IVXLCDM]+|(?i:{_NUMBER_WORDS_RE}|{ORDINAL_WORD_RE})|(?i:único|única|unique)|[A-Z]"
)
_KEYWORD_RE = re.compile(
    rf"^(?P<kw>(?i:{_KW_RE}))(?:\s+|(?<=\.)\s*)(?P<num>{_NUM_RE})(?![\w-])"
    r"\s*(?P<sep>[.:\-\u2013\u2014]+\s*)?(?P<rest>.*)$"
)
# A container named without a number, a colon before its title: "APPENDIX: How to apply".
_CONTAINER_COLON_RE = re.compile(
    r"^(?P<kw>(?i:appendix|apéndice|appendice|annex|anexo|annexe|anhang|allegato|schedule)):"
    r"\s+(?P<rest>\S.*)$"
)
# "First Schedule", "SECOND PROTOCOL", "Twenty-First Amendment", "Erster Abschnitt".
_ORDINAL_KEYWORD_RE = re.compile(
    rf"^(?P<num>(?i:{ORDINAL_WORD_RE}))\s+(?P<kw>(?i:{_KW_RE}))(?![\w-])"
    r"\s*(?P<sep>[.:\-\u2013\u2014]+\s*)?(?P<rest>.*)$"
)
# A numbered piece of a collection: "FEDERALIST No. 10", "Paper No. 3", "LETTER No. 12".
_PIECE_RE = re.compile(
    r"^(?P<kw>[A-Z][A-Za-z]{2,20}\s+)?(?P<no>No\.|NO\.|No|Number|NUMBER|Nr\.|N°|Nº)\s*"
    r"(?P<num>\d{1,4}|[IVXLCDM]{1,7})\.?$"
)
_SECTION_SIGN_RE = re.compile(r"^(?P<num>§{1,2}\s*\d{1,4}[a-z]?)\.?\s*(?P<rest>.*)$")
# Chinese: 第一编 / 第一章 / 第一节 / 第一条 / 第一部分, 一、 and （一）.
_CJK_KEYWORDS = {"编": "编", "部分": "部分", "章": "章", "节": "节", "条": "条", "款": "款"}
_CJK_KEYWORD_RE = re.compile(
    rf"^(?P<num>第(?:{CJK_NUMERAL_RE}|\d{{1,4}})(?P<kw>编|部分|章|节|条|款))[\s\u3000]*(?P<rest>.*)$"
)
_CJK_ENUM_RE = re.compile(rf"^(?P<num>{CJK_NUMERAL_RE})[、．.](?P<rest>.*)$")
_CJK_PAREN_RE = re.compile(rf"^(?P<num>[（(]{CJK_NUMERAL_RE}[）)])[\s\u3000]*(?P<rest>.*)$")
_DECIMAL_RE = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){1,5})\.?\s+(?P<rest>.*)$")
_NUM_DOT_RE = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<rest>.*)$")
# "1.Definitions": no space after the number's full stop. Counted as a heading only in a
# document that numbers a series of sections so (heading_context judges that).
_NUM_TIGHT_RE = re.compile(r"^(?P<num>\d{1,3})\.(?=[^\W\d_])(?P<rest>.*)$")
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
        "appendix",
        "appendices",
        "apéndice",
        "apéndices",
        "appendice",
        "annex",
        "annexes",
        "contents",
        "preamble",
        "préambule",
        "preámbulo",
        "präambel",
        "einleitung",
        "vorwort",
        "prólogo",
        "avant-propos",
    ]
) | {
    "executive summary",
    "concluding remarks",
    "closing remarks",
    "table of contents",
    "final remarks",
    "list of abbreviations",
    "abbreviations",
    "exposición de motivos",
    "exposé des motifs",
}
_NAMED_RE = re.compile(
    r"^(?:[IVX0-9]{1,4}[.)]\s+)?(?P<name>[^\W\d_][^\W\d_ \-]*(?:[ \-][^\W\d_]+){0,3}?)\s*:?$"
)

# Keyword labels are strong evidence: their titles may be longer and may be absent.
STRONG_KEYS = frozenset({*KEYWORDS, "§", "piece", "编", "部分", "章", "节", "条", "款"})
# Keys whose label is usually followed by the text itself ("Sec. 3.  Definitions.  For
# the purposes ...", "第一条 为了 ...", "Article 1. - La République ...").
RUN_IN_KEYS = frozenset({"section", "article", "§", "条", "款", "rule"})


@dataclass(slots=True)
class HeadingMatch:
    """A line that can be a heading: its convention key, label, title and number."""

    key: str
    label: str | None
    title: str
    value: int | None = None  # the label's number, when it has one
    letter: str | None = None  # for (i)/(v)/(x): the letter, which may be alpha or roman
    tight: bool = False  # "1.Definitions": no space after the number's full stop

    @property
    def strong(self) -> bool:
        """Keyword conventions (``Part``, ``Chapter``, ``Article``, ``第一条`` ...)."""
        return self.key in STRONG_KEYS


def is_cjk(c: str) -> bool:
    """Chinese, Japanese or Korean script (ideographs, kana, hangul)."""
    o = ord(c)
    return (
        0x3400 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x3040 <= o <= 0x30FF
        or 0xAC00 <= o <= 0xD7AF
        or 0x20000 <= o <= 0x2FFFF
    )


_CJK_CHAR_RE = re.compile(
    "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]"
)
_CJK_SENTENCE_END = "。！？；，、："


def _cjk_title(text: str, strong: bool) -> bool:
    if len(text) > (60 if strong else 40):
        return False
    if text[-1] in _CJK_SENTENCE_END or any(c in text[:-1] for c in "。！？；"):
        return False
    return not text.startswith(("-", "*", "\u2022"))


def looks_like_title(text: str, strong: bool = False) -> bool:
    """Whether ``text`` reads as a heading's title rather than body text.

    A title is short, is one sentence, starts with a capital (or digit/quote) and does
    not end like a sentence; keyword conventions are allowed a longer title. A title
    in Chinese or Japanese has no capitals and is measured in characters.
    """
    if not text:
        return strong
    if _CJK_CHAR_RE.search(text) and len(_CJK_CHAR_RE.findall(text)) * 2 >= len(
        text.replace(" ", "")
    ):
        return _cjk_title(text, strong)
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


_ASCII_LOWER_RE = re.compile(r"[a-z]")


def _caps_title(line: str) -> bool:
    if _ASCII_LOWER_RE.search(line):
        return False  # the common case, decided without looking at every character
    cased = [c for c in line if c.isalpha() and c.upper() != c.lower()]
    if len(cased) < 4 or any(c.islower() for c in cased) or any(c in line for c in "|<>"):
        return False
    words = line.split()
    if len(words) > 14 or line.rstrip()[-1] in ".,;":
        return False
    return len(words) >= 2 or len(cased) >= 5


def _named(line: str) -> str | None:
    m = _NAMED_RE.match(line)
    if not m:
        return None
    name = " ".join(m.group("name").lower().split())
    return name if name in NAMED_TITLES else None


def _finish(
    key: str,
    label: str,
    rest: str,
    value: int | None,
    letter: str | None = None,
    strict: bool = True,
) -> HeadingMatch | None:
    title = rest.strip()
    match = HeadingMatch(key, label, title, value, letter)
    if not strict:
        return match
    if not looks_like_title(title, match.strong):
        return None
    if match.strong and title.endswith(":") and len(title.split()) > 2 and not title_cased(title):
        return None  # "Section 2. The board shall:" leads into a list
    if (
        match.strong
        and title.endswith(".")
        and not title.endswith("..")
        and reads_as_sentence(title)
    ):
        return None  # "Sec. 2. Each agency shall report." is a run-in sentence
    match.title = _without_stop(title)  # "1. Definitions." as "1. Definitions"
    return match


def _without_stop(title: str) -> str:
    """A title without the full stop some styles end a heading with."""
    return title[:-1] if re.search(r"[^\W\d_]{3}\.$", title) else title


_BRACKETED_RE = re.compile(r"\([^()]+\)\.?")


def reads_as_sentence(text: str) -> bool:
    """A full stop after more than five words that are not in title case, unless the
    words stand in brackets of their own (an Italian article's ``(Rubrica).``)."""
    text = text.rstrip()
    if _BRACKETED_RE.fullmatch(text):
        return False
    return text.endswith(".") and len(text.split()) > 5 and not title_cased(text.rstrip("."))


def keyword_match(line: str) -> tuple[HeadingMatch, str] | None:
    """A keyword label (``Part IV``, ``Sec. 3.``, ``第一条``, ``First Schedule``) and
    the rest of the line, before the rest is judged."""
    m = _KEYWORD_RE.match(line)
    if m:
        kw, num = m.group("kw"), m.group("num")
        value = number_value(num)
        if value is None:
            return None
        # "Sec. 3." keeps the full stop after its number, as citations write it.
        dot = "." if (m.group("sep") or "").strip() == "." else ""
        label = f"{kw} {num}{dot}"
        return HeadingMatch(_KEY_OF[kw.lower()], label, "", value), m.group("rest")
    m = _ORDINAL_KEYWORD_RE.match(line)
    if m:
        kw, num = m.group("kw"), m.group("num")
        label = f"{num} {kw}"
        return HeadingMatch(_KEY_OF[kw.lower()], label, "", ordinal_value(num)), m.group("rest")
    m = _CJK_KEYWORD_RE.match(line)
    if m:
        num = m.group("num")
        raw = num[1 : -len(m.group("kw"))]
        value = int(raw) if raw.isdigit() else cjk_value(raw)
        return HeadingMatch(_CJK_KEYWORDS[m.group("kw")], num, "", value), m.group("rest")
    m = _SECTION_SIGN_RE.match(line)
    if m:
        num = m.group("num")
        digits = re.search(r"\d+", num)
        value = int(digits.group()) if digits else None
        return HeadingMatch("§", " ".join(num.split()), "", value), m.group("rest")
    return None


def match_heading(line: str) -> HeadingMatch | None:
    """Recognise one stripped line as a heading candidate, or return None.

    Context (is it alone, is it followed by body text, does it continue a list)
    is judged by the caller.
    """
    return _match(line, strict=True)


# What a numbered label can start with: a digit, a bracket, §, 第 or a Chinese numeral,
# a letter or roman numeral with a stop, or a word followed by a number (Article 4).
_NUMBERED_START_RE = re.compile(
    r"\s*(?:[\d(（§第〇零一二三四五六七八九十]|[A-Za-z][.)]|[IVXLCivxlc]{1,7}\.|[^\W\d_]{2,12}\.?\s*(?:\d|[IVXLCDM]{1,6}\b|[A-Z]\b))"
)


def starts_numbered(line: str) -> bool:
    """Whether ``line`` starts the way a numbered label does (a cheap first test)."""
    return _NUMBERED_START_RE.match(line) is not None


def numbering(line: str) -> HeadingMatch | None:
    """The numbered label a line starts with (``(3)``, ``b.``, ``Article 4``), whatever
    follows it: body paragraphs are counted too when a numbering sequence is judged."""
    if not starts_numbered(line):
        return None  # most body paragraphs: decided by one regular expression
    m = _match(line, strict=False)
    return m if m is not None and m.value is not None else None


def _match(line: str, strict: bool) -> HeadingMatch | None:
    line = line.strip()
    if not line or (strict and len(line) > 260):
        return None
    found = keyword_match(line)
    if found is not None:
        kw_match, rest = found
        return _finish(kw_match.key, kw_match.label or "", rest, kw_match.value, strict=strict)
    m = _CONTAINER_COLON_RE.match(line)
    if m:
        # The label says it is a heading: its title may read like a sentence.
        title = m.group("rest").strip()
        if strict and not looks_like_title(title, strong=True):
            return None
        label = f"{m.group('kw')}:"
        return HeadingMatch(_KEY_OF[m.group("kw").lower()], label, _without_stop(title))
    m = _PIECE_RE.match(line)
    if m:
        kw = (m.group("kw") or "").strip()
        label = f"{kw} {m.group('no')} {m.group('num')}".strip()
        return HeadingMatch("piece", label, "", number_value(m.group("num")))
    m = _CJK_ENUM_RE.match(line)
    if m:
        num = m.group("num")
        return _finish(
            "cjk、", line[: len(num) + 1], m.group("rest"), cjk_value(num), strict=strict
        )
    m = _CJK_PAREN_RE.match(line)
    if m:
        num = m.group("num")
        return _finish("(cjk)", num, m.group("rest"), cjk_value(num[1:-1]), strict=strict)
    m = _DECIMAL_RE.match(line)
    if m:
        num = m.group("num")
        parts = num.split(".")
        label = num if line[len(num) : len(num) + 1] != "." else num + "."
        return _finish(f"dec{len(parts)}", label, m.group("rest"), int(parts[-1]), strict=strict)
    for regex, key, fmt in (
        (_NUM_DOT_RE, "num.", "{}."),
        (_NUM_PAREN_RE, "num)", "{})"),
        (_PAREN_NUM_RE, "(num)", "({})"),
    ):
        m = regex.match(line)
        if m:
            num = m.group("num")
            return _finish(key, fmt.format(num), m.group("rest"), int(num), strict=strict)
    m = _NUM_TIGHT_RE.match(line)
    if m:
        num = m.group("num")
        tight = _finish("num.", f"{num}.", m.group("rest"), int(num), strict=strict)
        if tight is not None:
            tight.tight = True
        return tight
    m = _PAREN_LETTER_RE.match(line)
    if m:
        num = m.group("num")
        case = "upper" if num.isupper() else "lower"
        roman = roman_value(num)
        label = f"({num})"
        if len(num) == 1 and num.lower() in "ivx":  # alpha or roman: the caller decides
            return _finish(f"(roman-{case})", label, m.group("rest"), roman, num, strict=strict)
        if roman is not None and len(num) > 1:
            return _finish(f"(roman-{case})", label, m.group("rest"), roman, strict=strict)
        if len(num) == 1:
            return _finish(
                f"(alpha-{case})", label, m.group("rest"), number_value(num), strict=strict
            )
        return None
    m = _ROMAN_DOT_RE.match(line)
    if m and roman_value(m.group("num")) is not None and len(m.group("num")) > 1:
        num = m.group("num")
        case = "upper" if num.isupper() else "lower"
        return _finish(
            f"roman-{case}.", f"{num}.", m.group("rest"), roman_value(num), strict=strict
        )
    m = _LETTER_DOT_RE.match(line)
    if m:
        num = m.group("num")
        case = "upper" if num.isupper() else "lower"
        sep = line[1]
        if num.lower() in "ivx" and sep == ".":
            return _finish(
                f"roman-{case}.", f"{num}.", m.group("rest"), roman_value(num), num, strict=strict
            )
        return _finish(
            f"alpha-{case}{sep}", f"{num}{sep}", m.group("rest"), number_value(num), strict=strict
        )
    if not strict:
        return None  # named parts and capitals have no number
    name = _named(line)
    if name is not None:
        key = "contents" if name in ("contents", "table of contents") else "named"
        return HeadingMatch(key, None, line.rstrip(":").strip())
    if _caps_title(line) and looks_like_title(line):
        return HeadingMatch("caps", None, line)
    return None


def word_set(words: str) -> frozenset[str]:
    """The set of the space-separated words in ``words``."""
    return frozenset(words.split())


_SMALL_WORDS = word_set(
    "a an and as at by for from in into of on or the to with de del la las los y el en "
    "du des le les et à aux von der die das und für zu"
)


def title_cased(title: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title)]
    if not words or len(words) > 12:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and (len(words) <= 2 or all(w[0].isupper() for w in big))


LIST_MARKER_RE = re.compile(
    r"[ \t]*(?:[-*+\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014]|\d{1,3}[.)]|\(\d{1,3}\)"
    r"|[a-z][.)]|\([a-z]\))[ \t]+(?=\S)"
)
BULLET_RE = re.compile(r"[ \t]*[-*+\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014][ \t]+(?=\S)")
