"""Mutations of our own exporters' outputs, and hostile documents, for the fuzz suite.

Every function takes a :class:`random.Random`: hypothesis hands the tests one it
controls (``st.randoms()``, so failures shrink and replay), and ``count.py`` a seeded
one to count failures over a fixed number of files. Nothing here knows what the
importers accept: the values are what a careless or hostile teammate could send.
"""

from __future__ import annotations

import copy
import io
import json
import random
import struct
import zipfile
from typing import Any

# -- values ----------------------------------------------------------------------------

EDGE_TIMES = [
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999+14:00",
    "2026-02-30T10:00:00Z",
    "2026-11-24T25:00:00Z",
    "2026-11-24",
    "20261124T101500Z",
    "2026-11-24T10:15:00+24:00",
    "",
    " ",
    "yesterday",
]
HOSTILE_TEXT = [
    "\ud800",
    "\udfff",
    "x\ud83d",
    "a\udc00b",
    "\x00",
    "safe\x00after",
    "\x01\x02\x1b[31m\x7f",
    "\ufffe\uffff",
    "\u2028\u2029\x85",
    "safe\r=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x")',
    "-2+3",
    "@SUM(A1)",
    "a/b//c/",
    "/",
    "<script>alert(1)</script>",
    "---\ntitle: x\n---",
    "\u202eevil",
    "",
    " ",
    "🌎" * 3,
]


def long_text(rnd: random.Random) -> str:
    """A string around one of the limits (tag 200, name 300, id 500, context 2,000,
    note 100,000 characters), just under or just over."""
    limit = rnd.choice([64, 200, 300, 500, 2_000, 100_000, 200_000])
    return "x" * (limit + rnd.choice([-1, 0, 1, 1000]))


def nested(rnd: random.Random) -> Any:
    """A list or object nested around the nesting limit."""
    value: Any = "deep"
    for _ in range(rnd.choice([10, 63, 64, 65, 200, 400])):
        value = [value] if rnd.random() < 0.5 else {"k": value}
    return value


def hostile_value(rnd: random.Random) -> Any:
    """One value of any JSON type a field may be replaced by."""
    kind = rnd.randrange(12)
    if kind == 0:
        return rnd.choice(EDGE_TIMES)
    if kind in (1, 2, 3):
        text = rnd.choice(HOSTILE_TEXT)
        return text if rnd.random() < 0.5 else f"ok {text} ok"
    if kind == 4:
        return long_text(rnd)
    if kind == 5:
        return rnd.choice([0, -1, 1, 2**31, 2**63, 10**9, 10**9 + 1, 10**30, -(10**30)])
    if kind == 6:
        return rnd.choice([0.5, 1e308, -0.0, 1e-300])
    if kind == 7:
        return rnd.choice([True, False, None])
    if kind == 8:
        return rnd.choice([[], {}, [None], [""], {"": ""}])
    if kind == 9:
        return nested(rnd)
    if kind == 10:
        return {"type": rnd.choice(["Person", "Annotation", "TextualBody", 7]), "value": "x"}
    return "".join(chr(rnd.randrange(0x110000)) for _ in range(rnd.randrange(1, 8)))


