# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .telesales_qa_inspection import DONE_STATES


class HrDepartment(models.Model):
    _inherit = "hr.department"

    @api.model
    def _telesales_qa_pass_rates(self, departments, date_from, date_to):
        """QA pass rate of each department (its sub-teams included) over the
        calls of [date_from, date_to] (the agents' local days): ``{department
        id: percent (0-100) or None}`` (None: nothing inspected). The Team
        KPIs and the headcount gate read it (``telesales.team.kpi``)."""
        result = {}
        if not departments:
            return result
        self.env["telesales.qa.inspection"].flush_model(
            ["department_id", "call_date", "state", "passed"]
        )
        self.env["hr.department"].flush_model(["parent_path"])
        self.env.cr.execute(
            """
            SELECT d.id,
                   COUNT(i.id),
                   COUNT(i.id) FILTER (WHERE i.passed)
              FROM hr_department d
              JOIN hr_department sub ON sub.parent_path LIKE d.parent_path || '%%'
              JOIN telesales_qa_inspection i ON i.department_id = sub.id
             WHERE d.id IN %s
               AND i.state IN %s
               AND i.call_date >= %s AND i.call_date <= %s
          GROUP BY d.id
            """,
            [tuple(departments.ids), DONE_STATES, date_from, date_to],
        )
        counts = {
            dept_id: (total, passed)
            for dept_id, total, passed in self.env.cr.fetchall()
        }
        for department in departments:
            total, passed = counts.get(department.id, (0, 0))
            result[department.id] = 100.0 * passed / total if total else None
        return result
