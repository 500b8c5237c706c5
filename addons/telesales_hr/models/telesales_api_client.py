# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError

MAX_KEY_LENGTH = 200


class TelesalesApiClient(models.AbstractModel):
    """A system that pushes records to a telesales endpoint with its own key.

    The key is an Odoo API key (``res.users.apikeys``, stored hashed) of the
    model's scope (``_api_scope``), owned by the record's technical user: an
    internal user without password that holds only the "Dialer (API)" group.
    A key of that scope opens that endpoint and nothing else (RPC needs a
    global key), so a dialer's key cannot push premium nor the reverse.
    Used by ``telesales.dialer`` (``/telesales/api/calls``) and
    ``telesales.sales.system`` (``/telesales/api/premium``).
    """

    _name = "telesales.api.client.mixin"
    _description = "Telesales API Client"

    #: scope of the keys of this model's records
    _api_scope = None
    #: login prefix of the technical users
    _api_login = None

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        help="Records received from this system belong to this company.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technical User",
        copy=False,
        readonly=True,
        ondelete="restrict",
        groups="base.group_system",
        help="Owner of the system's API key; it cannot log in.",
    )
    key_hint = fields.Char(
        string="Key", copy=False, readonly=True, help="The start of the current key."
    )
    key_date = fields.Datetime(string="Key Generated On", copy=False, readonly=True)
    last_push_date = fields.Datetime(string="Last Push", copy=False, readonly=True)

    def _check_key_manager(self):
        if not (
            self.env.su
            or self.env.user.has_group("telesales_hr.group_telesales_hr")
            or self.env.user.has_group("base.group_system")
        ):
            raise AccessError(self._api_key_manager_error())

    def _api_key_manager_error(self):
        return self.env._("Only HR officers manage API keys.")

    def _api_user_name(self):
        """Name of the technical user."""
        return self.name

    def _api_key_name(self):
        """Name of the API key (shown in the user's preferences)."""
        return self.name

    def _technical_user(self):
        """The technical user, created on first use."""
        self.ensure_one()
        client = self.sudo()
        if not client.user_id:
            client.user_id = (
                self.env["res.users"]
                .sudo()
                .with_context(no_reset_password=True, tracking_disable=True)
                .create(
                    {
                        "name": client._api_user_name(),
                        "login": f"{self._api_login}.{client.id}",
                        "company_id": client.company_id.id,
                        "company_ids": [Command.set(client.company_id.ids)],
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
        return client.user_id

    def _api_keys(self):
        users = self.sudo().user_id
        return (
            self.env["res.users.apikeys"].sudo().search([("user_id", "in", users.ids)])
        )

    def action_generate_key(self):
        """Replace the key by a new API key and show it once: it is passed to
        the dialog in the action's context, never stored in clear."""
        self.ensure_one()
        self._check_key_manager()
        self._api_keys()._remove()
        user = self._technical_user()
        key = (
            self.env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate(self._api_scope, self._api_key_name(), None)
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
            "name": self._api_key_dialog_title(),
            "res_model": "telesales.dialer.key.show",
            "views": [(False, "form")],
            "view_mode": "form",
            "target": "new",
            "context": {"default_key": key, **self._api_key_dialog_context()},
        }

    def _api_key_dialog_title(self):
        return self.env._("API Key")

    def _api_key_dialog_context(self):
        return {}

    def action_revoke_key(self):
        self._check_key_manager()
        self._api_keys()._remove()
        self.sudo().write({"key_hint": False, "key_date": False})
        for client in self:
            client.message_post(body=self.env._("The key was revoked."))

    def unlink(self):
        users = self.sudo().user_id
        self._api_keys()._remove()
        result = super().unlink()
        users.action_archive()
        return result

    @api.model
    def _authenticate(self, key):
        """The active record whose API key is ``key``, else an empty recordset."""
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
            ._check_credentials(scope=self._api_scope, key=key)
        )
        if not uid:
            return self.browse()
        return self.sudo().search(
            [("user_id", "=", uid), ("active", "=", True)], limit=1
        )
