# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for the call tests: the TelesalesCase centre with dialer logins,
a Chinese working schedule (Mon-Fri, Asia/Shanghai) and CSV builders."""

import csv
import io

from .common import TelesalesCase

GENERIC_HEADER = [
    "call_id",
    "agent",
    "callee_number",
    "start",
    "direction",
    "connected",
    "ring_seconds",
    "talk_seconds",
    "wait_seconds",
    "pause_seconds",
    "wrapup_seconds",
    "duration_seconds",
    "recording",
    "disposition",
    "lead",
]


class TelesalesCallCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Call = cls.env["telesales.call"]
        cls.Dnc = cls.env["telesales.dnc"]
        cls.Import = cls.env["telesales.call.import"]
        cls.generic = cls.env.ref("telesales_hr.call_mapping_generic")
        cls.vicidial = cls.env.ref("telesales_hr.call_mapping_vicidial")
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Telesales 40h (Beijing)", "tz": "Asia/Shanghai"}
        )
        cls.company.write(
            {
                "telesales_call_window_start": 9.0,
                "telesales_call_window_end": 18.0,
                "telesales_call_window_working_days": True,
                "telesales_daily_dial_cap": 200,
            }
        )
        for employee, login in (
            (cls.agent_a1, "a1"),
            (cls.agent_a1b, "a1b"),
            (cls.agent_a2, "a2"),
            (cls.agent_b1, "b1"),
        ):
            employee.write(
                {
                    "telesales_dialer_login": login,
                    "tz": "Asia/Shanghai",
                    "resource_calendar_id": cls.calendar.id,
                }
            )

    @staticmethod
    def row(call_id, start, agent="a1", number="13800138000", **values):
        """A Generic CSV row as a dict (start in Beijing time unless it has
        an offset)."""
        row = dict.fromkeys(GENERIC_HEADER, "")
        row.update(
            call_id=call_id,
            agent=agent,
            callee_number=number,
            start=start,
            direction="outbound",
            connected="1",
            talk_seconds="60",
        )
        row.update({key: str(value) for key, value in values.items()})
        return row

    @staticmethod
    def csv_bytes(rows, header=None, delimiter=",", encoding="utf-8"):
        header = header or GENERIC_HEADER
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                [row.get(name, "") for name in header] if isinstance(row, dict) else row
            )
        return out.getvalue().encode(encoding)

    def import_rows(self, rows, mapping=None, **kwargs):
        data = io.BytesIO(self.csv_bytes(rows, header=kwargs.pop("header", None)))
        return self.Import._import_file(data, mapping or self.generic, **kwargs)

    def calls(self, *call_ids):
        return self.Call.search([("external_id", "in", list(call_ids))]).sorted(
            lambda call: call_ids.index(call.external_id)
        )
