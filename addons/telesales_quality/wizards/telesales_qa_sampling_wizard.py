# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.telesales_hr.models.telesales_agent_day import AGENT_TZ_SQL


class TelesalesQaSamplingWizard(models.TransientModel):
    """Draw N calls per agent in a period for inspection.

    The period is cut into N equal slices and one call is drawn at random in
    each slice, so the sample spreads over the period; an agent without a
    call in some slice gets the missing draws from the rest of the period.
    The period is made of the agent's local days (``hr.employee.
    _telesales_tz``, as their calls' days), not of the user's.
    Calls already inspected are skipped. The drawn calls become draft
    inspections assigned to the chosen inspectors in turn (round robin).
    The draw is random but reproducible: the same seed gives the same sample.
    """

    _name = "telesales.qa.sampling.wizard"
    _description = "Call Sampling for Inspection"

    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    sample_size = fields.Integer(string="Calls per Agent", required=True, default=5)
    department_ids = fields.Many2many(
        "hr.department", string="Teams", help="Empty: every team."
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Agents",
        domain="[('is_telesales_agent', '=', True)]",
        help="Empty: every telesales agent of the teams.",
    )
    inspector_ids = fields.Many2many(
        "res.users",
        string="Inspectors",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("telesales_quality.group_qa_inspector").id)
        ],
    )
    form_id = fields.Many2one(
        "telesales.qa.form",
        required=True,
        default=lambda self: self.env["telesales.qa.form"]._current_form(),
        domain="[('state', '=', 'published')]",
    )
    connected_only = fields.Boolean(default=True)
    min_talk_seconds = fields.Integer(string="Minimum Talk Time (s)", default=0)
    seed = fields.Integer(
        default=lambda self: random.SystemRandom().randint(1, 2**31 - 1),
        help="The same seed draws the same calls.",
    )

    @api.constrains("sample_size", "date_from", "date_to")
    def _check_values(self):
        for wizard in self:
            if wizard.sample_size < 1:
                raise UserError(self.env._("Draw at least one call per agent."))
            if wizard.date_to < wizard.date_from:
                raise UserError(self.env._("The period ends before it starts."))

    def _agents(self):
        self.ensure_one()
        if self.employee_ids:
            return self.employee_ids
        domain = [
            ("is_telesales_agent", "=", True),
            ("company_id", "=", self.env.company.id),
        ]
        if self.department_ids:
            domain.append(("department_id", "child_of", self.department_ids.ids))
        return self.env["hr.employee"].search(domain)

    def _draw(self, agents):
        """[(call id, employee id)] of the sample, by agent then call start."""
        self.ensure_one()
        if not agents:
            return []
        self.env["telesales.call"].flush_model()
        self.env["telesales.qa.inspection"].flush_model(["call_id"])
        self.env.cr.execute(
            SQL(
                """
            WITH bounds AS (
                -- each agent's period: from the first local day's midnight
                -- to the midnight after the last one, in UTC like c.start
                SELECT e.id AS employee_id,
                       (%(day_from)s::timestamp AT TIME ZONE %(tz)s)
                           AT TIME ZONE 'UTC' AS start,
                       (%(day_end)s::timestamp AT TIME ZONE %(tz)s)
                           AT TIME ZONE 'UTC' AS stop
                  FROM hr_employee e
                  JOIN resource_resource r ON r.id = e.resource_id
             LEFT JOIN resource_calendar rc ON rc.id = r.calendar_id
                 WHERE e.id IN %(agents)s
            ), cand AS (
                SELECT c.id, c.employee_id, c.start,
                       LEAST(%(n)s - 1, FLOOR(
                           EXTRACT(EPOCH FROM (c.start - b.start))
                           / (EXTRACT(EPOCH FROM (b.stop - b.start)) / %(n)s)
                       ))::int AS slice,
                       md5(%(seed)s || ':' || c.id) AS h
                  FROM telesales_call c
                  JOIN bounds b ON b.employee_id = c.employee_id
                 WHERE c.company_id = %(company)s
                   AND c.start >= b.start AND c.start < b.stop
                   AND (c.connected OR NOT %(connected)s)
                   AND COALESCE(c.talk_seconds, 0) >= %(min_talk)s
                   AND NOT EXISTS (
                       SELECT 1 FROM telesales_qa_inspection i WHERE i.call_id = c.id
                   )
            ), ranked AS (
                SELECT id, employee_id, start, h,
                       ROW_NUMBER() OVER (
                           PARTITION BY employee_id, slice ORDER BY h
                       ) = 1 AS first_of_slice
                  FROM cand
            ), picked AS (
                SELECT id, employee_id, start,
                       ROW_NUMBER() OVER (
                           PARTITION BY employee_id ORDER BY first_of_slice DESC, h
                       ) AS pick
                  FROM ranked
            )
            SELECT id, employee_id FROM picked
             WHERE pick <= %(n)s
          ORDER BY employee_id, start, id
            """,
                tz=SQL(AGENT_TZ_SQL),
                n=self.sample_size,
                day_from=self.date_from,
                day_end=self.date_to + timedelta(days=1),
                seed=str(self.seed),
                company=self.env.company.id,
                agents=tuple(agents.ids),
                connected=self.connected_only,
                min_talk=self.min_talk_seconds,
            )
        )
        return self.env.cr.fetchall()

    def action_draw(self):
        self.ensure_one()
        if self.form_id.state != "published":
            raise UserError(self.env._("Choose a published inspection form."))
        draws = self._draw(self._agents())
        if not draws:
            raise UserError(
                self.env._(
                    "No call left to inspect between %(start)s and %(end)s.",
                    start=self.date_from,
                    end=self.date_to,
                )
            )
        inspectors = self.inspector_ids.sorted("id")
        inspections = self.env["telesales.qa.inspection"].create(
            [
                {
                    "call_id": call_id,
                    "form_id": self.form_id.id,
                    "inspector_id": inspectors[index % len(inspectors)].id,
                }
                for index, (call_id, _employee_id) in enumerate(draws)
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sampled Calls"),
            "res_model": "telesales.qa.inspection",
            "view_mode": "list,form",
            "domain": [("id", "in", inspections.ids)],
        }
