"""Ground truth from a LaTeX source: its section titles and its plain sentences.

A paper typeset by LaTeX from a ``.tex`` file shipped beside its PDF (Debian's texlive
documentation packages ship many) gives ground truth that nobody tuned: the titles of
its ``\\section``/``\\subsection``/``\\subsubsection`` commands, and the sentences of
its paragraphs. Only what the source states without doubt is kept: a sentence that
holds math, a citation, a cross-reference, a footnote, verbatim text or any command
this module does not resolve is left out (the PDF prints something the source does
not spell), and so are floats, displayed math, tables, lists, listings and the
bibliography. Sentences keep their words in order; the benchmark compares them with
letters and digits only, so quotes, dashes and the hyphens of line breaks do not
count.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

# Environments whose text is kept (prose); every other environment is dropped whole.
_PROSE_ENVS = {"abstract", "quote", "quotation", "center", "flushleft", "flushright"}
_SECTION_RE = re.compile(r"\\(section|subsection|subsubsection)\*?\s*(?:\[[^\]]*\])?\s*\{")
# Commands that only style their argument: the argument stays.
_STYLE_RE = re.compile(
    r"\\(?:emph|textbf|textit|textsc|textrm|textsf|textup|textmd|textnormal|texttt|mbox|text"
    r"|NoCaseChange)\s*\{"
)
# Declarations inside a group: ``{\itshape word}`` -> ``word``.
_DECL_RE = re.compile(
    r"\\(?:itshape|bfseries|em|it|bf|sc|scshape|rm|sf|upshape|normalfont|small|large"
    r"|Large|footnotesize|scriptsize|normalsize)\b\s*"
)
_LOGOS = {
    r"\LaTeXe": "LaTeX2\u03b5",  # printed with an epsilon
    r"\LaTeX": "LaTeX",
    r"\BibTeX": "BibTeX",
    r"\TeX": "TeX",
    r"\ldots": "...",
    r"\dots": "...",
    r"\&": "&",
    r"\%": "%",
    r"\_": "_",
    r"\#": "#",
}
# What makes a sentence untrustworthy as ground truth: the PDF prints something else.
_UNSURE_RE = re.compile(r"[$\\{}]|\[[^\]]*\]|@")
_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def read_tex(path: Path) -> str:
    """The source with ``\\input``/``\\include`` files of its folder put in place."""
    text = _read(path)

    def inline(m: re.Match[str]) -> str:
        name = m.group(1).strip()
        for cand in (name, name + ".tex", name + ".tex.gz"):
            p = path.parent / cand
            if p.is_file():
                return _read(p)
        return ""

    return re.sub(r"\\(?:input|include)\s*\{([^}]*)\}", inline, text)


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def _uncomment(text: str) -> str:
    return re.sub(r"(?<!\\)%.*", "", text)


def _body(text: str) -> str:
    text = _uncomment(text)
    # Verbatim text may hold anything (braces, "\\section{..}"): a mark that makes its
    # sentence unsure, and never a heading.
    text = re.sub(r"\\verb\*?(.).*?\1", r"\\VERB ", text)
    # Listings show source code, a whole example document included: left out first.
    text = re.sub(
        r"\\begin\{(verbatim|lstlisting|minted|Verbatim|alltt|code)\*?\}.*?\\end\{\1\*?\}",
        "\n\n",
        text,
        flags=re.S,
    )
    start = text.find(r"\begin{document}")
    end = text.rfind(r"\end{document}")
    body = text[start + 16 : end if end > start else None] if start >= 0 else text
    # (A thebibliography environment goes with the other environments; \bibliography
    # and \printbibliography print from files this source does not hold.)
    # \texorpdfstring{printed}{bookmark}: the page prints the first.
    return re.sub(r"\\texorpdfstring\s*(\{(?:[^{}]|\{[^{}]*\})*\})\s*\{[^{}]*\}", r"\1", body)


def _group_end(text: str, at: int) -> int:
    """Index just past the brace group that opens at ``text[at] == '{'``."""
    depth = 0
    for i in range(at, len(text)):
        c = text[i]
        if c == "\\":
            continue
        if c == "{" and text[i - 1] != "\\":
            depth += 1
        elif c == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _drop_envs(text: str) -> str:
    """Every environment but prose ones removed with its content (nesting respected)."""
    out: list[str] = []
    pos = 0
    token = re.compile(r"\\(begin|end)\s*\{([^}]*)\}")
    stack: list[str] = []
    for m in token.finditer(text):
        kind, name = m.group(1), m.group(2).strip()
        dropping = any(n not in _PROSE_ENVS for n in stack)
        if not dropping:
            out.append(text[pos : m.start()])
        if kind == "begin":
            stack.append(name)
            out.append("\n\n")
        elif stack:
            while stack and stack.pop() != name:
                pass
            out.append("\n\n")
        pos = m.end()
    if not any(n not in _PROSE_ENVS for n in stack):
        out.append(text[pos:])
    text = "".join(out)
    # Displayed math in brackets, and \[ ... \] or $$ ... $$: not prose either.
    text = re.sub(r"\\\[.*?\\\]", "\n\n", text, flags=re.S)
    return re.sub(r"\$\$.*?\$\$", "\n\n", text, flags=re.S)


def _unstyle(text: str) -> str:
    """Styling commands and groups removed, their words kept."""
    for _ in range(4):
        m = _STYLE_RE.search(text)
        while m is not None:
            end = _group_end(text, m.end() - 1)
            text = text[: m.start()] + text[m.end() : end - 1] + text[end:]
            m = _STYLE_RE.search(text, m.start())
        text = _DECL_RE.sub("", text)
        # A plain group ``{word}`` (what a declaration left) is its words.
        text = re.sub(r"(?<![\\A-Za-z])\{([^{}$\\]*)\}", r"\1", text)
    for cmd, word in _LOGOS.items():
        text = re.sub(re.escape(cmd) + r"(?![A-Za-z])(?:\{\})?", word, text)
    text = text.replace("~", " ").replace("\\ ", " ").replace("\\,", " ")
    text = text.replace("\\-", "").replace("\\@", "").replace("\\/", "")
    text = text.replace("``", '"').replace("''", '"').replace("---", "-").replace("--", "-")
    return re.sub(r"\\label\{[^}]*\}", "", text)


def _drop_commands(text: str, names: str) -> str:
    """``\\name{...}`` (with its argument) removed for each name in ``names``."""
    pattern = re.compile(r"\\(?:" + names + r")\*?\s*(?:\[[^\]]*\])?\s*\{")
    m = pattern.search(text)
    while m is not None:
        text = text[: m.start()] + text[_group_end(text, m.end() - 1) :]
        m = pattern.search(text, m.start())
    return text


def headings(path: Path) -> list[str]:
    """Titles of the source's sections and subsections, in order, as printed: notes,
    citations, labels and math left out, any other command's argument kept."""
    body = _body(read_tex(path))
    out = []
    for m in _SECTION_RE.finditer(body):
        end = _group_end(body, m.end() - 1)
        title = _drop_commands(body[m.end() : end - 1], "footnote|cite|label|ref|eqref")
        title = re.sub(r"\$[^$]*\$", " ", title).replace("\\\\", " ")
        title = _unstyle(title)
        for _ in range(3):  # any other command: its argument stays
            title = re.sub(r"\\[a-zA-Z]+\*?\s*\{([^{}]*)\}", r"\1", title)
        title = " ".join(re.sub(r"\\[a-zA-Z]+\*?|[{}]", " ", title).split())
        if title and "#" not in title and "VERB" not in title:
            out.append(title)
    return out


