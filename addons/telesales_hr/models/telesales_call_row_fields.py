# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The parsers of the fields of a dialer export's row, one per kind of field.

Each answers both questions the importer asks (see telesales_call_row):
``parse(row)``, the value as COPY text or None when invalid (the fast path,
no environment), and ``problem(row, env)``, what is wrong in words or None
(the slow path for bad rows), decided by the same ``parse``.
"""

from .telesales_call_row_values import (
    FALSE_VALUES,
    TRUE_VALUES,
    parse_seconds,
    parse_start,
    text_problem,
    text_reason,
)
from .telesales_dnc import normalize_number


class CallIdField:
    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index

    def parse(self, row):
        return row[self.index].strip() or None

    def problem(self, row, env):
        if self.parse(row) is None:
            return env._("the call id is empty")
        return None


class AgentField:
    """The dialer login, read as the id of the employee who has it."""

    __slots__ = ("index", "logins")

    def __init__(self, index, logins):
        self.index = index
        self.logins = logins

    def parse(self, row):
        return self.logins.get(row[self.index].strip())

    def problem(self, row, env):
        if self.parse(row) is not None:
            return None
        login = row[self.index].strip()
        if login:
            return env._("no employee has the dialer login '%(login)s'", login=login)
        return env._("the agent is empty")


class CalleeField:
    """The number as dialled and its normalised form: ``(callee, normalized)``."""

    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index

    def parse(self, row):
        callee = row[self.index].strip()
        normalized = normalize_number(callee)
        return (callee, normalized) if normalized else None

    def problem(self, row, env):
        if self.parse(row) is None:
            return env._("no callee number")
        return None


class StartField:
    __slots__ = ("index", "fmt")

    def __init__(self, index, fmt=""):
        self.index = index
        self.fmt = fmt

    def parse(self, row):
        try:
            return parse_start(row[self.index], self.fmt)
        except (ValueError, OverflowError, OSError):
            return None

    def problem(self, row, env):
        if self.parse(row) is None:
            return env._("'%(value)s' is not a valid start time", value=row[self.index])
        return None


class DirectionField:
    """``directions``: ``{lower-case value: direction}``; without a column
    (``index`` None) every call has ``default``."""

    __slots__ = ("index", "directions", "default")

    def __init__(self, index, directions, default):
        self.index = index
        self.directions = directions
        self.default = default

    def parse(self, row):
        if self.index is None:
            return self.default
        return self.directions.get(row[self.index].strip().lower())

    def problem(self, row, env):
        if self.parse(row) is None:
            return env._("unknown direction '%(value)s'", value=row[self.index])
        return None


class SecondsFields:
    """The durations in seconds: ``columns`` ``[(index, label)]``, a column
    without ``index`` (None) is always 0; ``label`` names it in messages.
    One parser for the six of them: it runs for every row."""

    __slots__ = ("columns", "indexes")

    def __init__(self, columns):
        self.columns = list(columns)
        self.indexes = [index for index, _label in self.columns]

    def parse(self, row):
        """The seconds as texts, None for each invalid one."""
        return [
            "0" if index is None
            # the common case, inline: digits only
            else value if (value := row[index]).isdigit() and value.isascii()
            and len(value) < 10
            else parse_seconds(value)
            for index in self.indexes
        ]  # fmt: skip

    def problems(self, row, env):
        return [
            env._(
                "%(field)s '%(value)s' is not a number of seconds (0 or more)",
                field=label,
                value=row[index],
            )
            for (index, label), seconds in zip(
                self.columns, self.parse(row), strict=True
            )
            if seconds is None
        ]


class ConnectedFlagField:
    """A yes/no column: ``t``, ``f``, or None for anything else."""

    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index

    def parse(self, row):
        flag = row[self.index].strip().lower()
        if flag in TRUE_VALUES:
            return "t"
        return "f" if flag in FALSE_VALUES else None

    def problem(self, row, env):
        if self.parse(row) is None:
            return env._(
                "connected '%(value)s' is neither yes nor no", value=row[self.index]
            )
        return None


class ConnectedValuesField:
    """Connected when the status column holds one of ``values`` (upper case)."""

    __slots__ = ("index", "values")

    def __init__(self, index, values):
        self.index = index
        self.values = values

    def parse(self, row):
        return "t" if row[self.index].strip().upper() in self.values else "f"

    def problem(self, row, env):
        return None


class ConnectedTalkField:
    """Connected when the talk seconds (column ``index``) are above zero."""

    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index

    def parse(self, row):
        talk = "0" if self.index is None else parse_seconds(row[self.index])
        return "t" if talk and talk.strip("0") else "f"

    def problem(self, row, env):
        return None  # a bad talk time is the durations' problem


class TextFields:
    """The optional texts, stripped; a column without ``index`` (None) is
    empty."""

    __slots__ = ("indexes",)

    def __init__(self, indexes):
        self.indexes = list(indexes)

    def parse(self, row):
        return [row[i].strip() if i is not None else "" for i in self.indexes]


class TextLimits:
    """What PostgreSQL would refuse in the mapped columns: NUL characters,
    texts longer than their limit, texts that cannot be encoded.

    ``columns``: ``[(index, column name, longest length)]``.
    """

    __slots__ = ("columns",)

    def __init__(self, columns):
        self.columns = columns

    def problems(self, row):
        """``[(column, problem, limit)]``, see :func:`text_problem`."""
        return [
            (column, problem, limit)
            for index, column, limit in self.columns
            if (problem := text_problem(row[index], limit))
        ]

    def messages(self, row, env):
        return [
            env._(
                "column '%(column)s' %(reason)s",
                column=column,
                reason=text_reason(env, problem, limit),
            )
            for column, problem, limit in self.problems(row)
        ]
