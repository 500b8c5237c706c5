# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for the tests of ``/telesales/api/calls``: a dialer with its key,
pushes through HTTP, no user logged in."""

import json

from odoo.tests import HttpCase

from .call_common import TelesalesCallCase

URL = "/telesales/api/calls"


class CallApiCase(TelesalesCallCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dialer = cls.env["telesales.dialer"].create({"name": "Floor 3 VICIdial"})
        cls.key = cls.new_key(cls.dialer.with_user(cls.hr_user))

    @staticmethod
    def new_key(dialer):
        """Generate a key as HR does: the dialog gets it in its context."""
        action = dialer.action_generate_key()
        self_show = dialer.env[action["res_model"]]
        return self_show.with_context(**action["context"]).default_get(["key"])["key"]

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
