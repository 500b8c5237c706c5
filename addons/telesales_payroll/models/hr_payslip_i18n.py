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
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

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
    _inherit = "hr.payslip.line"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._telesales_copy_rule_translations(created=True)
        return lines

    def _telesales_copy_rule_translations(self, created=False):
        """Give lines that bear their rule's name every translation of it.

        ``created``: these new lines, when their name is one of the rule's
        translations (OCA evaluates the rules without the user's language,
        so the name may be the English one); a name the rule computed
        (``result_name``) is none of them and is kept. Otherwise: all lines
        whose English name is the rule's, when translations are loaded (a
        rule's translations arrive after the demo payslips are computed).
        Only translations change: the English name stays what it was, also
        on a done payslip, so this is no edit of a frozen payslip."""
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
            self.env.cr.execute(
                query
                + """ AND line.id = ANY(%s)
                      AND line.name->>%s IN (
                          SELECT value FROM jsonb_each_text(rule.name))""",
                [self.ids, self.env.lang or "en_US"],
            )
        else:
            self.env.cr.execute(
                query + " AND line.name->>'en_US' = rule.name->>'en_US'"
            )
        self.invalidate_model(["name"])
