# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The score of an inspection: 100 − the points of the failed items, 0 when
a fatal item failed; it passes from the pass line up."""

from odoo import api, fields, models

from .telesales_qa_item import SEVERITIES, SEVERITY_ORDER


def inspection_score(failed_items, pass_score):
    """The result of an inspection whose failed items are ``failed_items``,
    ``[(points, fatal, severity)]``: ``{"deduction", "fatal_failed",
    "score", "severity", "passed"}`` (severity: the worst one, or False)."""
    deduction = sum(points for points, _fatal, _severity in failed_items)
    fatal = any(fatal for _points, fatal, _severity in failed_items)
    score = 0.0 if fatal else max(0.0, 100.0 - deduction)
    severities = [severity for _points, _fatal, severity in failed_items]
    return {
        "deduction": deduction,
        "fatal_failed": fatal,
        "score": score,
        "severity": max(severities, key=SEVERITY_ORDER.get) if severities else False,
        "passed": score >= pass_score,
    }


class TelesalesQaInspection(models.Model):
    """The score, severity and result of an inspection."""

    _inherit = "telesales.qa.inspection"  # pylint: disable=consider-merging-classes-inherited

    deduction = fields.Float(compute="_compute_score", store=True)
    fatal_failed = fields.Boolean(
        string="Fatal Failure", compute="_compute_score", store=True
    )
    score = fields.Float(compute="_compute_score", store=True, tracking=True)
    severity = fields.Selection(
        SEVERITIES,
        compute="_compute_score",
        store=True,
        help="Severity of the worst failed item.",
    )
    pass_score = fields.Float(
        string="Pass Line",
        default=lambda self: self.env.company.telesales_qa_pass_score,
        required=True,
    )
    passed = fields.Boolean(compute="_compute_score", store=True)

    @api.depends(
        "line_ids.failed",
        "line_ids.points",
        "line_ids.fatal",
        "line_ids.severity",
        "pass_score",
    )
    def _compute_score(self):
        for inspection in self:
            failed = inspection.line_ids.filtered("failed")
            inspection.update(
                inspection_score(
                    [(line.points, line.fatal, line.severity) for line in failed],
                    inspection.pass_score,
                )
            )
