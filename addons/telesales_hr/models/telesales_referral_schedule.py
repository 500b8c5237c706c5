# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models

from .telesales_referral_rules import milestone_due, probation_end


class TelesalesReferral(models.Model):
    """The bonuses of a referral and the end of the hire's probation they
    depend on."""

    _inherit = "telesales.referral"  # pylint: disable=consider-merging-classes-inherited

    def _create_milestones(self):
        vals_list = []
        for referral in self:
            company = referral.company_id
            vals_list += [
                {
                    "referral_id": referral.id,
                    "kind": kind,
                    "date_due": referral._milestone_due(kind),
                    "amount": amount,
                }
                for kind, amount in (
                    ("one_month", company.telesales_referral_first_amount),
                    ("probation", company.telesales_referral_probation_amount),
                )
            ]
        Milestone = self.env["telesales.referral.milestone"].sudo()
        with Milestone._workflow_step(model_wide=True):
            return Milestone.create(vals_list)

    def _milestone_due(self, kind):
        self.ensure_one()
        return milestone_due(
            kind,
            self.date_start,
            self.probation_end,
            self.company_id.telesales_referral_first_months,
        )

    def _sync_milestone_dates(self):
        """Move pending milestones after a start date or probation change
        (one write per new due date, not per milestone)."""
        moves = defaultdict(list)
        for referral in self:
            for milestone in referral.milestone_ids.filtered(
                lambda m: m.state == "pending"
            ):
                date_due = referral._milestone_due(milestone.kind)
                if milestone.date_due != date_due:
                    moves[date_due].append(milestone.id)
        Milestone = self.env["telesales.referral.milestone"].sudo()
        for date_due, ids in moves.items():
            Milestone.browse(ids).write({"date_due": date_due})

    def _refresh_probation_end(self):
        """Probation end from the hire's contract (hr_contract's end of trial
        period) when one exists, else start date + probation months."""
        trial_ends = self._contract_trial_ends()
        changes = defaultdict(list)
        for referral in self:
            end, source = probation_end(
                referral.date_start,
                trial_ends.get(referral.employee_id.id),
                referral.company_id.telesales_referral_probation_months,
            )
            vals = {"probation_end": end, "probation_source": source}
            if (
                referral.probation_end != vals["probation_end"]
                or referral.probation_source != vals["probation_source"]
            ):
                changes[tuple(vals.items())].append(referral.id)
        # one write per distinct probation end, not per referral
        for vals, ids in changes.items():
            self.browse(ids).sudo().write(dict(vals))

    def _contract_trial_ends(self):
        """{hire id: end of trial period} of the hire's first contract that
        has one. telesales_hr does not depend on hr_contract: only read it when
        it is installed."""
        if "hr.contract" not in self.env or not self:
            return {}
        Contract = self.env["hr.contract"].sudo().with_context(active_test=False)
        if "trial_date_end" not in Contract._fields:
            return {}
        groups = Contract._read_group(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("state", "!=", "cancel"),
                ("trial_date_end", "!=", False),
            ],
            ["employee_id"],
            ["trial_date_end:min"],
        )
        return {employee.id: trial_end for employee, trial_end in groups}
