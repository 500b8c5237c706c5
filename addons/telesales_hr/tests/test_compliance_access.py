# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase


@tagged("post_install", "-at_install")
class TestComplianceAccess(ComplianceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for person in cls.people:
            cls.punch(cls, person)
        cls.env["telesales.daily.compliance"]._compute_for_range(DAY, DAY, cls.people)

    def test_rows_follow_the_organisation(self):
        """Own days for agents, the team for its leader, the unit for its
        manager, everything for HR and auditors."""

        def visible(user):
            return self.Compliance.with_user(user).search([]).employee_id & self.people

        team_a1 = self.agent_a1 | self.agent_a1b | self.tl_a1
        self.assertEqual(visible(self.agent_a1_user), self.agent_a1)
        self.assertEqual(visible(self.tl_a1_user), team_a1)
        self.assertEqual(
            visible(self.manager_a_user), team_a1 | self.agent_a2 | self.tl_a2
        )
        self.assertEqual(visible(self.hr_user), self.people)
        self.assertEqual(visible(self.auditor), self.people)
        # everyone reads the pivot of what they see
        groups = self.Compliance.with_user(self.tl_a1_user)._read_group(
            [], ["department_id"], ["attendance_deduction:sum"]
        )
        self.assertEqual([team for team, _amount in groups], [self.team_a1])

    def test_nobody_edits_rows(self):
        row = self.row(self.agent_a1)
        for user in (self.agent_a1_user, self.tl_a1_user, self.hr_user, self.auditor):
            with self.assertRaises(AccessError):
                row.with_user(user).write({"locked": True})
            with self.assertRaises(AccessError):
                row.with_user(user).unlink()
        with self.assertRaises(AccessError):
            self.Compliance.with_user(self.auditor).create(
                {"employee_id": self.agent_a1.id, "date": DAY}
            )

    def test_team_figures(self):
        Team = self.env["telesales.team.daily.compliance"]

        def visible(user):
            return Team.with_user(user).search([]).department_id

        self.assertEqual(visible(self.agent_a1_user), self.team_a1)
        self.assertEqual(visible(self.tl_b1_user), self.team_b1)
        self.assertEqual(visible(self.manager_a_user), self.team_a1 | self.team_a2)
        self.assertEqual(
            visible(self.auditor) & (self.team_a1 | self.team_a2 | self.team_b1),
            self.team_a1 | self.team_a2 | self.team_b1,
        )

    def test_flags_of_the_rules(self):
        """Absence flags go to HR: team leaders see their team's, agents their own."""
        flags = self.Flag.search([("flag_type", "=", "absence_dismissal")])
        self.assertFalse(flags, "a single absent day escalates nothing")
        # absent on Thursday 3, Friday 4 and Monday 7 April (the attendance
        # of those days is complete: HR's confirmation)
        self.Compliance._compute_for_range(
            DAY.replace(day=3),
            DAY.replace(day=7),
            self.agent_a1 | self.agent_b1,
            attendance_complete=True,
        )
        flags = self.Flag.search([("flag_type", "=", "absence_dismissal")])
        self.assertEqual(flags.employee_id, self.agent_a1 | self.agent_b1)
        self.assertEqual(flags.responsible_user_id, self.hr_user)
        own = self.Flag.with_user(self.agent_a1_user).search(
            [("flag_type", "=", "absence_dismissal")]
        )
        self.assertEqual(own.employee_id, self.agent_a1)
        with self.assertRaises(AccessError):
            own.with_user(self.agent_a1_user).action_dismiss()
        hr_flag = flags.with_user(self.hr_user).filtered(
            lambda f: f.employee_id == self.agent_b1
        )
        hr_flag.action_confirm()
        self.assertEqual(hr_flag.state, "confirmed")
