# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.res_partner import _tz_get

from .telesales_call_row import RowConverter
from .telesales_call_row_fields import (
    AgentField,
    CalleeField,
    CallIdField,
    ConnectedFlagField,
    ConnectedTalkField,
    ConnectedValuesField,
    DirectionField,
    SecondsFields,
    StartField,
    TextFields,
    TextLimits,
)
from .telesales_call_row_values import (
    COLUMN_FIELDS,
    MAX_RECORDING,
    MAX_TEXT,
    SECONDS_COLUMNS,
    header_positions,
    row_values,
    value_set,
)


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

    def _seconds_labels(self):
        """The duration fields in words, as row errors name them."""
        return dict(
            zip(
                SECONDS_COLUMNS,
                (
                    self.env._("ring seconds"),
                    self.env._("talk seconds"),
                    self.env._("wait seconds"),
                    self.env._("pause seconds"),
                    self.env._("wrap-up seconds"),
                    self.env._("length"),
                ),
                strict=True,
            )
        )

    def _row_converter(self, header, logins):
        """Return a :class:`~.telesales_call_row.RowConverter` for rows laid
        out as ``header``: ``convert(row, row_no) -> str``.

        ``logins``: ``{dialer login: employee id}``. The string is one line of
        PostgreSQL COPY text for the importer's staging table (see
        telesales.call.import); :meth:`_row_values` turns it back into values.
        ``convert`` raises :class:`RowError` for a bad row, and
        ``convert.describe(row)`` names every problem of it (kept apart so
        that ``convert`` touches no environment and may run in a parser
        thread). Raises ValidationError when the header lacks a mapped column.
        """
        self.ensure_one()
        header = [(h or "").strip() for h in header]
        positions = header_positions(header)
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

        directions = {"": self.default_direction}
        directions.update(dict.fromkeys(value_set(self.inbound_values), "inbound"))
        directions.update(dict.fromkeys(value_set(self.outbound_values), "outbound"))
        labels = self._seconds_labels()
        if self.connected_rule == "values":
            connected = ConnectedValuesField(
                pos("col_connected"), value_set(self.connected_values, upper=True)
            )
        elif self.connected_rule == "talk":
            connected = ConnectedTalkField(pos("col_talk"))
        else:
            connected = ConnectedFlagField(pos("col_connected"))
        i_recording = pos("col_recording")

        def limit(index):
            return MAX_RECORDING if index == i_recording else MAX_TEXT

        # every mapped column, with the longest text it may hold
        limits = TextLimits(
            [
                (index, header[index], limit(index))
                for index in sorted({pos(col) for col in COLUMN_FIELDS} - {None})
            ]
        )
        return RowConverter(
            width=len(header),
            call_id=CallIdField(pos("col_external_id")),
            agent=AgentField(pos("col_agent"), logins),
            callee=CalleeField(pos("col_callee")),
            start=StartField(pos("col_start"), (self.datetime_format or "").strip()),
            direction=DirectionField(
                pos("col_direction"), directions, self.default_direction
            ),
            connected=connected,
            seconds=SecondsFields((pos(col), labels[col]) for col in SECONDS_COLUMNS),
            texts=TextFields((i_recording, pos("col_disposition"), pos("col_lead"))),
            limits=limits,
            env=self.env,
        )

    @staticmethod
    def _row_values(line):
        """The values of a COPY line made by the converter: ``(row_no,
        external_id, employee_id, callee_number, callee_normalized, start,
        direction, connected, ring, talk, wait, pause, wrapup, duration,
        recording, disposition, lead)``, as strings (start as written in the
        file, to be read in the mapping's timezone)."""
        return row_values(line)
