"""Codes: our tag tree as REFI-QDA ``<Code>`` elements and back, for ``.qdc`` and ``.qdpx``.

A tag path ``economy/trade`` is a ``Code name="trade"`` inside ``Code name="economy"``.
Parents only implied by their children's paths are exported as codes too, since a
codebook has no other way to nest.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.core.atomic import write_atomic
from reader.core.library_model import CodeIdentity, TagNode
from reader.core.limits import MAX_CODES, MAX_DESCRIPTION, MAX_TAG, check_length
from reader.core.refiqda.guids import is_guid, tag_guid
from reader.core.refiqda.xmlsafe import RefiQdaError, local_name, namespace, parse_xml
from reader.core.tags import SEPARATOR

if TYPE_CHECKING:
    from reader.core.store import Library

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"
ORIGIN = f"Policy Reader {__version__}"
NO_IDENTITY = CodeIdentity(guid=None, color=None, codable=True)


@dataclass(slots=True)
class Code:
    """One code of a codebook; ``path`` is the tag path it stands for."""

    guid: str
    name: str
    path: str
    description: str = ""
    color: str | None = None  # "#RRGGBB"
    codable: bool = True
    children: list[Code] = field(default_factory=list)
    from_slash_name: bool = False  # its name held "/" and was read as a path

    def walk(self) -> Iterator[Code]:
        """This code and its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def codes_from_tags(
    roots: list[TagNode],
    colors: dict[str, str],
    kept: dict[str, CodeIdentity] | None = None,
) -> list[Code]:
    """The codes for a tag tree; ``colors`` maps lower-cased paths to ``#RRGGBB``
    (the highlights' colour); ``kept`` (lower-cased path -> identity) gives the GUID,
    colour and codability an imported codebook gave a tag, which win."""
    kept = kept or {}
    codes = []
    for node in roots:
        key = node.path.lower()
        own = kept.get(key, NO_IDENTITY)
        codes.append(
            Code(
                guid=own.guid or tag_guid(node.path),
                name=node.name,
                path=node.path,
                description=node.description,
                color=own.color or colors.get(key),
                codable=own.codable,
                children=codes_from_tags(node.children, colors, kept),
            )
        )
    return codes


def library_codes(library: Library) -> list[Code]:
    """The library's tag tree as codes, with what imported codebooks gave them."""
    return codes_from_tags(library.tag_tree(), library.tag_colors(), library.code_identities())


def add_codes(parent: ET.Element, codes: list[Code]) -> None:
    """Append ``<Code>`` elements (Description first, then sub-codes, as the schemas
    order them) under ``parent``."""
    for code in codes:
        el = ET.SubElement(parent, "Code", guid=code.guid, name=code.name)
        el.set("isCodable", "true" if code.codable else "false")
        if code.color:
            el.set("color", code.color)
        if code.description:
            ET.SubElement(el, "Description").text = code.description
        add_codes(el, code.children)


def to_xml(root: ET.Element, ns: str) -> bytes:
    """Serialise ``root`` (built with unqualified names) in default namespace ``ns``,
    indented, UTF-8. (ElementTree's ``default_namespace`` option refuses unqualified
    attributes, so the namespace is declared on the root instead.)"""
    root.set("xmlns", ns)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def codebook_xml(codes: list[Code]) -> bytes:
    """A ``.qdc`` codebook file. A codebook needs at least one code."""
    if not codes:
        raise RefiQdaError("there are no tags to export as a codebook")
    count = sum(1 for top in codes for _ in top.walk())
    if count > MAX_CODES:
        raise RefiQdaError(
            f"{count:,} tags are more than a codebook may hold ({MAX_CODES:,}): "
            "it could not be imported again"
        )
    root = ET.Element("CodeBook", origin=ORIGIN)
    add_codes(ET.SubElement(root, "Codes"), codes)
    return to_xml(root, CODEBOOK_NS)


def parse_codes(codes_el: ET.Element, what: str, seen: set[str] | None = None) -> list[Code]:
    """The codes under a ``<Codes>`` element, checked: GUIDs well-formed and unique
    (``seen`` collects them across a whole file), names non-empty, no two codes
    standing for the same tag.

    A ``/`` in a code's name is read as a path, nested as our tags are: Taguette writes
    its tag ``culture/education`` as one flat code of that name. Such codes have
    :attr:`Code.from_slash_name` set, so that the import can say so."""
    seen = set() if seen is None else seen
    paths: set[str] = set()

    def parse(el: ET.Element, parent_path: str) -> Code:
        guid = el.get("guid") or ""
        if not is_guid(guid):
            raise RefiQdaError(f"{what}: a code has an invalid GUID {guid!r}")
        if guid.lower() in seen:
            raise RefiQdaError(f"{what}: the GUID {guid} is used twice")
        seen.add(guid.lower())
        name = " ".join((el.get("name") or "").split())
        segments = [s.strip() for s in name.split(SEPARATOR) if s.strip()]
        if not segments:
            raise RefiQdaError(f"{what}: the code {guid} has no name")
        path = SEPARATOR.join([parent_path, *segments] if parent_path else segments)
        # Checked on the way down: a path over the limit stops a deep nest at once.
        check_length(path, f"{what}: the path of code {guid}", MAX_TAG, RefiQdaError)
        if len(seen) > MAX_CODES:
            raise RefiQdaError(f"{what}: more than {MAX_CODES:,} codes")
        if path.lower() in paths:
            raise RefiQdaError(f"{what}: two codes stand for the same tag {path!r}")
        paths.add(path.lower())
        code = Code(guid, segments[-1], path, codable=el.get("isCodable", "true") != "false")
        code.from_slash_name = len(segments) > 1
        code.color = el.get("color")
        for child in el:
            kind = local_name(child)
            if kind == "Description":
                code.description = check_length(
                    (child.text or "").strip(),
                    f"{what}: the description of {path!r}",
                    MAX_DESCRIPTION,
                    RefiQdaError,
                )
            elif kind == "Code":
                code.children.append(parse(child, path))
        return code

    return [parse(el, "") for el in codes_el if local_name(el) == "Code"]


def parse_codebook(data: bytes, what: str) -> list[Code]:
    """The codes of a ``.qdc`` file's bytes; raises :class:`RefiQdaError` if it is not one."""
    root = parse_xml(data, what)
    if local_name(root) != "CodeBook" or namespace(root) != CODEBOOK_NS:
        raise RefiQdaError(
            f"{what}: not a REFI-QDA codebook (the root is <{local_name(root)}> in "
            f"{namespace(root) or 'no namespace'}, expected <CodeBook> in {CODEBOOK_NS})"
        )
    codes_el = root.find(f"{{{CODEBOOK_NS}}}Codes")
    if codes_el is None:
        raise RefiQdaError(f"{what}: the codebook has no <Codes>")
    return parse_codes(codes_el, what)


def export_codebook(library: Library, path: str | Path) -> int:
    """Write the library's tags as a ``.qdc`` codebook to ``path`` (atomically);
    returns how many codes it holds."""
    codes = library_codes(library)
    write_atomic(path, codebook_xml(codes))
    return sum(1 for top in codes for _ in top.walk())
