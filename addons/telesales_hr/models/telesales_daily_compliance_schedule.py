# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The working days of the agents, from their resource calendars.

The day of an agent is the local day of ``hr.employee._telesales_tz()``
(telesales_agent_day.py); the calendar's attendances are read in that time
zone by Odoo's own ``_attendance_intervals_batch``.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.resource.models.utils import Intervals


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _afternoon_start(self, calendar, company):
        """Seconds after midnight where the afternoon starts for a calendar."""
        if company.telesales_afternoon_start_mode == "calendar":
            starts = calendar.attendance_ids.filtered(
                lambda a: a.day_period == "afternoon" and not a.display_type
            ).mapped("hour_from")
            if starts:
                return round(min(starts) * 3600)
        return round(company.telesales_afternoon_start * 3600)

    @api.model
    def _schedules(self, employees, date_from, date_to):
        """Working days of each employee from the resource calendars.

        Returns {employee id: {"tz" (of the agent's day, ``_telesales_tz``),
        "afternoon" (seconds), "month_days" {month first day: working days
        in the calendar, public holidays excluded}, "days" {date: {"start",
        "end" (naive UTC), "hours", "full_hours", "morning", "afternoon"}}}}
        — "days" holds the days with work expected after approved leave. The
        calendars are read once per (calendar, time zone) with
        ``_attendance_intervals_batch`` and ``_leave_intervals_batch`` for all
        their employees at once.
        """
        month_from = date_from.replace(day=1)
        month_to = date_to + relativedelta(day=31)
        groups = defaultdict(list)
        tz_names = employees._telesales_tz_names()
        for employee in employees:
            calendar = (
                employee.resource_calendar_id
                or employee.company_id.resource_calendar_id
            )
            groups[(calendar, tz_names[employee.id])].append(employee.id)
        result = {}
        for (calendar, tz_name), group_ids in groups.items():
            group = employees.browse(group_ids)
            # the calendar's hours are read in the time zone of the agent's day
            tz = pytz.timezone(tz_name)
            start_dt = tz.localize(datetime.combine(month_from, time.min))
            end_dt = tz.localize(
                datetime.combine(month_to + timedelta(days=1), time.min)
            )
            if calendar:
                # an employee without a schedule of their own follows the
                # company's (Odoo would count them as working round the clock)
                resources = group.resource_id.filtered("calendar_id")
                attendances = calendar._attendance_intervals_batch(
                    start_dt, end_dt, resources, tz=tz
                )
                leaves = calendar._leave_intervals_batch(
                    start_dt, end_dt, resources, tz=tz
                )
            else:
                attendances, leaves = {}, {}
            companies = {}
            memo = {}
            for employee in group:
                company = employee.company_id
                if company not in companies:
                    companies[company] = self._afternoon_start(calendar, company)
                afternoon = companies[company]
                res_id = employee.resource_id.id
                planned = attendances.get(res_id, attendances.get(False)) or Intervals()
                leave = leaves.get(res_id, leaves.get(False)) or Intervals()
                # most agents share their calendar's intervals and only the
                # public holidays: their days are computed once
                key = (
                    id(planned),
                    afternoon,
                    tuple(
                        (start, stop, tuple(recs.ids)) for start, stop, recs in leave
                    ),
                )
                if key not in memo:
                    memo[key] = self._schedule_days(
                        planned, leave, tz, afternoon, date_from, date_to
                    )
                month_days, days = memo[key]
                result[employee.id] = {
                    "tz": tz_name,
                    "afternoon": afternoon,
                    "month_days": month_days,
                    "days": days,
                }
        return result

    @api.model
    def _schedule_days(self, planned, leave, tz, afternoon, date_from, date_to):
        """(working days per month, expected work per day) of one employee
        from the calendar's intervals and the employee's leave intervals."""
        public = Intervals([iv for iv in leave if not iv[2].resource_id])
        month_days = defaultdict(set)
        full_hours = defaultdict(float)
        for start, stop, _att in planned - public:
            month_days[start.date().replace(day=1)].add(start.date())
            full_hours[start.date()] += (stop - start).total_seconds() / 3600
        days = {}
        noons = {}
        for start, stop, _att in planned - leave:
            day = start.date()
            if not date_from <= day <= date_to:
                continue
            if day not in noons:
                noons[day] = tz.localize(
                    datetime.combine(day, time.min) + timedelta(seconds=afternoon)
                )
            noon = noons[day]
            entry = days.setdefault(
                day,
                {
                    "start": start,
                    "end": stop,
                    "hours": 0.0,
                    "full_hours": full_hours[day],
                    "morning": False,
                    "afternoon": False,
                },
            )
            entry["start"] = min(entry["start"], start)
            entry["end"] = max(entry["end"], stop)
            entry["hours"] += (stop - start).total_seconds() / 3600
            entry["morning"] |= start < noon
            entry["afternoon"] |= stop > noon
        for entry in days.values():
            entry["start"] = entry["start"].astimezone(pytz.utc).replace(tzinfo=None)
            entry["end"] = entry["end"].astimezone(pytz.utc).replace(tzinfo=None)
        return {m: len(d) for m, d in month_days.items()}, days
