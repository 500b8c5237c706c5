# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The telesales payslip on China statutory payroll (l10n_cn_payroll).

- The deduction cap and the minimum-wage floor are those of the employee's
  contribution city: in Shanghai and Beijing the minimum wage is net of the
  employee's own social insurance and housing fund, so pay after the telesales
  deductions and those contributions must still reach it.
- The minimum-wage top-up of l10n_cn_payroll (CN_MIN_TOPUP) counts the
  commission and referral bonuses with the base wage and allowances. The
  deductions are capped against the wage before the top-up: a topped-up wage
  is at the floor, so nothing more can be deducted from it either way.
- A telesales deduction stands on a published pay policy (劳动合同法 §4): a
  case under a policy the employee had not acknowledged by the day of the case
  does not bind; it is not deducted (nor carried) and HR gets a flag.
"""

from odoo import models

#: the pay policy (``l10n_cn.pay.policy`` code) each deduction stands on
DEDUCTION_POLICIES = {
    "TS_ATT_DED": "TELESALES_ATTENDANCE",
    "TS_QA_DED": "TELESALES_DISCIPLINE",
    "TS_LIAB_DED": "TELESALES_DISCIPLINE",
}
FLAG_TYPE = "pay_policy_unacknowledged"


class HrPayslip(models.Model):
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

    def _l10n_cn_before_rules(self):
        # Once l10n_cn_payroll has reset the statutory figures: the city's
        # figures of every telesales payslip first, so that gathering the
        # telesales figures (deduction cap and floor) and then the rules
        # read them, computed once; then the telesales sources of them all.
        res = super()._l10n_cn_before_rules()
        telesales = self._telesales_filter()
        telesales.filtered(
            lambda slip: slip.state in ("draft", "verify")
            and slip.employee_id.sudo().l10n_cn_city_id
        ).l10n_cn_prepare()
        telesales._telesales_build_sources()
        return res

    def _telesales_gather(self):
        data = super()._telesales_gather()
        # every published version of the policies, their acknowledgements
        # read at once
        policies = (
            self.env["l10n_cn.pay.policy"]
            .sudo()
            .search(
                [
                    ("code", "in", sorted(set(DEDUCTION_POLICIES.values()))),
                    ("state", "=", "published"),
                    ("company_id", "in", (self.company_id or self.env.company).ids),
                ],
                order="version desc",
            )
        )
        data["cn_policies"] = policies
        # {(policy id, employee id): day acknowledged}, read once: looking
        # each deduction up among every acknowledgement of a policy would
        # grow with the square of the centre
        data["cn_acks"] = {
            (policy.id, emp.id): day
            for policy, emp, day in self.env["l10n_cn.pay.policy.ack"]
            .sudo()
            ._read_group(
                [
                    ("policy_id", "in", policies.ids),
                    ("employee_id", "in", self.employee_id.ids),
                ],
                ["policy_id", "employee_id"],
                ["date:min"],
            )
        }
        # the flags of the deductions left out, raised once for the batch
        # (``_telesales_build_sources``)
        data["flags"] = []
        return data

    def _l10n_cn_minimum_wage_codes(self):
        # Commission and referral bonuses are pay for the normal hours too
        # (the GROSS rule adds the same categories).
        return super()._l10n_cn_minimum_wage_codes() + ("COMM", "REF")

    def _telesales_deduction_limits(self):
        """(cap in % of the month's wage, floor of the pay after deductions):
        the contribution city's, else the company's settings."""
        self.ensure_one()
        company = self.company_id or self.env.company
        cap, floor = company.telesales_deduction_cap, company.telesales_min_monthly_wage
        if not self.employee_id.sudo().l10n_cn_city_id:
            return cap, floor
        limits = self.l10n_cn_minimum_wage_floor()
        if limits["minimum_wage"]:
            floor = limits["floor"]
        return limits["cap_percent"], floor

    def _telesales_binding_deductions(self, deductions, data):
        """The deduction rows whose policy binds the employee on the day of
        the case; the others are left out (nothing applied, nothing carried)
        and flagged to HR."""
        self.ensure_one()
        company = self.company_id or self.env.company
        employee = self.employee_id
        binding, refused = [], []
        for row in deductions:
            code = DEDUCTION_POLICIES.get(row["rule_code"])
            if not code:
                binding.append(row)
                continue
            # as l10n_cn.pay.policy.in_force, on the versions read at once
            policy = data["cn_policies"].filtered(
                lambda p, code=code, day=row["date_from"]: p.code == code
                and p.company_id == company
                and p.date_published
                and p.date_published <= day
            )[:1]
            # as l10n_cn.pay.policy.binds, on the acknowledgements read at once
            acknowledged = policy and data["cn_acks"].get((policy.id, employee.id))
            if acknowledged and acknowledged <= row["date_from"]:
                binding.append(row)
                continue
            if policy:
                reason = self.env._(
                    "not deducted: %(employee)s had not acknowledged %(policy)s "
                    "(version %(version)s) by %(date)s",
                    employee=employee.name,
                    policy=policy.name,
                    version=policy.version,
                    date=row["date_from"],
                )
            else:
                reason = self.env._(
                    "not deducted: no published policy %(code)s on %(date)s",
                    code=code,
                    date=row["date_from"],
                )
            row.update(applied=0.0, carried=0.0, name=f"{row['name']} ({reason})")
            refused.append(row)
        if refused:
            data["flags"].append(self._telesales_flag_unbound(refused))
        return binding

    def _telesales_flag_unbound(self, rows):
        """The values of the flag for HR of this payslip's period: deductions
        left out because their policy does not bind the employee."""
        company = self.company_id or self.env.company
        return {
            "name": self.env._(
                "Deductions of %(employee)s not made: policy not acknowledged",
                employee=self.employee_id.name,
            ),
            "flag_type": FLAG_TYPE,
            "employee_id": self.employee_id.id,
            "company_id": company.id,
            "date": self.date_to,
            "period_start": self.date_from,
            "period_end": self.date_to,
            "description": "\n".join(
                f"{row['name']}: {row['amount_due']:.2f}" for row in rows
            ),
            "responsible_user_id": company._telesales_flag_responsible().id,
            "source_ref": f"hr.employee,{self.employee_id.id}",
        }
