# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payslips that read in the reader's language.

- The payslip's name is OCA's "Salary Slip of … for November-2026", whose
  month babel writes "十一月-2026" in Chinese: ours is a translatable string
  of this module with the month in the language's own form (2026年11月,
  November 2026).
- A payslip line copies its rule's name, which is translatable on both
  models (hr.payslip.line inherits hr.salary.rule): the line takes every
  translation of the rule, not only the one of the language it was computed
  in, so an agent reading in Chinese and an auditor reading in English both
  see their language. A name the rule computed (``result_name``) is kept as
  computed.
"""

from datetime import date

from babel.dates import format_skeleton

from odoo import api, models
from odoo.tools.misc import babel_locale_parse


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    def _compute_name(self):
        for slip in self:
            if not slip.date_from:
                continue
            slip.name = slip.env._(
                "Salary Slip of %(name)s for %(month)s",
                name=slip.employee_id.name or "",
                month=slip._telesales_month_label(slip.date_from),
            )

    @api.model
    def _telesales_month_label(self, day):
        """The month of ``day`` as the current language writes it: 2026年11月,
        November 2026."""
        locale = babel_locale_parse(self.env.lang or "en_US")
        return format_skeleton("yMMMM", date(day.year, day.month, 1), locale=locale)


class HrPayslipLine(models.Model):
    _inherit = "hr.payslip.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        from_rule = lines.filtered(
            lambda line: line.salary_rule_id and line.name == line.salary_rule_id.name
        )
        from_rule._telesales_copy_rule_translations(created=True)
        return lines

    def _telesales_copy_rule_translations(self, created=False):
        """Give these lines (all lines when empty and not ``created``) every
        translation of their rule's name, when they bear that name.

        Run on creation and whenever translations are loaded (a rule's
        translations arrive after the demo payslips are computed). Only the
        translations change: the English name stays what it was, also on a
        done payslip, so this is no edit of a frozen payslip."""
        if created and not self:
            return
        self.flush_model(["name", "salary_rule_id"])
        self.env["hr.salary.rule"].flush_model(["name"])
        query = """
            UPDATE hr_payslip_line line
               SET name = rule.name
              FROM hr_salary_rule rule
             WHERE line.salary_rule_id = rule.id
               AND line.name IS DISTINCT FROM rule.name
        """
        if created:
            self.env.cr.execute(query + " AND line.id = ANY(%s)", [self.ids])
        else:
            self.env.cr.execute(
                query + " AND line.name->>'en_US' = rule.name->>'en_US'"
            )
        self.invalidate_model(["name"])
