# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .call_common import TelesalesCallCase

URL = "/telesales/api/calls"


@tagged("post_install", "-at_install")
class TestCallApi(TelesalesCallCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dialer = cls.env["telesales.dialer"].create({"name": "Floor 3 VICIdial"})
        action = cls.dialer.action_generate_key()
        cls.key = cls.env["telesales.dialer.key.show"].browse(action["res_id"]).key

    def setUp(self):
        super().setUp()
        # a session bound to the test database (the dialer's server would use
        # a db filter); no user is logged in
        self.authenticate(None, None)

    def push(self, payload, key=None, scheme="Bearer", raw=None):
        headers = {"Content-Type": "application/json"}
        if key is not None:
            headers["Authorization"] = f"{scheme} {key}"
        self.env.flush_all()
        response = self.url_open(
            URL, data=raw if raw is not None else json.dumps(payload), headers=headers
        )
        self.env.invalidate_all()
        return response

    def payload(self, *call_ids, **values):
        return {
            "calls": [
                dict(self.row(call_id, f"2025-03-03T10:{n:02d}:00+08:00"), **values)
                for n, call_id in enumerate(call_ids)
            ]
        }

    def test_key_stored_hashed(self):
        """The key is shown once; the dialer keeps only its hash."""
        self.assertTrue(self.key.startswith("tsd_"))
        self.assertGreater(len(self.key), 40)
        self.assertNotEqual(self.dialer.key_hash, self.key)
        self.assertEqual(len(self.dialer.key_hash), 64)
        self.assertNotIn(self.key, self.dialer.key_hint)
        self.assertEqual(self.dialer.mapping_id, self.generic)
        with self.assertRaises(AccessError):
            self.dialer.with_user(self.agent_a1_user).action_generate_key()

    def test_refused_without_valid_key(self):
        """Missing, wrong, revoked or archived-dialer keys: 401, nothing written."""
        payload = self.payload("k1")
        for key, scheme in (
            (None, None),
            ("", "Bearer"),
            ("tsd_not-the-key", "Bearer"),
            (self.key, "Basic"),
            (self.key[:-1], "Bearer"),
        ):
            response = self.push(payload, key=key, scheme=scheme)
            self.assertEqual(response.status_code, 401, (key, scheme))
            self.assertIn("dialer key", response.json()["error"])
        self.dialer.active = False
        self.assertEqual(self.push(payload, key=self.key).status_code, 401)
        self.dialer.active = True
        old_key = self.key
        action = self.dialer.action_generate_key()
        new_key = self.env["telesales.dialer.key.show"].browse(action["res_id"]).key
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
