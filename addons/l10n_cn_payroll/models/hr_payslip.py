# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Social insurance and housing fund on the payslip.

The salary rules stay one line long (``result = -payslip.l10n_cn_amount(
"pension_ee")``): the figures are computed here from the dated parameter
rows, and the payslip keeps the rows it used and every intermediate figure,
so each line traces to its parameters.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cn_tax import D, clamp_base, contribution

#: contribution kinds: (field suffix, side)
CONTRIBUTIONS = [
    "pension_ee",
    "medical_ee",
    "unemployment_ee",
    "hf_ee",
    "pension_er",
    "medical_er",
    "unemployment_er",
    "injury_er",
    "hf_er",
]
EMPLOYEE_CONTRIBUTIONS = [kind for kind in CONTRIBUTIONS if kind.endswith("_ee")]
EMPLOYER_CONTRIBUTIONS = [kind for kind in CONTRIBUTIONS if kind.endswith("_er")]


def _money_field(string, **kwargs):
    return fields.Float(string=string, digits="Payroll", readonly=True, **kwargs)


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    # the year to date and the minimum wage read the employee's other
    # payslips for each payslip computed: OCA leaves the column unindexed
    employee_id = fields.Many2one(index=True)
    l10n_cn_prepared = fields.Boolean(
        string="Statutory Figures Computed", copy=False, readonly=True
    )
    l10n_cn_city_id = fields.Many2one(
        "l10n_cn.city", string="Contribution City", readonly=True, index=True
    )
    l10n_cn_parameter_id = fields.Many2one(
        "l10n_cn.si.parameter", string="SI/HF Parameters Used", readonly=True
    )
    l10n_cn_base_id = fields.Many2one(
        "l10n_cn.contribution.base", string="Declared Base Used", readonly=True
    )
    l10n_cn_declared_base = _money_field("Declared Base")
    l10n_cn_si_base = _money_field("SI Base")
    l10n_cn_hf_base = _money_field("HF Base")
    l10n_cn_hf_rate = fields.Float(string="HF Rate (%)", readonly=True)
    l10n_cn_pension_ee = _money_field("Pension (Employee)")
    l10n_cn_medical_ee = _money_field("Medical (Employee)")
    l10n_cn_unemployment_ee = _money_field("Unemployment (Employee)")
    l10n_cn_hf_ee = _money_field("Housing Fund (Employee)")
    l10n_cn_pension_er = _money_field("Pension (Employer)")
    l10n_cn_medical_er = _money_field("Medical (Employer)")
    l10n_cn_unemployment_er = _money_field("Unemployment (Employer)")
    l10n_cn_injury_er = _money_field("Work Injury (Employer)")
    l10n_cn_hf_er = _money_field("Housing Fund (Employer)")
    l10n_cn_employee_contributions = _money_field(
        "Employee SI and HF", compute="_compute_l10n_cn_totals", store=True
    )
    l10n_cn_employer_contributions = _money_field(
        "Employer SI and HF", compute="_compute_l10n_cn_totals", store=True
    )

    @api.depends(*["l10n_cn_" + kind for kind in CONTRIBUTIONS])
    def _compute_l10n_cn_totals(self):
        for slip in self:
            slip.l10n_cn_employee_contributions = sum(
                slip["l10n_cn_" + kind] for kind in EMPLOYEE_CONTRIBUTIONS
            )
            slip.l10n_cn_employer_contributions = sum(
                slip["l10n_cn_" + kind] for kind in EMPLOYER_CONTRIBUTIONS
            )

    # ------------------------------------------------------------------
    # OCA payroll hooks
    # ------------------------------------------------------------------
    def compute_sheet(self):
        # The parameters are looked up again at each computation: a corrected
        # base or rate must reach a recomputed payslip.
        self.filtered("l10n_cn_prepared").write({"l10n_cn_prepared": False})
        # OCA deletes the old lines payslip by payslip, and each deletion
        # empties the whole ORM cache: every payslip then reads its employee,
        # contract, rules and parameters again, one query at a time. Deleted
        # here for the whole recordset at once (the same unlink, with its
        # checks), OCA's loop finds nothing left to delete.
        self.line_ids.unlink()
        self._l10n_cn_before_rules()
        return super().compute_sheet()

    def _l10n_cn_before_rules(self):
        """Hook, after the statutory figures are reset and before the salary
        rules run: a structure built on this one gathers what its rules read
        here, for the whole recordset (and may prepare the figures of all
        the payslips at once, ``l10n_cn_prepare``, which the rules then only
        read). Here: the figures of the payslips on the statutory structure,
        prepared together, so that they share their schedules' hours and
        one read of the unpaid time off."""
        statutory = self.env.ref(
            "l10n_cn_payroll.structure_cn_statutory", raise_if_not_found=False
        )
        if not statutory:
            return True
        chains = {}
        slip_ids = []
        for slip in self:
            struct = slip.struct_id or slip.contract_id.struct_id
            if struct not in chains:
                chains[struct] = statutory in struct.get_structure_with_parents()
            if chains[struct] and slip.employee_id.sudo().l10n_cn_city_id:
                slip_ids.append(slip.id)
        return self.browse(slip_ids).l10n_cn_prepare()

    # ------------------------------------------------------------------
    # Contributions, called by the salary rules
    # ------------------------------------------------------------------
    def l10n_cn_amount(self, kind):
        """A contribution of this payslip (positive), e.g. ``pension_ee``."""
        self.ensure_one()
        if kind not in CONTRIBUTIONS:
            raise UserError(self.env._("Unknown contribution %(kind)s.", kind=kind))
        self.l10n_cn_prepare()
        return self["l10n_cn_" + kind]

    def l10n_cn_employee_si_hf(self):
        """The employee's own social insurance and housing fund this month
        (positive): deducted before tax, and excluded from the minimum wage
        in some cities."""
        self.ensure_one()
        self.l10n_cn_prepare()
        return float(sum(D(self["l10n_cn_" + kind]) for kind in EMPLOYEE_CONTRIBUTIONS))

    def l10n_cn_prepare(self):
        """Look up the city's parameters and the employee's base for the
        period, compute the contributions and keep them on the payslip."""
        # the working hours of a schedule over a period, computed once for
        # all the payslips of the recordset that share them
        hours_memo = {"payslips": self}
        for slip in self.filtered(lambda s: not s.l10n_cn_prepared):
            slip.write(slip._l10n_cn_contribution_values(hours_memo))
        return True

    def _l10n_cn_contribution_values(self, hours_memo=None):
        self.ensure_one()
        employee = self.employee_id
        city = employee.l10n_cn_city_id
        # Rates and bases are those in force on the first day of the period.
        date = self.date_from
        if not city:
            raise UserError(
                self.env._(
                    "Set the contribution city of %(employee)s before computing "
                    "the payslip.",
                    employee=employee.name,
                )
            )
        param = city.parameter_at(date)
        if not param:
            raise UserError(
                self.env._(
                    "%(city)s has no social insurance parameters valid on %(date)s.",
                    city=city.name,
                    date=date,
                )
            )
        base_row = self.env["l10n_cn.contribution.base"].valid_at(employee, date)
        if base_row:
            declared = D(base_row.si_base)
            si_base, hf_base = base_row._clamped(param)
        else:
            # Without a declared base, the contract wage stands for it.
            declared = D(self.contract_id.wage or 0)
            si_base = clamp_base(declared, param.si_base_min, param.si_base_max)
            hf_base = clamp_base(declared, param.hf_base_min, param.hf_base_max)
        hf_rate = base_row.hf_rate or param.hf_rate_default
        if not param.hf_rate_min <= hf_rate <= param.hf_rate_max:
            raise UserError(
                self.env._(
                    "The housing fund rate %(rate)s%% of %(employee)s is outside "
                    "%(city)s's range.",
                    rate=hf_rate,
                    employee=employee.name,
                    city=city.name,
                )
            )
        rule = param.rounding
        amounts = {
            "pension_ee": contribution(si_base, param.pension_employee, rule),
            "medical_ee": contribution(
                si_base, param.medical_employee, rule, param.medical_employee_fixed
            ),
            "unemployment_ee": contribution(si_base, param.unemployment_employee, rule),
            "hf_ee": contribution(hf_base, hf_rate, rule),
            "pension_er": contribution(si_base, param.pension_employer, rule),
            "medical_er": contribution(si_base, param.medical_employer, rule),
            "unemployment_er": contribution(si_base, param.unemployment_employer, rule),
            "injury_er": contribution(
                si_base, param.injury_rate(employee.l10n_cn_injury_class), rule
            ),
            "hf_er": contribution(hf_base, hf_rate, rule),
        }
        vals = {"l10n_cn_" + kind: float(amount) for kind, amount in amounts.items()}
        vals.update(
            l10n_cn_prepared=True,
            l10n_cn_city_id=city.id,
            l10n_cn_parameter_id=param.id,
            l10n_cn_base_id=base_row.id,
            l10n_cn_declared_base=float(declared),
            l10n_cn_si_base=float(si_base),
            l10n_cn_hf_base=float(hf_base),
            l10n_cn_hf_rate=hf_rate,
        )
        vals.update(self._l10n_cn_minimum_wage_values(city, amounts, hours_memo))
        return vals
