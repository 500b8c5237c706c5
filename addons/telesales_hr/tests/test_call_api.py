# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .call_api_common import CallApiCase


@tagged("post_install", "-at_install")
class TestCallApi(CallApiCase):
    def global_key(self, user):
        """A global (RPC) API key of ``user``: not a dialer key."""
        return (
            self.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(None, "rpc", None)
        )

    def test_key_stored_hashed(self):
        """The key is an Odoo API key of the dialer's technical user, shown
        once: nothing readable keeps it, HR included."""
        self.assertRegex(self.key, r"^[0-9a-f]{40}$")
        self.assertNotIn(self.key, self.dialer.key_hint)
        self.assertEqual(self.dialer.mapping_id, self.generic)
        # the show dialog is never saved and its key has no column
        Show = self.env["telesales.dialer.key.show"]
        self.assertFalse(Show._fields["key"].store)
        Show.with_user(self.hr_user).create({"dialer_id": self.dialer.id})
        self.assertFalse(
            [
                row
                for row in Show.with_user(self.hr_user).search_read([], ["key"])
                if row["key"]
            ]
        )
        self.assertNotIn("key_hash", self.dialer._fields)
        user = self.dialer.user_id
        self.assertFalse(user.share)
        api_group = self.env.ref("telesales_hr.group_telesales_dialer_api")
        self.assertEqual(user.groups_id, api_group | api_group.trans_implied_ids)
        self.env.cr.execute("SELECT password FROM res_users WHERE id = %s", [user.id])
        self.assertFalse(self.env.cr.fetchone()[0], "it cannot log in")
        self.env.cr.execute(
            "SELECT scope, key FROM res_users_apikeys WHERE user_id = %s", [user.id]
        )
        ((scope, stored),) = self.env.cr.fetchall()
        self.assertEqual(scope, "telesales_dialer")
        self.assertNotIn(self.key, stored)
        # HR sees neither the keys nor the technical user's field
        self.assertFalse(
            self.env["res.users.apikeys"]
            .with_user(self.hr_user)
            .search([("user_id", "=", user.id)])
        )
        with self.assertRaises(AccessError):
            self.dialer.with_user(self.hr_user).read(["user_id"])
        # a dialer key opens this endpoint only, not Odoo's RPC
        Keys = self.env["res.users.apikeys"]
        self.assertFalse(Keys._check_credentials(scope="rpc", key=self.key))
        with self.assertRaises(AccessError):
            self.dialer.with_user(self.agent_a1_user).action_generate_key()
        with self.assertRaises(AccessError):
            self.dialer.with_user(self.auditor).action_revoke_key()

    def test_refused_without_valid_key(self):
        """Missing, wrong, revoked or archived-dialer keys: 401, nothing written."""
        payload = self.payload("k1")
        for key, scheme in (
            (None, None),
            ("", "Bearer"),
            ("tsd_not-the-key", "Bearer"),
            (self.key, "Basic"),
            (self.key[:-1], "Bearer"),
            (self.key + "!", "Bearer"),
            ("k" * 10_000, "Bearer"),
            (self.global_key(self.hr_user), "Bearer"),
        ):
            response = self.push(payload, key=key, scheme=scheme)
            self.assertEqual(response.status_code, 401, (key, scheme))
            self.assertIn("dialer key", response.json()["error"])
        self.dialer.active = False
        self.assertEqual(self.push(payload, key=self.key).status_code, 401)
        self.dialer.active = True
        old_key = self.key
        new_key = self.new_key(self.dialer)
        self.assertEqual(self.push(payload, key=old_key).status_code, 401)
        self.dialer.action_revoke_key()
        self.assertEqual(self.push(payload, key=new_key).status_code, 401)
        self.assertFalse(self.Call.search_count([("external_id", "=", "k1")]))

    def test_push_idempotent(self):
        """Valid records are created once; sending them again creates nothing."""
        response = self.push(self.payload("p1", "p2", "p3"), key=self.key)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            response.json(),
            {"received": 3, "created": 3, "skipped": 0, "violations": 0},
        )
        calls = self.calls("p1", "p2", "p3")
        self.assertEqual(len(calls), 3)
        self.assertEqual(calls.dialer_id, self.dialer)
        self.assertEqual(calls[0].employee_id, self.agent_a1)
        self.assertTrue(self.dialer.last_push_date)
        # a bare list, with one new record and JSON types
        records = self.payload("p3", "p4")["calls"]
        records[1].update(connected=True, talk_seconds=95, start="2025-03-03T11:00:00Z")
        response = self.push(records, key=self.key)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["created"], 1)
        self.assertEqual(response.json()["skipped"], 1)
        p4 = self.calls("p4")
        self.assertTrue(p4.connected)
        self.assertEqual(p4.talk_seconds, 95)
        self.assertTrue(p4.violation_window, "19:00 in Beijing")
        self.assertEqual(self.Call.search_count([("external_id", "like", "p%")]), 4)

    def test_invalid_payload(self):
        """Bad records: 400 naming them, nothing written (not even the good ones)."""
        payload = self.payload("v1", "v2", "v3")
        payload["calls"][1]["agent"] = "ghost"
        payload["calls"][2]["start"] = "yesterday"
        payload["calls"].append("not an object")
        response = self.push(payload, key=self.key)
        self.assertEqual(response.status_code, 400)
        body = response.json()
        self.assertEqual(body["bad_rows"], 3)
        self.assertEqual([row["row"] for row in body["rows"]], [2, 3, 4])
        self.assertIn("ghost", body["rows"][0]["error"])
        self.assertIn("yesterday", body["rows"][1]["error"])
        self.assertIn("JSON object", body["rows"][2]["error"])
        self.assertFalse(self.calls("v1", "v2", "v3"))
        for raw in ("{not json", '{"calls": "v1"}', "[]"):
            response = self.push(None, key=self.key, raw=raw)
            self.assertEqual(response.status_code, 400, raw)
            self.assertIn("error", response.json())
        self.assertFalse(self.Call.search_count([("dialer_id", "=", self.dialer.id)]))

    def assert_refused(self, response, row, column):
        """400 JSON naming the row and the column; nothing written."""
        self.assertEqual(response.status_code, 400, response.text[:500])
        self.assertLess(len(response.content), 20_000, "values are not echoed")
        body = response.json()
        self.assertEqual([r["row"] for r in body["rows"]], [row], body)
        self.assertIn(column, body["rows"][0]["error"])
        self.assertFalse(self.Call.search_count([("dialer_id", "=", self.dialer.id)]))
        return body

    def test_bad_values(self):
        """NUL characters, huge texts, years 0001 / 9999, lists or objects as
        values, invalid text: 400 naming the row and field, nothing written."""
        for column, value in (
            ("call_id", "b\x00"),
            ("disposition", "SALE\x00"),
            ("call_id", "x" * 1_000_000),
            ("lead", "l" * 300),
            ("recording", "r" * 3000),
            ("start", "0001-01-01T00:00:00+08:00"),
            ("start", "0001-01-01 00:00:00"),
            ("start", "9999-12-31T23:59:59-08:00"),
            ("start", "9999-12-31 23:59:59"),
            ("call_id", [["b1"]]),
            ("agent", {"login": "a1"}),
        ):
            payload = self.payload("b0", "b1")
            payload["calls"][1][column] = value
            with self.subTest(column=column, value=str(value)[:30]):
                self.assert_refused(self.push(payload, key=self.key), 2, column)
        # a lone surrogate (not encodable text), sent as JSON escapes
        raw = json.dumps(self.payload("b0")).replace('"b0"', '"b\\ud800"')
        self.assert_refused(self.push(None, key=self.key, raw=raw), 1, "call_id")
        # deep nesting, of the body or inside a value
        for raw in (
            "[" * 100_000 + "]" * 100_000,
            json.dumps(self.payload("b0")).replace('"b0"', "[" * 50_000 + "]" * 50_000),
        ):
            response = self.push(None, key=self.key, raw=raw)
            self.assertEqual(response.status_code, 400, response.text[:500])
            self.assertIn("nested", response.json()["error"])
        nested = self.payload("b0")
        nested["calls"][0]["call_id"] = json.loads("[" * 500 + "]" * 500)
        self.assert_refused(self.push(nested, key=self.key), 1, "call_id")
        # the limits leave real values alone
        payload = self.payload("b0")
        payload["calls"][0].update(recording="r" * 2000, lead="l" * 255)
        self.assertEqual(self.push(payload, key=self.key).status_code, 200)

    def test_mapping_timezone(self):
        """The mapping refuses an unknown timezone; one saved before (or in
        SQL) makes every push a 400 naming the mapping, not a 500."""
        mapping = self.generic.with_user(self.hr_user)
        with self.assertRaises(ValidationError):
            mapping.timezone = "Mars/Olympus"
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE telesales_call_mapping SET timezone = 'Mars/Olympus' "
            "WHERE id = %s",
            [self.generic.id],
        )
        self.env.invalidate_all()
        response = self.push(self.payload("t1"), key=self.key)
        self.assertEqual(response.status_code, 400, response.text[:500])
        self.assertIn("Mars/Olympus", response.json()["error"])
        self.assertFalse(self.calls("t1"))
        mapping.timezone = "Europe/Kyiv"
        response = self.push(self.payload("t1"), key=self.key)
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertTrue(self.calls("t1"))
