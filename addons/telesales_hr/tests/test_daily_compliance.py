# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase


@tagged("post_install", "-at_install")
class TestDailyCompliance(ComplianceCase):
    def test_compliant_day(self):
        """A full day meeting every target: figures in local time."""
        self.perfect_day(self.agent_a1)
        row = self.compute(self.agent_a1)
        self.assertEqual(len(row), 1)
        self.assertTrue(row.compliant, row.reasons)
        self.assertEqual(row.dials, 55)
        self.assertEqual(row.connected_calls, 45)
        self.assertEqual(row.talk_seconds, 4 * 3600)
        self.assertAlmostEqual(row.talk_hours, 4.0)
        self.assertAlmostEqual(row.first_call_time, 9 + 5 / 60)
        self.assertAlmostEqual(row.afternoon_call_time, 13 + 35 / 60)
        self.assertEqual(row.check_in, self.utc(DAY, "08:55:00"))
        self.assertEqual(row.expected_start, self.utc(DAY, "09:00:00"))
        self.assertEqual(row.expected_end, self.utc(DAY, "18:00:00"))
        self.assertAlmostEqual(row.expected_hours, 7.5)
        self.assertEqual(row.department_id, self.team_a1)
        self.assertEqual(row.rank_id, self.s1)
        self.assertEqual(
            (row.late_minutes, row.early_minutes, row.absence), (0, 0, "none")
        )
        self.assertEqual(row.attendance_deduction, 0)
        self.assertEqual(row.overtime_required_hours, 0)
        self.assertFalse(row.reasons)
        self.assertFalse(
            self.Deduction.search([("employee_id", "=", self.agent_a1.id)]),
            "a compliant day costs no KPI points",
        )

    def test_connected_calls_boundary(self):
        """40 connected calls comply, 39 do not."""
        self.perfect_day(self.agent_a1, connected=40)
        self.perfect_day(self.agent_a1b, connected=39)
        self.compute(self.agent_a1 | self.agent_a1b)
        ok, short = self.row(self.agent_a1), self.row(self.agent_a1b)
        self.assertTrue(ok.compliant, ok.reasons)
        self.assertFalse(ok.fail_connected)
        self.assertFalse(short.compliant)
        self.assertTrue(short.fail_connected)
        self.assertEqual(short.required_connected_calls, 40)
        self.assertIn("39 < 40", short.reasons)

    def test_talk_time_boundary(self):
        """Exactly 3.5 hours of talk comply, one second less does not."""
        self.perfect_day(self.agent_a1, talk=12600)
        self.perfect_day(self.agent_a1b, talk=12599)
        self.compute(self.agent_a1 | self.agent_a1b)
        self.assertTrue(self.row(self.agent_a1).compliant)
        short = self.row(self.agent_a1b)
        self.assertTrue(short.fail_talk)
        self.assertFalse(short.fail_connected)
        self.assertFalse(short.compliant)
        self.assertEqual(short.talk_seconds, 12599)

    def test_talk_counted_up_to_cutoff(self):
        """A call straddling 18:00 counts until 18:00; its ring time is not
        talk; a call after the cut-off does not count at all."""
        vals = self.day_calls(self.agent_a1, talk=3 * 3600, create=False)
        vals += [
            # talk 17:50:00-18:10:00 -> 600 s counted
            self.call_vals(self.agent_a1, self.utc(DAY, "17:50:00"), talk=1200),
            # rings 30 s, talks 17:55:30-18:05:30 -> 270 s counted
            self.call_vals(self.agent_a1, self.utc(DAY, "17:55:00"), talk=600, ring=30),
            # after the cut-off: nothing
            self.call_vals(self.agent_a1, self.utc(DAY, "18:00:00"), talk=900),
            # an inbound call counts as talk but not as a dial
            self.call_vals(
                self.agent_a1, self.utc(DAY, "10:00:00"), talk=100, direction="inbound"
            ),
        ]
        self.add_calls(vals)
        self.punch(self.agent_a1)
        row = self.compute(self.agent_a1)
        self.assertEqual(row.talk_seconds, 3 * 3600 + 600 + 270 + 100)
        self.assertEqual(row.talk_seconds_total, 3 * 3600 + 1200 + 600 + 900 + 100)
        self.assertEqual(row.dials, 55 + 3)
        self.assertEqual(row.connected_calls, 45 + 4)
        self.assertTrue(row.fail_talk, "3h 16min counted < 3h 30min")

    def test_cutoff_setting(self):
        """The cut-off is a setting: at 18:10 the whole straddling call counts."""
        self.company.telesales_talk_cutoff = 18 + 10 / 60
        self.add_calls(
            [self.call_vals(self.agent_a1, self.utc(DAY, "17:50:00"), talk=1200)]
        )
        self.punch(self.agent_a1)
        self.assertEqual(self.compute(self.agent_a1).talk_seconds, 1200)

    def test_first_call_deadlines(self):
        """First call before 09:30 and first afternoon call before 14:00."""
        self.perfect_day(self.agent_a1, first="09:29:59", afternoon="13:59:59")
        self.perfect_day(self.agent_a1b, first="09:30:00", afternoon="14:00:00")
        self.compute(self.agent_a1 | self.agent_a1b)
        ok, late = self.row(self.agent_a1), self.row(self.agent_a1b)
        self.assertTrue(ok.compliant, ok.reasons)
        self.assertAlmostEqual(ok.first_call_time, 9.5 - 1 / 3600)
        self.assertTrue(late.fail_first_call)
        self.assertTrue(late.fail_afternoon_call)
        self.assertIn("09:30:00", late.reasons)
        self.assertIn("14:00:00", late.reasons)
        self.assertTrue(late.fail_overtime, "non-compliant and only 5 min overtime")
        # KPI points for each missed deadline, one per rule and day
        self.assertEqual(
            sorted(
                self.Deduction.search([("employee_id", "=", self.agent_a1b.id)]).mapped(
                    "breach_type"
                )
            ),
            ["afternoon_call", "first_call", "no_overtime"],
        )

    def test_no_afternoon_call(self):
        vals = [self.call_vals(self.agent_a1, self.utc(DAY, "09:01:00"), talk=60)]
        self.add_calls(vals)
        self.punch(self.agent_a1)
        row = self.compute(self.agent_a1)
        self.assertFalse(row.fail_first_call)
        self.assertTrue(row.fail_afternoon_call)
        self.assertFalse(row.afternoon_call_time)
        self.assertIn("No afternoon call", row.reasons)

    def test_afternoon_start_from_calendar(self):
        """By default the afternoon starts at 12:00; from the calendar it
        starts when the lunch break ends (13:30)."""
        vals = [
            self.call_vals(self.agent_a1, self.utc(DAY, "09:01:00"), talk=60),
            self.call_vals(self.agent_a1, self.utc(DAY, "12:30:00"), talk=60),
            self.call_vals(self.agent_a1, self.utc(DAY, "14:05:00"), talk=60),
        ]
        self.add_calls(vals)
        self.punch(self.agent_a1)
        row = self.compute(self.agent_a1)
        self.assertAlmostEqual(row.afternoon_call_time, 12.5)
        self.assertFalse(row.fail_afternoon_call)
        self.company.telesales_afternoon_start_mode = "calendar"
        row = self.compute(self.agent_a1)
        self.assertAlmostEqual(row.afternoon_call_time, 14 + 5 / 60)
        self.assertTrue(row.fail_afternoon_call)

    def test_dial_cap_boundary(self):
        """200 outbound calls are allowed, 201 are not."""
        self.perfect_day(self.agent_a1, dials=200)
        self.perfect_day(self.agent_a1b, dials=201)
        self.compute(self.agent_a1 | self.agent_a1b)
        self.assertTrue(self.row(self.agent_a1).compliant)
        self.assertEqual(self.row(self.agent_a1).dials, 200)
        capped = self.row(self.agent_a1b)
        self.assertTrue(capped.fail_dial_cap)
        self.assertFalse(capped.compliant)
        self.assertIn("201 outbound calls > 200", capped.reasons)
        # the call beyond the cap is a violation of the call, yet the day
        # fails once, on the cap
        self.assertFalse(capped.fail_violations)
        self.assertNotIn("calls with violations", capped.reasons)

    def test_call_violations(self):
        calls = self.day_calls(self.agent_a1)
        calls[:2].write({"violation_dnc": True})
        self.punch(self.agent_a1)
        row = self.compute(self.agent_a1)
        self.assertEqual(row.violation_calls, 2)
        self.assertTrue(row.fail_violations)
        self.assertFalse(row.compliant)

    def test_overtime(self):
        """A non-compliant day needs 1 hour after the shift end (18:00)."""
        self.day_calls(self.agent_a1, connected=39)
        self.punch(self.agent_a1, check_out="19:00:00")
        self.day_calls(self.agent_a1b, connected=39)
        self.punch(self.agent_a1b, check_out="18:59:59")
        self.compute(self.agent_a1 | self.agent_a1b)
        done, short = self.row(self.agent_a1), self.row(self.agent_a1b)
        self.assertFalse(done.compliant)
        self.assertEqual(done.overtime_required_hours, 1)
        self.assertEqual(done.overtime_hours, 1)
        self.assertFalse(done.fail_overtime)
        self.assertTrue(short.fail_overtime)
        self.assertIn("Overtime 0:59 of 1:00 required", short.reasons)
        self.assertFalse(
            self.Deduction.search(
                [
                    ("employee_id", "=", self.agent_a1.id),
                    ("breach_type", "=", "no_overtime"),
                ]
            )
        )
        missing = self.Deduction.search(
            [
                ("employee_id", "=", self.agent_a1b.id),
                ("breach_type", "=", "no_overtime"),
            ]
        )
        self.assertEqual(missing.points, 10)
        self.assertEqual(missing.date, DAY)

    def test_overtime_without_check_out(self):
        self.day_calls(self.agent_a1, connected=39)
        self.punch(self.agent_a1, check_out=False)
        row = self.compute(self.agent_a1)
        self.assertTrue(row.missing_check_out)
        self.assertTrue(row.fail_overtime)
        self.assertEqual(row.early_minutes, 0, "no check-out is not an early leave")

    def test_leave_days(self):
        """Approved leave: a full day has no row and is no absence; a half
        day prorates the call targets and skips the absent half's deadline;
        a public holiday has no row and is not a working day of the month."""
        Leave = self.env["resource.calendar.leaves"]
        Leave.create(
            {
                "name": "Annual leave",
                "resource_id": self.agent_a1.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": self.utc(DAY, "00:00:00"),
                "date_to": self.utc(DAY, "23:59:59"),
            }
        )
        Leave.create(
            {
                "name": "Afternoon off",
                "resource_id": self.agent_a1b.resource_id.id,
                "calendar_id": self.calendar.id,
                "date_from": self.utc(DAY, "12:00:00"),
                "date_to": self.utc(DAY, "18:00:00"),
            }
        )
        holiday = date(2025, 4, 4)
        # hr_holidays (when installed) reads public holidays in the user's time zone
        self.env.user.tz = "Asia/Shanghai"
        Leave.create(
            {
                "name": "Qingming",
                "calendar_id": self.calendar.id,
                "company_id": self.company.id,
                "date_from": self.utc(holiday, "00:00:00"),
                "date_to": self.utc(holiday, "23:59:59"),
            }
        )
        # the half-day agent: 20 connected, 1h45 talk in the morning, leaves at noon
        self.day_calls(self.agent_a1b, connected=20, talk=6300, afternoon=None)
        self.punch(self.agent_a1b, check_out="12:00:00")
        rows = self.compute(self.agent_a1 | self.agent_a1b, DAY, holiday)
        self.assertFalse(
            rows.filtered(lambda r: r.employee_id == self.agent_a1 and r.date == DAY)
        )
        self.assertFalse(rows.filtered(lambda r: r.date == holiday))
        # days of the range: 2 (Wed) and 3 (Thu) April; the 4th is a holiday
        self.assertEqual(sorted(set(rows.mapped("date"))), [DAY, date(2025, 4, 3)])
        half = self.row(self.agent_a1b)
        self.assertAlmostEqual(half.day_share, 3 / 7.5)
        self.assertEqual(half.required_connected_calls, 16)
        self.assertAlmostEqual(half.required_talk_hours, 3.5 * 3 / 7.5)
        self.assertFalse(half.fail_afternoon_call)
        self.assertEqual(half.early_minutes, 0)
        self.assertEqual(half.absence, "none")
        self.assertTrue(half.compliant, half.reasons)
        # day wage: 1580 / 21 working days (April 2025 minus the holiday)
        self.assertAlmostEqual(
            self.row(self.agent_a1, date(2025, 4, 3)).day_wage, 75.24
        )

    def test_no_rank_no_row(self):
        """Days before an employee holds a telesales rank are not computed."""
        newcomer = self.env["hr.employee"].create(
            {
                "name": "Newcomer",
                "department_id": self.team_a1.id,
                "resource_calendar_id": self.calendar.id,
            }
        )
        self.set_rank(newcomer, self.t0, date(2025, 4, 3), origin="initial")
        rows = self.compute(newcomer, DAY, date(2025, 4, 3), attendance_complete=True)
        self.assertEqual(rows.mapped("date"), [date(2025, 4, 3)])
        self.assertTrue(rows.is_newcomer)
        self.assertEqual(rows.absence, "full")

    def test_recompute_and_lock(self):
        """A recompute rewrites unlocked rows in place (issue 11: same ids,
        so payroll's links hold), keeps locked ones (paid by payroll) and the
        team of the day after a transfer."""
        self.day_calls(self.agent_a1, connected=39)
        self.punch(self.agent_a1)
        first = self.compute(self.agent_a1)
        self.assertFalse(first.compliant)
        self.agent_a1.department_id = self.team_a2
        self.day_calls(self.agent_a1, connected=1, first=None, afternoon=None, dials=1)
        second = self.compute(self.agent_a1)
        self.assertEqual(first.id, second.id)
        self.assertTrue(second.compliant)
        self.assertEqual(second.department_id, self.team_a1, "team of the day kept")
        second._telesales_set_paid()  # as payroll does
        self.env["telesales.call"].search(
            [("employee_id", "=", self.agent_a1.id)]
        ).write({"violation_dnc": True})
        third = self.compute(self.agent_a1)
        self.assertEqual(third, second)
        self.assertTrue(third.compliant, "a locked row is never recomputed")
        with self.assertRaises(UserError):
            third.unlink()

    def test_team_average(self):
        """The team's average talk time is flagged below the team threshold;
        an agent absent all day is left out of the average."""
        self.perfect_day(self.agent_a1, talk=4 * 3600)
        self.perfect_day(self.agent_a1b, talk=2 * 3600 + 1800)
        self.perfect_day(self.agent_a2, talk=3 * 3600)
        self.compute(self.agent_a1 | self.agent_a1b | self.agent_a2 | self.tl_a1)
        Team = self.env["telesales.team.daily.compliance"]
        a1 = Team.search([("department_id", "=", self.team_a1.id), ("date", "=", DAY)])
        a2 = Team.search([("department_id", "=", self.team_a2.id), ("date", "=", DAY)])
        self.assertEqual(a1.agent_count, 2, "the absent team leader is not averaged")
        self.assertAlmostEqual(a1.avg_talk_hours, 3.25)
        self.assertTrue(a1.below_threshold)
        self.assertEqual(a1.compliant_count, 1)
        self.company.telesales_team_min_talk_hours = 3.25
        self.env.flush_all()
        a1.invalidate_recordset()
        self.assertFalse(a1.below_threshold)
        self.assertTrue(a2.below_threshold)

    def test_time_zone_day(self):
        """A 07:30 local call is on the local day even though it is the day
        before in UTC."""
        early = self.utc(DAY, "07:30:00")
        self.assertEqual(early.date(), DAY - timedelta(days=1))
        self.add_calls([self.call_vals(self.agent_a1, early, talk=60)])
        self.punch(self.agent_a1)
        row = self.compute(self.agent_a1)
        self.assertEqual(row.dials, 1)
        self.assertAlmostEqual(row.first_call_time, 7.5)

    def test_wizard_and_cron(self):
        self.perfect_day(self.agent_a1)
        Wizard = self.env["telesales.compliance.compute"]
        with self.assertRaises(AccessError):
            Wizard.with_user(self.tl_a1_user).create({"date_from": DAY, "date_to": DAY})
        today = fields.Date.context_today(self.Compliance)
        with self.assertRaises(UserError):
            Wizard.with_user(self.hr_user).create({"date_from": DAY, "date_to": today})
        wizard = Wizard.with_user(self.manager_a_user).create(
            {"date_from": DAY, "date_to": DAY, "department_ids": [self.team_a1.id]}
        )
        action = wizard.action_compute()
        rows = self.Compliance.search(action["domain"])
        self.assertEqual(rows.employee_id, self.agent_a1 | self.agent_a1b | self.tl_a1)
        self.assertTrue(self.row(self.agent_a1).compliant)
        # the nightly job computes yesterday and the days before it
        self.company.telesales_compliance_rerun_days = 3
        yesterday_calls = self.day_calls(
            self.agent_a2, today - timedelta(days=1), create=False
        )
        self.add_calls(yesterday_calls)
        self.Compliance._cron_compute_compliance()
        computed = self.Compliance.search(
            [
                ("employee_id", "=", self.agent_a2.id),
                ("date", ">=", today - timedelta(days=3)),
            ]
        )
        self.assertTrue(computed)
        self.assertTrue(
            all(today - timedelta(days=3) <= d < today for d in computed.mapped("date"))
        )

    def test_settings_validation(self):
        with self.assertRaises(UserError):
            self.company.telesales_late_major_minutes = 5
        with self.assertRaises(UserError):
            self.company.telesales_talk_cutoff = 25
        with self.assertRaises(UserError):
            self.company.telesales_kpi_proxy_agent = -1
        settings = self.env["res.config.settings"].create(
            {"telesales_min_connected_calls": 30, "telesales_kpi_pass": 70}
        )
        settings.execute()
        self.assertEqual(self.company.telesales_min_connected_calls, 30)
        self.assertEqual(self.company.telesales_kpi_pass, 70)

    def test_views_load(self):
        """Every view of the actions opens for the users of the menus."""
        for xmlid, user in (
            ("action_telesales_daily_compliance", self.tl_a1_user),
            ("action_telesales_daily_compliance_mine", self.agent_a1_user),
            ("action_telesales_daily_compliance_analysis", self.auditor),
            ("action_telesales_team_daily_compliance", self.agent_a1_user),
            ("action_telesales_kpi_deduction", self.hr_user),
            ("action_telesales_compliance_compute", self.manager_a_user),
        ):
            action = self.env.ref(f"telesales_hr.{xmlid}")
            model = self.env[action.res_model].with_user(user)
            views = model.get_views(
                [(False, mode) for mode in action.view_mode.split(",")]
                + [(False, "search")]
            )
            self.assertEqual(
                set(views["views"]), set(action.view_mode.split(",")) | {"search"}
            )

    def test_demo_data(self):
        """The demo generator: last month's attendance of every agent with a
        few late arrivals, two absences and one proxy punch pair, then its
        compliance; a second run adds no attendance."""
        today = fields.Date.context_today(self.Compliance)
        first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        rows = self.env["telesales.demo"]._telesales_demo_compliance()
        self.assertTrue(rows)
        self.assertTrue(
            all(first <= day < today.replace(day=1) for day in rows.mapped("date"))
        )
        self.assertTrue(rows.filtered(lambda r: r.absence == "full"))
        self.assertTrue(rows.filtered(lambda r: r.late_minutes > 0))
        proxies = self.Flag.search(
            [("flag_type", "=", "proxy_punch"), ("date", ">=", first)]
        )
        self.assertGreaterEqual(len(proxies), 2)
        Attendance = self.env["hr.attendance"]
        count = Attendance.search_count([("check_in", ">=", first)])
        self.env["telesales.demo"]._telesales_demo_compliance()
        self.assertEqual(Attendance.search_count([("check_in", ">=", first)]), count)
