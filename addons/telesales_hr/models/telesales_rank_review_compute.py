# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .telesales_rank_review import MANAGER
from .telesales_rank_review_rules import (
    held_since,
    months_held,
    rank_decision,
)


class TelesalesRankReview(models.Model):
    """The computation of a review's lines: one decision per agent."""

    _inherit = "telesales.rank.review"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def action_compute(self):
        """(Re)compute the lines of draft reviews."""
        self._check_group(
            MANAGER,
            self.env._("Only telesales managers may compute a quarterly review."),
        )
        with self._workflow_begin("action_compute", self.env._("recomputed")):
            self._check_caller_scope(self.env._("recomputed"))
            for review in self:
                review.sudo()._compute_lines()
        return True

    def _review_employees(self):
        """Active employees in the scope who held a rank in the quarter and
        are not already reviewed by another review of the same quarter."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        employees = self.env["hr.employee"].search(domain)
        periods = self.env["telesales.rank.history"]._rank_periods(
            employees, self.date_from, self.date_to
        )
        taken = set(
            self.env["telesales.rank.review.line"]
            .search(
                [
                    ("review_id", "!=", self.id),
                    ("review_id.company_id", "=", self.company_id.id),
                    ("review_id.year", "=", self.year),
                    ("review_id.quarter", "=", self.quarter),
                    ("review_id.state", "!=", "cancelled"),
                    ("employee_id", "in", list(periods)),
                ]
            )
            .employee_id.ids
        )
        employees = employees.filtered(lambda e: e.id in periods and e.id not in taken)
        return employees, periods

    def _compute_lines(self):
        """Whole-scope computation in a few set-based queries: employees,
        rank periods, premium, blocks, ladder; then one batch create."""
        self.ensure_one()
        Line = self.env["telesales.rank.review.line"]
        # the one step that writes the figures of the lines
        with self._workflow_step(), Line._workflow_step(model_wide=True):
            self._compute_lines_in_step(Line)

    def _compute_lines_in_step(self, Line):
        self.line_ids.unlink()
        employees, periods = self._review_employees()
        premium = self.env["telesales.premium"]._effective_premium(
            employees, self.date_from, self.date_to
        )
        blocks = self.env["hr.employee"]._telesales_promotion_blocks(
            employees, self.date_from, self.date_to
        )
        ladder = self.env["telesales.rank"]._ladder(self.company_id)
        vals_list = [
            self._line_vals(
                employee,
                periods[employee.id],
                premium.get(employee.id, 0.0),
                blocks.get(employee.id) or [],
                ladder,
            )
            for employee in employees
        ]
        Line.create(vals_list)
        self.write(
            {
                "computed_on": fields.Datetime.now(),
                "promotion_mode": self.company_id.telesales_promotion_mode,
                "partial_quarter_mode": self.company_id.telesales_partial_quarter_mode,
            }
        )

    def _line_vals(self, employee, periods, premium, blocks, ladder):
        """Decision for one agent (pure Python on prefetched data, SPEC §3)."""
        company = self.company_id
        current = periods[-1][0]
        held_start = held_since(periods)
        months = months_held(held_start, self.date_from, self.date_to)
        vals = {
            "review_id": self.id,
            "employee_id": employee.id,
            "department_id": employee.department_id.id,
            "current_rank_id": current.id,
            "rank_start": held_start,
            "months_held": months,
            "premium": premium,
            "promotion_blocked": bool(blocks),
            "block_reason": "\n".join(str(reason) for reason in blocks) or False,
        }
        partial = held_start > self.date_from
        if partial and company.telesales_partial_quarter_mode == "exempt":
            vals.update(
                decision="exempt",
                proposed_rank_id=current.id,
                threshold=0.0,
                promotion_threshold=0.0,
            )
            return vals
        decision = rank_decision(
            current,
            ladder,
            premium,
            months,
            bool(blocks),
            company.telesales_promotion_mode,
            company.currency_id.rounding,
        )
        vals.update(
            decision=decision["decision"],
            proposed_rank_id=decision["proposed_rank"].id,
            threshold=decision["threshold"],
            promotion_threshold=decision["promotion_threshold"],
        )
        return vals
