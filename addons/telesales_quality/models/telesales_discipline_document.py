# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The language and the dates of a case's documents.

The decision letter (违规违纪处罚决定书) is a Chinese document: its fixed
text is Chinese, so what the workflow writes on it and in the case's file
(the effects, their summary, the chatter of each step) is written in the
employee's language when it is a Chinese one, else in Simplified Chinese
when it is installed, else in the language of the user acting. Its dates
are all written one way, 2026年12月1日.
"""

from odoo import api, fields, models
from odoo.tools.misc import format_date

_LETTER_LANG = "zh_CN"


class TelesalesDiscipline(models.Model):
    _inherit = "telesales.discipline"

    def _doc_lang(self):
        """The language the case's documents are written in."""
        self.ensure_one()
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        employee = self.employee_id.sudo()
        candidates = [
            employee.user_id.lang,
            employee.lang,
            employee.work_contact_id.lang,
            (self.company_id or self.env.company).sudo().partner_id.lang,
        ]
        for code in candidates:
            if code and code.startswith("zh") and code in installed:
                return code
        if _LETTER_LANG in installed:
            return _LETTER_LANG
        return self.env.lang or "en_US"

    def _doc_env(self):
        """An environment in the documents' language, for ``env._``."""
        return self.with_context(lang=self._doc_lang()).env

    @api.model
    def _doc_date(self, value, lang=None, month=False):
        """A date as the case's documents write it: 2026年12月1日 in Chinese
        (2026年12月 for a month), the language's own format otherwise."""
        if not value:
            return ""
        value = fields.Date.to_date(value)
        lang = lang or self.env.lang or "en_US"
        if lang.startswith("zh"):
            if month:
                return f"{value.year}年{value.month}月"
            return f"{value.year}年{value.month}月{value.day}日"
        return format_date(
            self.env, value, lang_code=lang, date_format="MMMM y" if month else False
        )

    def _letter_values(self):
        """What the letter prints besides the fields: everything in the
        letter's language, the dates in one format."""
        self.ensure_one()
        lang = self._doc_lang()
        case = self.with_context(lang=lang)
        env = case.env
        severity = {
            "general": "一般",
            "serious": "严重",
            "major": "特大",
        }.get(case.severity, "")
        return {
            "case": case,
            "lang": lang,
            "severity": severity,
            "effects": [
                line for line in (case.effect_labels or "").split("\n") if line
            ],
            "date_facts": self._doc_date(case.date, lang),
            "date_approved": self._doc_date(case.date_approved, lang),
            "date_letter": self._doc_date(fields.Date.context_today(case), lang),
            "appeal_decision": dict(
                case._fields["appeal_decision"]._description_selection(env)
            ).get(case.appeal_decision, ""),
        }
