"""Subcommands for the team folder: ``team-folder`` chooses it, ``sync`` brings it in step.

``team-folder PATH`` keeps the setting in the library file; ``sync`` merges every
teammate's file and writes yours, and when the folder is a git work tree also pulls,
commits your file as you and pushes. Problems are one line; nothing local is lost.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reader.cli.common import open_library, print_json

if TYPE_CHECKING:
    from reader.core.store import Library
    from reader.core.team import TeamSession


def _show(lib: Library) -> int:
    from reader.core.team import load_config
    from reader.core.team.git import is_work_tree

    config = load_config(lib)
    if config.folder is None:
        print("no team folder (set one with: team-folder PATH --author NAME)")
        return 0
    kind = (
        "a git work tree: sync pulls and pushes"
        if is_work_tree(config.folder)
        else ("a synced folder: sync merges and writes")
    )
    print(f"team folder: {config.folder} ({kind})")
    print(f"author: {config.author} (writes {config.layout.author_file(config.author).name})")
    automatic = "yes" if config.auto_import_documents else "no"
    print(f"teammates' documents imported automatically: {automatic}")
    return 0


def cmd_team_folder(args: argparse.Namespace) -> int:
    """Show, set or turn off the library's team folder."""
    from reader.core.team import TeamError, TeamSession, load_config, turn_off, turn_on

    with open_library(args) as lib:
        if args.off:
            turn_off(lib)
            print("team folder turned off (its files are left as they are)")
            return 0
        if args.path is None:
            return _show(lib)
        author = args.author or load_config(lib).author or _default_author()
        if not author:
            raise TeamError(
                "a team folder needs your name: give --author NAME (or set $POLICY_READER_AUTHOR)"
            )
        config = turn_on(lib, args.path, author, args.import_documents)
        session = TeamSession(lib, config)
        _report_check(session, session.check())
        written = session.write_mine()
        print(f"team folder: {config.folder}; your file: annotations/{written.path.name}")
        _report_write(written)
    return 0


def _default_author() -> str:
    from reader.core.authors import default_author

    return default_author()


def _report_check(session: TeamSession, report) -> None:  # noqa: ANN001
    for name, merged in report.merged.items():
        if merged.changed:
            print(f"merged {name}: {merged.summary()}")
    for name, why in report.skipped.items():
        print(f"skipped {name}: {why}")
    for title in report.imported:
        print(f"imported document: {title}")
    for line in report.import_errors:
        print(f"document not imported: {line}")
    missing = session.missing_documents()
    if missing:
        print(f"{len(missing)} document(s) in the team folder are not in this library "
              "(import them with: sync --import-documents):")  # fmt: skip
        for doc in missing:
            print(f"  {doc.title} ({doc.waiting} annotation(s) waiting)")


def _report_write(written) -> None:  # noqa: ANN001
    state = "wrote" if written.written else "unchanged:"
    print(f"{state} annotations/{written.path.name} ({written.annotations} annotation(s), "
          f"{written.tombstones} deletion(s))")  # fmt: skip
    for title in written.copied:
        print(f"shared the source file of {title}")
    for title in written.unknown_sources:
        print(f"source file of {title} not shared: import it again from its file to share it")


def cmd_sync(args: argparse.Namespace) -> int:
    """Merge teammates' files and write yours; in a git work tree also pull and push."""
    from reader.core.team import TeamSession, load_config
    from reader.core.team.git import is_work_tree
    from reader.core.team.sync import GitSync

    with open_library(args) as lib:
        session = TeamSession(lib, load_config(lib))
        changed = False
        if args.import_documents:
            check = session.check(import_docs=True)
            _report_check(session, check)
            changed = check.changed
        if is_work_tree(session.folder.root):
            sync = GitSync(session)
            report = sync.run()
            if args.json:
                print_json(
                    {
                        "remote": report.remote,
                        "incoming": vars(report.incoming),
                        "outgoing": vars(report.outgoing),
                        "merged": vars(report.merged),
                        "skipped": report.skipped,
                    }
                )
                return 0
            for line in report.lines():
                print(line)
            for doc in session.missing_documents():
                print(f"not in this library: {doc.title} (sync --import-documents)")
            return 0
        check = session.check()
        _report_check(session, check)
        _report_write(session.write_mine())
        if not (changed or check.changed):
            print("nothing new from teammates")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the team folder subcommands."""
    p = sub.add_parser("team-folder", help="show, set or turn off the library's team folder")
    p.add_argument("path", nargs="?", metavar="PATH", help="the folder (git, Nextcloud, ...)")
    p.add_argument("--author", metavar="NAME", help="your name (default: $POLICY_READER_AUTHOR)")
    p.add_argument(
        "--import-documents",
        action="store_true",
        help="import teammates' documents automatically when they appear",
    )
    p.add_argument("--off", action="store_true", help="stop using a team folder")
    p.set_defaults(func=cmd_team_folder)
    p = sub.add_parser("sync", help="merge the team folder and write yours (git: pull, push)")
    p.add_argument(
        "--import-documents", action="store_true", help="import teammates' documents first"
    )
    p.add_argument("--json", action="store_true", help="machine-readable report (git)")
    p.set_defaults(func=cmd_sync)
