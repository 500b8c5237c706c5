# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A sales system with its key, pushing premium lines over real HTTP."""

import json

URL = "/telesales/api/premium"


class PremiumApiMixin:
    """For an HttpCase on the TelesalesCase centre: ``setup_sales_system``
    (as HR), then ``push``."""

    @classmethod
    def setup_sales_system(cls):
        cls.Premium = cls.env["telesales.premium"]
        for employee, login in (
            (cls.agent_a1, "a1"),
            (cls.agent_a2, "a2"),
            (cls.agent_b1, "b1"),
        ):
            employee.telesales_dialer_login = login
        cls.system = (
            cls.env["telesales.sales.system"]
            .with_user(cls.hr_user)
            .create({"name": "Policy CRM"})
        )
        cls.key = cls.new_key(cls.system)

    @staticmethod
    def new_key(system):
        """Generate a key as HR does: the dialog gets it in its context."""
        action = system.action_generate_key()
        show = system.env[action["res_model"]]
        return show.with_context(**action["context"]).default_get(["key"])["key"]

    def push(self, payload, key=None, raw=None):
        headers = {"Content-Type": "application/json"}
        if key is not None:
            headers["Authorization"] = f"Bearer {key}"
        self.env.flush_all()
        response = self.url_open(
            URL, data=raw if raw is not None else json.dumps(payload), headers=headers
        )
        self.env.invalidate_all()
        return response

    @staticmethod
    def line(ref, agent="a1", day="2025-03-03", amount=1000, **values):
        return dict(external_id=ref, agent=agent, date=day, amount=amount, **values)

    def premium_lines(self, *refs):
        return self.Premium.search(
            [("external_id", "in", list(refs))], order="external_id"
        )

    def snapshot(self):
        """Every premium line of the company, as the database holds it."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT external_id, employee_id, date, amount, state, refund_date,
                   policy_ref, write_date
              FROM telesales_premium WHERE company_id = %s ORDER BY id
            """,
            [self.company.id],
        )
        return self.env.cr.fetchall()

    def assert_refused(self, response, row, field, status=400, text=None):
        """4xx JSON naming the row and field (and ``text``)."""
        self.assertEqual(response.status_code, status, response.text[:500])
        self.assertLess(len(response.content), 20_000, "values are not echoed")
        body = response.json()
        refused = [(r["row"], r["field"]) for r in body["rows"]]
        self.assertIn((row, field), refused, body)
        if text:
            self.assertIn(
                text, " ".join(r["error"] for r in body["rows"] if r["row"] == row)
            )
        return body
