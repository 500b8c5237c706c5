# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The QA pass rate as a KPI of the Team KPIs and of the headcount gate."""

from odoo import api, fields, models


class TelesalesTeamKpi(models.Model):
    _inherit = "telesales.team.kpi"

    qa_pass_rate = fields.Float(
        string="QA Pass Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    qa_pass_rate_evaluated = fields.Boolean(
        string="QA Evaluated",
        readonly=True,
        help="The quality module reported a pass rate for the team.",
    )

    @api.depends(
        "qa_pass_rate",
        "qa_pass_rate_evaluated",
        "company_id.telesales_gate_min_qa_pass_rate",
    )
    def _compute_passed(self):
        return super()._compute_passed()

    @api.model
    def _gate_kpis(self):
        kpis = super()._gate_kpis()
        kpis["qa_pass_rate"] = ("telesales_gate_min_qa_pass_rate", "min", "%")
        return kpis

    def _kpi_labels(self):
        labels = super()._kpi_labels()
        labels["qa_pass_rate"] = self.env._("QA pass rate")
        return labels

    @api.model
    def _team_statistics(self, departments, date_from, date_to):
        """Add the QA pass rate of each team; a team whose calls were not
        inspected is "not evaluated" (the gate skips the QA KPI)."""
        result = super()._team_statistics(departments, date_from, date_to)
        rates = self.env["hr.department"]._telesales_qa_pass_rates(
            departments, date_from, date_to
        )
        for dept_id, vals in result.items():
            rate = rates.get(dept_id)
            vals["qa_pass_rate_evaluated"] = rate is not None
            vals["qa_pass_rate"] = rate or 0.0
        return result

    def _stale_kpis(self):
        """Also stale: a KPI whose team had inspections of the month's calls
        written after it was computed (published, reviewed, cancelled)."""
        stale = super()._stale_kpis()
        rest = self - stale
        if not rest:
            return stale
        self.env["telesales.qa.inspection"].flush_model()
        self.env.cr.execute(
            """
            SELECT k.id
              FROM telesales_team_kpi k
              JOIN hr_department d ON d.id = k.department_id
             WHERE k.id IN %s
               AND EXISTS (
                    SELECT 1
                      FROM telesales_qa_inspection i
                      JOIN hr_department sub ON sub.id = i.department_id
                     WHERE starts_with(sub.parent_path, d.parent_path)
                       AND i.write_date > k.date_computed
                       AND i.call_date >= k.month
                       AND i.call_date < k.month + INTERVAL '1 month')
            """,
            [tuple(rest.ids)],
        )
        return stale | self.browse(row[0] for row in self.env.cr.fetchall())
