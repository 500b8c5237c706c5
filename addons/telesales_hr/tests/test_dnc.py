# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .call_common import TelesalesCallCase


@tagged("post_install", "-at_install")
class TestDnc(TelesalesCallCase):
    def test_normalize_mobile(self):
        """Every way of writing a Chinese mobile gives its 11 digits."""
        for number in (
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "+86-138-0013-8000",
            "+86 (138) 0013 8000",
            "+8613800138000",
            "8613800138000",
            "0086 138 0013 8000",
            "008613800138000",
            "013800138000",  # dialled with the trunk prefix
            "１３８ ００１３ ８０００",  # full-width digits (Chinese input method)
            "＋８６ １３８００１３８０００",
        ):
            self.assertEqual(self.Dnc._normalize_number(number), "13800138000", number)

    def test_normalize_landline(self):
        """Landlines keep trunk 0 and area code, with or without +86."""
        cases = {
            "010-8888 6666": "01088886666",
            "(010) 88886666": "01088886666",
            "01088886666": "01088886666",
            "+86 10 8888 6666": "01088886666",
            "+86-10-88886666": "01088886666",
            "0086 10 8888 6666": "01088886666",
            "861088886666": "01088886666",
            "+86 010 8888 6666": "01088886666",
            "010-8888 6666 ext 123": "01088886666",
            "010-88886666转123": "01088886666",
            "+86 21 6666 8888": "02166668888",
            "021-6666 8888": "02166668888",
            "0755-8888 6666": "075588886666",
            "+86 755 8888 6666": "075588886666",
            "0571-888 6666": "05718886666",
            "+86 571 888 6666": "05718886666",
        }
        for number, expected in cases.items():
            self.assertEqual(self.Dnc._normalize_number(number), expected, number)
        self.assertFalse(self.Dnc._normalize_number(""))
        self.assertFalse(self.Dnc._normalize_number(False))
        self.assertFalse(self.Dnc._normalize_number("n/a"))

    def test_unique_per_company(self):
        """A number is listed once per company, whatever its format."""
        self.Dnc.create({"number": "13800138000"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Dnc.create({"number": "+86 138-0013-8000"})
        other = self.env["res.company"].create({"name": "Other Centre"})
        entry = self.Dnc.create({"number": "+86 138-0013-8000", "company_id": other.id})
        self.assertEqual(entry.number_normalized, "13800138000")

    def test_listing_flags_later_calls_only(self):
        """A call to a listed number is a violation only from the moment it
        was listed; changing the list re-evaluates the calls."""
        self.import_rows(
            [
                self.row("before", "2025-03-03 10:00:00", number="+86 138 0013 8000"),
                self.row("after", "2025-03-05 10:00:00", number="138-0013-8000"),
                self.row("inbound", "2025-03-05 11:00:00", direction="inbound"),
                self.row("other", "2025-03-05 12:00:00", number="13900139000"),
            ]
        )
        before, after, inbound, other = self.calls(
            "before", "after", "inbound", "other"
        )
        self.assertFalse(any((before | after).mapped("violation_dnc")))
        # listed on 4 March 10:00 Beijing time (02:00 UTC)
        entry = self.Dnc.create(
            {
                "number": "0086 13800138000",
                "date_listed": datetime(2025, 3, 4, 2, 0),
                "reason": "Asked not to be called again",
            }
        )
        self.assertEqual(
            (before | after | inbound | other).mapped("violation_dnc"),
            [False, True, False, False],
        )
        self.assertTrue(after.is_violation)
        self.assertFalse(inbound.is_violation, "an inbound call is never a breach")
        # listed earlier: the first call becomes a violation too
        entry.date_listed = datetime(2025, 3, 1)
        self.assertTrue(before.violation_dnc)
        # archived: no new violations, the recorded ones stay
        entry.active = False
        self.assertTrue(entry.date_unlisted)
        self.assertEqual((before | after).mapped("violation_dnc"), [True, True])
        self.assertTrue(after.is_violation)
        entry.active = True
        self.assertFalse(entry.date_unlisted)
        self.assertTrue(after.violation_dnc)
        # number corrected: the old number's calls are cleared, the new one's flagged
        entry.number = "13900139000"
        self.assertFalse(any((before | after).mapped("violation_dnc")))
        self.assertTrue(other.violation_dnc)
        # a number called while listed is never deleted
        with self.assertRaisesRegex(UserError, "13900139000"), self.cr.savepoint():
            entry.unlink()
        self.assertTrue(other.violation_dnc)
        entry.number = "13700137000"
        entry.unlink()
        self.assertFalse(other.violation_dnc)

    def test_archiving_keeps_the_violations(self):
        """HR archives a listed number: the calls made while it was listed
        stay violations (and their compliance with them); calls after the
        archiving are not violations."""
        entry = self.Dnc.create(
            {"number": "13800138000", "date_listed": datetime(2025, 3, 4, 2, 0)}
        )
        self.import_rows([self.row("listed", "2025-03-05 10:00:00")])
        (listed,) = self.calls("listed")
        self.assertTrue(listed.violation_dnc)
        hr_entry = entry.with_user(self.hr_user)
        hr_entry.action_archive()
        self.assertFalse(entry.active)
        self.assertTrue(listed.violation_dnc)
        self.assertTrue(listed.is_violation)
        # the calls of that day are computed again: still a violation
        self.Call._compute_violations(listed.ids)
        self.assertTrue(listed.violation_dnc)
        # a call after the archiving is not a violation (archived, for the
        # test, on 6 March 10:00 Beijing time)
        self.assertTrue(entry.date_unlisted)
        self.env.cr.execute(
            "UPDATE telesales_dnc SET date_unlisted = %s WHERE id = %s",
            [datetime(2025, 3, 6, 2, 0), entry.id],
        )
        entry.invalidate_recordset(["date_unlisted"])
        self.import_rows(
            [
                self.row("still_listed", "2025-03-06 09:59:00"),
                self.row("later", "2025-03-06 10:01:00"),
            ]
        )
        still_listed, later_call = self.calls("still_listed", "later")
        self.assertTrue(still_listed.violation_dnc)
        self.assertFalse(later_call.violation_dnc)
        self.assertTrue(listed.violation_dnc)
        # the archiving date is the server's, never the client's
        with self.assertRaises(UserError), self.cr.savepoint():
            hr_entry.write({"date_unlisted": datetime(2025, 3, 4, 3, 0)})
        with self.assertRaises(UserError), self.cr.savepoint():
            hr_entry.unlink()
        self.assertTrue(listed.violation_dnc)

    def test_access(self):
        """Agents may add a number (they hear the request), not remove it;
        auditors only read."""
        entry = self.Dnc.with_user(self.agent_a1_user).create({"number": "13800138000"})
        with self.assertRaises(AccessError):
            entry.with_user(self.agent_a1_user).unlink()
        with self.assertRaises(AccessError):
            entry.with_user(self.agent_a1_user).write({"reason": "x"})
        entry.with_user(self.tl_a1_user).write({"reason": "Customer request"})
        self.assertEqual(entry.with_user(self.auditor).reason, "Customer request")
        with self.assertRaises(AccessError):
            self.Dnc.with_user(self.auditor).create({"number": "13900139000"})
