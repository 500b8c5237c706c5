# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrPayslipLine(models.Model):
    """OCA leaves the payslip of a line and its parent line unindexed. Each
    computation reads a payslip's lines (``slip_id``) and deletes the old
    ones, and deleting a line makes PostgreSQL look for the lines whose
    ``parent_line_id`` points to it (the foreign key's ``ON DELETE SET
    NULL``): without the indexes both scan every payslip line of the
    database, so a batch took longer with each month paid."""

    _inherit = "hr.payslip.line"

    slip_id = fields.Many2one(index=True)
    parent_line_id = fields.Many2one(index="btree_not_null")
