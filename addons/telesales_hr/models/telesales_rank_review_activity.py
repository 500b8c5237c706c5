# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .telesales_rank_review import ACTIVITY_TYPE


class TelesalesRankReview(models.Model):
    """Who is asked to act on a review at each step: its activities."""

    _inherit = "telesales.rank.review"  # pylint: disable=consider-merging-classes-inherited

    def _schedule_for(self, users, summary, **values):
        """An activity of the review for each of ``users``."""
        self.ensure_one()
        for user in users:
            self.activity_schedule(
                ACTIVITY_TYPE, summary=summary, user_id=user.id, **values
            )

    def _schedule_for_managers(self):
        """Drafted or sent back: its managers check and submit it."""
        for review in self:
            review._schedule_for(
                review._manager_users(),
                self.env._(
                    "Check and submit the rank review %(name)s", name=review.name
                ),
            )

    def _schedule_for_hr(self):
        """Submitted: the HR officers approve."""
        for review in self:
            review._schedule_for(
                review.company_id._telesales_hr_users(),
                self.env._("Approve the rank review %(name)s", name=review.name),
            )

    def _schedule_apply(self):
        """Approved: the approver applies it when the new quarter starts."""
        for review in self:
            review._schedule_for(
                self.env.user,
                self.env._("Apply the rank review %(name)s", name=review.name),
                date_deadline=max(
                    review.effective_date, fields.Date.context_today(self)
                ),
            )

    def _manager_users(self):
        """Who submits: the user of the scope's manager, else the telesales
        managers of the company (HR officers excluded when there are others)."""
        self.ensure_one()
        users = self.department_id.sudo().manager_id.user_id
        if not users:
            managers = self.env.ref("telesales_hr.group_telesales_manager").sudo().users
            hr = self.company_id._telesales_hr_users()
            managers = managers.filtered(
                lambda u: self.company_id in u.company_ids and u.active and not u.share
            )
            users = (managers - hr) or managers
            # a company-wide review goes to whoever heads a whole centre
            heads = (
                self.env["hr.department"]
                .sudo()
                .search(
                    [
                        ("company_id", "in", [self.company_id.id, False]),
                        ("parent_id", "=", False),
                        ("manager_id.user_id", "in", users.ids),
                    ]
                )
                .manager_id.user_id
            )
            users = (users & heads) or users
        return users.sorted("id")
