"""The Python worker processes of a Spark application whose JVM runs on this machine, read from Linux's /proc.

Why: when Spark kills a Python task (its job failed, or was cancelled) it closes its end of the worker's socket and
asks pyspark's daemon to kill the process; the task counts as ended at once, but the process runs on until the
daemon's signal lands (a busy daemon is late) or until it next writes to the JVM, and until then it may publish a
file. `orphans` finds such processes, `kill` ends them, so that "no task is running" also holds for Python.

How an orphan is told from a pooled idle worker: the JVM closed its socket, so the worker's TCP connection to the
JVM is in CLOSE_WAIT; an idle worker's is ESTABLISHED. Where /proc is missing (macOS) or the workers talk over Unix
sockets (`spark.python.unix.domain.socket.enabled`), nothing is found and only the JVM's own bookkeeping counts.
"""

from __future__ import annotations

import os
import signal

_PROC = "/proc"
_TCP_CLOSE_WAIT = "08"  # the state column of /proc/net/tcp{,6}


def orphans(jvm_pid: int) -> list[int]:
    """Python workers forked by `jvm_pid`'s pyspark daemons whose connection to the JVM the JVM has closed."""
    parents = _parents()
    spawners = daemons(jvm_pid, parents)
    workers = [pid for pid, ppid in parents.items() if ppid in spawners]
    if not workers:
        return []
    closed = _close_wait_inodes()
    return sorted(pid for pid in workers if _socket_inodes(pid) & closed)


def daemons(jvm_pid: int, parents: dict[int, int] | None = None) -> set[int]:
    """The pyspark daemons `jvm_pid` started (one per Python executable and environment)."""
    parents = _parents() if parents is None else parents
    return {pid for pid, ppid in parents.items() if ppid == jvm_pid and b"pyspark.daemon" in _cmdline(pid)}


def kill(pids: list[int]) -> None:
    """SIGKILL, as pyspark's daemon would: the task is over, nothing of the process is wanted."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass  # already gone


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process visible now (empty without /proc)."""
    try:
        names = os.listdir(_PROC)
    except OSError:
        return {}
    parents = {}
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(os.path.join(_PROC, name, "stat"), "rb") as f:
                stat = f.read()
        except OSError:
            continue  # exited meanwhile
        # NOTE: the command name (field 2) is parenthesised and may hold spaces or ')': split after the last ')'.
        parents[int(name)] = int(stat.rsplit(b")", 1)[1].split()[1])
    return parents


def _cmdline(pid: int) -> bytes:
    try:
        with open(os.path.join(_PROC, str(pid), "cmdline"), "rb") as f:
            return f.read()
    except OSError:
        return b""


def _socket_inodes(pid: int) -> set[str]:
    fd_dir = os.path.join(_PROC, str(pid), "fd")
    inodes = set()
    try:
        fds = os.listdir(fd_dir)
    except OSError:
        return inodes
    for fd in fds:
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return inodes


def _close_wait_inodes() -> set[str]:
    inodes = set()
    for table in ("tcp", "tcp6"):
        try:
            with open(os.path.join(_PROC, "net", table)) as f:
                next(f, None)  # header
                for line in f:
                    fields = line.split()
                    if len(fields) > 9 and fields[3] == _TCP_CLOSE_WAIT:
                        inodes.add(fields[9])
        except OSError:
            continue
    return inodes
