# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Adversarial review of issue 11 (telesales_hr): a team leader cannot
clear the do-not-call violations of their agents, and Odoo's uninstall
flag sent by a client does not switch off the deletion guards."""

from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .call_common import TelesalesCallCase
from .common_recruiting import TelesalesRecruitingCase


@tagged("post_install", "-at_install")
class TestAdversarialDnc(TelesalesCallCase):
    def setUp(self):
        super().setUp()
        self.entry = self.Dnc.create(
            {"number": "13800138000", "date_listed": datetime(2025, 3, 4, 2, 0)}
        )
        self.import_rows([self.row("listed", "2025-03-05 10:00:00")])
        (self.listed,) = self.calls("listed")
        self.assertTrue(self.listed.violation_dnc)

    def test_team_leader_cannot_clear_the_violations(self):
        entry = self.entry.with_user(self.tl_a1_user)
        for vals in (
            {"number": "13900139000"},
            {"date_listed": datetime(2025, 3, 6, 2, 0)},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                with self.cr.savepoint():
                    entry.write(vals)
        self.assertEqual(self.entry.number, "13800138000")
        self.assertTrue(self.listed.violation_dnc)
        # listing earlier (more calls flagged) and a reason stay the leader's
        entry.write({"reason": "Customer request", "date_listed": datetime(2025, 3, 1)})
        self.assertTrue(self.listed.violation_dnc)
        # HR corrects a typo in the number
        self.entry.with_user(self.hr_user).write({"number": "13900139000"})
        self.assertFalse(self.listed.violation_dnc)

    def test_uninstall_flag_does_not_delete_a_violated_number(self):
        with self.assertRaises(UserError), self.cr.savepoint():
            self.entry.with_user(self.hr_user).with_context(_force_unlink=True).unlink()
        self.assertTrue(self.entry.exists())
        self.assertTrue(self.listed.violation_dnc)


@tagged("post_install", "-at_install")
class TestAdversarialFlag(TelesalesCallCase):
    def test_team_leader_cannot_move_a_flag_about_themselves(self):
        """The flag's subject, type and period are the raiser's: a team
        leader cannot point a flag about themselves at someone else (and
        then dismiss it), nor retype it."""
        about_tl = self.env["telesales.flag"].create(
            {
                "name": "Suspected proxy punch",
                "flag_type": "proxy_punch",
                "employee_id": self.tl_a1.id,
                "date": date(2025, 4, 1),
                "responsible_user_id": self.manager_a_user.id,
            }
        )
        flag = about_tl.with_user(self.tl_a1_user)
        for vals in (
            {"employee_id": self.agent_a1.id},
            {"flag_type": "performance_watch"},
            {"date": date(2025, 1, 1)},
            {"name": "Nothing"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                with self.cr.savepoint():
                    flag.write(vals)
        self.assertEqual(about_tl.employee_id, self.tl_a1)
        with self.assertRaises(AccessError):
            flag.action_dismiss()
        self.assertEqual(about_tl.state, "open")
        # the decider still writes the note and decides
        manager = about_tl.with_user(self.manager_a_user)
        manager.write({"decision_note": "Checked the camera: not a proxy."})
        manager.action_dismiss()
        self.assertEqual(about_tl.state, "dismissed")


@tagged("post_install", "-at_install")
class TestAdversarialReferral(TelesalesRecruitingCase):
    def test_hr_officer_never_approves_their_own_bonus(self):
        applicant = self.applicant("Han Meimei", referrer=self.agent_a2)
        hire = self.hire(applicant, date(2025, 1, 15))
        referral = self.Referral.search([("employee_id", "=", hire.id)])
        self.Milestone._cron_referral_milestones(date(2025, 3, 15))
        first = referral.milestone_ids.filtered(lambda m: m.kind == "one_month")
        self.assertEqual(first.state, "due")
        # the referrer becomes an HR officer
        self.agent_a2_user.groups_id = [
            (4, self.env.ref("telesales_hr.group_telesales_hr").id)
        ]
        with self.assertRaises(AccessError), self.cr.savepoint():
            first.with_user(self.agent_a2_user).action_approve()
        self.assertEqual(first.state, "due")
        first.with_user(self.hr_user).action_approve()
        self.assertEqual(first.state, "approved")


@tagged("post_install", "-at_install")
class TestAdversarialRankHistory(TelesalesCallCase):
    def test_hr_cannot_forge_a_review_or_penalty_entry(self):
        History = self.History.with_user(self.hr_user)
        count = self.History.search_count([])
        for vals in ({"origin": "review"}, {"origin": "penalty"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                with self.cr.savepoint():
                    History.create(
                        {
                            "employee_id": self.agent_a1.id,
                            "rank_id": self.s3.id,
                            "date_start": date(2025, 7, 1),
                            **vals,
                        }
                    )
        self.assertEqual(self.History.search_count([]), count)
        # a manual correction stays HR's
        History.create(
            {
                "employee_id": self.agent_a1.id,
                "rank_id": self.s3.id,
                "date_start": date(2025, 7, 1),
                "reason": "Correction",
            }
        )
        self.assertEqual(self.History.search_count([]), count + 1)
