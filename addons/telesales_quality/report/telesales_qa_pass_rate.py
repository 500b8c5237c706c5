# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.telesales_qa_inspection import DONE_STATES


class TelesalesQaPassRate(models.Model):
    """QA pass rates by agent, team and month of the call.

    One row per published inspection, with ``rate`` 100 when it passed and 0
    otherwise: the average of ``rate`` over any grouping (agent, team, month,
    inspector …) is exactly that group's pass rate.
    """

    _name = "telesales.qa.pass.rate"
    _description = "QA Pass Rate"
    _auto = False
    _order = "month desc"
    _rec_name = "employee_id"

    inspection_id = fields.Many2one("telesales.qa.inspection", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Agent", readonly=True)
    department_id = fields.Many2one("hr.department", string="Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    inspector_id = fields.Many2one("res.users", readonly=True)
    form_id = fields.Many2one("telesales.qa.form", readonly=True)
    month = fields.Date(readonly=True)
    date = fields.Date(string="Call Date", readonly=True)
    inspections = fields.Integer(readonly=True, aggregator="sum")
    passed = fields.Integer(readonly=True, aggregator="sum")
    fatal = fields.Integer(string="Fatal Failures", readonly=True, aggregator="sum")
    score = fields.Float(string="Average Score", readonly=True, aggregator="avg")
    rate = fields.Float(string="Pass Rate (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT i.id AS id,
                       i.id AS inspection_id,
                       i.employee_id,
                       i.department_id,
                       i.company_id,
                       i.inspector_id,
                       i.form_id,
                       date_trunc('month', i.call_date)::date AS month,
                       i.call_date AS date,
                       1 AS inspections,
                       CASE WHEN i.passed THEN 1 ELSE 0 END AS passed,
                       CASE WHEN i.fatal_failed THEN 1 ELSE 0 END AS fatal,
                       i.score,
                       CASE WHEN i.passed THEN 100.0 ELSE 0.0 END AS rate
                  FROM telesales_qa_inspection i
                 WHERE i.state IN %s
            )
            """,
                SQL.identifier(self._table),
                DONE_STATES,
            )
        )
