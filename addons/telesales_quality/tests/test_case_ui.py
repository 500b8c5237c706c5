# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 15: HR's case and its decision letter as a zh_CN HR officer reads
them, in the web client (tour telesales_hr_case_letter_tour) and through the
letter's HTML report route."""

import re
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.telesales_hr.tests.test_screens_ui import load_zh_cn

from .common import QualityCase

LETTER = "telesales_quality.report_discipline_letter"
FACTS = "在开放办公区大声读出客户身份证号。"


@tagged("post_install", "-at_install")
class TestHrCaseTour(HttpCase, QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env, [cls.hr_user, cls.agent_a1_user, cls.inspector])

    def make_submitted_case(self):
        case = self.make_case(
            self.agent_a1, self.public, date=date(2025, 3, 10), facts=FACTS
        )
        case.with_user(self.inspector).action_submit()
        self.assertEqual(case.approval_path, "hr")
        return case

    def letter_text(self, case, user):
        """The letter's page as the web client's report route serves it to
        `user`, without white space."""
        self.authenticate(user.login, user.login)
        response = self.url_open(f"/report/html/{LETTER}/{case.id}")
        self.assertEqual(response.status_code, 200)
        html = response.text
        return re.sub(r"\s+", "", html[html.index('class="page"') :])

    def test_hr_approves_the_case_and_reads_the_letter(self):
        case = self.make_submitted_case()
        self.start_tour(
            f"/odoo/action-telesales_quality.action_telesales_discipline/{case.id}",
            "telesales_hr_case_letter_tour",
            login=self.hr_user.login,
        )
        self.assertEqual(case.state, "approved")
        text = self.letter_text(case, self.hr_user)
        self.assertEqual(text.count("违规违纪处罚决定书"), 1, "the title once")
        self.assertIn(case.name, text)
        self.assertIn(self.agent_a1.name.replace(" ", ""), text)
        self.assertIn("2025年3月10日", text, "the date of the facts")
        self.assertIn(FACTS, text)
        self.assertIn("通报批评", text)
        self.assertEqual(text.count("一般"), 1, "the severity once")
        self.assertNotIn("DisciplinaryDecisionLetter", text)
        self.assertNotIn("PublicCriticism", text)

    def test_applied_letter_reads_its_effects_in_chinese(self):
        """The letter of an applied case states its effects in Chinese
        (depends on the zh_CN terms of the effect lines)."""
        case = self.make_submitted_case()
        case.with_user(self.hr_user).action_approve()
        case.with_user(self.hr_user).action_record_refusal("拒绝签字。")
        case.with_user(self.hr_user).action_apply()
        self.assertEqual(case.state, "applied")
        text = self.letter_text(case, self.hr_user)
        self.assertIn("20", text)
        for english in ("points", "deducted", "Behaviour", "quality"):
            self.assertNotIn(english, text)
