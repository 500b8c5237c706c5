# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The effects of an applied case (SPEC §6): behaviour-quality points,
coaching, rank demotion, removal from a leader's post, annual bonus,
observation and dismissal; and their undoing when the case is cancelled."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class TelesalesDiscipline(models.Model):
    """Writing (and undoing) what the level of a case decides."""

    _inherit = "telesales.discipline"  # pylint: disable=consider-merging-classes-inherited

    coaching_ids = fields.One2many("telesales.coaching", "discipline_id")
    rank_history_id = fields.Many2one(
        "telesales.rank.history", string="Rank Change", readonly=True, copy=False
    )
    observation_until = fields.Date(readonly=True, copy=False)
    effect_summary = fields.Text(string="Effects Applied", readonly=True, copy=False)
    effect_labels = fields.Text(string="Effects", compute="_compute_effect_labels")

    @api.depends_context("lang")
    @api.depends("level_id", "case_type")
    def _compute_effect_labels(self):
        for case in self:
            labels = case.level_id._effect_labels() if case.level_id else []
            if case.case_type == "cover_up" and not (
                case.level_id.rank_steps_down or case.level_id.to_lowest_rank
            ):
                labels.append(self.env._("Down at least one rank (cover-up)"))
            case.effect_labels = "\n".join(labels)

    def _propose_dismissal_under_observation(self):
        """A case opened during an observation period (留司查看) proposes
        dismissal, as the regulation requires."""
        dismissal = self.env["telesales.discipline.level"].search(
            [("dismissal", "=", True)], order="sequence desc", limit=1
        )
        for case in self:
            # an HR field (hr.group_hr_user) the QA proposer does not read
            until = case.employee_id.sudo().telesales_observation_until
            if not until or case.date > until or case.level_id.dismissal:
                continue
            vals = {"dismissal_proposed": True}
            if dismissal:
                vals["level_id"] = dismissal.id
            case._workflow_write(vals)
            case.message_post(
                body=case._doc_env()._(
                    "%(employee)s is under observation until %(date)s: dismissal "
                    "is proposed.",
                    employee=case.employee_id.name,
                    date=case._doc_date(until, case._doc_lang()),
                )
            )

    def action_apply(self):
        """Write the effects of the level (HR, after the facts)."""
        self._check_hr()
        self._check_state("facts_confirmed")
        with self._workflow_begin("action_apply", self.env._("applied")):
            for case in self:
                case._apply_effects()
        return True

    def _apply_effects(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        level = self.level_id
        employee = self.employee_id
        company = self.company_id
        effects = []
        # the effects are the case's record and its letter's: in their language
        env = self._doc_env()
        lang = env.lang

        def day(value):
            return self._doc_date(value, lang)

        vals = {
            "state": "applied",
            "date_applied": today,
            "period": today.replace(day=1),
        }
        # formatted outside the call: the term extractor evaluates every
        # string token inside _() and fails on an f-string
        points = f"{self.points:g}"
        effects.append(
            env._(
                "%(points)s behaviour-quality points in %(month)s",
                points=points,
                month=self._doc_date(today, lang, month=True),
            )
        )
        if level.coaching:
            coaching = self.env["telesales.coaching"]._plan(
                employee,
                today,
                max(company.telesales_coaching_days, 1),
                env._("Disciplinary case %(name)s", name=self.name),
                discipline=self,
            )
            effects.append(
                env._(
                    "Offline coaching from %(start)s to %(end)s",
                    start=day(coaching.date_from),
                    end=day(coaching.date_to),
                )
            )
        rank_entry = self._apply_rank(today)
        if rank_entry:
            vals["rank_history_id"] = rank_entry.id
            effects.append(
                env._(
                    "Rank set to %(rank)s",
                    rank=rank_entry.rank_id.with_env(env).display_name,
                )
            )
        if level.remove_from_post:
            departments = self.env["hr.department"].search(
                [("manager_id", "=", employee.id)]
            )
            for department in departments:
                department.message_post(
                    body=env._(
                        "%(employee)s is removed from the post of leader by the "
                        "disciplinary case %(name)s.",
                        employee=employee.name,
                        name=self.name,
                    )
                )
            departments.write({"manager_id": False})
            if departments:
                effects.append(
                    env._(
                        "Removed from the lead of %(departments)s",
                        departments=", ".join(departments.mapped("name")),
                    )
                )
        if level.cancel_annual_bonus or self.case_type == "cover_up":
            self.env["telesales.annual.bonus.block"].create(
                {
                    "employee_id": employee.id,
                    "year": today.year,
                    "discipline_id": self.id,
                }
            )
            effects.append(env._("Annual bonus of %(year)s cancelled", year=today.year))
        if level.observation_months:
            until = today + relativedelta(months=level.observation_months)
            current = employee.telesales_observation_until
            employee.telesales_observation_until = max(until, current or until)
            vals["observation_until"] = until
            effects.append(env._("Under observation until %(date)s", date=day(until)))
        if level.dismissal:
            employee.write(
                {
                    "departure_reason_id": self.env.ref("hr.departure_fired").id,
                    "departure_date": today,
                    "departure_description": env._(
                        "Dismissed by the disciplinary case %(name)s.", name=self.name
                    ),
                }
            )
            employee.with_context(no_wizard=True).action_archive()
            effects.append(env._("Employment ended on %(date)s", date=day(today)))
        if level.block_promotion:
            effects.append(env._("No promotion in the quarter review"))
        vals["effect_summary"] = "\n".join(effects)
        self._workflow_write(vals)
        self.message_post(
            body=env._("Effects applied:\n%(effects)s", effects=vals["effect_summary"])
        )

    def _apply_rank(self, today):
        """Demote on the rank ladder; returns the new history entry if any."""
        self.ensure_one()
        level = self.level_id
        employee = self.employee_id
        steps = level.rank_steps_down
        if self.case_type == "cover_up":
            steps = max(steps, 1)
        if not (steps or level.to_lowest_rank):
            return False
        History = self.env["telesales.rank.history"]
        rank = History._rank_at(employee, today).get(employee.id)
        if not rank:
            self.message_post(
                body=self._doc_env()._(
                    "%(employee)s holds no telesales rank: no demotion written.",
                    employee=employee.name,
                )
            )
            return False
        if level.to_lowest_rank:
            target = self.env["telesales.rank"]._ladder(rank.company_id)[:1]
        else:
            target = rank._step(-steps)
        if not target or target == rank:
            return False
        return History.create(
            {
                "employee_id": employee.id,
                "rank_id": target.id,
                "date_start": today,
                "origin": "penalty",
                "origin_ref": f"{self._name},{self.id}",
                "reason": self.env._(
                    "%(level)s, disciplinary case %(name)s",
                    level=level.name,
                    name=self.name,
                ),
            }
        )

    def _undo_effects(self, note):
        """Withdraw what can be withdrawn of the effects of an applied case
        being cancelled; returns ``note`` (the cancellation's chatter) with
        what HR corrects by hand."""
        self.ensure_one()
        self.coaching_ids.filtered(lambda c: c.state == "planned")._workflow_write(
            {"state": "cancelled", "cancel_reason": note},
        )
        self.env["telesales.annual.bonus.block"].search(
            [("discipline_id", "=", self.id)]
        ).write({"active": False})
        employee = self.employee_id
        if (
            self.observation_until
            and employee.telesales_observation_until == self.observation_until
        ):
            employee.telesales_observation_until = False
        if self.rank_history_id or self.level_id.dismissal:
            note += " " + self._doc_env()._(
                "The rank history and the employment are not rewritten: "
                "HR corrects them with a new entry if needed."
            )
        return note
