"""A build step run beside the one in progress, in a forked copy of the build process.

mkdocs-static-i18n builds the default language and then, inside that build's
on_post_build, every other language, one after the other. The languages' builds
need nothing from each other's pages, so on a machine with two cores the English
build can run in a copy of the process while the Dutch one goes on
(dom_site.plugins.languages decides when and what). A fork, not a new
`mkdocs build`: the copy starts with everything the build has read and checked so
far (the config, the rules' result, git's dates), as the nested build would.

What the copy does is kept until the build that waits for it says otherwise, so
that the result is what one build after the other gives:

- it builds into a folder of its own, which merge() moves into the site;
- what it prints goes to two files, and what it appends to a file named by an
  environment variable (`appended`: the pull request's list of problems) to one of its
  own. finish() prints and appends them after the waiting build's own output (the
  order of one build after the other); stop() drops them, because one build after the
  other never starts the second build after the first failed, and a mistake both
  builds meet is said once;
- it says how it ended through a pipe: nothing when it succeeded, else the message
  its build stopped with.

The copy never returns into the caller (the MkDocs command line, a test run): it
ends with os._exit, a Ctrl-C or SIGTERM ends it at once (no Python handler runs in
it), and it ends when the process it was copied from ends (Linux' parent-death
signal), so a build stopped from outside leaves no copy building on.

Only where a fork is safe: on Linux, with one thread (a fork copies only the
thread that calls it, so a lock another thread held would stay locked in the copy),
and with a second core to run on. Everywhere else the caller builds one after the
other, as static-i18n does.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import select
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from mkdocs.exceptions import MkDocsException

# A language's build takes seconds; this only ends a copy that hangs.
TIMEOUT_SECONDS = 600
GRACE_SECONDS = 5
PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when its parent ends
ENDING = {signal.SIGINT, signal.SIGTERM}


def possible() -> bool:
    """True where a forked copy of this process can safely build beside it."""
    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and len(os.sched_getaffinity(0)) > 1)


@dataclass
class Copy:
    pid: int
    pipe: int  # read end: the copy writes how its build ended, then exits
    folder: Path  # where the copy builds
    out: IO[bytes]  # what it printed, kept until finish() or stop()
    err: IO[bytes]
    appended: list[tuple[Path, Path]]  # (kept, target): what it appended, kept likewise


def _kept(folder: Path, number: int) -> Path:
    """Beside the folder, so that the next build's sweep of a killed one's leftovers takes it too."""
    return folder.with_name(f"{folder.name}.{number}.kept")


def start(work: Callable[[], None], folder: Path, appended: Mapping[str, Path] | None = None) -> Copy:
    """Run work() in a forked copy of this process; folder is where it writes.

    appended: environment variables naming files the copy appends to, and those files."""
    redirected = [(name, _kept(folder, number), target)
                  for number, (name, target) in enumerate((appended or {}).items())]
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    read_end, write_end = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    # No Ctrl-C between the fork and the copy's own signal settings: a KeyboardInterrupt
    # raised in the copy there could carry it back into the caller's code.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING)
    try:
        pid = os.fork()
    except BaseException:  # no copy (no memory, too many processes): nothing of it stays open
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        for handle in (read_end, write_end):
            os.close(handle)
        out.close()
        err.close()
        raise
    if pid:
        os.close(write_end)
        copy = Copy(pid, read_end, folder, out, err, [(kept, target) for _, kept, target in redirected])
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a pending Ctrl-C arrives here, with the copy known
        return copy
    code, message = 1, "de bouw naast deze stopte (English: the build beside this one stopped)"
    try:
        for number in ENDING:
            signal.signal(number, signal.SIG_DFL)
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # it ended before the line above took effect
            os._exit(1)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        os.close(read_end)
        for name, kept, _ in redirected:
            os.environ[name] = str(kept)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        work()
        code, message = 0, ""
    except MkDocsException as error:  # the build has said why; the message is MkDocs' last line
        message = str(error) or type(error).__name__
    except BaseException as error:  # a bug: its traceback, and the build waiting stops too
        print("".join(traceback.format_exception(error)), file=sys.stderr)
        message = f"{type(error).__name__}: {error}"
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
            data = message.encode("utf-8")
            while data:  # a long message may take more than one write
                data = data[os.write(write_end, data):]
            os.close(write_end)
        os._exit(code)


def finish(copy: Copy, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """Wait for the copy and print what it printed; None when its build succeeded,
    else the message it stopped with.

    A copy that failed or was stopped has its folder removed; one that succeeded leaves
    it for merge()."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    stopped = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([copy.pipe], [], [], left)[0]:
                _end(copy)
                stopped = True
                break
            chunk = os.read(copy.pipe, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        with contextlib.suppress(OSError):
            os.close(copy.pipe)
    status = 0 if stopped else os.waitpid(copy.pid, 0)[1]
    _replay(copy)
    if stopped:
        return (f"de bouw naast deze is na {timeout:g} seconden gestopt — draai de bouw opnieuw; "
                f"blijft hij hangen, meld het dan (English: the build beside this one was stopped after "
                f"{timeout:g} seconds — build again; if it keeps hanging, report it)")
    message = b"".join(chunks).decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) == 0 and not message:
        return None
    shutil.rmtree(copy.folder, ignore_errors=True)
    return message or ("de bouw naast deze stopte onverwacht "
                       f"(English: the build beside this one ended unexpectedly, status {status})")


def _replay(copy: Copy) -> None:
    """What the copy printed and appended, now, after this process' own (one build after the other)."""
    for kept, stream in ((copy.out, sys.stdout), (copy.err, sys.stderr)):
        kept.seek(0)
        text = kept.read().decode("utf-8", "replace")
        kept.close()
        if text:
            stream.write(text)
            stream.flush()
    for kept_file, target in copy.appended:
        if kept_file.exists():
            with target.open("ab") as out:
                out.write(kept_file.read_bytes())
            kept_file.unlink()


def stop(copy: Copy) -> None:
    """End the copy (the build it runs beside has failed) and drop what it wrote and printed."""
    _end(copy)
    with contextlib.suppress(OSError):
        os.close(copy.pipe)
    copy.out.close()
    copy.err.close()
    for kept_file, _ in copy.appended:
        kept_file.unlink(missing_ok=True)


def _end(copy: Copy) -> None:
    """SIGTERM, a short grace, SIGKILL; then the copy's folder goes. The pipe is the caller's to close."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(copy.pid, signal.SIGTERM)
    deadline, ended = time.monotonic() + GRACE_SECONDS, False
    while not ended and time.monotonic() < deadline:
        try:
            ended = os.waitpid(copy.pid, os.WNOHANG)[0] != 0
        except ChildProcessError:
            ended = True
        if not ended:
            time.sleep(0.02)
    if not ended:
        with contextlib.suppress(ProcessLookupError):
            os.kill(copy.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(copy.pid, 0)
    shutil.rmtree(copy.folder, ignore_errors=True)


def merge(source: Path, target: Path) -> None:
    """Move everything in source into target; a file of source replaces one of the same name.

    The same result as if source's build had written into target after target's own,
    which is what static-i18n's builds one after the other do."""
    for entry in os.scandir(source):
        destination = target / entry.name
        if entry.is_dir(follow_symlinks=False) and destination.is_dir():
            merge(Path(entry.path), destination)
        else:
            if destination.is_dir() and not destination.is_symlink():
                shutil.rmtree(destination)
            os.replace(entry.path, destination)
    source.rmdir()
