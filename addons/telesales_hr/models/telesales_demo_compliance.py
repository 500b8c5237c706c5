# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data: last month's attendance of every agent, then its compliance."""

import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class TelesalesDemo(models.AbstractModel):
    _inherit = "telesales.demo"

    @api.model
    def _telesales_demo_compliance(self):
        """Attendance of last month for every telesales agent, then its
        compliance: mostly on time, some late arrivals and early leaves,
        two absences and one proxy punch pair (same IP, 40 seconds apart).
        Deterministic (seeded) and idempotent (agents who already have
        attendance that month are left alone)."""
        Compliance = self.env["telesales.daily.compliance"]
        agents = self.env["hr.employee"].search(
            [("is_telesales_agent", "=", True)], order="id"
        )
        if not agents:
            return Compliance
        today = fields.Date.context_today(self)
        first = today.replace(day=1) - relativedelta(months=1)
        last = first + relativedelta(day=31)
        self.env.cr.execute(
            "SELECT DISTINCT employee_id FROM hr_attendance WHERE employee_id IN %s "
            "AND check_in >= %s AND check_in < %s",
            [tuple(agents.ids), first, last + timedelta(days=1)],
        )
        done = {row[0] for row in self.env.cr.fetchall()}
        todo = agents.filtered(lambda e: e.id not in done)
        rnd = random.Random(2026)
        schedules = Compliance._schedules(todo, first, last)
        days = sorted({day for s in schedules.values() for day in s["days"]})
        absent, proxy = set(), {}
        if todo and days:
            absent = {
                (todo[len(todo) // 3].id, days[len(days) // 2]),
                (todo[-1].id, days[-2 if len(days) > 1 else 0]),
            }
            pair = todo[:2]
            if len(pair) == 2:
                proxy = {
                    pair[0].id: (days[len(days) // 4], 0),
                    pair[1].id: (days[len(days) // 4], 40),
                }
        vals_list = []
        for index, employee in enumerate(todo):
            ip = f"10.20.{index // 200}.{index % 200 + 10}"
            for day in sorted(schedules[employee.id]["days"]):
                if (employee.id, day) in absent:
                    continue
                expected = schedules[employee.id]["days"][day]
                roll = rnd.random()
                if roll < 0.85:
                    late = -rnd.randint(60, 900)
                elif roll < 0.96:
                    late = rnd.randint(60, 900)
                else:
                    late = rnd.randint(1500, 2700)
                check_in = expected["start"] + timedelta(seconds=late)
                check_in_ip = ip
                if proxy.get(employee.id, (None,))[0] == day:
                    # both punched from the first agent's desk, 40 s apart
                    check_in = expected["start"] - timedelta(
                        minutes=5, seconds=-proxy[employee.id][1]
                    )
                    check_in_ip = "10.20.0.10"
                stay = rnd.choice([-10, 0, 0, 5, 15, 30, 60, 65, 75])
                check_out = expected["end"] + timedelta(
                    minutes=stay, seconds=rnd.randint(0, 59)
                )
                vals_list.append(
                    {
                        "employee_id": employee.id,
                        "check_in": check_in,
                        "check_out": max(check_out, check_in + timedelta(hours=1)),
                        "in_ip_address": check_in_ip,
                        "in_browser": "chrome",
                        "in_mode": "systray",
                    }
                )
        self.env["hr.attendance"].with_context(tracking_disable=True).create(vals_list)
        return Compliance._compute_for_range(first, last, agents)
