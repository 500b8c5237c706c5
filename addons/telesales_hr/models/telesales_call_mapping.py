# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from .telesales_dnc import normalize_number

_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_COPY_UNESCAPE = re.compile(r"\\(.)")
_COPY_CODES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}

_TRUE = frozenset({"1", "true", "t", "yes", "y", "connected", "answered", "是"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "", "否"})

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

# the longest text a call field takes (a longer value is a bad row): beyond
# that PostgreSQL cannot index it and no dialer writes such values
MAX_TEXT = 255
MAX_RECORDING = 2048
# start times outside these years are typing or dialer errors (and years
# 0001 or 9999 overflow once moved to UTC)
MIN_YEAR, MAX_YEAR = 1990, 2099


class RowError(ValueError):
    """A row of an import is invalid; the message says why."""


def copy_line(*values):
    """One line of PostgreSQL COPY text format, escaping what must be."""
    return "\t".join(str(value).translate(_COPY_ESCAPES) for value in values) + "\n"


class TelesalesCallMapping(models.Model):
    """How a dialer's export (or pushed JSON records) maps onto call records.

    Column names are matched against the file's header row, or against the
    keys of each JSON record. Presets for VICIdial and a generic CSV ship as
    data; a company adds its own for other dialers.
    """

    _name = "telesales.call.mapping"
    _description = "Call Import Mapping"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: every company.")
    delimiter = fields.Selection(
        [(",", "Comma"), (";", "Semicolon"), ("tab", "Tab"), ("|", "Vertical Bar")],
        default=",",
        required=True,
    )
    encoding = fields.Selection(
        [("utf-8-sig", "UTF-8"), ("gb18030", "GB18030 / GBK (Chinese Excel)")],
        default="utf-8-sig",
        required=True,
    )
    timezone = fields.Selection(
        _tz_get,
        required=True,
        default=lambda self: self.env.user.tz or "Asia/Shanghai",
        help="Timezone of start times written without an offset (the dialer "
        "server's local time).",
    )
    datetime_format = fields.Char(
        help="Empty: ISO 8601 (2025-03-03 09:15:00, with or without +08:00). "
        "'epoch': Unix seconds. Anything else: a strftime format such as "
        "%d/%m/%Y %H:%M:%S.",
    )
    col_external_id = fields.Char(string="Call ID Column", required=True)
    col_agent = fields.Char(
        string="Agent Login Column",
        required=True,
        help="Matched against the employees' Dialer Login.",
    )
    col_callee = fields.Char(string="Callee Number Column", required=True)
    col_start = fields.Char(string="Start Column", required=True)
    col_direction = fields.Char(
        string="Direction Column", help="Empty: every call has the default direction."
    )
    col_connected = fields.Char(string="Connected / Status Column")
    col_ring = fields.Char(string="Ring Seconds Column")
    col_talk = fields.Char(string="Talk Seconds Column")
    col_wait = fields.Char(string="Wait Seconds Column")
    col_pause = fields.Char(string="Pause Seconds Column")
    col_wrapup = fields.Char(string="Wrap-up Seconds Column")
    col_duration = fields.Char(string="Length Column")
    col_recording = fields.Char(string="Recording Column")
    col_disposition = fields.Char(string="Disposition Column")
    col_lead = fields.Char(string="Lead Column")
    default_direction = fields.Selection(
        [("outbound", "Outbound"), ("inbound", "Inbound")],
        default="outbound",
        required=True,
    )
    outbound_values = fields.Char(
        default="outbound,out,o",
        help="Comma-separated values of the direction column meaning outbound "
        "(case-insensitive).",
    )
    inbound_values = fields.Char(
        default="inbound,in,i",
        help="Comma-separated values of the direction column meaning inbound "
        "(case-insensitive).",
    )
    connected_rule = fields.Selection(
        [
            ("flag", "Yes/no column"),
            ("values", "Status values"),
            ("talk", "Talk time above zero"),
        ],
        default="flag",
        required=True,
        help="Yes/no column: 1/0, true/false, yes/no. Status values: the call "
        "is connected when the status column holds one of the listed values. "
        "Talk time: connected when the talk seconds are above zero.",
    )
    connected_values = fields.Char(
        help="Comma-separated status values meaning the callee answered "
        "(case-insensitive), e.g. SALE,NI,CALLBK.",
    )

    @api.constrains("timezone")
    def _check_timezone(self):
        for mapping in self:
            if mapping.timezone not in pytz.all_timezones_set:
                raise ValidationError(
                    self.env._(
                        "Mapping %(name)s: '%(tz)s' is not a timezone.",
                        name=mapping.name,
                        tz=mapping.timezone,
                    )
                )

    def _check_usable_timezone(self):
        """Refuse to import with a mapping whose timezone is unknown (one
        saved before the constraint existed, or written in SQL)."""
        for mapping in self:
            if mapping.timezone not in pytz.all_timezones_set:
                raise UserError(
                    self.env._(
                        "Mapping %(name)s: its timezone '%(tz)s' is not a "
                        "timezone; correct it before importing.",
                        name=mapping.name,
                        tz=mapping.timezone,
                    )
                )

    @api.constrains("connected_rule", "col_connected", "connected_values")
    def _check_connected_rule(self):
        for mapping in self:
            if (
                mapping.connected_rule in ("flag", "values")
                and not mapping.col_connected
            ):
                raise ValidationError(
                    self.env._(
                        "Mapping %(name)s: the connected rule needs the "
                        "Connected / Status column.",
                        name=mapping.name,
                    )
                )
            if mapping.connected_rule == "values" and not mapping.connected_values:
                raise ValidationError(
                    self.env._(
                        "Mapping %(name)s: list the status values meaning connected.",
                        name=mapping.name,
                    )
                )

    def _csv_delimiter(self):
        self.ensure_one()
        return "\t" if self.delimiter == "tab" else self.delimiter

    @staticmethod
    def _value_set(text, upper=False):
        values = {v.strip() for v in (text or "").split(",") if v.strip()}
        return frozenset(v.upper() if upper else v.lower() for v in values)

    # one closure per column kind, kept in one place: it runs for every row
    def _row_converter(self, header, logins):  # noqa: C901
        """Return ``convert(row, row_no) -> str`` for rows laid out as ``header``.

        ``logins``: ``{dialer login: employee id}``. The string is one line of
        PostgreSQL COPY text for the importer's staging table (see
        telesales.call.import); :meth:`_row_values` turns it back into values.
        ``convert`` raises :class:`RowError` for a bad row, and
        ``convert.describe(row)`` names every problem of it (kept apart so
        that ``convert`` touches no environment and may run in a parser
        thread). Raises ValidationError when the header lacks a mapped column.

        One closure with local variables and a lean path for good rows: it
        runs once per row of files of millions of rows.
        """
        self.ensure_one()
        header = [(h or "").strip() for h in header]
        positions = {name: i for i, name in reversed(list(enumerate(header)))}
        missing = [
            getattr(self, col)
            for col in COLUMN_FIELDS
            if getattr(self, col) and getattr(self, col).strip() not in positions
        ]
        if missing:
            raise ValidationError(
                self.env._(
                    "The header row lacks the column(s) %(columns)s of mapping "
                    "%(mapping)s. Columns found: %(found)s.",
                    columns=", ".join(missing),
                    mapping=self.name,
                    found=", ".join(h for h in header if h) or "-",
                )
            )

        def pos(col):
            name = getattr(self, col)
            return positions[name.strip()] if name else None

        i_ext, i_agent, i_callee, i_start = (pos(c) for c in REQUIRED_COLUMNS)
        i_dir, i_conn = pos("col_direction"), pos("col_connected")
        i_ring, i_talk, i_wait, i_pause, i_wrapup, i_duration = (
            pos(col)
            for col in ("col_ring", "col_talk", "col_wait", "col_pause", "col_wrapup",
                        "col_duration")
        )  # fmt: skip
        i_recording, i_disposition, i_lead = (
            pos("col_recording"),
            pos("col_disposition"),
            pos("col_lead"),
        )
        seconds_labels = (
            (i_ring, self.env._("ring seconds")),
            (i_talk, self.env._("talk seconds")),
            (i_wait, self.env._("wait seconds")),
            (i_pause, self.env._("pause seconds")),
            (i_wrapup, self.env._("wrap-up seconds")),
            (i_duration, self.env._("length")),
        )
        width = len(header)
        default_direction = self.default_direction
        directions = {"": default_direction}
        directions.update(
            dict.fromkeys(self._value_set(self.inbound_values), "inbound")
        )
        directions.update(
            dict.fromkeys(self._value_set(self.outbound_values), "outbound")
        )
        rule = self.connected_rule
        connected_values = self._value_set(self.connected_values, upper=True)
        fmt = (self.datetime_format or "").strip()
        utc = pytz.utc
        fromisoformat = datetime.fromisoformat
        strptime = datetime.strptime
        fromtimestamp = datetime.fromtimestamp

        def check_year(moment):
            if not MIN_YEAR <= moment.year <= MAX_YEAR:
                raise ValueError(moment.year)
            return moment

        def parse_start(value):
            """The start as PostgreSQL reads it; raises ValueError."""
            if not fmt:
                if len(value) == 19 and value[10] in " T":
                    check_year(fromisoformat(value))  # validates; text kept
                    return value
                return check_year(fromisoformat(value.strip())).isoformat(" ")
            if fmt == "epoch":
                moment = fromtimestamp(float(value), tz=utc)
                return check_year(moment).isoformat(" ")
            return check_year(strptime(value.strip(), fmt)).isoformat(" ")

        # every mapped column, with the longest text it may hold
        text_limits = [
            (index, header[index], MAX_RECORDING if index == i_recording else MAX_TEXT)
            for index in sorted({pos(col) for col in COLUMN_FIELDS} - {None})
        ]

        def text_problems(row):
            """``[(column, reason)]``: NUL characters, texts too long or not
            encodable (PostgreSQL would refuse them)."""
            problems = []
            for index, column, limit in text_limits:
                value = row[index]
                if "\x00" in value:
                    problems.append((column, self.env._("contains a NUL character")))
                elif len(value) > limit:
                    problems.append(
                        (
                            column,
                            self.env._(
                                "is longer than %(limit)s characters", limit=limit
                            ),
                        )
                    )
                elif not value.isascii():
                    try:
                        value.encode()
                    except UnicodeEncodeError:
                        problems.append((column, self.env._("is not valid text")))
            return problems

        def seconds(row, index):
            """Seconds as text, or None when invalid."""
            if index is None:
                return "0"
            value = row[index]
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

        def text(row, index):
            return row[index].strip() if index is not None else ""

        def convert(row, row_no):
            if len(row) < width:
                raise RowError
            external_id = row[i_ext].strip()
            employee_id = logins.get(row[i_agent].strip())
            callee = row[i_callee].strip()
            normalized = normalize_number(callee)
            try:
                start = parse_start(row[i_start])
            except (ValueError, OverflowError, OSError):
                start = None
            direction = (
                directions.get(row[i_dir].strip().lower())
                if i_dir is not None
                else default_direction
            )
            ring = seconds(row, i_ring)
            talk = seconds(row, i_talk)
            wait = seconds(row, i_wait)
            pause = seconds(row, i_pause)
            wrapup = seconds(row, i_wrapup)
            duration = seconds(row, i_duration)
            if rule == "values":
                connected = (
                    "t" if row[i_conn].strip().upper() in connected_values else "f"
                )
            elif rule == "talk":
                connected = "t" if talk and talk.strip("0") else "f"
            else:
                flag = row[i_conn].strip().lower()
                connected = "t" if flag in _TRUE else "f" if flag in _FALSE else None
            if not (
                external_id
                and employee_id is not None
                and normalized
                and start is not None
                and direction is not None
                and connected is not None
                and ring is not None
                and talk is not None
                and wait is not None
                and pause is not None
                and wrapup is not None
                and duration is not None
            ):
                raise RowError
            line = (
                f"{row_no}\t{external_id}\t{employee_id}\t{callee}\t{normalized}\t"
                f"{start}\t{direction}\t{connected}\t{ring}\t{talk}\t{wait}\t"
                f"{pause}\t{wrapup}\t{duration}\t{text(row, i_recording)}\t"
                f"{text(row, i_disposition)}\t{text(row, i_lead)}\n"
            )
            if (
                len(line) > 200 or not line.isascii() or "\x00" in line
            ) and text_problems(row):  # a short ASCII line has no such problem
                raise RowError
            if (
                "\\" in line
                or "\r" in line
                or line.count("\t") != 16
                or line.count("\n") != 1
            ):
                line = copy_line(
                    row_no, external_id, employee_id, callee, normalized, start,
                    direction, connected, ring, talk, wait, pause, wrapup, duration,
                    text(row, i_recording), text(row, i_disposition), text(row, i_lead),
                )  # fmt: skip
            return line

        def describe(row):
            """Every problem of a bad row, in words (the slow path)."""
            if len(row) < width:
                return self.env._(
                    "%(found)s columns instead of %(expected)s",
                    found=len(row),
                    expected=width,
                )
            errors = [
                self.env._(
                    "column '%(column)s' %(reason)s", column=column, reason=reason
                )
                for column, reason in text_problems(row)
            ]
            if errors:
                return "; ".join(errors)  # the values are not fit to be quoted
            if not row[i_ext].strip():
                errors.append(self.env._("the call id is empty"))
            login = row[i_agent].strip()
            if login not in logins:
                errors.append(
                    self.env._(
                        "no employee has the dialer login '%(login)s'", login=login
                    )
                    if login
                    else self.env._("the agent is empty")
                )
            if not normalize_number(row[i_callee].strip()):
                errors.append(self.env._("no callee number"))
            try:
                parse_start(row[i_start])
            except (ValueError, OverflowError, OSError):
                errors.append(
                    self.env._(
                        "'%(value)s' is not a valid start time", value=row[i_start]
                    )
                )
            if i_dir is not None and row[i_dir].strip().lower() not in directions:
                errors.append(
                    self.env._("unknown direction '%(value)s'", value=row[i_dir])
                )
            for index, label in seconds_labels:
                if seconds(row, index) is None:
                    errors.append(
                        self.env._(
                            "%(field)s '%(value)s' is not a number of seconds "
                            "(0 or more)",
                            field=label,
                            value=row[index],
                        )
                    )
            if rule == "flag" and row[i_conn].strip().lower() not in _TRUE | _FALSE:
                errors.append(
                    self.env._(
                        "connected '%(value)s' is neither yes nor no",
                        value=row[i_conn],
                    )
                )
            return "; ".join(errors)

        convert.describe = describe
        return convert

    @staticmethod
    def _row_values(line):
        """The values of a COPY line made by the converter: ``(row_no,
        external_id, employee_id, callee_number, callee_normalized, start,
        direction, connected, ring, talk, wait, pause, wrapup, duration,
        recording, disposition, lead)``, as strings (start as written in the
        file, to be read in the mapping's timezone)."""
        return tuple(
            _COPY_UNESCAPE.sub(lambda m: _COPY_CODES[m.group(1)], value)
            for value in line.rstrip("\n").split("\t")
        )
