# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields, models


def _last_month(wizard):
    return fields.Date.context_today(wizard).replace(day=1) - relativedelta(months=1)


class TelesalesTeamKpiCompute(models.TransientModel):
    """Computes the team KPIs of a month on demand (the monthly cron does the
    previous month by itself)."""

    _name = "telesales.team.kpi.compute"
    _description = "Compute Team KPIs"

    month = fields.Date(
        required=True,
        default=_last_month,
        help="Any day of the month to compute.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Teams",
        help="Leave empty to compute every telesales team.",
    )

    def action_compute(self):
        self.ensure_one()
        Kpi = self.env["telesales.team.kpi"]
        kpis = Kpi._compute_team_kpis(self.month, self.department_ids or None)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_team_kpi"
        )
        action["domain"] = [("id", "in", kpis.ids)]
        return action
