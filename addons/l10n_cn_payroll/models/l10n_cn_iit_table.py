# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .dated import overlapping_domain, valid_at_domain


class L10nCnIitTable(models.Model):
    """An individual income tax rate table valid for a period.

    ``cumulative``: the withholding table on cumulative amounts (国家税务总局
    公告2018年第61号, 附件 个人所得税预扣率表一), with the monthly basic
    deduction and the 2020年第19号 annual deduction.
    ``bonus``: the monthly table used for the separately taxed annual one-off
    bonus (财政部 税务总局公告2023年第30号, valid until 2027-12-31).
    """

    _name = "l10n_cn.iit.table"
    _description = "Income Tax Table (China)"
    _order = "kind, date_from desc"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("cumulative", "Cumulative withholding"), ("bonus", "Annual bonus")],
        required=True,
    )
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To")
    source = fields.Text()
    basic_deduction_monthly = fields.Float(
        string="Basic Deduction per Month",
        digits="Payroll",
        help="减除费用: 5,000 a month employed here this year.",
    )
    low_income_threshold = fields.Float(
        string="Low-Earner Annual Deduction",
        digits="Payroll",
        help="国家税务总局公告2020年第19号: for an employee paid here all of "
        "last year with income at most this amount, the basic deduction is "
        "this amount from January.",
    )
    bracket_ids = fields.One2many("l10n_cn.iit.bracket", "table_id", string="Brackets")

    @api.constrains("kind", "date_from", "date_to")
    def _check_overlap(self):
        for table in self:
            domain = overlapping_domain(table, "kind")
            if self.search_count(domain):
                raise ValidationError(
                    self.env._(
                        "Another %(kind)s table is valid in the period of %(table)s.",
                        kind=table.kind,
                        table=table.name,
                    )
                )

    @api.model
    def valid_at(self, kind, date):
        return self.search(
            valid_at_domain("kind", kind, date), order="date_from desc", limit=1
        )

    def brackets(self):
        """[(upper or None, rate %, quick deduction)] sorted, for cn_tax."""
        self.ensure_one()
        rows = self.bracket_ids.sorted(lambda b: (not b.upper, b.upper))
        return [(row.upper or None, row.rate, row.quick_deduction) for row in rows]


class L10nCnIitBracket(models.Model):
    _name = "l10n_cn.iit.bracket"
    _description = "Income Tax Bracket (China)"
    _order = "table_id, upper"

    table_id = fields.Many2one(
        "l10n_cn.iit.table", required=True, ondelete="cascade", index=True
    )
    upper = fields.Float(
        string="Up To", digits="Payroll", help="Upper bound included; 0: no limit."
    )
    rate = fields.Float(string="Rate (%)", digits=(5, 2))
    quick_deduction = fields.Float(digits="Payroll")