# -- exchange JSON ---------------------------------------------------------------------


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (keys and indices) to a node of a JSON tree, the root excluded."""
    out = []
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return out
    for key, child in items:
        path = (*prefix, key)
        out.append(path)
        out.extend(_paths(child, path))
    return out


def _leaf(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


def _mutate_tree(data: Any, rnd: random.Random) -> None:
    paths = _paths(data)
    if not paths:
        return
    texts = [p for p in paths if isinstance(_leaf(data, p), str)]
    if texts and rnd.random() < 0.5:
        # A text field (an id, a time, a name, a tag, a note, a quote) gets hostile text.
        path = rnd.choice(texts)
        parent = _leaf(data, path[:-1])
        old = parent[path[-1]]
        hostile = rnd.choice(EDGE_TIMES + HOSTILE_TEXT)
        parent[path[-1]] = hostile if rnd.random() < 0.7 else old + hostile
        return
    path = rnd.choice(paths)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    op = rnd.randrange(6)
    if op == 0 and isinstance(parent, dict):
        del parent[key]
    elif op == 1 and isinstance(parent, list):
        parent.append(parent[key])  # a duplicate (same id, same tag...)
    elif op == 2 and isinstance(parent, dict):
        parent[rnd.choice(["extra", "@context", "type", "id"])] = hostile_value(rnd)
    else:
        parent[key] = hostile_value(rnd)


def _mutate_bytes(raw: bytes, rnd: random.Random) -> bytes:
    data = bytearray(raw)
    op = rnd.randrange(5)
    if op == 0 and data:
        del data[rnd.randrange(len(data)) :]  # truncated
    elif op == 1 and data:
        for _ in range(rnd.randrange(1, 8)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
    elif op == 2:
        at = rnd.randrange(len(data) + 1)
        data[at:at] = rnd.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\\ud800", b"\xed\xa0\x80"])
    elif op == 3:
        data = bytearray(b"\xef\xbb\xbf" + bytes(data))  # a BOM
    else:
        data = bytearray(bytes(data).replace(b'"', b"'", 1))
    return bytes(data)


def mutate_exchange(collection: dict[str, Any], rnd: random.Random) -> bytes:
    """A mutated copy of an exchange file (an exported ``AnnotationCollection``): one to
    four tree changes (values replaced, keys dropped, items duplicated), and now and
    then a change to the bytes."""
    data = copy.deepcopy(collection)
    for _ in range(rnd.randint(1, 4)):
        _mutate_tree(data, rnd)
    raw = json.dumps(data, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")
    if rnd.random() < 0.2:
        raw = _mutate_bytes(raw, rnd)
    return raw


# -- XML (.qdc, project.qde) -----------------------------------------------------------

XML_DECLARATIONS = [
    b'<?xml version="1.0" encoding="x-unknown-8"?>',
    b'<?xml version="1.0" encoding="utf-16"?>',
    b'<?xml version="1.0" encoding="UTF-32"?>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?>',
    b'<?xml version="1.0" encoding="cp037"?>',
    b'<?xml version="1.0" encoding=""?>',
    b'<?xml version="1.1" encoding="utf-8"?>',
    b"",
]


def _deep_codes(depth: int) -> bytes:
    guid = "{:08X}-0000-4000-8000-{:012X}"
    opens = b"".join(
        f'<Code guid="{guid.format(i, i)}" name="c{i}" isCodable="true">'.encode()
        for i in range(depth)
    )
    return opens + b"</Code>" * depth


def _replace_declaration(data: bytes, rnd: random.Random) -> bytes:
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    decl = rnd.choice(XML_DECLARATIONS)
    if b"utf-16" in decl and rnd.random() < 0.5:
        return decl.decode().encode("utf-16") + body.decode().encode("utf-16")[2:]
    return decl + body


def _attribute_value(rnd: random.Random) -> bytes:
    text = rnd.choice(
        [
            "",
            "not-a-guid",
            "{00000000-0000-0000-0000-000000000000}",
            "a/b",
            "&#0;",
            "&#xD800;",
            "&amp;&lt;",
            "x" * rnd.choice([199, 200, 201, 100_001]),
            "-1",
            "99999999999999999999",
            "1e5",
            "\u2028",
        ]
    )
    return text.encode("utf-8")


def mutate_xml(data: bytes, rnd: random.Random) -> bytes:
    """A mutated copy of an XML file we wrote (``.qdc`` or ``project.qde``)."""
    op = rnd.randrange(9)
    if op == 0:
        return _replace_declaration(data, rnd)
    if op == 1:
        at = data.find(b"<Code ")
        if at >= 0:
            return data[:at] + _deep_codes(rnd.choice([50, 200, 1000, 5000])) + data[at:]
    if op == 2:
        # An attribute's value replaced (guid, name, positions, color, isCodable...).
        starts = [i for i in range(len(data)) if data[i : i + 2] == b'="']
        if starts:
            at = rnd.choice(starts) + 2
            end = data.find(b'"', at)
            return data[:at] + _attribute_value(rnd) + data[end:]
    if op == 3:
        # An element removed, or its copy added after it (a duplicate GUID).
        starts = [i for i in range(len(data)) if data[i : i + 1] == b"<" and data[i + 1 : i + 2]]
        if starts:
            at = rnd.choice(starts)
            end = data.find(b">", at) + 1
            chunk = data[at:end]
            return data[:at] + (b"" if rnd.random() < 0.5 else chunk + chunk) + data[end:]
    if op == 4:
        return data.replace(b"<Codes>", b'<!DOCTYPE x [<!ENTITY e "boom">]><Codes>&e;', 1)
    if op == 5:
        return data.replace(
            b"</Description>",
            rnd.choice(["\x00", "\ud800", "&#1;", "\x0c"]).encode("utf-8", "surrogatepass")
            + b"</Description>",
            1,
        )
    return _mutate_bytes(data, rnd)


# -- zip (.qdpx, .docx) ----------------------------------------------------------------

UNSUPPORTED_METHODS = [1, 6, 9, 10, 18, 19, 95, 96, 97, 98, 99]  # shrink..implode, AES...


def _patch_headers(data: bytes, rnd: random.Random, *, flag: int = 0, method: int = -1) -> bytes:
    """Set a general-purpose flag bit or the compression method in the local and
    central headers of one member."""
    out = bytearray(data)
    locals_ = [i for i in range(len(out) - 4) if out[i : i + 4] == b"PK\x03\x04"]
    centrals = [i for i in range(len(out) - 4) if out[i : i + 4] == b"PK\x01\x02"]
    if not locals_ or not centrals:
        return data
    n = rnd.randrange(min(len(locals_), len(centrals)))
    for at, flag_off in ((locals_[n], 6), (centrals[n], 8)):
        flags, meth = struct.unpack_from("<HH", out, at + flag_off)
        struct.pack_into("<HH", out, at + flag_off, flags | flag, meth if method < 0 else method)
    return bytes(out)


def zip_with(members: dict[str, bytes], *, nested_zip: bool = False) -> bytes:
    """A zip of ``members`` (deflated); optionally one member is itself a zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
        if nested_zip:
            zf.writestr("inner.zip", zip_with({"a.txt": b"a" * 1000}))
    return buf.getvalue()


