# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class TelesalesDemo(models.AbstractModel):
    _inherit = "telesales.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _telesales_demo_referrals(self, agents=None):
        """Three referrals made by telesales agents (default: the existing
        ones, once): one whose bonuses are approved and ready for payroll, one
        still pending, one cancelled because the hire left; then last month's
        team KPIs. Deterministic (seeded)."""
        Referral = self.env["telesales.referral"]
        Employee = self.env["hr.employee"].sudo()
        if agents is None:
            if Referral.sudo().search_count([], limit=1):
                return Referral.browse()
            agents = Employee.search(
                [("is_telesales_agent", "=", True), ("department_id", "!=", False)],
                order="id",
            )
        agents = agents.sudo().filtered("department_id")
        if len(agents) < 3:
            return Referral.browse()
        referrers = Employee.browse(
            sorted(random.Random(5).sample(sorted(agents.ids), 3))
        )
        today = fields.Date.context_today(self)
        starts = [
            today - relativedelta(months=4, day=1),
            today - relativedelta(days=10),
            today - relativedelta(months=2, day=1),
        ]
        hires = Employee.create(
            [
                {
                    "name": name,
                    "department_id": referrer.department_id.id,
                    "company_id": referrer.company_id.id,
                }
                for name, referrer in zip(
                    ("Zhou Min", "Sun Li", "Wu Hao"), referrers, strict=True
                )
            ]
        )
        trainee = self.env.ref("telesales_hr.rank_t0", raise_if_not_found=False)
        if trainee:
            self.env["telesales.rank.history"].sudo().create(
                [
                    {
                        "employee_id": hire.id,
                        "rank_id": trainee.id,
                        "date_start": start,
                        "origin": "initial",
                    }
                    for hire, start in zip(hires, starts, strict=True)
                ]
            )
        referrals = Referral.sudo().create(
            [
                {
                    "referrer_id": referrer.id,
                    "employee_id": hire.id,
                    "date_start": start,
                }
                for referrer, hire, start in zip(referrers, hires, starts, strict=True)
            ]
        )
        # the third hire left after two weeks
        hires[2].write({"departure_date": starts[2] + relativedelta(days=14)})
        hires[2].write({"active": False})
        Milestone = self.env["telesales.referral.milestone"].sudo()
        Milestone._cron_referral_milestones(today)
        referrals[0].milestone_ids.filtered(lambda m: m.state == "due").action_approve()
        self.env["telesales.team.kpi"].sudo()._cron_compute_last_month()
        return referrals
