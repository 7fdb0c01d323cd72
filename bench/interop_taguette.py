"""Our exchange files against the real Taguette, end to end (issue 19).

    python3 -m venv /tmp/taguette-venv && /tmp/taguette-venv/bin/pip install taguette==1.5.2
    .venv/bin/python bench/interop_taguette.py --taguette-venv /tmp/taguette-venv

Without a venv holding Taguette (``--taguette-venv`` or ``$TAGUETTE_VENV``) it says so
and exits 0: Taguette is never a dependency of this project, and this is not part of
the test suite. With one, it starts Taguette headless on 127.0.0.1 with a temporary
database (``bench/taguette_server.py``), drives it over HTTP as its pages do, runs our
CLI against a temporary library (``--db``, HOME pointed at the temporary folder), and
prints as JSON what each side read of the other's files:

1. our codebook CSV (``qdc-export --csv``) through Taguette's codebook import;
   our ``.qdc`` and ``.qdpx`` offered to Taguette's codebook and project imports;
2. Taguette's codebook ``.qdc``, codebook CSV, highlights CSV and project export
   (SQLite) offered to ``qdc-import`` and ``qdpx-import``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from taguette_server import (  # noqa: E402
    Response,
    TaguetteClient,
    TaguetteServer,
    taguette_python,
    taguette_version,
)

REPO = Path(__file__).resolve().parent.parent

# Our side: a short document, tags with a hierarchy, descriptions with commas, quotes,
# accents and a leading "=" (the formula guard must not reach Taguette as data loss).
OUR_TEXT = (
    "Café policy\n\n1. Trade\n\nTrade and tariffs matter to the région.\n\n"
    "2. Culture\n\nSchools and museums keep the culture alive.\n"
)
OUR_TAGS = {
    "economy": 'Money, markets and "growth"',
    "economy/trade": "Goods, tariffs; la région",
    "culture": "=Arts and heritage",
}

# Their side: an HTML document (Taguette converts other formats with Calibre, which a
# bare venv lacks), with multi-byte characters before the highlights, since Taguette
# counts highlight offsets in UTF-8 bytes of the text.
THEIR_PARAGRAPHS = ["Café crème — première partie.", "Schools teach the young.", "Trade is vital."]
THEIR_TAGS = {"culture/education": "Schools and teaching", "economy": "Markets, trade"}
THEIR_HIGHLIGHTS = [("Schools teach", ["culture/education"]), ("Trade is vital", ["economy"])]


class Ours:
    """Our CLI on a temporary library."""

    def __init__(self, tmp: Path) -> None:
        self.tmp, self.db = tmp, tmp / "library.db"
        self.env = {**os.environ, "HOME": str(tmp), "XDG_DATA_HOME": str(tmp / "data")}
        self.env.pop("POLICY_READER_DB", None)
        self.env.pop("POLICY_READER_AUTHOR", None)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, str(REPO / "main.py"), "--db", str(self.db), *args]
        return subprocess.run(cmd, capture_output=True, text=True, env=self.env, cwd=self.tmp)

    def ok(self, *args: str) -> str:
        r = self.run(*args)
        if r.returncode:
            raise RuntimeError(f"{' '.join(args)}: {r.stderr.strip()}")
        return r.stdout

    def tags(self) -> dict[str, str]:
        """Every tag path with its description."""
        out: dict[str, str] = {}

        def walk(nodes: list[dict]) -> None:
            for n in nodes:
                out[n["path"]] = n["description"]
                walk(n["children"])

        walk(json.loads(self.ok("tags", "--json")))
        return out


def outcome(r: subprocess.CompletedProcess[str]) -> str:
    """Exit code and the first line said."""
    line = (r.stdout.strip() or r.stderr.strip()).splitlines()
    return f"exit {r.returncode}: {line[0] if line else ''}"


def our_files(ours: Ours) -> dict[str, Path]:
    """Build our small library and export its codebook (CSV, .qdc) and project."""
    src = ours.tmp / "policy.txt"
    src.write_text(OUR_TEXT, encoding="utf-8")
    ours.ok("import", str(src))
    ours.ok("annotate", "Café", "--quote", "Trade and tariffs", "--tag", "economy/trade",
            "--note", "Tariffs, « verbatim »", "--author", "Ana")  # fmt: skip
    ours.ok("annotate", "Café", "--quote", "museums", "--tag", "culture", "--author", "Ben")
    for path, text in OUR_TAGS.items():
        ours.ok("describe-tag", path, text)
    files = {"csv": ours.tmp / "ours.csv", "qdc": ours.tmp / "ours.qdc"}
    ours.ok("qdc-export", "--csv", "-o", str(files["csv"]))
    ours.ok("qdc-export", "-o", str(files["qdc"]))
    files["qdpx"] = ours.tmp / "ours.qdpx"
    ours.ok("qdpx-export", "-o", str(files["qdpx"]))
    return files


def check_ours_into_taguette(tg: TaguetteClient, files: dict[str, Path]) -> dict:
    """Point 1 and 3: what Taguette makes of our codebook CSV, .qdc and .qdpx."""
    result: dict = {}
    project = tg.new_project("from Policy Reader")
    r = tg.import_codebook(project, "ours.csv", files["csv"].read_bytes())
    exported = tg.get(f"/project/{project}/export/codebook.csv").text
    got = {row["tag"]: row["description"] for row in csv.DictReader(io.StringIO(exported))}
    result["codebook_csv"] = {
        "http": r.status,
        "arrived_as_written": sorted(p for p, d in OUR_TAGS.items() if got.get(p) == d),
        "arrived_changed": {p: got[p] for p, d in OUR_TAGS.items() if p in got and got[p] != d},
        "missing": sorted(p for p in OUR_TAGS if p not in got),
        "taguettes_own": sorted(p for p in got if p not in OUR_TAGS),  # a new project's
    }
    other = tg.new_project("qdc attempt")
    r = tg.import_codebook(other, "ours.qdc", files["qdc"].read_bytes())
    result["codebook_qdc"] = {"http": r.status, "said": _alert(r.text)}
    r = tg.post_form("/api/import", [], {"file": ("ours.qdpx", files["qdpx"].read_bytes())})
    result["project_qdpx"] = {"http": r.status, "said": _said(r)}
    return result


def their_files(tg: TaguetteClient, tmp: Path) -> dict[str, Path]:
    """A Taguette project with nested tags and highlights; its exports."""
    project = tg.new_project("from Taguette")
    ids = {}
    for path, text in THEIR_TAGS.items():
        ids[path] = tg.post_json(f"/api/project/{project}/tag/new",
                                 {"path": path, "description": text}).json()["id"]  # fmt: skip
    html = "".join(f"<p>{p}</p>" for p in THEIR_PARAGRAPHS).encode()
    r = tg.post_form(f"/api/project/{project}/document/new",
                     [("name", "Café doc"), ("description", "")],
                     {"file": ("cafe.html", html)})  # fmt: skip
    doc = r.json()["created"]
    text = "".join(THEIR_PARAGRAPHS)  # the text nodes, as Taguette counts them
    for quote, tags in THEIR_HIGHLIGHTS:
        start = len(text[: text.index(quote)].encode())
        end = start + len(quote.encode())
        tg.post_json(f"/api/project/{project}/document/{doc}/highlight/new",
                     {"start_offset": start, "end_offset": end,
                      "tags": [ids[t] for t in tags]})  # fmt: skip
    files = {}
    for key, url in (
        ("qdc", "codebook.qdc"),
        ("codebook_csv", "codebook.csv"),
        ("highlights_csv", "highlights/.csv"),
        ("parent_highlights_csv", "highlights/culture.csv"),  # a parent's: its sub-tags'?
        ("sqlite3", "project.sqlite3"),
    ):
        files[key] = tmp / f"taguette-{url.replace('/', '-')}"
        files[key].write_bytes(tg.get(f"/project/{project}/export/{url}").body)
    return files


def check_taguette_into_ours(ours: Ours, files: dict[str, Path]) -> dict:
    """Point 2: what our imports make of Taguette's files."""
    result: dict = {}
    before = ours.tags()
    r = ours.run("qdc-import", str(files["qdc"]), "--json")
    after = ours.tags()
    result["codebook_qdc"] = {
        "outcome": f"exit {r.returncode}",
        "report": json.loads(r.stdout) if r.returncode == 0 else r.stderr.strip(),
        "new_tags": {p: d for p, d in after.items() if p not in before},
        "nested": all(p in after for p in THEIR_TAGS),
        "descriptions_arrived": all(after.get(p) == d for p, d in THEIR_TAGS.items()),
    }
    r = ours.run("qdc-import", str(files["codebook_csv"]))
    after = ours.tags()
    result["codebook_csv"] = {
        "outcome": outcome(r),
        "nested": all(p in after for p in THEIR_TAGS),
        "descriptions_arrived": all(after.get(p) == d for p, d in THEIR_TAGS.items()),
    }
    rows = list(csv.DictReader(io.StringIO(files["highlights_csv"].read_text("utf-8"))))
    result["highlights_csv"] = {
        "columns": list(rows[0]) if rows else [],
        "rows": [[r["document"], r["tag"], r["content"]] for r in rows],
        "outcome": "no importer of ours takes it (no offsets, no authors in it)",
        # Taguette shows the intended words only if its offsets are UTF-8 bytes:
        "byte_offsets_confirmed": [r["content"] for r in rows] == [q for q, _ in THEIR_HIGHLIGHTS],
    }
    parent = list(csv.DictReader(io.StringIO(files["parent_highlights_csv"].read_text("utf-8"))))
    result["parent_tag_includes_sub_tags"] = [r["content"] for r in parent] == ["Schools teach"]
    docs_before = len(json.loads(ours.ok("docs", "--json")))
    r = ours.run("qdpx-import", str(files["sqlite3"]))
    docs_after = len(json.loads(ours.ok("docs", "--json")))
    result["project_sqlite3"] = {"outcome": outcome(r), "documents_added": docs_after - docs_before}
    return result


def _alert(html: str) -> str:
    """The error Taguette's page shows."""
    m = re.search(r'class="alert alert-danger"[^>]*>\s*([^<]+)', html)
    return unescape(m.group(1).strip()) if m else ""


def _said(r: Response) -> str:
    """The error an API call answered with."""
    try:
        return str(r.json().get("error", ""))
    except ValueError:
        return r.text[:120]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--taguette-venv", default=os.environ.get("TAGUETTE_VENV", ""))
    args = ap.parse_args()
    python = taguette_python(Path(args.taguette_venv)) if args.taguette_venv else None
    if python is None:
        print("skipped: no venv with Taguette (--taguette-venv or $TAGUETTE_VENV)")
        return 0
    with tempfile.TemporaryDirectory(prefix="interop-taguette-") as name:
        tmp = Path(name)
        ours = Ours(tmp)
        mine = our_files(ours)
        with TaguetteServer(python, tmp) as server:
            tg = TaguetteClient(server)
            results = {"taguette": taguette_version(python)}
            results["ours_into_taguette"] = check_ours_into_taguette(tg, mine)
            theirs = their_files(tg, tmp)
        results["taguette_into_ours"] = check_taguette_into_ours(ours, theirs)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
