# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesFlag(models.Model):
    """Flags of the attendance and compliance rules (SPEC §4)."""

    _inherit = "telesales.flag"

    # a confirmed proxy punch costs KPI points: it says why
    _flag_confirm_note_types = ("proxy_punch",)
    # the coaching is the answer to the flag: doing it closes the flag
    _flag_done_by_activity_types = ("newcomer_coaching",)

    flag_type = fields.Selection(
        selection_add=[
            ("absence_dismissal", "Dismissal Review (Absence)"),
            ("proxy_punch", "Suspected Proxy Punch"),
            ("newcomer_coaching", "Newcomer Coaching"),
        ],
        ondelete={
            "absence_dismissal": "cascade",
            "proxy_punch": "cascade",
            "newcomer_coaching": "cascade",
        },
    )

    @api.model
    def _selection_source_ref(self):
        return super()._selection_source_ref() + [
            ("hr.attendance", self.env["ir.model"]._get("hr.attendance").name)
        ]

    def _proxy_punch_people(self):
        """[(employee, points, joint liability)] a confirmed proxy punch
        costs: the agent and the team leader of the team at the time (SPEC
        §4, as ``telesales.kpi.deduction._deduct_for_flags`` deducts them)."""
        self.ensure_one()
        company = self.company_id
        employee = self.sudo().employee_id
        leader = self.sudo().department_id.manager_id
        people = [(employee, company.telesales_kpi_proxy_agent, False)]
        if leader and leader != employee:
            people.append((leader, company.telesales_kpi_proxy_leader, True))
        return [person for person in people if person[1] > 0]

    def _points_sentence(self, employee, points, joint):
        if joint:
            return self.env._(
                "%(points)s KPI points from %(employee)s (team leader, joint "
                "liability)",
                points=points,
                employee=employee.name,
            )
        return self.env._(
            "%(points)s KPI points from %(employee)s",
            points=points,
            employee=employee.name,
        )

    def _confirm_consequences(self):
        result = super()._confirm_consequences()
        if self.flag_type == "proxy_punch":
            people = self._proxy_punch_people()
            if people:
                result.append(
                    self.env._(
                        "Confirming deducts %(deductions)s for %(month)s.",
                        deductions="; ".join(
                            self._points_sentence(*person) for person in people
                        ),
                        month=self.date.strftime("%Y-%m"),
                    )
                )
            else:
                result.append(
                    self.env._("Confirming deducts no KPI points (see Settings).")
                )
        return result

    def _on_confirmed(self):
        """A confirmed proxy punch costs KPI points to the agent and to the
        team leader of the team at the time; the chatter says how many."""
        res = super()._on_confirmed()
        proxies = self.filtered(lambda flag: flag.flag_type == "proxy_punch")
        if proxies:
            deductions = self.env["telesales.kpi.deduction"]._deduct_for_flags(proxies)
            for flag in proxies:
                flag._post_deductions(
                    deductions.filtered(
                        lambda d, flag=flag: d.source_ref
                        and d.source_ref._name == flag._name
                        and d.source_ref.id == flag.id
                    )
                )
        return res

    def _post_deductions(self, deductions):
        leader = self.sudo().department_id.manager_id
        parts = [
            self._points_sentence(
                d.employee_id,
                d.points,
                d.employee_id == leader and d.employee_id != self.employee_id,
            )
            for d in deductions.sudo()
        ]
        if parts:
            body = self.env._(
                "Proxy punch confirmed: %(deductions)s deducted for %(month)s.",
                deductions="; ".join(parts),
                month=self.date.strftime("%Y-%m"),
            )
        else:
            body = self.env._("Proxy punch confirmed: no KPI points deducted.")
        self.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return body
