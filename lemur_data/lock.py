"""One run at a time per output root: `<output>/_lemur.lock`, held while a stage clears, computes and commits.

The lock file says who holds it (host, pid, start time, command, run id), so a second run refuses with a message
naming the first. A lock whose process is gone from this host (killed run) is stale: it is replaced, with a
warning. A lock held from another host is never taken over; the message says which file to delete once that run
is known to be gone.

Local file systems: created with O_CREAT | O_EXCL, so two runs cannot both take it. S3 has no such primitive
through pyarrow's filesystem (conditional writes, If-None-Match, are not exposed): the lock object is written when
absent and read back, so a second run that starts while the first holds the lock refuses, but two runs starting
within the same round trip can both proceed. Run one scheduler per S3 output root (the Airflow DAG does).
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import socket
import sys
import uuid
from dataclasses import dataclass
from typing import Any

from lemur_data import errors, manifest, storage
from lemur_data.config import ConfigError

log = logging.getLogger(__name__)

LOCK_NAME = "_lemur.lock"


class OutputBusy(ConfigError):
    """Another run holds the output root."""


@dataclass
class OutputLock:
    """The lock of one output root, as held (or to be held) by this process."""

    store: storage.Storage
    root: str
    run_id: str
    token: str = ""

    @property
    def uri(self) -> str:
        return storage.join(self.root, LOCK_NAME)

    def acquire(self) -> None:
        self.token = uuid.uuid4().hex
        holder = {"host": socket.gethostname(), "pid": os.getpid(), "started_at": manifest.now_iso(),
                  "command": shlex.join(sys.argv), "run_id": self.run_id, "token": self.token}
        data = json.dumps(holder, indent=2).encode()
        for _ in range(2):
            if self._create(data):
                return
            other = self._holder()
            if other is None or not _is_stale(other):
                raise OutputBusy(_busy_message(self.root, self.uri, other))
            log.warning("removing the stale lock %s of pid %s on %s (no such process; a killed run?)",
                        self.uri, other.get("pid"), other.get("host"))
            self.store.delete_file(self.uri)
        raise OutputBusy(_busy_message(self.root, self.uri, self._holder()))

    def release(self) -> None:
        held = self._holder()
        if held is not None and held.get("token") == self.token:
            self.store.delete_file(self.uri)

    def _create(self, data: bytes) -> bool:
        """Write the lock if there is none; False when one exists (or another run won the race)."""
        try:
            if not storage.is_remote(self.uri):
                os.makedirs(self.root, exist_ok=True)
                fd = os.open(self.uri, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                try:
                    with os.fdopen(fd, "wb") as f:
                        f.write(data)
                except BaseException:
                    errors.remove_quietly(self.uri)  # an empty lock would block every later run
                    raise
                return True
            if self.store.exists(self.uri):
                return False
            self.store.write_bytes(self.uri, data)
        except FileExistsError:
            return False
        except OSError as exc:
            raise errors.StageFailed(errors.describe_os_error(exc, self.uri)) from exc
        held = self._holder()
        return held is not None and held.get("token") == self.token

    def _holder(self) -> dict[str, Any] | None:
        try:
            return json.loads(self.store.read_bytes(self.uri))
        except (OSError, ValueError):
            return None


def _is_stale(holder: dict[str, Any]) -> bool:
    if holder.get("host") != socket.gethostname() or not isinstance(holder.get("pid"), int):
        return False
    try:
        os.kill(holder["pid"], 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _busy_message(root: str, uri: str, holder: dict[str, Any] | None) -> str:
    if holder is None:
        return f"output {root} is locked by another lemur-data run ({uri} exists but cannot be read)"
    return (f"output {root} is in use by another lemur-data run: pid {holder.get('pid')} on {holder.get('host')}, "
            f"started {holder.get('started_at')}, run {holder.get('run_id')}, command: {holder.get('command')}. "
            f"Wait for it to finish; if it is gone, delete {uri}")
