# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The decision letter reads like a document an HR office stamps: its title
and the regulation's paragraph once, the severity once, every date written
one Chinese way, and what the workflow generates in the letter's language.
The zh_CN translations of the terms are loaded later (i18n): these tests
check what does not depend on them."""

import re
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import QualityCase

_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_SLASH = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")
class TestDisciplineLetter(QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.agent_a1_user.lang = "zh_CN"

    def letter_html(self, case):
        report = self.env.ref(
            "telesales_quality.action_report_telesales_discipline_letter"
        )
        html = (
            report.with_user(self.hr_user)
            ._render_qweb_html(report.report_name, case.ids)[0]
            .decode()
        )
        body = html[html.index('class="page"') :]
        return re.sub(r"\s+", "", body)

    def test_letter_reads_once_in_chinese(self):
        case = self.make_case(self.agent_a1, self.warning, date=date(2025, 3, 10))
        self.approve(case)
        self.assertEqual(case._doc_lang(), "zh_CN")
        text = self.letter_html(case)
        self.assertEqual(text.count("违规违纪处罚决定书"), 1, "the title once")
        self.assertNotIn("DisciplinaryDecisionLetter", text)
        self.assertEqual(text.count("一般"), 1, "the severity once")
        self.assertNotIn("(一般)", text)
        self.assertEqual(text.count("品质管理办法"), 1, "the paragraph once")
        self.assertNotIn("Verifiedthroughthequalityprocess", text)
        # every date one way: the facts, the approval and the letter's own
        self.assertIn("2025年3月10日", text)
        self.assertEqual(text.count("2025年3月12日"), 2)
        self.assertFalse(_ISO.search(text), _ISO.findall(text))
        self.assertFalse(_SLASH.search(text), _SLASH.findall(text))
        self.assertIn(case.name, text)
        self.assertIn(self.agent_a1.name.replace(" ", ""), text)

    def test_effects_written_in_the_letter_language(self):
        case = self.apply(
            self.make_case(self.agent_a1, self.probation, date=date(2025, 3, 10))
        )
        # the month and the dates of the stored effects are written the
        # Chinese way whatever the language of the HR officer who applied them
        self.assertIn("2025年3月", case.effect_summary)
        self.assertIn("2025年6月12日", case.effect_summary)
        self.assertFalse(_ISO.search(case.effect_summary), case.effect_summary)
        self.assertIn("2025年6月12日", case.message_ids[:1].body)

    def test_date_formats(self):
        day = date(2026, 12, 1)
        self.assertEqual(self.Case._doc_date(day, "zh_CN"), "2026年12月1日")
        self.assertEqual(self.Case._doc_date(day, "zh_CN", month=True), "2026年12月")
        self.assertEqual(self.Case._doc_date(False, "zh_CN"), "")
