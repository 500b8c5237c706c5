# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixture of the daily compliance tests.

Every person of ``TelesalesCase`` works Monday to Friday 09:00-12:00 and
13:30-18:00 (lunch 12:00-13:30) in Asia/Shanghai, so the tests also prove the
time zone handling: calls and punches are stored in UTC (local - 8 h).
April 2025 has 22 working days; 2025-04-02 is a Wednesday.
"""

import itertools
from datetime import date, datetime, timedelta

import pytz

from odoo import Command

from .common import TelesalesCase

TZ = pytz.timezone("Asia/Shanghai")
DAY = date(2025, 4, 2)


class ComplianceCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        attendances = []
        for weekday in range(5):
            for name, start, end, period in (
                ("Morning", 9, 12, "morning"),
                ("Lunch", 12, 13.5, "lunch"),
                ("Afternoon", 13.5, 18, "afternoon"),
            ):
                attendances.append(
                    Command.create(
                        {
                            "name": name,
                            "dayofweek": str(weekday),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": period,
                        }
                    )
                )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Telesales 09:00-18:00",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
                "attendance_ids": attendances,
            }
        )
        cls.people = cls.agents | cls.tl_a1 | cls.tl_a2 | cls.tl_b1
        cls.people.write(
            {"resource_calendar_id": cls.calendar.id, "tz": "Asia/Shanghai"}
        )
        cls.company.telesales_flag_hr_user_id = cls.hr_user
        cls.Compliance = cls.env["telesales.daily.compliance"]
        cls.Deduction = cls.env["telesales.kpi.deduction"]
        cls.Flag = cls.env["telesales.flag"]
        cls._call_seq = itertools.count(1)

    # -- time helpers ---------------------------------------------------
    @staticmethod
    def utc(day, clock):
        """Naive UTC datetime of a local Asia/Shanghai clock time ('09:29:59')."""
        parts = [int(x) for x in clock.split(":")] + [0, 0]
        local = TZ.localize(
            datetime(day.year, day.month, day.day, parts[0], parts[1], parts[2])
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    # -- data helpers -----------------------------------------------------
    def call_vals(
        self, employee, start, talk=0, ring=0, connected=None, direction="outbound"
    ):
        seq = next(self._call_seq)
        return {
            "employee_id": employee.id,
            "external_id": f"T{seq}",
            "callee_number": f"1380013{seq:04d}",
            "start": start,
            "direction": direction,
            "connected": bool(talk) if connected is None else connected,
            "ring_seconds": ring,
            "talk_seconds": talk,
        }

    def add_calls(self, vals_list):
        return self.env["telesales.call"].create(vals_list)

    def day_calls(
        self,
        employee,
        day=DAY,
        connected=45,
        talk=4 * 3600,
        first="09:05:00",
        afternoon="13:35:00",
        dials=None,
        create=True,
    ):
        """A day of outbound calls: the first at ``first``, one at
        ``afternoon`` (None: no afternoon call), ``connected`` of them
        connected sharing ``talk`` seconds, ``dials`` in all (default
        connected + 10), the others every 10 seconds from 10:00 (up to
        480 calls) then from 14:30, so the explicit times stay the first."""
        dials = connected + 10 if dials is None else dials
        starts = []
        if first:
            starts.append(self.utc(day, first))
        if afternoon:
            starts.append(self.utc(day, afternoon))
        slots = [
            self.utc(day, "10:00:00") + timedelta(seconds=10 * i) for i in range(480)
        ]
        slots += [
            self.utc(day, "14:30:00") + timedelta(seconds=10 * i) for i in range(540)
        ]
        starts += slots[: max(0, dials - len(starts))]
        vals_list = []
        per_call, rest = divmod(talk, connected) if connected else (0, 0)
        for index, start in enumerate(starts):
            is_connected = index < connected
            seconds = per_call + (rest if index == 0 else 0) if is_connected else 0
            vals_list.append(
                self.call_vals(employee, start, talk=seconds, connected=is_connected)
            )
        return self.add_calls(vals_list) if create else vals_list

    def punch(
        self, employee, day=DAY, check_in="08:55:00", check_out="18:05:00", ip=None
    ):
        return self.env["hr.attendance"].create(
            {
                "employee_id": employee.id,
                "check_in": self.utc(day, check_in),
                "check_out": check_out and self.utc(day, check_out),
                "in_ip_address": ip,
            }
        )

    def perfect_day(self, employee, day=DAY, **call_kwargs):
        self.day_calls(employee, day, **call_kwargs)
        self.punch(employee, day)

    def compute(self, employees=None, date_from=DAY, date_to=None, **kwargs):
        """Compute the days; ``attendance_complete=True``: the attendance of
        the days is complete (HR's confirmation), so that an agent without
        a check-in is absent even when nobody else punched that day."""
        self.Compliance._compute_for_range(
            date_from, date_to or date_from, employees, **kwargs
        )
        return self.Compliance.search(
            [("date", ">=", date_from), ("date", "<=", date_to or date_from)]
        )

    def row(self, employee, day=DAY):
        return self.Compliance.search(
            [("employee_id", "=", employee.id), ("date", "=", day)]
        )

    def late_row(self, employee, check_in="09:00:00", check_out="18:00:00", day=DAY):
        """The day of ``employee`` with its calls and the punches given."""
        self.day_calls(employee, day)
        self.punch(employee, day, check_in=check_in, check_out=check_out)
        self.compute(employee, day)
        return self.row(employee, day)
