"""The HTML elements the importer treats apart: skipped, block-level and void."""

from __future__ import annotations

# Elements whose content is not text to read (code, widgets, embedded media).
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "option",
        "button",
        "textarea",
        "datalist",
    }
)
# Elements that end the block of text before them and start a new one.
BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
        "figcaption",
        "address",
        "main",
        "form",
        "hr",
        "center",
        "caption",
        "fieldset",
        "legend",
        "details",
        "summary",
        "body",
    }
)
# Elements that have no content and no end tag.
VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "wbr",
        "area",
        "base",
        "col",
        "source",
        "track",
        "param",
        "embed",
    }
)
