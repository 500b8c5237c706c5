# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from odoo import Command, api, models

_DEMO_SEED = 20130101
# (level xml id, severity, final state) of the demo cases, one per agent
_DEMO_CASES = [
    ("level_verbal", "general", "applied"),
    ("level_public", "general", "applied"),
    ("level_warning", "general", "applied"),
    ("level_warning", "serious", "approved"),
    ("level_demerit", "serious", "to_approve"),
    ("level_public", "general", "rejected"),
    ("level_major_demerit", "major", "draft"),
]


class TelesalesDemo(models.AbstractModel):
    _inherit = "telesales.demo"

    @api.model
    def _telesales_demo_quality(self, per_agent=3):
        """Demo data: inspections of a few calls of every telesales agent and
        cases at each step of the workflow. Deterministic (seeded) and
        set-based; does nothing without agents, inspects nothing without calls.
        """
        rng = random.Random(_DEMO_SEED)
        admin = self.env.ref("base.user_admin")
        company = self.env.company
        if not company._telesales_committee_users():
            company.telesales_committee_user_ids = admin
        agents = self.env["hr.employee"].search(
            [("is_telesales_agent", "=", True), ("company_id", "=", company.id)],
            order="id",
        )
        if not agents:
            return
        # an inspector inspects and proposes, the administrator (HR and the
        # committee) decides: whoever proposes a case never approves it, and
        # an appeal never goes back to its own inspector
        inspector = self._telesales_demo_inspector()
        inspections = self._telesales_demo_inspections(
            agents, per_agent, rng, inspector
        )
        self._telesales_demo_cases(agents, inspections, rng, admin, inspector)

    @api.model
    def _telesales_demo_inspector(self):
        """The demo QA inspector (login and password ``qa``)."""
        Users = self.env["res.users"].with_context(active_test=False)
        user = Users.search([("login", "=", "qa")], limit=1)
        if user:
            return user
        lang = "zh_CN" if self.env["res.lang"]._lang_get("zh_CN") else "en_US"
        return Users.with_context(no_reset_password=True).create(
            {
                "name": "质检专员 QA Inspector",
                "login": "qa",
                "password": "qa",
                "lang": lang,
                "tz": "Asia/Shanghai",
                "company_id": self.env.company.id,
                "company_ids": [Command.set(self.env.company.ids)],
                "groups_id": [
                    Command.set(
                        self.env.ref("telesales_quality.group_qa_inspector").ids
                    )
                ],
            }
        )

    @api.model
    def _telesales_demo_inspections(self, agents, per_agent, rng, inspector):
        Inspection = self.env["telesales.qa.inspection"]
        form = self.env["telesales.qa.form"]._current_form()
        if not form:
            return Inspection
        self.env["telesales.call"].flush_model()
        self.env.cr.execute(
            """
            SELECT id FROM (
                SELECT c.id, ROW_NUMBER() OVER (
                    PARTITION BY c.employee_id ORDER BY c.start DESC, c.id
                ) AS n
                  FROM telesales_call c
                 WHERE c.employee_id IN %s AND c.connected
                   AND NOT EXISTS (
                       SELECT 1 FROM telesales_qa_inspection i WHERE i.call_id = c.id
                   )
            ) calls WHERE n <= %s
            ORDER BY id
            """,
            [tuple(agents.ids), per_agent],
        )
        call_ids = [row[0] for row in self.env.cr.fetchall()]
        if not call_ids:
            return Inspection
        Inspection = Inspection.with_user(inspector)
        inspections = Inspection.create(
            [{"call_id": call_id, "form_id": form.id} for call_id in call_ids]
        )
        # most calls are clean; some miss an item, a few fail a fatal one
        failed_ids = []
        for inspection in inspections:
            draw = rng.random()
            lines = inspection.line_ids
            if draw < 0.5:
                continue
            if draw < 0.93:
                failed_ids += rng.sample(
                    lines.filtered(lambda rec: not rec.fatal).ids, rng.randint(1, 3)
                )
            else:
                failed_ids.append(rng.choice(lines.filtered("fatal").ids))
        self.env["telesales.qa.inspection.line"].browse(failed_ids).write(
            {"failed": True}
        )
        to_publish = inspections.filtered(lambda i: rng.random() < 0.85)
        to_publish.action_publish()
        acknowledged = to_publish.filtered(lambda i: rng.random() < 0.6)
        acknowledged._workflow_write({"state": "acknowledged"})
        acknowledged.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return inspections

    @api.model
    def _telesales_demo_cases(self, agents, inspections, rng, admin, inspector):
        failed = inspections.filtered(lambda i: i.state != "draft" and not i.passed)
        by_agent = {i.employee_id.id: i for i in failed}
        Case = self.env["telesales.discipline"].with_user(inspector)
        for agent, (level_ref, severity, state) in zip(
            rng.sample(list(agents), min(len(agents), len(_DEMO_CASES))),
            _DEMO_CASES,
            strict=False,
        ):
            inspection = by_agent.get(agent.id)
            vals = {
                "employee_id": agent.id,
                "level_id": self.env.ref(f"telesales_quality.{level_ref}").id,
                "severity": severity,
                "facts": self.env._(
                    "Heard on the recording: the agent skipped the confirmation "
                    "script and called back a customer who had refused."
                ),
                "source": "inspection" if inspection else "complaint",
                "inspection_id": inspection.id if inspection else False,
                "complaint_ref": False if inspection else f"CMP-{agent.id:05d}",
            }
            case = Case.create(vals)
            if state == "draft":
                continue
            case.action_submit()
            case = case.with_user(admin)
            if state == "rejected":
                case.action_reject(
                    self.env._("The recording does not prove the facts.")
                )
                continue
            if state == "to_approve":
                continue
            case.action_approve()
            if state == "approved" or case.state != "approved":
                continue
            case.action_record_refusal(self.env._("Demo: signed on paper."))
            case.action_apply()
