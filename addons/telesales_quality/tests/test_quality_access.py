# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")
class TestQualityAccess(QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2025-03-12 10:00:00"):
            cls.insp_a1 = cls._inspect(
                cls.agent_a1,
                failed=cls.env.ref("telesales_quality.qa_item_verify_info"),
            )
            cls.insp_a2 = cls._inspect(
                cls.agent_a2,
                failed=cls.env.ref("telesales_quality.qa_item_do_not_call"),
            )
            cls.insp_b1 = cls._inspect(cls.agent_b1)
        cls.case_a1 = cls.env["telesales.discipline"].create(
            {"employee_id": cls.agent_a1.id, "level_id": cls.public.id, "facts": "x"}
        )
        cls.case_b1 = cls.env["telesales.discipline"].create(
            {"employee_id": cls.agent_b1.id, "level_id": cls.public.id, "facts": "y"}
        )
        cls.ours = cls.insp_a1 | cls.insp_a2 | cls.insp_b1
        cls.our_cases = cls.case_a1 | cls.case_b1

    @classmethod
    def _inspect(cls, agent, failed=None):
        call = cls.make_call(agent, datetime(2025, 3, 10, 10))
        inspection = cls.env["telesales.qa.inspection"].create(
            {"call_id": call.id, "inspector_id": cls.inspector.id}
        )
        if failed:
            inspection.line_ids.filtered(
                lambda rec: rec.item_id == failed
            ).failed = True
        inspection.with_user(cls.inspector).action_publish()
        return inspection

    def visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_agent_sees_own_inspections_and_cases(self):
        self.assertEqual(self.visible(self.agent_a1_user, self.ours), self.insp_a1)
        self.assertEqual(self.visible(self.agent_a1_user, self.our_cases), self.case_a1)
        with self.assertRaises(AccessError):
            self.insp_a2.with_user(self.agent_a1_user).read(["score"])
        with self.assertRaises(AccessError):
            self.insp_a1.with_user(self.agent_a1_user).write({"comments": "Fine"})
        with self.assertRaises(AccessError):
            self.case_a1.with_user(self.agent_a1_user).write({"facts": "None"})
        lines = self.insp_a1.line_ids.with_user(self.agent_a1_user)
        self.assertTrue(lines.read(["failed"]))
        # the approvers' votes are not the agent's business
        with self.assertRaises(AccessError):
            self.case_a1.with_user(self.agent_a1_user).read(["approval_ids"])

    def test_team_leader_and_manager_see_their_teams(self):
        self.assertEqual(self.visible(self.tl_a1_user, self.ours), self.insp_a1)
        self.assertEqual(self.visible(self.tl_b1_user, self.our_cases), self.case_b1)
        self.assertEqual(
            self.visible(self.manager_a_user, self.ours), self.insp_a1 | self.insp_a2
        )
        with self.assertRaises(AccessError):
            self.insp_a1.with_user(self.tl_a1_user).write({"comments": "Fine"})

    def test_inspector_inspects_and_proposes(self):
        self.assertEqual(self.visible(self.inspector2, self.ours), self.ours)
        self.assertEqual(self.visible(self.inspector2, self.our_cases), self.our_cases)
        call = self.make_call(self.agent_b1, datetime(2025, 3, 11, 10))
        self.assertTrue(call.with_user(self.inspector2).read(["callee_number"]))
        inspection = self.Inspection.with_user(self.inspector2).create(
            {"call_id": call.id}
        )
        inspection.action_publish()
        case = self.make_case(self.agent_b1, self.verbal)
        self.assertEqual(case.state, "draft")
        with self.assertRaises(AccessError):
            self.env.ref("telesales_quality.level_public").with_user(
                self.inspector
            ).write({"points": 1})

    def test_auditor_reads_everything_and_changes_nothing(self):
        self.assertEqual(self.visible(self.auditor, self.ours), self.ours)
        self.assertEqual(self.visible(self.auditor, self.our_cases), self.our_cases)
        self.assertTrue(self.case_a1.with_user(self.auditor).read(["approval_ids"]))
        with self.assertRaises(AccessError):
            self.insp_a1.with_user(self.auditor).write({"comments": "x"})
        with self.assertRaises(AccessError):
            self.case_a1.with_user(self.auditor).write({"facts": "x"})
        with self.assertRaises(AccessError):
            self.env["telesales.discipline"].with_user(self.auditor).create(
                {
                    "employee_id": self.agent_a1.id,
                    "level_id": self.public.id,
                    "facts": "z",
                }
            )
        rates = (
            self.env["telesales.qa.pass.rate"]
            .with_user(self.auditor)
            .search([("inspection_id", "in", self.ours.ids)])
        )
        self.assertEqual(len(rates), 3)

    def test_committee_reads_all(self):
        self.assertEqual(self.visible(self.member1, self.ours), self.ours)
        self.assertEqual(self.visible(self.member1, self.our_cases), self.our_cases)
        with self.assertRaises(AccessError):
            self.env["telesales.discipline"].with_user(self.member1).create(
                {
                    "employee_id": self.agent_a1.id,
                    "level_id": self.public.id,
                    "facts": "z",
                }
            )

    def test_pass_rates_by_agent_team_and_month(self):
        Rate = self.env["telesales.qa.pass.rate"]
        groups = Rate._read_group(
            [("inspection_id", "in", self.ours.ids)],
            ["department_id", "month:month"],
            ["inspections:sum", "passed:sum", "rate:avg"],
        )
        by_team = {
            team: (count, passed, rate) for team, _m, count, passed, rate in groups
        }
        self.assertEqual(by_team[self.team_a1], (1, 1, 100.0))
        self.assertEqual(by_team[self.team_a2], (1, 0, 0.0))
        own = Rate.with_user(self.agent_a1_user).search(
            [("inspection_id", "in", self.ours.ids)]
        )
        self.assertEqual(own.employee_id, self.agent_a1)
        # the team KPI extension point: sub-teams count for their unit
        rates = self.env["hr.department"]._telesales_qa_pass_rates(
            self.team_a1 | self.unit_a | self.team_b1 | self.centre,
            date(2025, 3, 1),
            date(2025, 3, 31),
        )
        self.assertEqual(rates[self.team_a1.id], 100.0)
        self.assertEqual(rates[self.unit_a.id], 50.0)
        self.assertEqual(rates[self.team_b1.id], 100.0)
        april = self.env["hr.department"]._telesales_qa_pass_rates(
            self.team_a1, date(2025, 4, 1), date(2025, 4, 30)
        )
        self.assertIsNone(april[self.team_a1.id])
        # drafts do not count
        call = self.make_call(self.agent_a1, datetime(2025, 3, 11, 10))
        self.Inspection.create({"call_id": call.id})
        self.assertEqual(
            Rate.search_count(
                [
                    ("employee_id", "=", self.agent_a1.id),
                    ("month", "=", date(2025, 3, 1)),
                ]
            ),
            1,
        )

    def test_liability_visible_to_its_supervisor(self):
        self.d1.management_allowance = 1000
        self.apply(self.make_case(self.agent_a1, self.warning))
        liabilities = self.env["telesales.liability"]._compute_month(date(2025, 3, 1))
        mine = liabilities.filtered(lambda rec: rec.supervisor_id == self.tl_a1)
        self.assertEqual(self.visible(self.tl_a1_user, liabilities), mine)
        with self.assertRaises(AccessError):
            self.env["telesales.liability"].with_user(self.agent_a1_user).search([])
