# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# scope of the dialers' API keys (res.users.apikeys): a key of this scope
# opens /telesales/api/calls and nothing else (RPC needs a global key)
API_SCOPE = "telesales_dialer"


class TelesalesDialer(models.Model):
    """A dialer / CTI system that sends call records.

    It pushes records to ``POST /telesales/api/calls`` with its own key
    (``Authorization: Bearer <key>``), or its exports are imported with the
    wizard or the command line. Its mapping says how its records are laid out.

    The key is an Odoo API key (``res.users.apikeys``, stored hashed) of
    scope ``telesales_dialer``, owned by the dialer's technical user: an
    internal user without password that holds only the "Dialer (API)" group
    (see ``telesales.api.client.mixin``).
    """

    _name = "telesales.dialer"
    _check_company_auto = True
    _description = "Telesales Dialer"
    _inherit = ["telesales.api.client.mixin", "mail.thread"]
    _order = "name, id"
    _api_scope = API_SCOPE
    _api_login = "telesales.dialer"

    company_id = fields.Many2one(
        help="Calls received from this dialer belong to this company.",
    )
    mapping_id = fields.Many2one(
        "telesales.call.mapping",
        required=True,
        default=lambda self: self.env.ref(
            "telesales_hr.call_mapping_generic", raise_if_not_found=False
        ),
        tracking=True,
        check_company=True,
        help="Field names of the records the dialer pushes (or of its exports).",
    )
    user_id = fields.Many2one(
        help="Owner of the dialer's API key; it cannot log in.",
    )
    call_count = fields.Integer(compute="_compute_call_count")

    def _compute_call_count(self):
        counts = dict(
            self.env["telesales.call"]._read_group(
                [("dialer_id", "in", self.ids)], ["dialer_id"], ["__count"]
            )
        )
        for dialer in self:
            dialer.call_count = counts.get(dialer, 0)

    def _api_key_manager_error(self):
        return self.env._("Only HR officers manage dialer keys.")

    def _api_user_name(self):
        return self.env._("Dialer: %(name)s", name=self.name)

    def _api_key_name(self):
        return self.env._("Dialer %(name)s", name=self.name)

    def _api_key_dialog_title(self):
        return self.env._("Dialer Key")

    def _api_key_dialog_context(self):
        return {"default_dialer_id": self.id}

    def action_view_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_call"
        )
        action["domain"] = [("dialer_id", "=", self.id)]
        action["context"] = {}
        return action
