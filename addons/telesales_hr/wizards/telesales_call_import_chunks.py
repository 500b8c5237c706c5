# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows converted in chunks, optionally in a parser thread (pure Python:
no environment, no database)."""

import threading
from queue import Full, Queue

from ..models.telesales_call_row_values import RowError

CHUNK_ROWS = 50_000  # rows per COPY: memory stays flat whatever the file size
MAX_ERRORS = 1000  # bad rows remembered (all of them are counted)

# JSON values a record may hold (str() of them is what a CSV cell would be)
SCALARS = (str, int, float, bool, type(None))


class BadRecord:
    """A JSON record refused before conversion; ``message`` says why."""

    __slots__ = ("message",)

    def __init__(self, message):
        self.message = message


class Parsed:
    """What the parser saw: rows read, bad rows (the first MAX_ERRORS kept
    with their row number, to be described)."""

    def __init__(self):
        self.total = 0
        self.bad_rows = 0
        self.bad = []


def parse_chunks(rows, convert, first_row, parsed):
    """Lists of COPY lines of up to CHUNK_ROWS good rows; once a row is bad,
    only counts (nothing more will be loaded). Pure Python: no environment."""
    lines = []
    for row_no, row in enumerate(rows, start=first_row):
        if not row and row is not None:
            continue  # a blank line
        parsed.total += 1
        try:
            if row is None or isinstance(row, BadRecord):
                raise RowError
            line = convert(row, row_no)
        except RowError:
            parsed.bad_rows += 1
            if len(parsed.bad) < MAX_ERRORS:
                parsed.bad.append((row_no, row))
            continue
        if parsed.bad_rows:
            continue
        lines.append(line)
        if len(lines) == CHUNK_ROWS:
            yield lines
            lines = []
    if lines and not parsed.bad_rows:
        yield lines


_DONE = object()


def in_thread(chunks, depth=2):
    """Iterate ``chunks`` produced by a parser thread, up to ``depth`` ahead.
    An exception of the parser (unreadable file) is raised here; if the
    consumer stops early the parser is told to stop."""
    queue = Queue(maxsize=depth)
    stop = threading.Event()
    failure = []

    def produce():
        try:
            for chunk in chunks:
                while not stop.is_set():
                    try:
                        queue.put(chunk, timeout=0.5)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
        except Exception as error:  # noqa: BLE001 - re-raised by the consumer
            failure.append(error)
        finally:
            while not stop.is_set():
                try:
                    queue.put(_DONE, timeout=0.5)
                    break
                except Full:
                    continue

    thread = threading.Thread(target=produce, name="telesales-call-parser", daemon=True)
    thread.start()
    try:
        while (chunk := queue.get()) is not _DONE:
            yield chunk
    finally:
        stop.set()
        thread.join()
    if failure:
        raise failure[0]
