# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# scope of the sales systems' API keys: a key of this scope opens
# /telesales/api/premium and nothing else (not the call endpoint, not RPC)
API_SCOPE = "telesales_sales"


class TelesalesSalesSystem(models.Model):
    """A sales or CRM system that pushes premium lines.

    It sends ``POST /telesales/api/premium`` with its own key
    (``Authorization: Bearer <key>``): an Odoo API key of scope
    ``telesales_sales`` owned by its technical user, managed like a dialer's
    key (``telesales.api.client.mixin``).
    """

    _name = "telesales.sales.system"
    _description = "Telesales Sales System"
    _inherit = ["telesales.api.client.mixin", "mail.thread"]
    _order = "name, id"
    _api_scope = API_SCOPE
    _api_login = "telesales.sales"

    company_id = fields.Many2one(
        help="Premium lines received from this system belong to this company; "
        "their agents are found by dialer login among its employees.",
    )
    premium_count = fields.Integer(compute="_compute_premium_count")

    def _compute_premium_count(self):
        counts = dict(
            self.env["telesales.premium"]._read_group(
                [("sales_system_id", "in", self.ids)], ["sales_system_id"], ["__count"]
            )
        )
        for system in self:
            system.premium_count = counts.get(system, 0)

    def _api_key_manager_error(self):
        return self.env._("Only HR officers manage the keys of the sales systems.")

    def _api_user_name(self):
        return self.env._("Sales system: %(name)s", name=self.name)

    def _api_key_name(self):
        return self.env._("Sales system %(name)s", name=self.name)

    def _api_key_dialog_title(self):
        return self.env._("Sales System Key")

    def _api_key_dialog_context(self):
        return {"default_sales_system_id": self.id}

    def action_view_premium(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_hr.action_telesales_premium"
        )
        action["domain"] = [("sales_system_id", "=", self.id)]
        action["context"] = {}
        return action
