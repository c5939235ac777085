"""Errors worded for the user: one line naming the cause and the file, wherever the error happened.

A Spark task that fails reaches the driver as `PythonException: An exception was thrown from the Python worker`,
with the task's traceback buried in the message. Tasks therefore raise `TaskError`, whose text carries a marker;
`runner.run_stage` finds the marked line in whatever Spark raised and fails the stage with `StageFailed` and that
line (the traceback stays available under `-v`). Driver-side I/O errors get the same wording.
"""

from __future__ import annotations

import errno
import os
import re
from contextlib import contextmanager
from typing import Iterator

_MARKER = "lemur-data task error: "
_MARKED = re.compile(re.escape(_MARKER) + r"(.+)")
_ERRNO_IN_TEXT = re.compile(r"errno (\d+)", re.IGNORECASE)
# str(OSError) of Python's own I/O, as it appears in a task's traceback: "[Errno 28] No space left on device: '/x'"
_OS_ERROR_LINE = re.compile(r"\[Errno (\d+)\] [^\n]*?: '([^'\n]+)'")
_OUTPUT_CAUSES = {
    errno.ENOSPC: "no space left on device while writing {}",
    errno.EDQUOT: "disk quota exceeded while writing {}",
    errno.EROFS: "output is read-only: {}",
    errno.EACCES: "permission denied: {}",
    errno.EPERM: "permission denied: {}",
}


class TaskError(RuntimeError):
    """An error inside a Spark task, worded for the user (cause and file)."""

    def __init__(self, message: str) -> None:
        super().__init__(_MARKER + message)


class StageFailed(RuntimeError):
    """A stage failed for a reason the user can act on; the message is one line naming the stage, cause and file."""


def task_message(exc: BaseException) -> str | None:
    """The user-facing line of a `TaskError` raised in a task, found in the text of what Spark raised; failing
    that, of the last Python OSError naming a file in the task's traceback."""
    text = str(exc)
    found = _MARKED.search(text)
    if found:
        return found.group(1).strip()
    os_errors = _OS_ERROR_LINE.findall(text)
    if os_errors:
        code, path = os_errors[-1]
        return describe_os_error(OSError(int(code), os.strerror(int(code))), path)
    return None


def os_error_code(exc: OSError) -> int | None:
    """The errno of an OSError, also when pyarrow only spells it in the message ("[errno 28] ...")."""
    if exc.errno:
        return exc.errno
    found = _ERRNO_IN_TEXT.search(str(exc))
    return int(found.group(1)) if found else None


def describe_os_error(exc: OSError, uri: str) -> str:
    """One line for a failed file operation: the cause in words and the file."""
    code = os_error_code(exc)
    template = _OUTPUT_CAUSES.get(code) if code is not None else None
    if template:
        return template.format(uri)
    return f"{os.strerror(code) if code else str(exc).splitlines()[0]}: {uri}"


@contextmanager
def writing(uri: str, *temporary: str) -> Iterator[None]:
    """Around a task's write of `uri`: on an OSError, remove the `temporary` files and raise a `TaskError` naming
    the cause and `uri`; on any other failure, remove them too (a failed task leaves no partial file behind)."""
    try:
        yield
    except OSError as exc:
        remove_quietly(*temporary)
        raise TaskError(describe_os_error(exc, uri)) from exc
    except BaseException:
        remove_quietly(*temporary)
        raise


def remove_quietly(*paths: str) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass
