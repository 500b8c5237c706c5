# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo.tests import tagged

from .call_common import TelesalesCallCase

MONDAY = date(2025, 3, 3)


@tagged("post_install", "-at_install")
class TestCallViolations(TelesalesCallCase):
    def _day_rows(
        self, prefix, count, day=MONDAY, agent="a1", first="09:00:00", step=60
    ):
        start = datetime.combine(day, datetime.strptime(first, "%H:%M:%S").time())
        return [
            self.row(
                f"{prefix}-{n:03d}",
                (start + timedelta(seconds=n * step)).isoformat(" "),
                agent=agent,
                number=f"139{n:08d}",
            )
            for n in range(count)
        ]

    def test_window_edges(self):
        """09:00-18:00 local: 08:59:59 and 18:00:00 are outside, 09:00:00 and
        17:59:59 inside."""
        self.import_rows(
            [
                self.row("w1", "2025-03-03 08:59:59"),
                self.row("w2", "2025-03-03 09:00:00"),
                self.row("w3", "2025-03-03 17:59:59"),
                self.row("w4", "2025-03-03 18:00:00"),
                self.row("w5", "2025-03-03 18:30:00", direction="inbound"),
            ]
        )
        calls = self.calls("w1", "w2", "w3", "w4", "w5")
        self.assertEqual(
            calls.mapped("violation_window"), [True, False, False, True, False]
        )
        self.assertEqual(
            calls.mapped("is_violation"), [True, False, False, True, False]
        )
        # stored in UTC: 09:00 in Beijing is 01:00 UTC
        self.assertEqual(calls[1].start, datetime(2025, 3, 3, 1, 0, 0))
        self.assertEqual(calls[1].call_date, MONDAY)

    def test_window_in_agent_timezone(self):
        """The window is the agent's local time, whatever the file's offset:
        the time zone of the agent's working schedule (SPEC §2)."""
        self.agent_a2.resource_calendar_id = self.calendar.copy(
            {"name": "Tokyo office", "tz": "Asia/Tokyo"}  # UTC+9
        )
        self.import_rows(
            [
                # 00:59:59 UTC = 08:59:59 Beijing
                self.row("t1", "2025-03-03T00:59:59Z"),
                self.row("t2", "2025-03-03T01:00:00+00:00"),
                # 09:00 Beijing = 10:00 Tokyo: inside for the Tokyo agent
                self.row("t3", "2025-03-03 09:00:00+08:00", agent="a2"),
                # 17:30 Beijing = 18:30 Tokyo: outside for the Tokyo agent
                self.row("t4", "2025-03-03 17:30:00", agent="a2"),
            ]
        )
        self.assertEqual(
            self.calls("t1", "t2", "t3", "t4").mapped("violation_window"),
            [True, False, False, True],
        )

    def test_working_days_and_holidays(self):
        """On working days only (default): a weekend day or a public holiday
        of the agent's schedule is outside the window all day."""
        holiday = self.env["resource.calendar.leaves"].create(
            {"name": "Public holiday", "calendar_id": self.calendar.id}
        )
        # written after creation: hr_holidays shifts created dates by the user's tz
        holiday.write(
            {
                "date_from": datetime(2025, 3, 4, 16, 0),  # 5 March 00:00 Beijing
                "date_to": datetime(2025, 3, 5, 15, 59, 59),
            }
        )
        self.import_rows(
            [
                self.row("d-mon", "2025-03-03 10:00:00"),
                self.row("d-hol", "2025-03-05 10:00:00"),
                self.row("d-sat", "2025-03-08 10:00:00"),
                self.row("d-sun", "2025-03-09 10:00:00", agent="b1"),
            ]
        )
        calls = self.calls("d-mon", "d-hol", "d-sat", "d-sun")
        self.assertEqual(calls.mapped("violation_window"), [False, True, True, True])
        # an agent without schedule falls back on the company's
        self.company.resource_calendar_id.tz = "Asia/Shanghai"
        self.agent_a1b.resource_calendar_id = False
        self.import_rows([self.row("d-sat-b", "2025-03-08 10:00:00", agent="a1b")])
        self.assertTrue(self.calls("d-sat-b").violation_window)

    def test_every_day_window(self):
        """The other source: 08:00-21:00 every day."""
        self.company.write(
            {
                "telesales_call_window_start": 8.0,
                "telesales_call_window_end": 21.0,
                "telesales_call_window_working_days": False,
            }
        )
        self.import_rows(
            [
                self.row("e1", "2025-03-09 07:59:59"),  # Sunday
                self.row("e2", "2025-03-09 08:00:00"),
                self.row("e3", "2025-03-09 20:59:59"),
                self.row("e4", "2025-03-09 21:00:00"),
            ]
        )
        self.assertEqual(
            self.calls("e1", "e2", "e3", "e4").mapped("violation_window"),
            [True, False, False, True],
        )

    def test_cap_200_and_201(self):
        """200 outbound dials a day are allowed, the 201st is a violation;
        inbound calls and other days do not count."""
        rows = self._day_rows("cap", 200)
        rows += [
            self.row(f"in-{n}", f"2025-03-03 12:{n:02d}:30", direction="inbound")
            for n in range(5)
        ]
        rows += self._day_rows("next", 10, day=MONDAY + timedelta(days=1))
        self.import_rows(rows)
        day_calls = self.Call.search([("employee_id", "=", self.agent_a1.id)])
        self.assertEqual(len(day_calls), 215)
        self.assertFalse(any(day_calls.mapped("violation_cap")))
        # one more dial, later that day (17:00): the 201st outbound call
        self.import_rows([self.row("cap-201", "2025-03-03 17:00:00")])
        flagged = self.Call.search(
            [("violation_cap", "=", True), ("employee_id", "in", self.agents.ids)]
        )
        self.assertEqual(flagged.mapped("external_id"), ["cap-201"])
        self.assertTrue(flagged.is_violation)
        # a dial early that morning is now the 1st: the last one of the day is
        # the 201st (the cap counts in start order)
        self.import_rows(
            [self.row("cap-early", "2025-03-03 09:00:00", number="13700137000")]
        )
        flagged = self.Call.search(
            [("violation_cap", "=", True), ("employee_id", "in", self.agents.ids)]
        )
        self.assertEqual(flagged.mapped("external_id"), ["cap-201", "cap-199"])
        # the cap is a setting; 0 disables it
        self.company.telesales_daily_dial_cap = 0
        self.Call._compute_violations([("employee_id", "=", self.agent_a1.id)])
        self.assertFalse(
            self.Call.search_count(
                [("violation_cap", "=", True), ("employee_id", "=", self.agent_a1.id)]
            )
        )

    def test_cap_per_local_day(self):
        """The day of the cap is the agent's local day, not the UTC day."""
        self.company.write(
            {"telesales_daily_dial_cap": 2, "telesales_call_window_working_days": False}
        )
        self.company.write(
            {"telesales_call_window_start": 0, "telesales_call_window_end": 24}
        )
        self.import_rows(
            [
                # 07:30 Beijing on the 4th = 23:30 UTC on the 3rd
                self.row("l1", "2025-03-04 07:30:00"),
                self.row("l2", "2025-03-04 07:40:00"),
                self.row("l3", "2025-03-04 07:50:00"),
                self.row("l4", "2025-03-03 23:50:00"),
            ]
        )
        calls = self.calls("l1", "l2", "l3", "l4")
        self.assertEqual(
            calls.mapped("call_date"), [MONDAY + timedelta(days=1)] * 3 + [MONDAY]
        )
        self.assertEqual(calls.mapped("violation_cap"), [False, False, True, False])

    def test_orm_path_and_moves(self):
        """Calls created or changed through the ORM (Odoo's importer, a
        correction) get the same flags, on the old and the new day."""
        self.company.telesales_daily_dial_cap = 1
        first = self.Call.create(
            {
                "external_id": "orm-1",
                "employee_id": self.agent_a1.id,
                "callee_number": "+86 138 0013 8000",
                "start": datetime(2025, 3, 3, 2, 0),  # 10:00 Beijing
            }
        )
        self.assertEqual(first.callee_normalized, "13800138000")
        self.assertEqual(first.call_date, MONDAY)
        self.assertEqual(first.department_id, self.team_a1)
        self.assertFalse(first.is_violation)
        second = self.Call.create(
            {
                "external_id": "orm-2",
                "employee_id": self.agent_a1.id,
                "callee_number": "13900139000",
                "start": datetime(2025, 3, 3, 3, 0),
            }
        )
        self.assertTrue(second.violation_cap)
        # moved to the next day: both are within the cap again
        second.start = datetime(2025, 3, 4, 3, 0)
        self.assertFalse(second.violation_cap)
        # moved before the first one on the same day: the first is now over
        second.start = datetime(2025, 3, 3, 1, 30)
        self.assertFalse(second.violation_cap)
        self.assertTrue(first.violation_cap)
        # a listed number
        self.Dnc.create(
            {"number": "139-0013-9000", "date_listed": datetime(2025, 1, 1)}
        )
        self.assertTrue(second.violation_dnc)
        # Odoo's importer: the agent column may hold the dialer login
        result = self.Call.load(
            ["external_id", "employee_id", "callee_number", "start"],
            [["load-1", "b1", "13700137000", "2025-03-08 02:00:00"]],
        )
        self.assertFalse(result["messages"], result["messages"])
        loaded = self.Call.browse(result["ids"])
        self.assertEqual(loaded.employee_id, self.agent_b1)
        self.assertTrue(loaded.violation_window, "a Saturday")

    def test_settings_recompute(self):
        """Changing the window in Settings and recomputing re-evaluates the
        calls of the last months."""
        today = date.today()
        day = today - timedelta(days=(today.weekday() + 7))  # a recent Monday
        self.import_rows([self.row("s1", f"{day} 09:30:00")])
        call = self.calls("s1")
        self.assertFalse(call.violation_window)
        settings = self.env["res.config.settings"].create(
            {"telesales_call_window_start": 10.0}
        )
        self.assertEqual(self.company.telesales_call_window_start, 10.0)
        action = settings.action_telesales_recompute_call_violations()
        self.assertEqual(action["tag"], "display_notification")
        self.assertTrue(call.violation_window)
