# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import secrets

from odoo import api, fields, models
from odoo.exceptions import AccessError

KEY_PREFIX = "tsd_"


def hash_key(key):
    """SHA-256 of a dialer key. The keys are 256-bit random tokens, so a fast
    hash is enough (nothing to brute-force) and lets the endpoint find the
    dialer with one indexed lookup; the key itself is never stored."""
    return hashlib.sha256(key.encode()).hexdigest()


class TelesalesDialer(models.Model):
    """A dialer / CTI system that sends call records.

    It pushes records to ``POST /telesales/api/calls`` with its own key
    (``Authorization: Bearer <key>``), or its exports are imported with the
    wizard or the command line. Its mapping says how its records are laid out.
    """

    _name = "telesales.dialer"
    _description = "Telesales Dialer"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        help="Calls received from this dialer belong to this company.",
    )
    mapping_id = fields.Many2one(
        "telesales.call.mapping",
        required=True,
        default=lambda self: self.env.ref(
            "telesales_hr.call_mapping_generic", raise_if_not_found=False
        ),
        tracking=True,
        help="Field names of the records the dialer pushes (or of its exports).",
    )
    key_hash = fields.Char(copy=False, groups="base.group_system")
    key_hint = fields.Char(
        string="Key", copy=False, readonly=True, help="The start of the current key."
    )
    key_date = fields.Datetime(string="Key Generated On", copy=False, readonly=True)
    last_push_date = fields.Datetime(string="Last Push", copy=False, readonly=True)
    call_count = fields.Integer(compute="_compute_call_count")

    _sql_constraints = [
        ("key_hash_uniq", "unique(key_hash)", "This key is already in use."),
    ]

    def _compute_call_count(self):
        counts = dict(
            self.env["telesales.call"]._read_group(
                [("dialer_id", "in", self.ids)], ["dialer_id"], ["__count"]
            )
        )
        for dialer in self:
            dialer.call_count = counts.get(dialer, 0)

    def _check_key_manager(self):
        if not (
            self.env.su
            or self.env.user.has_group("telesales_hr.group_telesales_hr")
            or self.env.user.has_group("base.group_system")
        ):
            raise AccessError(self.env._("Only HR officers manage dialer keys."))

    def action_generate_key(self):
        """Replace the dialer's key by a new random one and show it once."""
        self.ensure_one()
        self._check_key_manager()
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        self.sudo().write(
            {
                "key_hash": hash_key(key),
                "key_hint": key[:8] + "…",
                "key_date": fields.Datetime.now(),
            }
        )
        self.message_post(
            body=self.env._(
                "A new key was generated; the previous key no longer works."
            )
        )
        wizard = self.env["telesales.dialer.key.show"].create(
            {"dialer_id": self.id, "key": key}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dialer Key"),
            "res_model": "telesales.dialer.key.show",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_revoke_key(self):
        self._check_key_manager()
        self.sudo().write({"key_hash": False, "key_hint": False, "key_date": False})
        for dialer in self:
            dialer.message_post(body=self.env._("The key was revoked."))

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_call"
        )
        action["domain"] = [("dialer_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def _authenticate(self, key):
        """The active dialer whose key is ``key``, else an empty recordset."""
        if not key or not key.startswith(KEY_PREFIX):
            return self.browse()
        return self.sudo().search(
            [("key_hash", "=", hash_key(key)), ("active", "=", True)], limit=1
        )