def sentences(path: Path, min_words: int = 8) -> list[str]:
    """The plain sentences of the source's paragraphs (see the module docstring)."""
    body = _drop_envs(_body(read_tex(path)))
    body = _SECTION_RE.sub("\n\n\\\\section{", body)  # a heading ends a paragraph
    out = []
    for para in re.split(r"\n\s*\n", body):
        flat = " ".join(_unstyle(para).split())
        for sentence in _SPLIT_RE.split(flat):
            words = sentence.split()
            if len(words) < min_words or _UNSURE_RE.search(sentence):
                continue
            if sentence.rstrip()[-1:] not in ".!?":
                continue  # a paragraph's tail without an end: a caption, a list lead-in
            out.append(sentence)
    return out


# Headings a document class prints on its own for what the source holds: the page may
# show them or not, and under one name or another, so they are scored neither way.
_GENERATED = [
    (r"\\begin\{abstract\}|\\abstract\s*\{", ("Abstract",)),
    (r"\\begin\{keywords?\}|\\keywords?\s*\{|\\begin\{IEEEkeywords\}", ("Keywords", "Index Terms")),
    (
        r"\\bibliography\s*\{|\\printbibliography|\\begin\{thebibliography\}",
        ("References", "Bibliography"),
    ),
    (
        r"\\begin\{acks\}|\\begin\{acknowledg(?:e)?ments?\}",
        ("Acknowledgments", "Acknowledgements", "Acknowledgment", "Acknowledgement"),
    ),
    (r"\\appendix\b", ("Appendix", "Appendixes", "Appendices")),
    (r"\\tableofcontents", ("Contents",)),
]


def generated_headings(path: Path) -> list[str]:
    """Names of the headings the class may print itself (see :data:`_GENERATED`)."""
    body = _body(read_tex(path))
    return [name for pattern, names in _GENERATED if re.search(pattern, body) for name in names]
