# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError

# scope of the dialers' API keys (res.users.apikeys): a key of this scope
# opens /telesales/api/calls and nothing else (RPC needs a global key)
API_SCOPE = "telesales_dialer"
MAX_KEY_LENGTH = 200


class TelesalesDialer(models.Model):
    """A dialer / CTI system that sends call records.

    It pushes records to ``POST /telesales/api/calls`` with its own key
    (``Authorization: Bearer <key>``), or its exports are imported with the
    wizard or the command line. Its mapping says how its records are laid out.

    The key is an Odoo API key (``res.users.apikeys``, stored hashed) of
    scope ``telesales_dialer``, owned by the dialer's technical user: an
    internal user without password that holds only the "Dialer (API)" group.
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
    user_id = fields.Many2one(
        "res.users",
        string="Technical User",
        copy=False,
        readonly=True,
        ondelete="restrict",
        groups="base.group_system",
        help="Owner of the dialer's API key; it cannot log in.",
    )
    key_hint = fields.Char(
        string="Key", copy=False, readonly=True, help="The start of the current key."
    )
    key_date = fields.Datetime(string="Key Generated On", copy=False, readonly=True)
    last_push_date = fields.Datetime(string="Last Push", copy=False, readonly=True)
    call_count = fields.Integer(compute="_compute_call_count")

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

    def _technical_user(self):
        """The dialer's technical user, created on first use."""
        self.ensure_one()
        dialer = self.sudo()
        if not dialer.user_id:
            dialer.user_id = (
                self.env["res.users"]
                .sudo()
                .with_context(no_reset_password=True, tracking_disable=True)
                .create(
                    {
                        "name": self.env._("Dialer: %(name)s", name=dialer.name),
                        "login": f"telesales.dialer.{dialer.id}",
                        "company_id": dialer.company_id.id,
                        "company_ids": [Command.set(dialer.company_id.ids)],
                        # SET: none of the default groups of new users
                        "groups_id": [
                            Command.set(
                                self.env.ref(
                                    "telesales_hr.group_telesales_dialer_api"
                                ).ids
                            )
                        ],
                    }
                )
            )
        return dialer.user_id

    def _api_keys(self):
        users = self.sudo().user_id
        return (
            self.env["res.users.apikeys"].sudo().search([("user_id", "in", users.ids)])
        )

    def action_generate_key(self):
        """Replace the dialer's key by a new API key and show it once: it is
        passed to the dialog in the action's context, never stored in clear."""
        self.ensure_one()
        self._check_key_manager()
        self._api_keys()._remove()
        user = self._technical_user()
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(API_SCOPE, self.env._("Dialer %(name)s", name=self.name), None)
        )
        self.sudo().write(
            {"key_hint": key[:4] + "…", "key_date": fields.Datetime.now()}
        )
        self.message_post(
            body=self.env._(
                "A new key was generated; the previous key no longer works."
            )
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dialer Key"),
            "res_model": "telesales.dialer.key.show",
            "views": [(False, "form")],
            "view_mode": "form",
            "target": "new",
            "context": {"default_key": key, "default_dialer_id": self.id},
        }

    def action_revoke_key(self):
        self._check_key_manager()
        self._api_keys()._remove()
        self.sudo().write({"key_hint": False, "key_date": False})
        for dialer in self:
            dialer.message_post(body=self.env._("The key was revoked."))

    def unlink(self):
        users = self.sudo().user_id
        self._api_keys()._remove()
        result = super().unlink()
        users.action_archive()
        return result

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
        """The active dialer whose API key is ``key``, else an empty recordset."""
        if (
            not isinstance(key, str)
            or not key
            or len(key) > MAX_KEY_LENGTH
            or not key.isascii()
            or not key.isalnum()
        ):
            return self.browse()
        uid = (
            self.env["res.users.apikeys"]
            .sudo()
            ._check_credentials(scope=API_SCOPE, key=key)
        )
        if not uid:
            return self.browse()
        return self.sudo().search(
            [("user_id", "=", uid), ("active", "=", True)], limit=1
        )
