"""The ``git`` command, run for a team folder that is a git work tree.

Git is the engine (it is installed wherever a team uses it, and knows the team's remote,
credentials and hooks); this module only runs it, never prompting (no terminal to answer
in), and turns its failures into one line that says what happened and that nothing
local was lost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.team.layout import TeamError, author_slug

NETWORK_TIMEOUT = 120  # seconds for a pull or a push
LOCAL_TIMEOUT = 30
_UNREACHABLE = (
    "could not resolve host",
    "unable to access",
    "could not read from remote",
    "does not appear to be a git repository",
    "connection refused",
    "connection timed out",
    "network is unreachable",
    "no such file or directory",
)
_REJECTED = ("[rejected]", "non-fast-forward", "fetch first", "failed to push")


class GitError(TeamError):
    """A git step failed; the message is one line for the user."""


@dataclass
class Transfer:
    """Commits and files that came in (a pull) or went out (a push)."""

    commits: int = 0
    files: list[str] = field(default_factory=list)  # relative to the team folder


def git_available() -> bool:
    """Whether the ``git`` command is installed."""
    return shutil.which("git") is not None


def is_work_tree(folder: Path) -> bool:
    """Whether ``folder`` is inside a git work tree (False when git is not installed)."""
    if not git_available() or not folder.is_dir():
        return False
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
            capture_output=True, text=True, timeout=LOCAL_TIMEOUT, env=_env(),
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and done.stdout.strip() == "true"


def _env() -> dict[str, str]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C", LANGUAGE="C")
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")  # never ask for a password
    return env


def why(stderr: str) -> str:
    """The line of git's error output that says what went wrong."""
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    for prefix in ("fatal:", "error:"):
        found = [ln for ln in lines if ln.lower().startswith(prefix)]
        if found:
            return found[0][len(prefix) :].strip()
    return lines[-1] if lines else "no message"