def zip_bomb(name: str, size: int = 300 * 2**20) -> bytes:
    """A zip whose member ``name`` inflates to ``size`` bytes of spaces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, zf.open(name, "w") as f:
        chunk = b" " * 2**20
        for _ in range(size // len(chunk)):
            f.write(chunk)
    return buf.getvalue()


def mutate_zip(data: bytes, rnd: random.Random, xml_suffix: str = ".qde") -> bytes:
    """A mutated copy of a zip (a ``.qdpx`` we wrote, a ``.docx``): encrypted or oddly
    compressed members, a mutated XML member (the first ending in ``xml_suffix``),
    truncation, flipped bytes."""
    op = rnd.randrange(6)
    if op == 0:
        return _patch_headers(data, rnd, flag=0x1)  # "encrypted"
    if op == 1:
        return _patch_headers(data, rnd, method=rnd.choice(UNSUPPORTED_METHODS))
    if op in (2, 3):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = {i.filename: zf.read(i) for i in zf.infolist()}
        xml_names = [n for n in members if n.endswith(xml_suffix)]
        if xml_names:
            name = xml_names[0]
            members[name] = mutate_xml(members[name], rnd)
        if op == 3 and members:
            victim = rnd.choice(list(members))
            members[victim] = rnd.choice([b"\x00" * 10, b"\xff\xfe\xfd", b""])
        return zip_with(members, nested_zip=rnd.random() < 0.2)
    return _mutate_bytes(data, rnd)


# -- documents ------------------------------------------------------------------------

HOSTILE_BYTES = [
    b"\x00",
    b"\x00" * 50,
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # a surrogate, UTF-8 encoded (invalid)
    b"\xef\xbb\xbf",  # a BOM in the middle
    b"\xff\xfe",
    b"\x1b[31m\x07\x08",
    b"\r",
    b"\x0c",
    "\u2028\u202e\ufeff\U0001f30e".encode(),
    b"&#0;&#xD800;&#x110000;&amp",
    b"<",
    b"]]>",
]


def hostile_text(base: bytes, rnd: random.Random) -> bytes:
    """``base`` with hostile bytes (NUL, invalid UTF-8, controls, stray markup) put in
    at a few places, sometimes cut short or repeated into one long line."""
    data = bytearray(base)
    for _ in range(rnd.randint(1, 6)):
        at = rnd.randrange(len(data) + 1)
        data[at:at] = rnd.choice(HOSTILE_BYTES)
    if rnd.random() < 0.1:
        data = data.replace(b"\n", b" ")  # one line
    if rnd.random() < 0.1:
        del data[rnd.randrange(len(data)) :]
    return bytes(data)


def deep_html(depth: int, tag: str = "div") -> bytes:
    """An HTML document nested ``depth`` elements deep."""
    return f"<html><body>{'<' + tag + '>' * depth}deep text{'</' + tag + '>' * depth}".encode()


def mutate_pdf(data: bytes, rnd: random.Random) -> bytes:
    """A mutated copy of a PDF: flipped or cut bytes, or a hostile object patched in
    (an encryption dictionary, a deep array, an outline pointing at itself, a huge
    count, a broken stream length)."""
    op = rnd.randrange(4)
    if op == 0:
        return _mutate_bytes(data, rnd)
    patches = [
        (b"/Type /Catalog", b"/Type /Catalog /Encrypt << /Filter /Standard /V 9 >>"),
        (b"/Type /Catalog", b"/Type /Catalog /Outlines 1 0 R /PageLabels << /Nums [0 1 0 R] >>"),
        (b"/Type /Catalog", b"/Type /Catalog /X " + b"[" * 5000 + b"]" * 5000),
        (b"/Count ", b"/Count 99999999999"),
        (b"/Length ", b"/Length 999999999"),
        (b"/Length ", b"/Length -5"),
        (b"/Kids [", b"/Kids [1 0 R "),
        (b"/Contents ", b"/Contents 1 0 R /Foo "),
    ]
    old, new = rnd.choice(patches)
    return data.replace(old, new, 1) if old in data else _mutate_bytes(data, rnd)
