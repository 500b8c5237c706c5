# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cn_tax import ROUNDING_RULES

ROUNDING_SELECTION = [
    ("cent", "To the cent, half up"),
    ("jiao", "To the jiao (0.1), half up"),
    ("yuan", "To the yuan, half up"),
    ("cent_down", "To the cent, truncated"),
    ("yuan_up", "Up to the next yuan"),
]
assert {key for key, _label in ROUNDING_SELECTION} == set(ROUNDING_RULES)

RISK_CLASSES = [(str(n), str(n)) for n in range(1, 9)]


class L10nCnSiParameter(models.Model):
    """A city's social insurance and housing fund (五险一金) rules for one
    validity period: rates of both sides, base floor and ceiling, rounding."""

    _name = "l10n_cn.si.parameter"
    _inherit = "l10n_cn.dated.mixin"
    _description = "Social Insurance and Housing Fund Parameters (China)"

    si_base_min = fields.Float(string="SI Base Floor", digits="Payroll")
    si_base_max = fields.Float(string="SI Base Ceiling", digits="Payroll")
    hf_base_min = fields.Float(string="HF Base Floor", digits="Payroll")
    hf_base_max = fields.Float(string="HF Base Ceiling", digits="Payroll")
    pension_employer = fields.Float(string="Pension Employer (%)", digits=(5, 3))
    pension_employee = fields.Float(string="Pension Employee (%)", digits=(5, 3))
    medical_employer = fields.Float(
        string="Medical Employer (%)",
        digits=(5, 3),
        help="Maternity insurance is merged into medical insurance "
        "(国办发〔2019〕10号).",
    )
    medical_employee = fields.Float(string="Medical Employee (%)", digits=(5, 3))
    medical_employee_fixed = fields.Float(
        string="Medical Employee Fixed Amount",
        digits="Payroll",
        help="A fixed monthly amount on top of the rate, e.g. Beijing's 3 yuan "
        "for serious illness (大额医疗互助).",
    )
    unemployment_employer = fields.Float(
        string="Unemployment Employer (%)", digits=(5, 3)
    )
    unemployment_employee = fields.Float(
        string="Unemployment Employee (%)", digits=(5, 3)
    )
    hf_rate_min = fields.Float(string="HF Rate Minimum (%)", default=5.0)
    hf_rate_max = fields.Float(string="HF Rate Maximum (%)", default=12.0)
    hf_rate_default = fields.Float(
        string="HF Rate Default (%)",
        default=7.0,
        help="Housing fund rate of both sides when the employee's base does not "
        "set one.",
    )
    rounding = fields.Selection(
        ROUNDING_SELECTION,
        string="Rounding Rule",
        default="cent",
        required=True,
        help="How the city rounds each contribution.",
    )
    injury_rate_ids = fields.One2many(
        "l10n_cn.work.injury.rate", "parameter_id", string="Work Injury Rates"
    )

    @api.constrains("hf_rate_min", "hf_rate_max", "hf_rate_default")
    def _check_hf_rates(self):
        for row in self:
            if not row.hf_rate_min <= row.hf_rate_default <= row.hf_rate_max:
                raise ValidationError(
                    self.env._(
                        "The default housing fund rate of %(row)s must lie between "
                        "its minimum and maximum.",
                        row=row.display_name,
                    )
                )

    def injury_rate(self, risk_class):
        """Work injury employer rate (%) of a risk class (1–8)."""
        self.ensure_one()
        line = self.injury_rate_ids.filtered(
            lambda rate: rate.risk_class == (risk_class or "1")
        )
        return line[:1].rate


class L10nCnWorkInjuryRate(models.Model):
    """Work injury insurance is paid by the employer only, at the rate of the
    industry's risk class (人社部发〔2015〕71号: eight classes)."""

    _name = "l10n_cn.work.injury.rate"
    _description = "Work Injury Rate by Risk Class (China)"
    _order = "parameter_id, risk_class"

    parameter_id = fields.Many2one(
        "l10n_cn.si.parameter", required=True, ondelete="cascade", index=True
    )
    risk_class = fields.Selection(RISK_CLASSES, required=True)
    rate = fields.Float(string="Employer Rate (%)", digits=(5, 3))

    _sql_constraints = [
        (
            "class_uniq",
            "unique(parameter_id, risk_class)",
            "One rate per risk class.",
        ),
    ]