class GitRepo:
    """The git work tree holding a team folder, used as ``author``."""

    def __init__(self, folder: Path, author: str) -> None:
        self.folder = folder
        self.author = author
        self._who: tuple[str, str] | None = None  # git's configured user.name, user.email

    def run(
        self, *args: str, check: bool = True, timeout: int = LOCAL_TIMEOUT, author: bool = False
    ) -> subprocess.CompletedProcess[str]:
        """Run ``git -C folder ARGS``; raise :class:`GitError` on failure (with ``check``)."""
        env = _env()
        if author or args[0] in ("pull", "rebase"):  # the steps that make commits
            env.update(self._identity(as_author=author))
        cmd = ["git", "-c", "core.quotepath=off", "-C", str(self.folder), *args]
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=timeout, env=env,
                stdin=subprocess.DEVNULL,  # never wait for an answer nobody can give
            )  # fmt: skip
        except FileNotFoundError:
            raise GitError("Sync needs git, which is not installed") from None
        except subprocess.TimeoutExpired:
            raise GitError(
                f"git {args[0]} took more than {timeout} s (no network?); nothing was lost"
            ) from None
        if check and done.returncode != 0:
            raise GitError(f"git {args[0]} failed: {why(done.stderr)}")
        return done

    def _identity(self, as_author: bool) -> dict[str, str]:
        """Who commits: the author as author (``as_author``); the committer is git's
        configured user, else the author too (git refuses to commit without one)."""
        if self._who is None:
            email = self._config("user.email")
            self._who = (self._config("user.name"), email)
        name, email = self._who
        mail = email or f"{author_slug(self.author)}@policy-reader.invalid"
        env = {"GIT_AUTHOR_NAME": self.author, "GIT_AUTHOR_EMAIL": mail} if as_author else {}
        if not name or not email:
            env.update(GIT_COMMITTER_NAME=name or self.author, GIT_COMMITTER_EMAIL=mail)
        return env

    def _config(self, key: str) -> str:
        return self.run("config", "--get", key, check=False).stdout.strip()

    def _rev(self, ref: str) -> str | None:
        done = self.run("rev-parse", "-q", "--verify", f"{ref}^{{commit}}", check=False)
        return done.stdout.strip() or None

    # --- where to pull from and push to -------------------------------------------
    def branch(self) -> str:
        """The branch checked out (refuses a detached HEAD)."""
        done = self.run("symbolic-ref", "-q", "--short", "HEAD", check=False)
        if done.returncode != 0:
            raise GitError(
                "the team folder's git work tree is not on a branch (detached HEAD): "
                "check out a branch, then Sync again"
            )
        return done.stdout.strip()

    def remote(self) -> str | None:
        """The branch's remote, or the only remote; None when there is none."""
        configured = self._config(f"branch.{self.branch()}.remote")
        if configured:
            return configured
        remotes = self.run("remote").stdout.split()
        return remotes[0] if len(remotes) == 1 else ("origin" if "origin" in remotes else None)

    def remote_branch(self) -> str:
        """The branch of the remote that this one follows (the same name by default)."""
        merge = self._config(f"branch.{self.branch()}.merge")
        return merge.removeprefix("refs/heads/") if merge else self.branch()

    # --- the steps of a sync ----------------------------------------------------------
    def commit(self, paths: list[str], message: str) -> bool:
        """Stage ``paths`` (relative to the folder) and commit them as the author if they
        changed; True when a commit was made."""
        existing = [p for p in paths if (self.folder / p).exists()]
        if not existing:
            return False
        self.run("add", "-A", "--", *existing)
        staged = self.run("diff", "--cached", "--name-only", "--relative", "--", *existing)
        files = staged.stdout.splitlines()
        if not files:
            return False
        # Only these files: anything else the user staged stays as it is.
        self.run("commit", "-q", "-m", message, "--", *files, author=True)
        return True

    def _changed_files(self, old: str | None, new: str) -> list[str]:
        base = old or self.run("hash-object", "-t", "tree", "--stdin").stdout.strip()
        out = self.run("diff", "--name-only", "--relative", base, new, "--", ".").stdout
        return [line for line in out.splitlines() if line]

    def _count(self, old: str | None, new: str) -> int:
        spec = f"{old}..{new}" if old else new
        return int(self.run("rev-list", "--count", spec).stdout.strip() or 0)

    def pull(self) -> Transfer:
        """``git pull --rebase`` from the remote; what came in."""
        remote = self.remote()
        if remote is None:
            return Transfer()
        branch = self.remote_branch()
        tracking = f"refs/remotes/{remote}/{branch}"
        before = self._rev(tracking)
        done = self.run(
            "pull", "--rebase", "--autostash", "-q", remote, branch,
            check=False, timeout=NETWORK_TIMEOUT,
        )  # fmt: skip
        if done.returncode != 0:
            message = done.stderr.lower()
            if "couldn't find remote ref" in message:
                return Transfer()  # an empty remote: the first push creates the branch
            self._fail_pull(remote, done.stderr)
        after = self._rev(tracking)
        if after is None or after == before:
            return Transfer()
        return Transfer(self._count(before, after), self._changed_files(before, after))

    def _fail_pull(self, remote: str, stderr: str) -> None:
        rebasing = any(
            Path(self.folder, self.run("rev-parse", "--git-path", p).stdout.strip()).exists()
            for p in ("rebase-merge", "rebase-apply")
        )
        if rebasing:
            conflicted = self.run("diff", "--name-only", "--diff-filter=U", check=False).stdout
            files = ", ".join(conflicted.split()) or "a file"
            self.run("rebase", "--abort", check=False)
            raise GitError(
                f"Sync stopped: {files} changed both here and on {remote} (edited by hand?); "
                "nothing was lost (your work is committed here, the remote is unchanged): "
                "resolve it with git pull --rebase, then Sync again"
            )
        text = why(stderr)
        if any(marker in stderr.lower() for marker in _UNREACHABLE):
            raise GitError(
                f"Sync: cannot reach {remote} ({text}); nothing was lost: your work is "
                "committed here and goes out at the next Sync"
            )
        raise GitError(f"Sync: git pull from {remote} failed ({text}); nothing was lost")

    def push(self) -> Transfer | None:
        """Push the branch; what went out, or None when the remote refused it because it
        moved on meanwhile (pull, then push again)."""
        remote = self.remote()
        if remote is None or self._rev("HEAD") is None:
            return Transfer()
        branch = self.remote_branch()
        tracking = self._rev(f"refs/remotes/{remote}/{branch}")
        ahead = self._count(tracking, "HEAD")
        if ahead == 0:
            return Transfer()
        files = self._changed_files(tracking, "HEAD")
        upstream = [] if self._config(f"branch.{self.branch()}.merge") else ["-u"]
        done = self.run(
            "push", "-q", *upstream, remote, f"HEAD:refs/heads/{branch}",
            check=False, timeout=NETWORK_TIMEOUT,
        )  # fmt: skip
        if done.returncode == 0:
            return Transfer(ahead, files)
        if any(marker in done.stderr for marker in _REJECTED):
            return None
        text = why(done.stderr)
        if any(marker in done.stderr.lower() for marker in _UNREACHABLE):
            raise GitError(
                f"Sync: cannot reach {remote} ({text}); nothing was lost: your work is "
                "committed here and goes out at the next Sync"
            )
        raise GitError(f"Sync: git push to {remote} failed ({text}); nothing was lost")
