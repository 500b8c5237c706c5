# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The telesales_hr test centre plus two QA inspectors and a quality
committee of two members (every member must approve a serious case)."""

from datetime import datetime

from odoo.tests import new_test_user

from odoo.addons.telesales_hr.tests.common import TelesalesCase


class QualityCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        inspector = "telesales_quality.group_qa_inspector"
        committee = "telesales_quality.group_quality_committee"
        cls.inspector = new_test_user(cls.env, login="ts_inspector", groups=inspector)
        cls.inspector2 = new_test_user(cls.env, login="ts_inspector2", groups=inspector)
        cls.member1 = new_test_user(cls.env, login="ts_member1", groups=committee)
        cls.member2 = new_test_user(cls.env, login="ts_member2", groups=committee)
        cls.company.write(
            {
                "telesales_committee_user_ids": [
                    (6, 0, (cls.member1 | cls.member2).ids)
                ],
                "telesales_qa_pass_score": 80,
                "telesales_qa_appeal_days": 3,
                "telesales_point_value": 5,
                "telesales_quality_base_points": 100,
                "telesales_coaching_days": 1,
            }
        )
        cls.form = cls.env.ref("telesales_quality.qa_form_default")
        cls.Form = cls.env["telesales.qa.form"]
        cls.Inspection = cls.env["telesales.qa.inspection"]
        cls.Case = cls.env["telesales.discipline"]
        ref = cls.env.ref
        cls.item_abuse = ref("telesales_quality.qa_item_abuse")
        cls.item_dnc = ref("telesales_quality.qa_item_do_not_call")
        cls.item_verify = ref("telesales_quality.qa_item_verify_info")  # 10, general
        cls.item_intent = ref("telesales_quality.qa_item_clear_intent")  # 20, serious
        cls.item_status = ref("telesales_quality.qa_item_status")  # 5, general
        cls.verbal = ref("telesales_quality.level_verbal")
        cls.public = ref("telesales_quality.level_public")
        cls.warning = ref("telesales_quality.level_warning")
        cls.demerit = ref("telesales_quality.level_demerit")
        cls.major_demerit = ref("telesales_quality.level_major_demerit")
        cls.probation = ref("telesales_quality.level_probation")
        cls.dismissal = ref("telesales_quality.level_dismissal")
        cls._call_seq = 0

    @classmethod
    def make_call(cls, agent, start, connected=True, talk=120):
        cls._call_seq += 1
        return cls.env["telesales.call"].create(
            {
                "employee_id": agent.id,
                "external_id": f"QTEST-{cls._call_seq}",
                "callee_number": f"1380000{cls._call_seq:04d}",
                "start": start,
                "connected": connected,
                "talk_seconds": talk if connected else 0,
            }
        )

    def inspect(self, agent=None, failed=(), start=None, publish=True, user=None):
        """An inspection of a new call of ``agent`` failing ``failed`` items."""
        call = self.make_call(agent or self.agent_a1, start or datetime(2025, 3, 3, 10))
        inspection = self.Inspection.with_user(user or self.inspector).create(
            {"call_id": call.id}
        )
        inspection.line_ids.filtered(lambda rec: rec.item_id in failed).write(
            {"failed": True}
        )
        if publish:
            inspection.action_publish()
        return inspection.with_env(self.env)

    def make_case(self, employee, level, severity="general", **vals):
        return (
            self.Case.with_user(self.inspector)
            .create(
                {
                    "employee_id": employee.id,
                    "level_id": level.id,
                    "severity": severity,
                    "facts": "Called a customer on the do-not-call list.",
                    **vals,
                }
            )
            .with_env(self.env)
        )

    def approve(self, case):
        """Submit and approve ``case`` along its path."""
        case.with_user(self.inspector).action_submit()
        if case.approval_path == "committee":
            case.with_user(self.member1).action_approve()
            case.with_user(self.member2).action_approve()
        else:
            case.with_user(self.hr_user).action_approve()
        self.assertEqual(case.state, "approved")
        return case

    def apply(self, case):
        """Take ``case`` from draft to applied."""
        self.approve(case)
        case.with_user(self.hr_user).action_record_refusal("Refused to sign.")
        case.with_user(self.hr_user).action_apply()
        self.assertEqual(case.state, "applied")
        return case
