"""Sync a team folder that is a git work tree: pull, merge, write, commit, push.

The steps alternate between the library (merging, writing your file: the thread that
owns the library) and git (pulling, committing, pushing: any thread, so the app can keep
its window alive while the network is slow). :meth:`GitSync.run` runs them in order for
the command line; the app runs the same steps, git's in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.team.git import GitError, GitRepo, Transfer
from reader.core.team.layout import DOCUMENTS_DIR
from reader.core.team.merge import FileMerge
from reader.core.team.session import CheckReport, TeamSession


@dataclass
class SyncReport:
    """What came in and what went out."""

    remote: str | None = None
    incoming: Transfer = field(default_factory=Transfer)
    outgoing: Transfer = field(default_factory=Transfer)
    merged: FileMerge = field(default_factory=FileMerge)
    skipped: dict[str, str] = field(default_factory=dict)
    committed: bool = False

    def add_check(self, check: CheckReport) -> None:
        """Count a look at the folder in."""
        self.merged.add(check.total())
        self.skipped.update(check.skipped)

    def lines(self) -> list[str]:
        """The report, one line each for what came in and what went out."""
        if self.remote is None:
            head = (
                "no remote: your changes are committed here only"
                if self.committed
                else ("no remote: nothing to send")
            )
            out = [head]
        else:
            came = self.incoming
            names = ", ".join(came.files[:5]) + (" …" if len(came.files) > 5 else "")
            out = [
                f"in from {self.remote}: {came.commits} commit(s)"
                + (f" ({names})" if came.files else "")
                + f"; merged: {self.merged.summary()}",
                f"out to {self.remote}: {self.outgoing.commits} commit(s)"
                + (f" ({', '.join(self.outgoing.files)})" if self.outgoing.files else ""),
            ]
        out.extend(f"skipped {name}: {why}" for name, why in self.skipped.items())
        return out


class GitSync:
    """One sync of ``session``'s folder (a git work tree)."""

    def __init__(self, session: TeamSession) -> None:
        self.session = session
        self.repo = GitRepo(session.folder.root, session.config.author)
        self.report = SyncReport()
        # Only your file and the source files you shared: never a teammate's file.
        self._paths = [str(session.mine.relative_to(session.folder.root)), DOCUMENTS_DIR]

    # --- library steps (the library's thread) -----------------------------------
    def merge(self) -> None:
        """Merge what the folder holds and write your file."""
        self.report.add_check(self.session.check())
        self.session.write_mine()

    # --- git steps (any thread) -----------------------------------------------------
    def _commit(self) -> None:
        message = f"Annotations of {self.session.config.author} (Policy Reader)"
        self.report.committed |= self.repo.commit(self._paths, message)

    def pull(self) -> None:
        """Commit your file, then ``git pull --rebase``."""
        self._commit()
        self.report.remote = self.repo.remote()
        came = self.repo.pull()
        self.report.incoming.commits += came.commits
        self.report.incoming.files.extend(
            f for f in came.files if f not in self.report.incoming.files
        )

    def push(self) -> bool:
        """Commit your file and push; False when the remote moved on meanwhile (pull,
        merge and push again)."""
        self._commit()
        went = self.repo.push()
        if went is None:
            return False
        self.report.outgoing = went
        return True

    def run(self, attempts: int = 2) -> SyncReport:
        """Every step in order, in this thread; a push refused because a teammate pushed
        meanwhile is tried again after another pull (``attempts`` in all)."""
        self.merge()
        for _ in range(attempts):
            self.pull()
            self.merge()
            if self.push():
                return self.report
        raise GitError(
            f"Sync: {self.report.remote} kept refusing the push (teammates pushing at the "
            "same time); nothing was lost: Sync again"
        )
