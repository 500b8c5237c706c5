# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import fields
from odoo.tests import HttpCase, tagged

from .sales_common import TelesalesSalesCase


@tagged("post_install", "-at_install")
class TestPremiumDemo(TelesalesSalesCase):
    def test_demo_generator(self):
        """The demo generator fills the last closed quarter for whatever
        agents exist, drafts its review, and is idempotent."""
        year, quarter = self.Review._previous_quarter(fields.Date.today())
        date_from, date_to = self.Review._quarter_dates(year, quarter)
        self.Premium._telesales_demo_premium()
        lines = self.Premium.search([("employee_id", "in", self.agents.ids)])
        self.assertEqual(lines.employee_id, self.agents)
        self.assertTrue(all(date_from <= line.date <= date_to for line in lines))
        self.assertGreaterEqual(len(lines), 4 * 13 * 2)
        self.assertEqual(
            set(lines.mapped("state")), {"effective", "cancelled", "refunded"}
        )
        count = self.Premium.search_count([])
        self.Premium._telesales_demo_premium()
        self.assertEqual(self.Premium.search_count([]), count)
        review = self.Review.search(
            [
                ("company_id", "=", self.company.id),
                ("year", "=", year),
                ("quarter", "=", quarter),
                ("state", "!=", "cancelled"),
            ]
        )
        self.assertEqual(len(review), 1)
        if self.agent_a1 not in review.line_ids.employee_id:
            # drafted at install for the demo organisation: recompute it
            review.action_compute()
        self.assertLessEqual(self.agents, review.line_ids.employee_id)


@tagged("post_install", "-at_install")
class TestRankReviewTour(HttpCase, TelesalesSalesCase):
    def test_review_of_a_forty_agent_centre_from_the_ui(self):
        self.add_agents(36, self.team_a1)
        review = self.Review.create(
            {"year": 2025, "quarter": 2, "department_id": self.centre.id}
        )
        self.start_tour(
            f"/odoo/action-telesales_hr.action_telesales_rank_review/{review.id}",
            "telesales_rank_review_tour",
            login="ts_hr",
        )
        self.assertEqual(review.state, "applied")
        self.assertGreaterEqual(len(review.line_ids), 40)
        line = review.line_ids.filtered(lambda ln: ln.employee_id == self.agent_a1)
        self.assertEqual(line.override_rank_id, self.s3)
        self.assertEqual(line.override_reason, "Coached the whole team this quarter")
        self.assertEqual(
            self.History._rank_at(self.agent_a1, date(2025, 7, 1))[self.agent_a1.id],
            self.s3,
        )
        changed = review.line_ids.filtered(lambda ln: ln.change != "same")
        self.assertEqual(len(changed.history_id), len(changed))


@tagged("post_install", "-at_install")
class TestViewsPerGroup(TelesalesSalesCase):
    def test_views_load_for_every_group(self):
        """Each group opens the views of what it may read."""
        views = {
            "telesales.premium": ["list", "form", "search", "pivot", "graph"],
            "telesales.target": ["list", "form", "search"],
            "telesales.premium.month": ["list", "search", "pivot", "graph"],
            "telesales.rank.review": ["list", "form", "search"],
            "telesales.rank.review.line": ["list", "search", "pivot"],
        }
        users = {
            self.agent_a1_user: [
                "telesales.premium",
                "telesales.target",
                "telesales.premium.month",
            ],
            self.tl_a1_user: list(views),
            self.manager_a_user: list(views),
            self.hr_user: list(views),
            self.auditor: list(views),
        }
        for user, models in users.items():
            for model in models:
                result = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, view_type) for view_type in views[model]])
                )
                self.assertEqual(
                    set(result["views"]), set(views[model]), (user.login, model)
                )
