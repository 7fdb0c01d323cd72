"""A real Taguette server run headless for ``bench/interop_taguette.py``, and a small
HTTP client that drives it the way its web pages do.

Taguette is not a dependency of this project: it lives in a throwaway virtual
environment outside the repository (``python3 -m venv /tmp/taguette-venv &&
/tmp/taguette-venv/bin/pip install taguette==1.5.2``). The server runs single-user on
127.0.0.1 with its database in a temporary folder; the launcher turns off the one thing
Taguette does on its own at start-up besides serving, fetching news from its web site,
so the run sends nothing off this machine.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import socket
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

# Run with the Taguette venv's Python: argv = port, database, home.
LAUNCHER = """\
import sys
from taguette.web import base
base.Application.check_messages = lambda self: None  # no call to taguette.org
from taguette import main
sys.argv = ["taguette", "--no-browser", "--bind", "127.0.0.1", "--port", sys.argv[1],
            "--database", sys.argv[2]]
main.main()
"""


def taguette_python(venv: Path) -> Path | None:
    """The venv's Python when Taguette is installed in it, else None."""
    python = venv / "bin" / "python"
    if not python.exists():
        return None
    probe = subprocess.run(
        [str(python), "-c", "import taguette, sys; sys.stdout.write(taguette.__version__)"],
        capture_output=True,
        text=True,
    )
    return python if probe.returncode == 0 else None


def taguette_version(python: Path) -> str:
    """Taguette's version as the package reports it."""
    code = "import taguette, sys; sys.stdout.write(taguette.__version__)"
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True).stdout


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TaguetteServer:
    """``taguette --no-browser`` on a free loopback port, stopped on exit."""

    def __init__(self, python: Path, workdir: Path) -> None:
        self.python, self.workdir = python, workdir
        self.port = free_port()
        self.proc: subprocess.Popen[str] | None = None
        self.log = workdir / "taguette.log"
        self.join_url = ""

    def __enter__(self) -> TaguetteServer:
        launcher = self.workdir / "launch_taguette.py"
        launcher.write_text(LAUNCHER)
        home = self.workdir / "home"
        home.mkdir(exist_ok=True)
        db = self.workdir / "taguette.sqlite3"
        self.proc = subprocess.Popen(
            [str(self.python), str(launcher), str(self.port), str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        )
        found: list[str] = []
        ready = threading.Event()

        def drain() -> None:  # keeps reading so the server never blocks on its pipe
            assert self.proc is not None and self.proc.stdout is not None
            with self.log.open("w") as out:
                for line in self.proc.stdout:
                    out.write(line)
                    out.flush()
                    if m := re.search(r"http://localhost:\d+/\?token=\w+", line):
                        found.append(m.group(0))
                        ready.set()
            ready.set()

        threading.Thread(target=drain, daemon=True).start()
        ready.wait(90)
        if not found:
            self.__exit__()
            raise RuntimeError(f"Taguette did not start; see {self.log}")
        self.join_url = found[0].replace("localhost", "127.0.0.1")
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class FormInputs(HTMLParser):
    """The fields a browser would send for the first ``<form method="post">``: text
    and hidden inputs, and checkboxes that are checked."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.action = ""
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post" and not self.action:
            self.action, self._in_form = a.get("action", ""), True
        elif tag == "input" and self._in_form and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text")
            if kind == "checkbox" and "checked" not in a:
                return
            if kind in ("text", "hidden", "checkbox"):
                self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False


class Response:
    """Status, headers and body of one HTTP exchange."""

    def __init__(self, status: int, url: str, headers: dict[str, str], body: bytes) -> None:
        self.status, self.url, self.headers, self.body = status, url, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> dict:
        return json.loads(self.body)


class TaguetteClient:
    """Cookies, the XSRF token and the request shapes Taguette's pages send."""

    def __init__(self, server: TaguetteServer) -> None:
        self.base = f"http://127.0.0.1:{server.port}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.get(server.join_url.removeprefix(self.base))  # the single-user login link
        self.get("/project/new")  # a page with a form sets the _xsrf cookie

    @property
    def xsrf(self) -> str:
        return next((c.value or "" for c in self.jar if c.name == "_xsrf"), "")

    def _send(self, req: urllib.request.Request) -> Response:
        try:
            with self.opener.open(req, timeout=60) as r:
                return Response(r.status, r.url, dict(r.headers), r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, req.full_url, dict(e.headers), e.read())

    def get(self, path: str) -> Response:
        return self._send(urllib.request.Request(self.base + path))

    def post_form(
        self,
        path: str,
        fields: list[tuple[str, str]],
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> Response:
        """A form post (multipart when there are files), with the XSRF field."""
        files = files or {}
        fields = [("_xsrf", self.xsrf), *fields]
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + value.encode()
                + b"\r\n"
            )
        for name, (filename, data) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            )
            parts.append(head.encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        req = urllib.request.Request(self.base + path, data=body, method="POST")
        req.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        return self._send(req)

    def post_json(self, path: str, obj: object) -> Response:
        """An API call as Taguette's JavaScript makes it."""
        req = urllib.request.Request(self.base + path, data=json.dumps(obj).encode(), method="POST")
        req.add_header("Content-Type", "application/json")
        req.add_header("X-XSRFToken", self.xsrf)
        return self._send(req)

    def new_project(self, name: str) -> int:
        """Create a project through the New project form; its id."""
        r = self.post_form("/project/new", [("name", name), ("description", "")])
        m = re.search(r"/project/(\d+)$", r.url)
        if not m:
            raise RuntimeError(f"project not created: HTTP {r.status}")
        return int(m.group(1))

    def import_codebook(self, project: int, filename: str, data: bytes) -> Response:
        """The codebook import as a person does it: upload, then confirm the form."""
        path = f"/project/{project}/import_codebook"
        r = self.post_form(path, [], {"file": (filename, data)})
        if r.status != 200:
            return r
        form = FormInputs()
        form.feed(r.text)
        return self.post_form(path, [f for f in form.fields if f[0] != "_xsrf"])
