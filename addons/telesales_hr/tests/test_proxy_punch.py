# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase


@tagged("post_install", "-at_install")
class TestProxyPunch(ComplianceCase):
    def proxy_flags(self, employee=None):
        # the demo centre has its own proxy-punch pair: look at ours only
        ours = self.agents | self.tl_a1 | self.tl_a2 | self.tl_b1
        domain = [("flag_type", "=", "proxy_punch"), ("employee_id", "in", ours.ids)]
        if employee:
            domain.append(("employee_id", "=", employee.id))
        return self.Flag.search(domain)

    def test_same_ip_within_window(self):
        """Check-ins 2 minutes apart from one IP flag both employees for
        their own team leader; 2 minutes 1 second apart do not."""
        self.punch(self.agent_a1, check_in="08:50:00", ip="10.0.0.7")
        self.punch(self.agent_b1, check_in="08:52:00", ip="10.0.0.7")
        self.punch(self.agent_a2, check_in="08:54:01", ip="10.0.0.7")
        self.punch(self.agent_a1b, check_in="08:52:00", ip="10.0.0.8")
        self.compute(self.agent_a1 | self.agent_a1b | self.agent_a2 | self.agent_b1)
        a1, b1 = self.proxy_flags(self.agent_a1), self.proxy_flags(self.agent_b1)
        self.assertEqual(len(a1), 1)
        self.assertEqual(len(b1), 1)
        self.assertEqual(a1.responsible_user_id, self.tl_a1_user)
        self.assertEqual(b1.responsible_user_id, self.tl_b1_user)
        self.assertEqual((a1.period_start, a1.date), (DAY, DAY))
        self.assertIn("Agent B1", a1.description)
        self.assertIn("10.0.0.7", a1.description)
        self.assertIn("08:50:00", a1.description)
        self.assertEqual(a1.source_ref._name, "hr.attendance")
        self.assertTrue(
            a1.activity_ids.filtered(lambda a: a.user_id == self.tl_a1_user)
        )
        # b1 and a2 are 2:01 apart; a1b used another IP
        self.assertNotIn("Agent A2", b1.description)
        self.assertFalse(self.proxy_flags(self.agent_a2))
        self.assertFalse(self.proxy_flags(self.agent_a1b))
        # once per employee and day, however often the day is computed
        self.compute(self.agent_a1 | self.agent_b1)
        self.assertEqual(len(self.proxy_flags()), 2)

    def test_window_setting_and_shared_ips(self):
        self.company.telesales_proxy_window_minutes = 5
        self.punch(self.agent_a1, check_in="08:50:00", ip="10.0.0.7")
        self.punch(self.agent_a2, check_in="08:54:59", ip="10.0.0.7")
        self.punch(self.agent_a1b, check_in="08:50:00", ip="10.9.9.9")
        self.punch(self.agent_b1, check_in="08:50:30", ip="10.9.9.9")
        self.company.telesales_proxy_ignored_ips = "10.9.9.9, 10.9.9.10"
        self.compute(self.agent_a1 | self.agent_a1b | self.agent_a2 | self.agent_b1)
        self.assertEqual(self.proxy_flags().employee_id, self.agent_a1 | self.agent_a2)

    def test_no_ip_no_flag(self):
        self.punch(self.agent_a1, check_in="08:50:00")
        self.punch(self.agent_a2, check_in="08:50:00")
        self.compute(self.agent_a1 | self.agent_a2)
        self.assertFalse(self.proxy_flags())

    def test_confirm_costs_agent_and_team_leader(self):
        """A confirmed case costs KPI points to the agent and the team leader
        (主管连带责任); a dismissed one costs nothing."""
        self.punch(self.agent_a1, check_in="08:50:00", ip="10.0.0.7")
        self.punch(self.agent_a2, check_in="08:51:00", ip="10.0.0.7")
        self.compute(self.agent_a1 | self.agent_a2)
        flag_a1, flag_a2 = (
            self.proxy_flags(self.agent_a1),
            self.proxy_flags(self.agent_a2),
        )
        # a team leader decides on the flags of their own team only
        with self.assertRaises(AccessError):
            flag_a2.with_user(self.tl_a1_user).action_confirm()
        with self.assertRaises(AccessError):
            flag_a1.with_user(self.agent_a1_user).action_confirm()
        flag_a1.with_user(self.tl_a1_user).write({"decision_note": "Seen on camera"})
        flag_a1.with_user(self.tl_a1_user).action_confirm()
        self.assertEqual(flag_a1.state, "confirmed")
        deductions = self.Deduction.search(
            [("source_ref", "=", f"telesales.flag,{flag_a1.id}")]
        )
        self.assertEqual(
            {(d.employee_id, d.breach_type, d.points) for d in deductions},
            {
                (self.agent_a1, "proxy_punch_agent", 10),
                (self.tl_a1, "proxy_punch_leader", 5),
            },
        )
        self.assertEqual(deductions.mapped("origin"), ["flag", "flag"])
        self.assertEqual(deductions.mapped("date"), [DAY, DAY])
        with self.assertRaises(UserError):
            flag_a1.with_user(self.tl_a1_user).action_confirm()
        # idempotent even if called again
        self.Deduction._deduct_for_flags(flag_a1)
        self.assertEqual(
            self.Deduction.search_count(
                [("source_ref", "=", f"telesales.flag,{flag_a1.id}")]
            ),
            2,
        )
        flag_a2.with_user(self.tl_a2_user).action_dismiss()
        self.assertEqual(flag_a2.state, "dismissed")
        self.assertFalse(
            self.Deduction.search(
                [
                    ("employee_id", "in", (self.agent_a2 | self.tl_a2).ids),
                    ("origin", "=", "flag"),
                ]
            )
        )
        # the days' own breaches aside (no calls were made), the flag cost 10 and 5
        self.Deduction.search(
            [("origin", "=", "compliance"), ("state", "=", "active")]
        ).with_user(self.hr_user).action_cancel(reason="Not part of this test")
        scores = self.Deduction._kpi_scores(
            self.agent_a1 | self.tl_a1 | self.agent_a2, DAY
        )
        self.assertEqual(
            scores, {self.agent_a1.id: 90, self.tl_a1.id: 95, self.agent_a2.id: 100}
        )

    def test_team_leader_punching_is_flagged_to_the_manager(self):
        """When the team leader is involved, the flag goes to the manager above."""
        self.punch(self.tl_a1, check_in="08:50:00", ip="10.0.0.7")
        self.punch(self.agent_a1, check_in="08:50:10", ip="10.0.0.7")
        self.compute(self.tl_a1 | self.agent_a1)
        self.assertEqual(
            self.proxy_flags(self.tl_a1).responsible_user_id, self.manager_a_user
        )
        flag = self.proxy_flags(self.tl_a1)
        flag.with_user(self.manager_a_user).write({"decision_note": "Seen on camera"})
        flag.with_user(self.manager_a_user).action_confirm()
        deductions = self.Deduction.search(
            [("source_ref", "=", f"telesales.flag,{flag.id}")]
        )
        self.assertEqual(
            deductions.employee_id, self.tl_a1, "no second charge to themselves"
        )
