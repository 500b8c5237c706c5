# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Compliance recompute of a period in the background (OCA queue_job).

The wizard's confirm button checks who may compute which agents (as the
user), then runs the recompute at once for a small period and enqueues
:meth:`_job_compute_compliance` for a large one. A recompute replaces the
unlocked rows of the period in place, so running the job again changes
nothing; the ``identity_key`` (period and agents) makes one job of the same
recompute asked twice.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.telesales_job import job_identity, job_threshold

#: agent-days above which the recompute runs in the background
BACKGROUND_AGENT_DAYS = 20_000


class TelesalesComplianceCompute(models.TransientModel):
    _inherit = "telesales.compliance.compute"

    def action_compute(self):
        self.ensure_one()
        if not self.env.user.has_group("telesales_hr.group_telesales_manager"):
            return super().action_compute()  # refused there, as always
        days = (self.date_to - self.date_from).days + 1
        employees = self._employees_to_compute()
        limit = job_threshold(self.env, "compliance_agent_days", BACKGROUND_AGENT_DAYS)
        if len(employees) * days <= limit:
            return super().action_compute()
        return self._enqueue_compliance(employees)

    def _enqueue_compliance(self, employees):
        date_from = fields.Date.to_string(self.date_from)
        date_to = fields.Date.to_string(self.date_to)
        job = (
            self.env[self._name]
            .with_delay(
                channel="root.telesales.compliance",
                description=self.env._(
                    "Compute the compliance of %(count)s agents from %(date_from)s "
                    "to %(date_to)s",
                    count=len(employees),
                    date_from=date_from,
                    date_to=date_to,
                ),
                identity_key=job_identity(
                    "compliance", date_from, date_to, sorted(employees.ids)
                ),
            )
            ._job_compute_compliance(date_from, date_to, employees.ids)
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Compliance computed in the background"),
                "message": self.env._(
                    "The compliance of %(count)s agents from %(date_from)s to "
                    "%(date_to)s is computed in the background (job %(job)s); "
                    "you are notified when it is done.",
                    count=len(employees),
                    date_from=date_from,
                    date_to=date_to,
                    job=job.uuid,
                ),
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _job_compute_compliance(self, date_from, date_to, employee_ids):
        """Job: recompute the period for these agents, tell the user."""
        employees = self.env["hr.employee"].sudo().browse(employee_ids).exists()
        try:
            # rows, KPI deductions and flags are system records (as the wizard)
            rows = (
                self.env["telesales.daily.compliance"]
                .sudo()
                ._compute_for_range(date_from, date_to, employees)
            )
        except UserError as error:
            message = str(error.args[0])
            self._telesales_notify_compliance(
                self.env._("Compliance not computed"), message, "danger"
            )
            return message
        message = self.env._(
            "The compliance of %(count)s agents from %(date_from)s to %(date_to)s "
            "is computed: %(rows)s days.",
            count=len(employees),
            date_from=date_from,
            date_to=date_to,
            rows=len(rows),
        )
        self._telesales_notify_compliance(
            self.env._("Compliance computed"), message, "success"
        )
        return message

    @api.model
    def _telesales_notify_compliance(self, title, message, level):
        self.env["telesales.job.mixin"]._telesales_notify(title, message, level)

    @api.model
    def _telesales_job_failed(self, exc_message=None, **kw):
        """queue_job's ``on_fail_method``: the job failed for good."""
        Jobs = self.env["telesales.job.mixin"]
        Jobs._telesales_notify(
            self.env._("Compliance computation failed"),
            Jobs._telesales_job_failed_message(exc_message),
            level="danger",
        )
