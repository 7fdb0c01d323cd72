"""What of a web page is its chrome rather than the document: decided by the page's
structure, never by the words of its text.

- Landmarks: ``<nav>``, ``<aside>``, ``<footer>``, ``<form>``, a page-level
  ``<header>`` (not one inside ``<main>``, an article or a section, which heads the
  content) and the ARIA roles that name the same regions.
- Outside the main content: on a page with a ``<main>`` (or ``role="main"``),
  everything outside it.
- Hidden elements: the ``hidden`` attribute, ``aria-hidden="true"``, an inline
  ``display: none`` or ``visibility: hidden``, and the classes sites use to show text
  to screen readers only (``sr-only``, ``visually-hidden`` ...). Their text stays in
  the stored text as furniture and is not shown.
- On a page without a main landmark, the class or id of a container that names it
  (``breadcrumb``, ``footer``, ``sidebar``, ``menu`` ...); a content element's own id
  (``<li id="s1c_copyright">``) says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.core.model import HEADING, LIST_ITEM, PARAGRAPH

HIDDEN = "hidden"  # the furniture role of hidden elements
OUTSIDE = "outside"  # the furniture role of a page's blocks outside its main content

_LANDMARK_TAGS = {"nav": "navigation", "footer": "footer", "aside": "related", "form": "widget"}
_ROLES = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "related",
    "search": "widget",
}
# Elements a page-level <header> may sit in and still head the content, not the site.
SECTIONING = frozenset({"main", "article", "section", "aside", "nav"})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_VISUALLY_HIDDEN = frozenset(
    {
        "sr-only",
        "is-sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "element-invisible",
        "hidden-visually",
        "a11y-hidden",
        "u-visually-hidden",
        "offscreen",
    }
)
_HINT_RE = re.compile(
    r"breadcrumb|crumbs|footer|copyright|sidebar|side-bar|related|share|social|menu|navbar"
    r"|topnav|site-nav|advert|banner|cookie",
    re.I,
)
_STRONG_HINT_RE = re.compile(
    r"breadcrumb|crumbs|footer|sidebar|side-bar|related|share|social|menu|nav|advert|banner"
    r"|cookie",
    re.I,
)
# Elements that hold content themselves: their class or id names the item, not a region.
_CONTENT_TAGS = frozenset(
    {"p", "li", "dt", "dd", "td", "th", "tr", "span", "a", "em", "strong", "b", "i"}
    | {f"h{n}" for n in range(1, 7)}
)


def is_hidden(attrs: dict[str, str]) -> bool:
    """Whether an element's own attributes hide it from the reader's eyes."""
    if "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE_RE.search(attrs.get("style", "")):
        return True
    classes = attrs.get("class", "")
    return bool(classes) and not _VISUALLY_HIDDEN.isdisjoint(classes.lower().split())


def landmark_role(tag: str, attrs: dict[str, str], in_sectioning: bool) -> str | None:
    """The furniture role of a landmark element, or None for content."""
    role = _ROLES.get(attrs.get("role", "").strip().lower())
    if role is not None:
        return role
    if tag == "header":
        return None if in_sectioning else "header"
    return _LANDMARK_TAGS.get(tag)


def hinted_role(tag: str, attrs: dict[str, str]) -> str | None:
    """The furniture role a container's class or id names (``footer``, ``menu`` ...),
    for pages that mark their regions no other way; None for content."""
    if tag in _CONTENT_TAGS:
        return None
    hint = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    # A <section id="copyright-notice"> is part of the document; a <div class="copyright">
    # at the foot of the page is not.
    if tag in ("section", "article") and not _STRONG_HINT_RE.search(hint):
        return None
    if not _HINT_RE.search(hint):
        return None
    if re.search(r"crumb|nav|menu", hint, re.I):
        return "navigation"
    if re.search(r"footer|copyright", hint, re.I):
        return "footer"
    return "related"


class RawBlock(Protocol):
    """What the extractor knows of a block (see ``html._Raw``)."""

    kind: str
    text: str
    role: str | None
    link_only: bool
    hrefs: tuple[str, ...]
    in_main: bool


_LINK_BOX_ITEMS = 3  # a box of a few links (a canonical address, other formats)


def _in_page(b: RawBlock) -> bool:
    """Nothing but links to places on the page itself."""
    return (
        b.kind in (PARAGRAPH, LIST_ITEM)
        and b.link_only
        and bool(b.hrefs)
        and all(h.startswith("#") for h in b.hrefs)
    )


def mark_page_chrome(raws: Sequence[RawBlock]) -> None:
    """Furniture the page's structure shows once it is all read: in-page links before
    the first heading (a skip link) or several in one block (a jump menu), and on a
    page with a main landmark holding text, every block outside it."""
    first_heading = next(
        (k for k, b in enumerate(raws) if b.kind == HEADING and not b.role), len(raws)
    )
    for k, b in enumerate(raws):
        if not b.role and _in_page(b) and (k < first_heading or len(b.hrefs) > 1):
            b.role = "navigation"
    if any(b.in_main and not b.role for b in raws):
        for b in raws:
            if not b.in_main and not b.role:
                b.role = OUTSIDE


def mark_link_box(raws: Sequence[RawBlock]) -> None:
    """An article or section of a heading and a few links (a canonical address, other
    formats of the page): a box of links, not a section of the document."""
    live = [b for b in raws if not b.role]
    if not 2 <= len(live) <= _LINK_BOX_ITEMS + 1 or live[0].kind != HEADING:
        return
    if all(b.link_only and b.kind in (PARAGRAPH, LIST_ITEM) for b in live[1:]):
        for b in live:
            b.role = "links"
