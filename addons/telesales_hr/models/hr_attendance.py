# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models


class HrAttendance(models.Model):
    _inherit = "hr.attendance"

    @api.model
    def _telesales_detect_proxy_punch(
        self, employees, date_from, date_to, tz_names=None
    ):
        """Flag suspected proxy punching (代打卡) for the team leader.

        Check-ins of different employees from the same IP address
        (``in_ip_address``, recorded by Odoo's attendance systray and kiosk)
        within the company's window are suspicious. Each employee of
        ``employees`` involved gets one flag per local day (the agent's day,
        ``hr.employee._telesales_tz``), naming the others;
        the addresses listed as shared in the settings are ignored.
        Returns the flags created.
        """
        if not employees:
            return self.env["telesales.flag"]
        # the local day of the agent (``tz_names``: as computed by the caller)
        tz_names = tz_names or employees._telesales_tz_names()
        self.flush_model(["employee_id", "check_in", "in_ip_address"])
        windows, ignored = [], set()
        for employee in employees:
            company = employee.company_id
            windows.append(company.telesales_proxy_window_minutes)
            ignored.update(
                ip.strip()
                for ip in (company.telesales_proxy_ignored_ips or "").split(",")
                if ip.strip()
            )
        self.env.cr.execute(
            """
            WITH emp AS (
                SELECT * FROM unnest(%(ids)s::int[], %(windows)s::int[])
                    AS e(emp_id, window_minutes)
            )
            SELECT a.id, a.employee_id, a.check_in, a.in_ip_address,
                   b.employee_id, b.check_in
              FROM hr_attendance a
              JOIN emp e ON e.emp_id = a.employee_id
              JOIN hr_attendance b
                ON b.in_ip_address = a.in_ip_address
               AND b.employee_id != a.employee_id
               AND b.check_in
                   BETWEEN a.check_in - make_interval(mins => e.window_minutes)
                       AND a.check_in + make_interval(mins => e.window_minutes)
             WHERE e.window_minutes > 0
               AND a.check_in >= %(utc_from)s AND a.check_in < %(utc_to)s
               AND COALESCE(a.in_ip_address, '') != ''
               AND NOT a.in_ip_address = ANY(%(ignored)s::varchar[])
          ORDER BY a.employee_id, a.check_in, b.check_in
            """,
            {
                "ids": employees.ids,
                "windows": windows,
                "utc_from": datetime.combine(date_from - timedelta(days=1), time.min),
                "utc_to": datetime.combine(date_to + timedelta(days=2), time.min),
                "ignored": sorted(ignored),
            },
        )
        cases = defaultdict(list)
        for att_id, emp_id, check_in, ip, other_id, other_in in self.env.cr.fetchall():
            tz = pytz.timezone(tz_names.get(emp_id) or "UTC")
            local = pytz.utc.localize(check_in).astimezone(tz)
            if not date_from <= local.date() <= date_to:
                continue
            other_local = pytz.utc.localize(other_in).astimezone(tz)
            cases[(emp_id, local.date())].append(
                (att_id, local, ip, other_id, other_local)
            )
        if not cases:
            return self.env["telesales.flag"]
        Employee = self.env["hr.employee"].sudo()
        Compliance = self.env["telesales.daily.compliance"]
        vals_list = []
        for (emp_id, day), lines in cases.items():
            employee = Employee.browse(emp_id)
            details = [
                self.env._(
                    "%(time)s from %(ip)s, %(other)s checked in at %(other_time)s",
                    time=local.strftime("%H:%M:%S"),
                    ip=ip,
                    other=Employee.browse(other_id).name,
                    other_time=other_local.strftime("%H:%M:%S"),
                )
                for _att, local, ip, other_id, other_local in lines
            ]
            vals_list.append(
                {
                    "name": self.env._(
                        "Suspected proxy punch: %(employee)s on %(date)s",
                        employee=employee.name,
                        date=day,
                    ),
                    "flag_type": "proxy_punch",
                    "employee_id": emp_id,
                    "date": day,
                    "period_start": day,
                    "period_end": day,
                    "description": "\n".join(details),
                    "responsible_user_id": Compliance._team_leader_user(
                        employee, employee.department_id
                    ).id,
                    "source_ref": f"hr.attendance,{lines[0][0]}",
                }
            )
        return self.env["telesales.flag"].sudo()._raise_flags(vals_list)
