# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import TelesalesCase
from .premium_api_common import PremiumApiMixin


@tagged("post_install", "-at_install")
class TestPremiumApi(PremiumApiMixin, TelesalesCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sales_system()

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def test_key_scopes(self):
        """A sales system key opens the premium endpoint only; a dialer key,
        a global key, a revoked key or an archived system's key get 401."""
        self.assertRegex(self.key, r"^[0-9a-f]{40}$")
        user = self.system.sudo().user_id
        self.env.cr.execute(
            "SELECT scope FROM res_users_apikeys WHERE user_id = %s", [user.id]
        )
        self.assertEqual(self.env.cr.fetchall(), [("telesales_sales",)])
        with self.assertRaises(AccessError):
            self.system.with_user(self.agent_a1_user).action_generate_key()
        with self.assertRaises(AccessError):
            self.system.with_user(self.auditor).action_revoke_key()
        dialer = self.env["telesales.dialer"].create({"name": "Floor 3"})
        dialer_key = self.new_key(dialer.with_user(self.hr_user))
        rpc_key = (
            self.env["res.users.apikeys"]
            .with_user(self.hr_user)
            .sudo()
            ._generate(None, "rpc", None)
        )
        payload = [self.line("K1")]
        for key in (None, "", dialer_key, rpc_key, "x" * 10_000, self.key + "!"):
            response = self.push(payload, key=key)
            self.assertEqual(response.status_code, 401, key)
            self.assertIn("sales system key", response.json()["error"])
        # and the sales system key does not open the call endpoint
        response = self.url_open(
            "/telesales/api/calls",
            data=json.dumps({"calls": [{}]}),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.key}",
            },
        )
        self.assertEqual(response.status_code, 401)
        self.system.active = False
        self.assertEqual(self.push(payload, key=self.key).status_code, 401)
        self.system.active = True
        self.system.with_user(self.hr_user).action_revoke_key()
        self.assertEqual(self.push(payload, key=self.key).status_code, 401)
        self.assertFalse(self.premium_lines("K1"))

    def test_push_idempotent(self):
        """Lines are created once; re-sending them creates and changes nothing."""
        payload = {
            "lines": [
                self.line("P1", policy_ref="POL-1"),
                self.line("P2", agent="a2", day="2025-03-04", amount="2500.50"),
                self.line("P3", agent="b1", amount=800, state="cancelled"),
            ]
        }
        response = self.push(payload, key=self.key)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            response.json(),
            {"received": 3, "created": 3, "updated": 0, "unchanged": 0},
        )
        p1, p2, p3 = self.premium_lines("P1", "P2", "P3")
        self.assertEqual(
            (p1.employee_id, p1.date, p1.amount, p1.state, p1.policy_ref),
            (self.agent_a1, date(2025, 3, 3), 1000.0, "effective", "POL-1"),
        )
        self.assertEqual((p2.employee_id, p2.amount), (self.agent_a2, 2500.5))
        self.assertEqual(p3.state, "cancelled")
        self.assertEqual((p1 | p2 | p3).sales_system_id, self.system)
        self.assertEqual(self.system.premium_count, 3)
        self.assertTrue(self.system.last_push_date)
        before = self.snapshot()
        # the same lines again (a bare list, the amount as a number or text)
        payload["lines"][1]["amount"] = 2500.5
        del payload["lines"][0]["policy_ref"]  # not sent: kept
        response = self.push(payload["lines"], key=self.key)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            response.json(),
            {"received": 3, "created": 0, "updated": 0, "unchanged": 3},
        )
        self.assertEqual(self.snapshot(), before)

    def test_refund_and_cancel_later(self):
        """A later push with the state cancelled or refunded updates the line;
        a final state does not change any more."""
        self.push([self.line("R1"), self.line("R2"), self.line("R3")], key=self.key)
        response = self.push(
            [
                self.line("R1", state="refunded", refund_date="2025-04-10"),
                self.line("R2", state="cancelled"),
                self.line("R3"),
            ],
            key=self.key,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            response.json(),
            {"received": 3, "created": 0, "updated": 2, "unchanged": 1},
        )
        r1, r2, r3 = self.premium_lines("R1", "R2", "R3")
        self.assertEqual((r1.state, r1.refund_date), ("refunded", date(2025, 4, 10)))
        self.assertEqual(r2.state, "cancelled")
        self.assertEqual(r3.state, "effective")
        # counted in March, deducted in April (SPEC §3)
        by_month = self.Premium._effective_premium_by_month(
            self.agent_a1, date(2025, 3, 1), date(2025, 4, 30)
        )
        self.assertEqual(
            by_month,
            {
                (self.agent_a1.id, date(2025, 3, 1)): 2000.0,
                (self.agent_a1.id, date(2025, 4, 1)): -1000.0,
            },
        )
        before = self.snapshot()
        for line, field in (
            (self.line("R1"), "state"),
            (
                self.line("R1", state="refunded", refund_date="2025-04-11"),
                "refund_date",
            ),
            (self.line("R1", state="cancelled"), "state"),
            (self.line("R2"), "state"),
            (self.line("R2", state="refunded", refund_date="2025-04-10"), "state"),
        ):
            with self.subTest(line=line):
                response = self.push([self.line("R3"), line], key=self.key)
                self.assert_refused(response, 2, field, status=409, text="R")
        self.assertEqual(self.snapshot(), before)

    def test_immutable_fields(self):
        """A line's agent, date, amount and policy never change: refused per
        row (409), nothing written, not even the good rows."""
        self.push([self.line("M1", policy_ref="POL-M1")], key=self.key)
        before = self.snapshot()
        for field, value in (
            ("amount", 1200),
            ("amount", "1000.01"),
            ("agent", "a2"),
            ("date", "2025-03-04"),
            ("policy_ref", "POL-OTHER"),
        ):
            line = self.line("M1", policy_ref="POL-M1")
            line[field] = value
            with self.subTest(field=field):
                response = self.push([self.line("M-NEW"), line], key=self.key)
                body = self.assert_refused(
                    response, 2, field, status=409, text="new external id"
                )
                self.assertEqual(body["bad_rows"], 1)
        self.assertEqual(self.snapshot(), before)
        self.assertFalse(self.premium_lines("M-NEW"))
        # the amount is compared at the currency's precision
        line = self.line("M1", amount=1000.001, policy_ref="POL-M1")
        self.assertEqual(self.push([line], key=self.key).status_code, 200)

    def test_bad_values(self):
        """Every bad value: 400 naming the row and the field, nothing written."""
        for field, value in (
            ("external_id", ""),
            ("external_id", None),
            ("external_id", "e\x00"),
            ("external_id", "x" * 1_000_000),
            ("external_id", ["E1"]),
            ("external_id", True),
            ("agent", "ghost"),
            ("agent", {"login": "a1"}),
            ("agent", None),
            ("date", "0001-01-01"),
            ("date", "9999-12-31"),
            ("date", "2025-02-30"),
            ("date", "yesterday"),
            ("date", "2025-03-03T10:00:00"),
            ("date", 20250303),
            ("amount", "abc"),
            ("amount", -5),
            ("amount", 0),
            ("amount", 0.001),
            ("amount", "NaN"),
            ("amount", "1e400"),
            ("amount", 1e300),
            ("amount", "9" * 40),
            ("amount", True),
            ("amount", [1]),
            ("amount", None),
            ("state", "paid"),
            ("state", 1),
            ("state", ["effective"]),
            ("refund_date", "2025-03-10"),  # not a refunded line
            ("policy_ref", "p" * 256),
            ("policy_ref", "P\x00"),
            ("colour", "red"),  # an unknown field
        ):
            line = self.line("B2")
            line[field] = value
            with self.subTest(field=field, value=str(value)[:30]):
                response = self.push([self.line("B1"), line], key=self.key)
                body = self.assert_refused(response, 2, field)
                self.assertEqual(body["bad_rows"], 1)
        for line, field in (
            (self.line("B2", state="refunded"), "refund_date"),
            (
                self.line("B2", state="refunded", refund_date="2025-03-02"),
                "refund_date",
            ),
            (
                self.line("B2", state="refunded", refund_date="0001-01-01"),
                "refund_date",
            ),
            (self.line("B1"), "external_id"),  # twice in one push
        ):
            with self.subTest(line=line):
                response = self.push([self.line("B1"), line], key=self.key)
                self.assert_refused(response, 2, field)
        # not an object; several errors of several rows, all named
        response = self.push(
            [self.line("B1"), "B2", self.line("B3", agent="ghost", amount=-1)],
            key=self.key,
        )
        body = self.assert_refused(response, 2, None)
        self.assertEqual(
            sorted((r["row"], r["field"]) for r in body["rows"]),
            [(2, None), (3, "agent"), (3, "amount")],
        )
        self.assertEqual(body["bad_rows"], 2)
        # a lone surrogate, sent as a JSON escape
        raw = json.dumps([self.line("B1")]).replace('"B1"', '"B\\ud800"')
        self.assert_refused(self.push(None, key=self.key, raw=raw), 1, "external_id")
        # many bad lines: the first 1000 refusals listed, all counted
        many = [self.line(f"B{i}", amount=-1, **{f"x{i}": 1}) for i in range(3000)]
        response = self.push(many, key=self.key)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(response.json()["rows"]), 1000)
        self.assertEqual(response.json()["bad_rows"], 3000)
        nested = self.line("B1", policy_ref=json.loads("[" * 500 + "]" * 500))
        self.assert_refused(self.push([nested], key=self.key), 1, "policy_ref")
        self.assertFalse(self.Premium.search_count([("external_id", "like", "B%")]))

    def test_bad_bodies(self):
        """Bodies that are not a list of lines: 400 JSON, never a 500."""
        for raw in (
            "{not json",
            "null",
            "[]",
            '{"lines": "P1"}',
            '{"lines": {}}',
            "[" * 100_000 + "]" * 100_000,
            json.dumps([self.line("N1")]).replace('"N1"', "[" * 50_000 + "]" * 50_000),
            "1" * 5000,  # an integer longer than Python converts
            json.dumps([self.line(f"N{i}") for i in range(10_001)]),
        ):
            with self.subTest(raw=raw[:30]):
                response = self.push(None, key=self.key, raw=raw)
                self.assertEqual(response.status_code, 400, response.text[:500])
                self.assertIn("error", response.json())
        self.assertFalse(self.Premium.search_count([("external_id", "like", "N%")]))
