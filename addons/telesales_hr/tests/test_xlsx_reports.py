# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .reports_common import TelesalesReportCase

PREMIUM_HEADER = [
    "Date",
    "External ID",
    "Policy / Order",
    "Agent",
    "Team",
    "Premium",
    "State",
    "Refund Date",
]


@tagged("post_install", "-at_install")
class TestXlsxReports(TelesalesReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agents_domain = [("employee_id", "in", cls.agents.ids)]

    # ------------------------------------------------------------------
    # Premium ledger: the streamed export of the bench
    # ------------------------------------------------------------------
    def test_premium_ledger_sheet_header_rows_and_totals(self):
        book = self.render(
            "telesales_hr.premium_xlsx", data={"domain": self.agents_domain}
        )
        self.assertEqual(book.sheetnames, ["Premium Ledger"])
        header, rows, total, below = self.table(book["Premium Ledger"])
        self.assertEqual(header, PREMIUM_HEADER)
        self.assertEqual(len(rows), 8)
        # rows in ledger order (date, id), dates as dates, names as names
        self.assertEqual([row[0] for row in rows], sorted(row[0] for row in rows))
        self.assertEqual(rows[0][0], datetime(2025, 4, 10))
        self.assertEqual(
            rows[0][3:7],
            [
                "Agent A1",
                "Test Centre / Unit A / Team A1",
                10000,
                "Effective",
            ],
        )
        refunded = [row for row in rows if row[6] == "Refunded"]
        self.assertEqual(
            sorted(row[7] for row in refunded),
            [datetime(2025, 4, 25), datetime(2025, 5, 10)],
        )
        self.assertEqual(total[5], 66000)
        self.assertEqual(
            self.subtotals(below),
            {
                "Cancelled": [1, 4000],
                "Effective": [5, 57000],
                "Refunded": [2, 5000],
            },
        )

    def test_selected_records_and_small_chunks(self):
        """docids (the Print menu of a list) export the selection; the SQL
        cursor fetched two rows at a time and a two-name cache still give
        every row in order with the right names."""
        selection = self.lines.filtered(lambda line: line.state == "effective")
        Stream = type(self.env["report.telesales_hr.premium_xlsx"])
        with (
            patch.object(Stream, "_xlsx_chunk_size", 2),
            patch.object(Stream, "_xlsx_name_cache_size", 2),
        ):
            book = self.render("telesales_hr.premium_xlsx", docids=selection.ids)
        __, rows, total, __ = self.table(book.active)
        self.assertEqual(
            [(row[1], row[3]) for row in rows],
            [
                (line.external_id, line.employee_id.name)
                for line in selection.sorted(lambda ln: (ln.date, ln.id))
            ],
        )
        self.assertEqual(total[5], sum(selection.mapped("amount")))

    def test_agent_exports_only_their_rows(self):
        """Record rules apply to the export, to a filter and to selected
        records alike: an agent gets their own lines only."""
        for docids, data in (
            (None, {}),
            (None, {"domain": self.agents_domain}),
            (self.lines.ids, {}),
        ):
            book = self.render(
                "telesales_hr.premium_xlsx",
                docids=docids,
                data=data,
                user=self.agent_a1_user,
            )
            __, rows, total, __ = self.table(book.active)
            self.assertEqual({row[3] for row in rows}, {"Agent A1"})
            self.assertEqual(len(rows), 3)
            self.assertEqual(total[5], 34000)
        # the team leader of A1 gets the team's lines
        book = self.render(
            "telesales_hr.premium_xlsx", docids=self.lines.ids, user=self.tl_a1_user
        )
        __, rows, __, __ = self.table(book.active)
        self.assertEqual({row[3] for row in rows}, {"Agent A1", "Agent A1B"})

    # ------------------------------------------------------------------
    # Premium by month
    # ------------------------------------------------------------------
    def test_premium_by_month(self):
        domain = [
            *self.agents_domain,
            ("month", ">=", date(2025, 4, 1)),
            ("month", "<=", date(2025, 6, 1)),
        ]
        book = self.render("telesales_hr.premium_month_xlsx", data={"domain": domain})
        self.assertEqual(book.sheetnames, ["Premium by Month"])
        header, rows, total, __ = self.table(book.active)
        self.assertEqual(
            header,
            [
                "Month",
                "Agent",
                "Team",
                "Effective Premium",
                "Target",
                "Achievement (%)",
            ],
        )
        figures = {(row[0].date(), row[1]): row[3:] for row in rows}
        # refunds: a later month deducts, the same month cancels the sale
        self.assertEqual(
            {key: value[0] for key, value in figures.items()},
            {
                (date(2025, 4, 1), "Agent A1"): 10000,
                (date(2025, 5, 1), "Agent A1"): 20000,
                (date(2025, 4, 1), "Agent A1B"): 8000,
                (date(2025, 5, 1), "Agent A1B"): -3000,
                (date(2025, 4, 1), "Agent A2"): 7000,
                (date(2025, 6, 1), "Agent B1"): 15000,
            },
        )
        # achievement as a percentage cell: 125 % is 1.25, formatted 0.0%
        self.assertEqual(figures[(date(2025, 4, 1), "Agent A1")][1:], [8000, 1.25])
        expected_target = 0.0
        for month, name in figures:
            employee = self.agents.filtered(lambda e, n=name: e.name == n)
            expected_target += self.Target._agent_targets(employee, month)[employee.id]
        self.assertEqual(total[3], 57000)
        self.assertEqual(total[4], expected_target)
        # the totals' achievement is total premium / total target
        self.assertAlmostEqual(
            total[5], round(round(57000 / expected_target * 100, 1) / 100, 3)
        )
        self.assertEqual(book.active["F2"].number_format, "0.0%")

    # ------------------------------------------------------------------
    # Referral bonus ledger
    # ------------------------------------------------------------------
    def _referrals(self):
        self.company.write(
            {
                "telesales_referral_first_amount": 100,
                "telesales_referral_first_months": 1,
                "telesales_referral_probation_amount": 200,
                "telesales_referral_probation_months": 3,
            }
        )
        hires = self.env["hr.employee"].create(
            [
                {"name": "Hire One", "department_id": self.team_a1.id},
                {"name": "Hire Two", "department_id": self.team_b1.id},
            ]
        )
        Referral = self.env["telesales.referral"].sudo()
        one = Referral.create(
            {
                "referrer_id": self.agent_a1.id,
                "employee_id": hires[0].id,
                "date_start": date(2025, 3, 1),
            }
        )
        two = Referral.create(
            {
                "referrer_id": self.agent_b1.id,
                "employee_id": hires[1].id,
                "date_start": date(2025, 3, 15),
            }
        )
        first = one.milestone_ids.filtered(lambda m: m.kind == "one_month")
        # due (the daily cron's step), then approved by HR
        first._make_due()
        first.with_user(self.hr_user).action_approve()
        two.milestone_ids.filtered(lambda m: m.kind == "one_month")._cancel(
            "Left the team"
        )
        return one | two

    def test_referral_ledger_totals_per_state(self):
        referrals = self._referrals()
        book = self.render(
            "telesales_hr.referral_ledger_xlsx", docids=referrals.milestone_ids.ids
        )
        self.assertEqual(book.sheetnames, ["Referral Bonus Ledger"])
        header, rows, total, below = self.table(book.active)
        self.assertEqual(
            header[:8],
            [
                "Referrer",
                "Referrer's Team",
                "Referred Hire",
                "Hire's Team",
                "Milestone",
                "Due Date",
                "Amount",
                "State",
            ],
        )
        self.assertEqual(len(rows), 4)
        self.assertEqual(
            sorted((row[0], row[2], row[4], row[6], row[7]) for row in rows),
            [
                ("Agent A1", "Hire One", "First Month of Employment", 100, "Approved"),
                ("Agent A1", "Hire One", "Probation Passed", 200, "Pending"),
                ("Agent B1", "Hire Two", "First Month of Employment", 100, "Cancelled"),
                ("Agent B1", "Hire Two", "Probation Passed", 200, "Pending"),
            ],
        )
        cancelled = next(row for row in rows if row[7] == "Cancelled")
        self.assertEqual(cancelled[11], "Left the team")
        self.assertEqual(total[6], 600)
        self.assertEqual(
            self.subtotals(below),
            {"Approved": [1, 100], "Cancelled": [1, 100], "Pending": [2, 400]},
        )
        # the referrer's own ledger
        book = self.render(
            "telesales_hr.referral_ledger_xlsx",
            docids=referrals.milestone_ids.ids,
            user=self.agent_a1_user,
        )
        __, rows, total, __ = self.table(book.active)
        self.assertEqual({row[0] for row in rows}, {"Agent A1"})
        self.assertEqual(total[6], 300)

    # ------------------------------------------------------------------
    # Quarterly rank review
    # ------------------------------------------------------------------
    def _reviews(self):
        Review = self.Review.with_user(self.hr_user)
        reviews = Review.create([{"year": 2025, "quarter": q} for q in (1, 2)])
        reviews.action_compute()
        return reviews

    def test_rank_review_one_sheet_per_review(self):
        reviews = self._reviews()
        book = self.render("telesales_hr.rank_review_xlsx", docids=reviews.ids)
        self.assertEqual(book.sheetnames, ["2025 Q1", "2025 Q2"])
        for review in reviews:
            sheet = book[review.name]
            self.assertTrue(
                str(sheet["A1"].value).startswith(
                    f"Quarterly rank review {review.name}, 2025-"
                )
            )
            header, rows, total, below = self.table(sheet, header_row=2)
            self.assertEqual(
                header[:8],
                [
                    "Agent",
                    "Team",
                    "Current Rank",
                    "Months Held",
                    "Quarter Premium",
                    "Keep Threshold",
                    "Promotion Threshold",
                    "Decision",
                ],
            )
            self.assertEqual(header[-2:], ["Final Rank", "Change"])
            lines = review.line_ids
            self.assertEqual(len(rows), len(lines))
            self.assertEqual(total[4], sum(lines.mapped("premium")))
            by_decision = {}
            for line in lines:
                label = line._decision_label()
                by_decision.setdefault(label, [0, 0.0])
                by_decision[label][0] += 1
                by_decision[label][1] += line.premium
            self.assertEqual(self.subtotals(below), by_decision)
        q2 = reviews[1]
        line = q2.line_ids.filtered(lambda ln: ln.employee_id == self.agent_a1)
        __, rows, __, __ = self.table(book["2025 Q2"], header_row=2)
        row = next(row for row in rows if row[0] == "Agent A1")
        self.assertEqual(row[4], 30000)
        self.assertEqual(row[2], line.current_rank_id.display_name)
        self.assertEqual(row[13], line.final_rank_id.display_name)

    def test_rank_review_team_leader_and_agent(self):
        reviews = self._reviews()
        book = self.render(
            "telesales_hr.rank_review_xlsx", docids=reviews.ids, user=self.tl_a1_user
        )
        __, rows, __, __ = self.table(book["2025 Q2"], header_row=2)
        self.assertEqual({row[0] for row in rows}, {"Agent A1", "Agent A1B", "Tl A1"})
        # agents have no access to the reviews, their export included
        with self.assertRaises(AccessError):
            self.render(
                "telesales_hr.rank_review_xlsx",
                docids=reviews.ids,
                user=self.agent_a1_user,
            )

    # ------------------------------------------------------------------
    # The export wizard (Reporting > Export to Excel)
    # ------------------------------------------------------------------
    def wizard(self, user, **vals):
        return (
            self.env["telesales.report.export"]
            .with_user(user)
            .create(
                {"date_from": date(2025, 4, 1), "date_to": date(2025, 6, 30), **vals}
            )
        )

    def render_wizard(self, wizard):
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_type"], "xlsx")
        self.assertTrue(action["close_on_report_download"])
        return self.render(
            action["report_name"], data=action["data"], user=wizard.env.user
        )

    def test_wizard_period_and_team(self):
        self._reviews()
        book = self.render_wizard(
            self.wizard(
                self.hr_user, report_key="rank_review", department_id=self.unit_a.id
            )
        )
        # the Q1 review ends before the period; the unit's teams only
        self.assertEqual(book.sheetnames, ["2025 Q2"])
        __, rows, __, __ = self.table(book.active, header_row=2)
        self.assertEqual(
            {row[1] for row in rows},
            {"Test Centre / Unit A / Team A1", "Test Centre / Unit A / Team A2"},
        )
        book = self.render_wizard(
            self.wizard(
                self.hr_user, report_key="premium_month", department_id=self.team_a1.id
            )
        )
        __, rows, total, __ = self.table(book.active)
        self.assertEqual({row[1] for row in rows}, {"Agent A1", "Agent A1B"})
        self.assertEqual(total[3], 10000 + 20000 + 8000 - 3000)
        # a period in the middle of a month keeps that month's row
        wizard = self.wizard(
            self.hr_user,
            report_key="premium_month",
            department_id=self.team_a1.id,
            date_from=date(2025, 5, 20),
            date_to=date(2025, 5, 31),
        )
        __, rows, __, __ = self.table(self.render_wizard(wizard).active)
        self.assertEqual({row[0].date() for row in rows}, {date(2025, 5, 1)})
        book = self.render_wizard(
            self.wizard(
                self.hr_user,
                report_key="premium",
                department_id=self.team_a1.id,
                date_from=date(2025, 4, 11),
                date_to=date(2025, 4, 30),
            )
        )
        __, rows, __, __ = self.table(book.active)
        self.assertEqual(
            sorted((row[0].date(), row[5]) for row in rows),
            [(date(2025, 4, 12), 5000), (date(2025, 4, 20), 3000)],
        )

    def test_wizard_referrals_and_agent(self):
        self._referrals()
        wizard = self.wizard(
            self.hr_user,
            report_key="referral_ledger",
            department_id=self.team_b1.id,
            date_from=date(2025, 1, 1),
            date_to=date(2025, 12, 31),
        )
        __, rows, total, __ = self.table(self.render_wizard(wizard).active)
        self.assertEqual({row[0] for row in rows}, {"Agent B1"})
        self.assertEqual(total[6], 300)
        # an agent's premium export from the wizard: their rows only
        wizard = self.wizard(self.agent_a2_user, report_key="premium")
        __, rows, total, __ = self.table(self.render_wizard(wizard).active)
        self.assertEqual({row[3] for row in rows}, {"Agent A2"})
        self.assertEqual(total[5], 9000)

    def test_wizard_rejects_a_reversed_period(self):
        wizard = self.wizard(
            self.hr_user, date_from=date(2025, 6, 1), date_to=date(2025, 5, 1)
        )
        with self.assertRaisesRegex(Exception, "after its end"):
            wizard.action_export()

    def test_reports_are_bound_to_their_models(self):
        """Each export is in the Print menu of its list and form."""
        for xmlid, model in (
            ("action_report_telesales_rank_review_xlsx", "telesales.rank.review"),
            (
                "action_report_telesales_referral_ledger_xlsx",
                "telesales.referral.milestone",
            ),
            ("action_report_telesales_premium_month_xlsx", "telesales.premium.month"),
            ("action_report_telesales_premium_xlsx", "telesales.premium"),
        ):
            report = self.env.ref(f"telesales_hr.{xmlid}")
            self.assertEqual(report.report_type, "xlsx")
            self.assertEqual(report.binding_model_id.model, model)
            bindings = self.env["ir.actions.actions"].get_bindings(model)
            self.assertIn(report.id, [action["id"] for action in bindings["report"]])
