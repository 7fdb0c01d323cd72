"""The policy paper and news report the tests read, and what the tests know of them.

The shared corpus (``$READER_CORPUS`` or ``../shared/corpus``) holds a real policy paper
published as a web page and a news report about it. A clone of the repository alone
does not have it, so ``tests/fixtures/papers/`` holds a synthetic pair written in the
same conventions (breadcrumb, date, Preface, ``Part I``..``Part IV``, numbered fields
``1. In the ... Field``, sections ``(1) Title``, bullets, paragraphs broken across a
blank line mid-sentence, share widgets, ``Related News:``, copyright footer; a news
report of one paragraph a line closing with its source line).

Tests take a :class:`PolicyPaper` / :class:`NewsReport` record rather than quoting a
file: the same assertions then hold for either document.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE_PAPERS = Path(__file__).resolve().parent / "fixtures" / "papers"


@dataclass(frozen=True)
class PolicyPaper:
    """A policy paper published as a web page, and the facts the tests check in it."""

    name: str  # file name
    real: bool  # the shared corpus's paper (True) or the repository's own fixture
    title: str
    date: str  # ISO, as the importer derives it
    source: str  # the copyright footer's owner
    top: list[tuple[str | None, str]]  # (label, title) of each top-level outline node
    fields: list[tuple[str, str, int]]  # Part IV's children: (label, title, sections)
    # outline[4].children[1].children[2]: a section with a known first sentence.
    section_title: str
    section_path: str
    section_opening: str  # the first words of the section's first paragraph
    word_search: tuple[str, str]  # (query, the first word it marks) inside that section
    phrase_search: tuple[str, str]  # (quoted query, what the snippet shows)
    phrase: str  # two words found once or more, as a phrase
    frequent_word: str  # a word found more than five times
    sentence: str  # one whole sentence, somewhere in the body
    breaks: list[tuple[str, str]]  # (end, start) of paragraphs broken across a blank line
    bullets: int  # list items in the body
    first_bullet: str  # its opening words
    breadcrumb: str  # the breadcrumb's opening characters
    related: int  # "Related News:" and its links
    related_link: str  # words of one related link (furniture, never a clause)
    after_body: str  # the first furniture after the last section
    folder: Path = FIXTURE_PAPERS

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self.folder / self.name


@dataclass(frozen=True)
class NewsReport:
    """A news report about the paper (one paragraph a line) and how it aligns with it."""

    name: str
    date: str
    source: str
    title_start: str
    paragraphs: int  # paragraph blocks, the closing source line not counted
    # (words of a paragraph, the paper section it aligns with, method) ...
    pairs: list[tuple[str, str, str]]
    # ... and paragraphs with no counterpart (a summary of many fields, a remark).
    unmatched: list[str]
    # The section most paragraphs speak of, and how many do.
    main_section: str
    main_paragraphs: int
    main_section_opening: str  # the first words of that section in the paper
    folder: Path = FIXTURE_PAPERS

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self.folder / self.name


CORPUS_PAPER = PolicyPaper(
    name="policy-paper-lac-2016.txt",
    real=True,
    title="China's Policy Paper on Latin America and the Caribbean",
    date="2016-11-24",
    source="Ministry of Foreign Affairs, the People's Republic of China",
    top=[
        (None, "Preface"),
        ("Part I", "Latin America and the Caribbean: A Land Full of Vitality and Hope"),
        (
            "Part II",
            "China's Relations with Latin America and the Caribbean in the New Stage "
            "of Comprehensive Cooperation",
        ),
        ("Part III", "Bringing the Comprehensive and Cooperative Partnership to New Heights"),
        ("Part IV", "Further Strengthening Cooperation in All Fields"),
    ],
    fields=[
        ("1.", "In the Political Field", 6),
        ("2.", "In the Economic Field", 13),
        ("3.", "In the Social Aspects", 4),
        ("4.", "In the Cultural and People-to-people Fields", 7),
        ("5.", "International Collaboration", 5),
        ("6.", "On Peace, Security and Judicial Affairs", 2),
        ("7.", "Collective Cooperation", 0),
        ("8.", "Trilateral Cooperation", 0),
    ],
    section_title="Financial Cooperation",
    section_path="Part IV > 2. In the Economic Field > (3) Financial Cooperation",
    section_opening="China will support its financial institutions",
    word_search=("branch networks", "branch"),
    phrase_search=('"1+3+6"', '"«1+3+6»" framework'),
    phrase="maritime cooperation",
    frequent_word="Caribbean",
    sentence="Global and regional hot-spot issues take place frequently.",
    breaks=[("setting", "the course for"), ("downstream and supporting", "industries such as")],
    bullets=5,
    first_bullet="Sticking to the principle",
    breadcrumb="Home > Topics > Xi J",
    related=9,
    related_link="Xi Jinping Holds Talks",
    after_body="Suggest to a friend",
)

CORPUS_NEWS = NewsReport(
    name="news-lac-paper-2008.txt",
    date="2008-11-05",
    source="Xinhua News Agency",
    title_start="China on Wednesday said it will actively carry out military",
    paragraphs=12,
    pairs=[
        ("military exchanges", "(1) Military Exchanges and Cooperation", "text"),
        ("judicial and police", "(2) Cooperation in Judicial and Police Affairs", "text"),
        # Scores low, but far above its other candidates.
        ("penalty enforcement", "(2) Cooperation in Judicial and Police Affairs", "text"),
        # Shares little with the 2016 text: it continues the paragraphs before it.
        ("illegal immigration", "(2) Cooperation in Judicial and Police Affairs", "context"),
        ("development of the army", "(1) Military Exchanges and Cooperation", "context"),
        # Echoes Part III's passage on collective cooperation, which names that section.
        ("regional organizations", "7. Collective Cooperation", "text"),
    ],
    unmatched=["culture, sports, science", "first-ever policy paper"],
    main_section="(1) Military Exchanges and Cooperation",
    main_paragraphs=5,
    main_section_opening="China will actively carry out military exchanges",
)

FIXTURE_PAPER = PolicyPaper(
    name="policy-paper-valdoria-2019.txt",
    real=False,
    title="Valdoria's Policy Paper on the Northern Lake States",
    date="2019-06-12",
    source="Ministry of External Affairs of the Republic of Valdoria",
    top=[
        (None, "Preface"),
        ("Part I", "The Northern Lake States: A Region of Rivers and Promise"),
        ("Part II", "Valdoria's Ties with the Lake States over Three Decades"),
        ("Part III", "Taking the Lake Partnership to a New Level"),
        ("Part IV", "Deepening Cooperation in Every Field"),
    ],
    fields=[
        ("1.", "In the Political Field", 3),
        ("2.", "In the Economic Field", 7),
        ("3.", "In the Social Field", 3),
        ("4.", "In the Cultural and People-to-people Field", 3),
        ("5.", "On Security and Legal Affairs", 2),
        ("6.", "Cooperation with Regional Bodies", 0),
        ("7.", "Cooperation with Third Parties", 0),
    ],
    section_title="Banking and Finance",
    section_path="Part IV > 2. In the Economic Field > (3) Banking and Finance",
    section_opening="Valdoria will help its banks to open branches",
    word_search=("correspondent lenders", "correspondent"),
    phrase_search=('"2+5"', '"«2+5»" partnership'),
    phrase="inland shipping",
    frequent_word="Valdoria",
    sentence="Floods and droughts in the basin have grown more frequent.",
    breaks=[("set", "the direction for"), ("processing and", "services that grow")],
    bullets=5,
    first_bullet="Treating each other as equals",
    breadcrumb="Home > Topics > Fore",
    related=6,
    related_link="Sign Agreement on River Ports",
    after_body="Send to a colleague",
)

FIXTURE_NEWS = NewsReport(
    name="news-valdoria-paper-2019.txt",
    date="2019-06-13",
    source="Lake Region News Service",
    title_start="Valdoria on Thursday said it will step up coast guard exchanges",
    paragraphs=12,
    pairs=[
        ("coast guard exchanges", "(1) Coast Guard Exchanges and Cooperation", "text"),
        ("patrol boats", "(1) Coast Guard Exchanges and Cooperation", "text"),
        ("mutual legal assistance", "(2) Cooperation in Legal and Police Affairs", "text"),
        # Shares next to nothing with the paper: it continues the paragraphs before it.
        ("within its means", "(1) Coast Guard Exchanges and Cooperation", "context"),
        ("forged passports", "(2) Cooperation in Legal and Police Affairs", "context"),
        ("the lake ports council", "6. Cooperation with Regional Bodies", "text"),
    ],
    unmatched=["health, schooling, tourism", "Never before has the cabinet"],
    main_section="(1) Coast Guard Exchanges and Cooperation",
    main_paragraphs=4,
    main_section_opening="Valdoria will step up exchanges between its coast guard",
)


def find_corpus() -> Path | None:
    """The shared corpus folder: ``$READER_CORPUS``, else ``../shared/corpus``."""
    for folder in (os.environ.get("READER_CORPUS"), REPO.parent / "shared" / "corpus"):
        if folder and Path(folder, CORPUS_PAPER.name).is_file():
            return Path(folder)
    return None


def available_pairs() -> list[tuple[PolicyPaper, NewsReport]]:
    """(paper, news report) pairs on this machine: the corpus's first when it is there,
    then the repository's own, which is always there."""
    pairs = [(FIXTURE_PAPER, FIXTURE_NEWS)]
    corpus = find_corpus()
    if corpus is not None:
        real = (
            dataclasses.replace(CORPUS_PAPER, folder=corpus),
            dataclasses.replace(CORPUS_NEWS, folder=corpus),
        )
        pairs.insert(0, real)
    return pairs
