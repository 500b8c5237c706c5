# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The row converter of telesales_call_row written as one SQL SELECT: the
fast path of the bulk importer.

The importer COPYs a CSV file as it is into a staging table of text columns
``c0 … cN`` (``telesales_call_raw``), then converts every row with the SELECT
built here. The SELECT only recognises the plain, canonical form of each value
(digits for seconds, ``YYYY-MM-DD HH:MM:SS`` for a start, ASCII codes …) and
yields NULL for anything else; a row with a NULL is then converted again, by
the Python converter, which either reads the unusual form or names what is
wrong. So the SELECT never decides that a row is bad, and it must never accept
a value the Python converter would refuse or read differently:
``test_call_import_sql`` checks both on the same values.
"""

import json

from odoo.tools import SQL

from .telesales_call_row_fields import (
    ConnectedFlagField,
    ConnectedTalkField,
    ConnectedValuesField,
)
from .telesales_call_row_values import FALSE_VALUES, MAX_YEAR, MIN_YEAR, TRUE_VALUES

# the code points Python's str.strip() removes (str.isspace): a text that
# starts or ends with one of them is left to the Python converter
_PY_SPACES = SQL(", ".join(str(code) for code in range(0x3001) if chr(code).isspace()))
# the Unix seconds of the first and after the last accepted year (UTC)
_EPOCH_MIN, _EPOCH_END = 631152000, 4102444800  # 1990-01-01, 2100-01-01

# the staging table's columns the SELECT fills, in order (the converter's
# COPY line: see telesales_call_row_values.LINE_FIELDS)
STAGE_COLUMNS = (
    "row_no", "external_id", "employee_id", "callee_number", "callee_normalized",
    "start", "direction", "connected", "ring_seconds", "talk_seconds",
    "wait_seconds", "pause_seconds", "wrapup_seconds", "duration_seconds",
    "recording_ref", "disposition", "lead_ref",
)  # fmt: skip
# a NULL in one of these sends the row to the Python converter
CHECKED_COLUMNS = STAGE_COLUMNS[1:]


def raw_column(index):
    """The staging column of the file's column ``index`` (never NULL: the
    raw table is COPYed with ``FORCE_NOT_NULL``)."""
    return SQL("r.%s", SQL.identifier(f"c{int(index)}"))


class RowSql:
    """The SQL of a :class:`~.telesales_call_row.RowConverter`."""

    def __init__(self, converter):
        self.converter = converter
        self.limit = {index: limit for index, _name, limit in converter.limits.columns}

    def fits(self, index):
        """The column's value is no longer than the converter allows."""
        return SQL("length(%s) <= %s", raw_column(index), self.limit[index])

    def trimmed(self, index):
        """The value fits and has no spaces around it: strip() keeps it as
        it is (``ascii()`` is the code point of the first character)."""
        v = raw_column(index)
        return SQL(
            "%(fits)s AND ascii(%(v)s) NOT IN (%(spaces)s) "
            "AND ascii(right(%(v)s, 1)) NOT IN (%(spaces)s)",
            v=v,
            fits=self.fits(index),
            spaces=_PY_SPACES,
        )

    def ascii_trimmed(self, index):
        """ASCII (where lower() and upper() are Python's) and trimmed."""
        v = raw_column(index)
        return SQL("octet_length(%s) = length(%s) AND %s", v, v, self.trimmed(index))

    def external_id(self):
        index = self.converter.call_id.index
        return SQL(
            "CASE WHEN %(v)s <> '' AND %(trimmed)s THEN %(v)s END",
            v=raw_column(index),
            trimmed=self.trimmed(index),
        )

    def employee_id(self):
        """The agent; also where the columns no field reads are checked
        (a connected column left unused by the talk rule)."""
        checks = [self.fits(index) for index in self.unread_columns()]
        checks.append(self.fits(self.converter.agent.index))
        return SQL("CASE WHEN %s THEN l.employee_id END", SQL(" AND ").join(checks))

    def unread_columns(self):
        converter = self.converter
        read = {
            converter.call_id.index,
            converter.agent.index,
            converter.callee.index,
            converter.start.index,
            converter.direction.index,
            getattr(converter.connected, "index", None)
            if not isinstance(converter.connected, ConnectedTalkField)
            else None,
            *converter.seconds.indexes,
            *converter.texts.indexes,
        }
        return sorted(set(self.limit) - read)

    def callee(self):
        index = self.converter.callee.index
        return SQL(
            "CASE WHEN %(v)s ~ '^[0-9]+$' AND %(fits)s THEN %(v)s END",
            v=raw_column(index),
            fits=self.fits(index),
        )

    def callee_normalized(self):
        """telesales_dnc.normalize_number of a number of ASCII digits; ``n.x``
        is the number without its country code (see :meth:`joins`)."""
        index = self.converter.callee.index
        return SQL(
            """CASE WHEN %(v)s ~ '^[0-9]+$' AND %(fits)s THEN NULLIF(
                CASE WHEN length(%(v)s) = 11 AND left(%(v)s, 1) = '1' THEN %(v)s
                     WHEN n.x ~ '^1[3-9][0-9]{9}$' THEN n.x
                     WHEN n.x ~ '^01[3-9][0-9]{9}$' THEN substr(n.x, 2)
                     WHEN length(n.x) IN (10, 11) AND left(n.x, 1) NOT IN ('0', '1')
                          THEN '0' || n.x
                     WHEN length(n.x) = 10 AND left(n.x, 2) = '10' THEN '0' || n.x
                     ELSE n.x END, '') END""",
            v=raw_column(index),
            fits=self.fits(index),
        )

    def start(self):
        """A start in ISO form ``YYYY-MM-DD HH:MM:SS`` (or with ``T``), or
        Unix seconds; read in the session's timezone (the mapping's)."""
        start = self.converter.start
        v = raw_column(start.index)
        if start.fmt == "epoch":
            return SQL(
                "CASE WHEN %(v)s ~ '^[0-9]{9,10}$' AND %(v)s::bigint >= %(low)s "
                "AND %(v)s::bigint < %(high)s THEN to_timestamp(%(v)s::bigint) END",
                v=v,
                low=_EPOCH_MIN,
                high=_EPOCH_END,
            )
        if start.fmt:
            return SQL("NULL::timestamptz")  # a strftime format: Python reads it
        # cheap comparisons first, the day of the month's last day only
        # after the 28th (a bad date would make the cast fail)
        return SQL(
            """CASE WHEN length(%(v)s) = 19
                     AND substr(%(v)s, 11, 1) IN (' ', 'T')
                     AND translate(%(v)s, '0123456789', '9999999999')
                         IN ('9999-99-99 99:99:99', '9999-99-99T99:99:99')
                     AND left(%(v)s, 4) BETWEEN %(low)s AND %(high)s
                     AND substr(%(v)s, 6, 2) BETWEEN '01' AND '12'
                     AND substr(%(v)s, 9, 2) BETWEEN '01' AND '31'
                     AND substr(%(v)s, 12, 2) <= '23'
                     AND substr(%(v)s, 15, 2) <= '59'
                     AND substr(%(v)s, 18, 2) <= '59'
                     AND (substr(%(v)s, 9, 2) <= '28'
                          OR substr(%(v)s, 9, 2)::int <= extract(day FROM
                             date_trunc('month', (left(%(v)s, 7) || '-01')::date)
                             + interval '1 month - 1 day'))
                THEN %(v)s::timestamptz END""",
            v=v,
            low=f"{MIN_YEAR:04d}",
            high=f"{MAX_YEAR:04d}",
        )

    def direction(self):
        field = self.converter.direction
        if field.index is None:
            return SQL("%s::varchar", field.default)
        return SQL(
            "CASE WHEN %(ascii)s THEN %(directions)s::jsonb ->> lower(%(v)s) END",
            ascii=self.ascii_trimmed(field.index),
            directions=_json(field.directions),
            v=raw_column(field.index),
        )

    def connected(self):
        field = self.converter.connected
        if isinstance(field, ConnectedValuesField):
            return SQL(
                "CASE WHEN %(ascii)s THEN upper(%(v)s) = ANY(%(values)s) END",
                ascii=self.ascii_trimmed(field.index),
                v=raw_column(field.index),
                values=sorted(field.values),
            )
        if isinstance(field, ConnectedTalkField):
            if field.index is None:
                return SQL("false")
            return SQL("(%s) > 0", self.seconds(field.index))
        assert isinstance(field, ConnectedFlagField)
        v = raw_column(field.index)
        return SQL(
            """CASE WHEN %(v)s = ANY(%(true)s) THEN true
                    WHEN %(v)s = ANY(%(false)s) THEN false
                    WHEN %(ascii)s THEN CASE
                        WHEN lower(%(v)s) = ANY(%(true)s) THEN true
                        WHEN lower(%(v)s) = ANY(%(false)s) THEN false END END""",
            v=v,
            true=sorted(TRUE_VALUES),
            false=sorted(FALSE_VALUES),
            ascii=self.ascii_trimmed(field.index),
        )

    def seconds(self, index):
        if index is None:
            return SQL("0")
        return SQL(
            "CASE WHEN %(v)s ~ '^[0-9]+$' AND length(%(v)s) < 10 THEN %(v)s::int "
            "WHEN %(v)s = '' THEN 0 END",
            v=raw_column(index),
        )

    def text(self, index):
        if index is None:
            return SQL("''")
        return SQL(
            "CASE WHEN %(v)s = '' THEN '' WHEN %(trimmed)s THEN %(v)s END",
            v=raw_column(index),
            trimmed=self.trimmed(index),
        )

    def select(self, first_row):
        """``SELECT`` the staging rows (:data:`STAGE_COLUMNS`) of the raw
        table: its ``row_no`` counts the file's data rows from 1, the file's
        row numbers start at ``first_row``."""
        converter = self.converter
        values = [
            SQL("r.row_no + %s", first_row - 1),
            self.external_id(),
            self.employee_id(),
            self.callee(),
            self.callee_normalized(),
            self.start(),
            self.direction(),
            self.connected(),
            *(self.seconds(index) for index in converter.seconds.indexes),
            *(self.text(index) for index in converter.texts.indexes),
        ]
        callee = raw_column(converter.callee.index)
        return SQL(
            """SELECT %(values)s
                 FROM telesales_call_raw r
            LEFT JOIN telesales_call_login l ON l.login = %(agent)s
                CROSS JOIN LATERAL (SELECT CASE
                    WHEN left(%(callee)s, 4) = '0086' THEN substr(%(callee)s, 5)
                    WHEN left(%(callee)s, 2) = '86' AND length(%(callee)s) >= 12
                         THEN substr(%(callee)s, 3)
                    ELSE %(callee)s END AS x) n""",
            values=SQL(", ").join(values),
            agent=raw_column(converter.agent.index),
            callee=callee,
        )


def _json(mapping):
    return json.dumps(mapping, ensure_ascii=False)
