# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rules of a dialer export's row as plain values and functions: the
columns a mapping names, the limits of texts and start years, reading a
start time or a number of seconds, and the COPY text the importer loads.

Plain Python, no ORM: the bulk importer (telesales.call.import) runs these
once per row of files of millions of rows, in a parser thread. The fields'
parsers are in telesales_call_row_fields, the row in telesales_call_row.
"""

import re
from datetime import datetime

import pytz

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_COPY_UNESCAPE = re.compile(r"\\(.)")
_COPY_CODES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}

TRUE_VALUES = frozenset({"1", "true", "t", "yes", "y", "connected", "answered", "是"})
FALSE_VALUES = frozenset({"0", "false", "f", "no", "n", "", "否"})

# mapping column field -> telesales.call field it fills (for messages)
COLUMN_FIELDS = {
    "col_external_id": "external_id",
    "col_agent": "employee_id",
    "col_callee": "callee_number",
    "col_start": "start",
    "col_direction": "direction",
    "col_connected": "connected",
    "col_ring": "ring_seconds",
    "col_talk": "talk_seconds",
    "col_wait": "wait_seconds",
    "col_pause": "pause_seconds",
    "col_wrapup": "wrapup_seconds",
    "col_duration": "duration_seconds",
    "col_recording": "recording_ref",
    "col_disposition": "disposition",
    "col_lead": "lead_ref",
}
REQUIRED_COLUMNS = ("col_external_id", "col_agent", "col_callee", "col_start")
# the duration columns, in the order of the COPY line and of the messages
SECONDS_COLUMNS = (
    "col_ring", "col_talk", "col_wait", "col_pause", "col_wrapup", "col_duration",
)  # fmt: skip

# the longest text a call field takes (a longer value is a bad row): beyond
# that PostgreSQL cannot index it and no dialer writes such values
MAX_TEXT = 255
MAX_RECORDING = 2048
# start times outside these years are typing or dialer errors (and years
# 0001 or 9999 overflow once moved to UTC)
MIN_YEAR, MAX_YEAR = 1990, 2099

# the fields of a COPY line (the importer's staging table), in order
LINE_FIELDS = 17


class RowError(ValueError):
    """A row of an import is invalid; the message says why."""


def copy_line(*values):
    """One line of PostgreSQL COPY text format, escaping what must be."""
    return "\t".join(str(value).translate(_COPY_ESCAPES) for value in values) + "\n"


def row_values(line):
    """The values of a COPY line made by :class:`RowConverter`, as strings."""
    return tuple(
        _COPY_UNESCAPE.sub(lambda m: _COPY_CODES[m.group(1)], value)
        for value in line.rstrip("\n").split("\t")
    )


def value_set(text, upper=False):
    """The comma-separated values of ``text``, stripped, in one case."""
    values = {v.strip() for v in (text or "").split(",") if v.strip()}
    return frozenset(v.upper() if upper else v.lower() for v in values)


def header_positions(header):
    """``{column name: index}`` of a stripped header row (the first wins)."""
    return {name: i for i, name in reversed(list(enumerate(header)))}


def text_problem(value, limit):
    """Why PostgreSQL would refuse ``value`` in a text of at most ``limit``
    characters: ``"nul"`` (a NUL character), ``"long"`` or ``"encoding"``
    (not encodable); None when it fits."""
    if "\x00" in value:
        return "nul"
    if len(value) > limit:
        return "long"
    if not value.isascii():
        try:
            value.encode()
        except UnicodeEncodeError:
            return "encoding"
    return None


def text_reason(env, problem, limit):
    """A problem of :func:`text_problem` in words."""
    if problem == "nul":
        return env._("contains a NUL character")
    if problem == "long":
        return env._("is longer than %(limit)s characters", limit=limit)
    return env._("is not valid text")


def check_year(moment):
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(moment.year)
    return moment


def parse_start(value, fmt=""):
    """The start as PostgreSQL reads it; raises ValueError (or OverflowError,
    OSError for an epoch out of range).

    ``fmt``: empty for ISO 8601 (a plain ``YYYY-MM-DD HH:MM:SS`` is kept as
    written), ``"epoch"`` for Unix seconds, else a strftime format.
    """
    if not fmt:
        if len(value) == 19 and value[10] in " T":
            check_year(datetime.fromisoformat(value))  # validates; text kept
            return value
        return check_year(datetime.fromisoformat(value.strip())).isoformat(" ")
    if fmt == "epoch":
        moment = datetime.fromtimestamp(float(value), tz=pytz.utc)
        return check_year(moment).isoformat(" ")
    return check_year(datetime.strptime(value.strip(), fmt)).isoformat(" ")


def parse_seconds(value):
    """A number of seconds (0 or more) as text, rounded; None when invalid.
    An empty value is 0."""
    if value.isdigit() and value.isascii() and len(value) < 10:
        return value
    value = value.strip()
    if not value:
        return "0"
    try:
        number = float(value)
    except ValueError:
        return None
    if not 0 <= number < 2**31:  # also rejects NaN
        return None
    return str(round(number))
