# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Newcomer coaching: a trainee long without a deal gets a coaching
activity for the team leader (SPEC §4)."""

from datetime import timedelta

from odoo import api, models


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _team_leader_user(self, employee, team):
        """User of the team leader of ``team`` for ``employee`` (the manager
        above when the employee leads that team)."""
        leader = team.manager_id
        if leader == employee:
            leader = team.parent_id.manager_id
        return leader.user_id

    @api.model
    def _check_newcomer_coaching(self, employees, date_from, date_to):
        """A trainee more than N working days in a row below the expected
        deals gets a coaching activity for the team leader, once per streak
        (the flag's period is the first day of the streak)."""
        per_employee = self._final_days(
            employees,
            date_from - timedelta(days=62),
            date_to,
            ["is_newcomer", "deals", "absence", "department_id"],
        )
        vals_list = []
        # the leaders of the range's teams and the managers above read at
        # once into the cache, not one team per flag
        teams = self.env["hr.department"].browse(
            {row[4] for rows in per_employee.values() for row in rows if row[4]}
        )
        teams.mapped("manager_id.user_id")
        teams.mapped("parent_id.manager_id.user_id")
        for employee in employees.filtered(lambda e: e.id in per_employee):
            company = employee.company_id
            limit = company.telesales_newcomer_coaching_days
            expected = company.telesales_newcomer_deals_per_day
            streak_start, run = None, 0
            for day, newcomer, deals, absence, team_id in per_employee[employee.id]:
                if absence == "full":
                    # an absence is handled as such: it neither counts nor breaks
                    continue
                if not newcomer or deals >= expected:
                    streak_start, run = None, 0
                    continue
                streak_start = streak_start or day
                run += 1
                if run == limit + 1 and day >= date_from:
                    team = teams.browse(team_id)
                    vals_list.append(
                        {
                            "name": self.env._(
                                "Coaching for %(employee)s: %(days)s working days "
                                "without a deal",
                                employee=employee.name,
                                days=run,
                            ),
                            "flag_type": "newcomer_coaching",
                            "employee_id": employee.id,
                            "department_id": team_id,
                            "date": day,
                            "period_start": streak_start,
                            "period_end": streak_start,
                            "description": self.env._(
                                "Listen to failed and successful recordings together "
                                "with the newcomer."
                            ),
                            "responsible_user_id": self._team_leader_user(
                                employee, team
                            ).id,
                            "source_ref": f"hr.employee,{employee.id}",
                        }
                    )
        return (
            self.env["telesales.flag"]
            .sudo()
            ._raise_flags(
                vals_list,
                activity_summary=self.env._(
                    "Coaching: listen to failed and successful recordings together"
                ),
            )
        )
