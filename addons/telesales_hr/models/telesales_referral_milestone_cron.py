# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesReferralMilestone(models.Model):
    """The daily cron that makes bonuses due, and the hires' departures that
    cancel them."""

    _inherit = "telesales.referral.milestone"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_referral_milestones(self, today=None):
        """Pending bonuses whose date has come become due when the hire was
        still employed on that date, else are cancelled."""
        today = today or fields.Date.context_today(self)
        pending = self.sudo().search([("state", "=", "pending")])
        probations = pending.filtered(lambda m: m.kind == "probation")
        probations.referral_id._refresh_probation_end()
        pending.referral_id._sync_milestone_dates()
        reached = pending.filtered(lambda m: m.date_due <= today)
        left = reached._hire_left_before(today)
        left._cancel(self.env._("The hire left before the milestone."))
        (reached - left)._make_due()
        return reached

    def _hire_left_before(self, today):
        """Milestones whose hire left before the due date. A hire archived
        without a departure date is taken to have left on ``today``."""
        leave_dates = self._hire_leave_dates(today)
        return self.filtered(
            lambda m: leave_dates.get(m.hire_id.id)
            and leave_dates[m.hire_id.id] < m.date_due
        )

    def _hire_leave_dates(self, today):
        hires = self.hire_id.sudo().with_context(active_test=False)
        hires.fetch(["active", "departure_date"])
        return {
            hire.id: hire.departure_date or (not hire.active and today) or False
            for hire in hires
        }

    @api.model
    def _on_hires_left(self, hires):
        """Departure or archiving of hires: cancel the bonuses they can no
        longer earn, at once (the cron would only see them on the due date)."""
        milestones = self.sudo().search(
            [("hire_id", "in", hires.ids), ("state", "in", ("pending", "due"))]
        )
        left = milestones._hire_left_before(fields.Date.context_today(self))
        left._cancel(self.env._("The hire left before the milestone."))
        return left
