"""Render the application icon from resources/icons/policy-reader.svg.

    python packaging/make_icon.py

Writes, beside the SVG: ``policy-reader.png`` (256 px: window icon, Linux desktop),
``policy-reader.ico`` (Windows: 16-256 px) and ``policy-reader.icns`` (macOS:
32-1024 px). Rendering uses Qt (QSvgRenderer); the ICO and ICNS containers are
written here with PNG-compressed entries, which Windows Vista+ and macOS 10.7+ read.
Run it after editing the SVG and commit the results.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "policy-reader.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types that hold PNG data, by pixel size.
ICNS_TYPES = {32: b"ic11", 64: b"ic12", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered as a ``size`` x ``size`` PNG with transparency."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG (width/height 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file holding each PNG under its type code."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    """Write the PNG, ICO and ICNS icons; returns the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    sizes = sorted(set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(SVG, size) for size in sizes}
    outputs = {
        ICONS / "policy-reader.png": pngs[256],
        ICONS / "policy-reader.ico": ico_bytes({s: pngs[s] for s in ICO_SIZES}),
        ICONS / "policy-reader.icns": icns_bytes({s: pngs[s] for s in ICNS_TYPES}),
    }
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"{path.relative_to(ICONS.parent.parent)}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
