# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .telesales_xlsx_stream import XlsxColumn, XlsxSheet


class TelesalesRankReviewXlsx(models.AbstractModel):
    """Quarterly rank reviews: one sheet per review with its lines, the
    total premium and the number of agents per decision."""

    _name = "report.telesales_hr.rank_review_xlsx"
    _inherit = "report.telesales_hr.xlsx_stream"
    _xlsx_bool_text = True
    _description = "Quarterly Rank Review"

    def _xlsx_columns(self, sheet):
        return [
            XlsxColumn("employee_id", self.env._("Agent"), 24),
            XlsxColumn("department_id", self.env._("Team"), 28),
            XlsxColumn("current_rank_id", self.env._("Current Rank"), 22),
            XlsxColumn("months_held", self.env._("Months Held"), 8, "int"),
            XlsxColumn("premium", self.env._("Quarter Premium"), 16, "money", "sum"),
            XlsxColumn("threshold", self.env._("Keep Threshold"), 16, "money"),
            XlsxColumn(
                "promotion_threshold", self.env._("Promotion Threshold"), 16, "money"
            ),
            XlsxColumn("decision", self.env._("Decision"), 12),
            XlsxColumn("proposed_rank_id", self.env._("Proposed Rank"), 22),
            XlsxColumn("promotion_blocked", self.env._("Promotion Blocked"), 10),
            XlsxColumn("block_reason", self.env._("Block Reason"), 30),
            XlsxColumn("override_rank_id", self.env._("Override Rank"), 22),
            XlsxColumn("override_reason", self.env._("Override Reason"), 30),
            XlsxColumn("final_rank_id", self.env._("Final Rank"), 22),
            XlsxColumn("change", self.env._("Change"), 10),
        ]

    def _xlsx_sheets(self, domain, data):
        """One sheet per review (in the user's reach), its lines limited to
        the team chosen in the export wizard, if any."""
        line_domain = []
        if data.get("department_id"):
            line_domain = [("department_id", "child_of", data["department_id"])]
        states = dict(
            self.env["telesales.rank.review"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        reviews = self.env["telesales.rank.review"].search(
            domain, order="date_from, id"
        )
        for review in reviews:
            yield XlsxSheet(
                name=review.name,
                model="telesales.rank.review.line",
                domain=[("review_id", "=", review.id), *line_domain],
                order="department_id, employee_id, id",
                subtotal_by="decision",
                title=self.env._(
                    "Quarterly rank review %(name)s, %(date_from)s to %(date_to)s "
                    "(%(state)s)",
                    name=review.name,
                    date_from=review.date_from,
                    date_to=review.date_to,
                    state=states.get(review.state, review.state),
                ),
            )
