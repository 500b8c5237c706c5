# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .dated import overlapping_domain, valid_at_domain


class L10nCnCity(models.Model):
    """A city whose social insurance and housing fund rules apply (the
    employee's contribution city, 参保地)."""

    _name = "l10n_cn.city"
    _description = "Contribution City (China)"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code, e.g. SH, BJ, SZ, GZ.")
    state_id = fields.Many2one("res.country.state", string="Province")
    active = fields.Boolean(default=True)
    deduction_cap_percent = fields.Float(
        string="Deduction Cap (%)",
        default=20.0,
        help="Most a month's wage deductions for the employer's losses may take "
        "(工资支付暂行规定 §16 and the city's wage payment rules).",
    )
    deduction_cap_source = fields.Char(
        help="The rule the cap stands on.",
    )
    parameter_ids = fields.One2many(
        "l10n_cn.si.parameter", "city_id", string="Contribution Parameters"
    )
    minimum_wage_ids = fields.One2many(
        "l10n_cn.minimum.wage", "city_id", string="Minimum Wages"
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A city code must be unique."),
    ]

    def parameter_at(self, date):
        """The city's contribution parameters valid on ``date`` (or empty)."""
        self.ensure_one()
        return self.env["l10n_cn.si.parameter"]._valid_at(self, date)

    def minimum_wage_at(self, date):
        """The city's monthly minimum wage row valid on ``date`` (or empty)."""
        self.ensure_one()
        return self.env["l10n_cn.minimum.wage"]._valid_at(self, date)


class L10nCnDatedMixin(models.AbstractModel):
    """Rows valid from ``date_from`` to ``date_to`` (open when empty), one
    row per city at a time."""

    _name = "l10n_cn.dated.mixin"
    _description = "Dated Parameter Row (China)"
    _order = "city_id, date_from desc"

    city_id = fields.Many2one(
        "l10n_cn.city", required=True, ondelete="cascade", index=True
    )
    date_from = fields.Date(string="Valid From", required=True)
    date_to = fields.Date(string="Valid To")
    source = fields.Text(
        help="Where the figures come from: the notice, its number and date."
    )

    @api.constrains("date_from", "date_to", "city_id")
    def _check_dated_overlap(self):
        for row in self:
            if row.date_to and row.date_to < row.date_from:
                raise ValidationError(
                    self.env._("%(row)s ends before it starts.", row=row.display_name)
                )
            domain = overlapping_domain(row, "city_id")
            if self.search_count(domain):
                raise ValidationError(
                    self.env._(
                        "%(city)s already has %(what)s valid in this period.",
                        city=row.city_id.name,
                        what=self._description,
                    )
                )

    @api.model
    def _valid_at(self, city, date):
        return self.search(
            valid_at_domain("city_id", city.id, date), order="date_from desc", limit=1
        )

    @api.depends("city_id", "date_from", "date_to")
    def _compute_display_name(self):
        for row in self:
            end = row.date_to or "…"
            row.display_name = f"{row.city_id.name or ''} {row.date_from or ''} – {end}"


class L10nCnMinimumWage(models.Model):
    _name = "l10n_cn.minimum.wage"
    _inherit = "l10n_cn.dated.mixin"
    _description = "Minimum Wage (China)"

    amount = fields.Float(
        string="Monthly Minimum Wage", digits="Payroll", required=True
    )
    excludes_contributions = fields.Boolean(
        string="Excludes Employee SI and HF",
        help="The minimum wage is net of the employee's own social insurance "
        "and housing fund (Shanghai, Beijing): pay after those contributions "
        "must still reach it.",
    )
