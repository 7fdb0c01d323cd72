"""Build the self-contained Policy Reader binary for this platform with PyInstaller.

    python packaging/build.py              # one folder: dist/policy-reader/
    python packaging/build.py --onefile    # one file:   dist/onefile/policy-reader
    python packaging/build.py --dry-run    # print what would be built, build nothing
    python packaging/build.py --archive    # also pack the folder as dist/*.tar.gz (.zip)

After building it prints the figures (size, start to shown window, compared with
``python main.py``) against the targets. ``--strict`` makes a missed size target an
error (start-up times are reported, never enforced: they depend on the machine).
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "policy-reader.spec"
sys.path.insert(0, str(HERE))

import bundle_policy as policy  # noqa: E402
import measure  # noqa: E402

# Targets from the packaging issue (Linux one-folder build); 130 MB since PDFium reads
# PDF layout (issue 14: the binary may grow to 130 MB for correct reading).
TARGET_ONEDIR_MB = 130
TARGET_START_S = 0.5


def binary_path(onefile: bool, dist: Path = ROOT / "dist") -> Path:
    """Where the build puts the executable."""
    exe = policy.APP_NAME + (".exe" if sys.platform == "win32" else "")
    return dist / "onefile" / exe if onefile else dist / policy.APP_NAME / exe


def pyinstaller_command(onefile: bool) -> list[str]:
    """The PyInstaller call for the spec (build and dist folders under the repo)."""
    kind = "onefile" if onefile else "onedir"
    dist = ROOT / "dist" / ("onefile" if onefile else "")
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(ROOT / "build" / kind),
        str(SPEC),
    ]
    return cmd + (["--", "--onefile"] if onefile else [])


def add_linux_extras(folder: Path) -> None:
    """Put the desktop entry and the per-user installer beside the Linux executable."""
    for name in ("policy-reader.desktop", "install.sh"):
        shutil.copy2(HERE / "linux" / name, folder / name)


def make_archive(folder: Path) -> Path:
    """Pack the one-folder build for download: .tar.gz on Linux and macOS, .zip on Windows."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = folder.parent / f"{policy.APP_NAME}-{version}-{system}-{platform.machine().lower()}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, folder.parent, folder.name))


def check_sources() -> list[str]:
    """Problems that would make the build incomplete (missing spec or resources)."""
    problems = []
    if not SPEC.is_file():
        problems.append(f"missing {SPEC}")
    for src, _dest in policy.DATA_DIRS:
        if not (ROOT / src).is_dir():
            problems.append(f"missing data folder {ROOT / src}")
    if not (ROOT / "resources" / "guide.md").is_file():
        problems.append("missing resources/guide.md (the built-in guide)")
    return problems


def missing_tools() -> list[str]:
    """Problems with the tools PyInstaller calls (Linux: binutils)."""
    if importlib.util.find_spec("PyInstaller") is None:
        return ['PyInstaller is not installed in this environment: pip install -e ".[build]"']
    if sys.platform.startswith("linux"):
        return [
            f"PyInstaller needs {tool}: apt-get install binutils"
            for tool in ("objcopy", "strip")
            if shutil.which(tool) is None
        ]
    return []


def describe() -> str:
    """What the build includes and leaves out (for --dry-run)."""
    kept = ", ".join(
        f"{kind} ({'all' if names is None else ', '.join(sorted(names))})"
        for kind, names in policy.KEPT_QT_PLUGINS.items()
    )
    data = ", ".join(f"{src} -> {dest}" for src, dest in policy.DATA_DIRS)
    return "\n".join(
        [
            f"spec: {SPEC.relative_to(ROOT)}",
            f"data: {data}",
            f"excluded modules: {', '.join(policy.EXCLUDED_MODULES)}",
            f"Qt plugins kept: {kept}",
            "Qt translations: none",
        ]
    )


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(onefile: bool, runs: int) -> bool:
    """Print size and start-up figures for the build; returns whether the size target holds."""
    exe = binary_path(onefile)
    built = exe if onefile else exe.parent
    size_mb = measure.tree_size(built) / measure.MB
    size_ok = True
    if onefile:
        print(f"size: {size_mb:.1f} MB (one file; no target)")
    else:
        size_ok = size_mb <= TARGET_ONEDIR_MB or not sys.platform.startswith("linux")
        print(
            f"size: {size_mb:.1f} MB, target <= {TARGET_ONEDIR_MB} MB on Linux: {_verdict(size_ok)}"
        )
    if runs <= 0:
        return size_ok
    shown = measure.time_to_shown([str(exe)], runs)
    source = measure.time_to_shown([sys.executable, str(ROOT / "main.py")], runs)
    target = (
        "no target"
        if onefile
        else (f"target <= {TARGET_START_S} s: {_verdict(shown <= TARGET_START_S)}")
    )
    print(
        f"start to shown window: {shown:.2f} s (median of {runs}; {target}); "
        f"python main.py: {source:.2f} s"
    )
    shot = measure.time_screenshot([str(exe)], max(1, runs // 2))
    print(f"--screenshot run (start, render the guide, save, exit): {shot:.2f} s")
    return size_ok


def _fail(problems: list[str]) -> int:
    print("\n".join(f"error: {p}" for p in problems), file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Build (or describe) the binary; returns the exit code."""
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--onefile", action="store_true", help="one self-extracting file")
    parser.add_argument("--dry-run", action="store_true", help="describe the build, build nothing")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs to time (0: none)")
    parser.add_argument("--clean", action="store_true", help="remove the previous build first")
    parser.add_argument("--archive", action="store_true", help="pack the folder for download")
    parser.add_argument("--strict", action="store_true", help="fail when the size target is missed")
    opts = parser.parse_args(argv)

    problems = check_sources()
    if problems:
        return _fail(problems)
    cmd = pyinstaller_command(opts.onefile)
    if opts.dry_run:
        print(describe())
        print("command: " + " ".join(cmd))
        return 0
    problems = missing_tools()
    if problems:
        return _fail(problems)
    if opts.clean:
        kind = "onefile" if opts.onefile else "onedir"
        shutil.rmtree(ROOT / "build" / kind, ignore_errors=True)
        shutil.rmtree(binary_path(opts.onefile).parent, ignore_errors=True)
    print("+ " + " ".join(cmd), flush=True)
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        print("error: PyInstaller failed", file=sys.stderr)
        return 1
    exe = binary_path(opts.onefile)
    if sys.platform.startswith("linux") and not opts.onefile:
        add_linux_extras(exe.parent)
    print(f"built: {exe.relative_to(ROOT)}")
    size_ok = report(opts.onefile, opts.runs)
    if opts.archive and not opts.onefile:
        archive = make_archive(exe.parent)
        size = archive.stat().st_size / measure.MB
        print(f"archive: {archive.relative_to(ROOT)} ({size:.1f} MB to download)")
    return 1 if opts.strict and not size_ok else 0


if __name__ == "__main__":
    sys.exit(main())
