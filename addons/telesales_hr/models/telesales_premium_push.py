# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from odoo import api, models
from odoo.exceptions import UserError

PUSH_FIELDS = (
    "external_id",
    "agent",
    "date",
    "amount",
    "state",
    "refund_date",
    "policy_ref",
)
REQUIRED_FIELDS = ("external_id", "agent", "date", "amount")
STATES = ("effective", "cancelled", "refunded")
#: the largest premium of one line (a typing error beyond)
MAX_AMOUNT = 1_000_000_000
#: the most lines of one push
MAX_LINES = 10_000
#: refusals listed in an answer (all of them are counted)
MAX_ERRORS = 1000


class PremiumPushError(UserError):
    """A push is refused; nothing was written.

    ``errors``: ``[(row, field, reason)]`` (rows numbered from 1, ``field``
    None when the whole record is wrong); ``conflict``: every error is a
    conflict with the ledger (a line that may not change), not bad input.
    """

    def __init__(self, message, errors, conflict=False):
        super().__init__(message)
        self.errors = errors
        self.conflict = conflict


class TelesalesPremium(models.Model):
    _inherit = "telesales.premium"

    # ------------------------------------------------------------------
    # Push from a sales system (POST /telesales/api/premium)
    # ------------------------------------------------------------------
    @api.model
    def _push_lines(self, records, system):
        """Record the premium lines a sales system pushes, all-or-nothing.

        ``records``: JSON-like dicts with the keys of :data:`PUSH_FIELDS`;
        ``agent`` is the employee's dialer login (as the call endpoint
        identifies agents). A new external id creates a line; an existing
        one must carry the same agent, date, amount (and policy reference
        when given): a policy's amount never changes, a correction comes as
        a cancellation plus a new line. Its state may move from effective to
        cancelled or refunded (with the refund date), once. No change may
        touch a day that a done payslip paid (the month is locked).
        Returns ``{"received", "created", "updated", "unchanged"}``; raises
        :class:`PremiumPushError`.
        """
        company = system.company_id
        logins = self.env["telesales.call.import"]._dialer_logins(company)
        errors, rows, seen = [], [], {}
        for row_no, record in enumerate(records, 1):
            vals, problems = self._push_parse(record, logins)
            errors += [(row_no, field, reason) for field, reason in problems]
            if vals is None:
                continue
            first = seen.setdefault(vals["external_id"], row_no)
            if first != row_no:
                errors.append(
                    (
                        row_no,
                        "external_id",
                        self.env._(
                            "external_id: the line %(ref)s is already in row %(row)s",
                            ref=vals["external_id"],
                            row=first,
                        ),
                    )
                )
                continue
            rows.append((row_no, vals))
        existing = self._push_existing(company, [vals for _row, vals in rows])
        conflicts, creates, updates = [], [], []
        events = []  # (row, field, employee id, day) whose amount changes
        for row_no, vals in rows:
            line = existing.get(vals["external_id"])
            if not line:
                creates.append(vals)
                events += [
                    (row_no, "refund_date" if amount < 0 else "date", emp, day)
                    for emp, day, amount in self._push_events(vals)
                ]
                continue
            problems, change = line._push_compare(vals)
            conflicts += [(row_no, field, reason) for field, reason in problems]
            if change:
                updates.append((line, change))
                before = Counter(line._push_events(line._push_vals()))
                after = Counter(line._push_events(dict(line._push_vals(), **change)))
                events += [
                    (row_no, "refund_date" if amount < 0 else "state", emp, day)
                    for emp, day, amount in (after - before) + (before - after)
                ]
        conflicts += self._push_locked(events)
        if errors or conflicts:
            raise PremiumPushError(
                self.env._(
                    "%(count)s of the %(total)s lines are refused; nothing was "
                    "recorded.",
                    count=len({error[0] for error in errors + conflicts}),
                    total=len(records),
                ),
                sorted(errors + conflicts, key=lambda error: error[0]),
                conflict=not errors,
            )
        with self.env.cr.savepoint():
            for vals in creates:
                vals.update(sales_system_id=system.id, company_id=company.id)
            self.create(creates)
            for line, change in updates:
                line.write(change)
        return {
            "received": len(records),
            "created": len(creates),
            "updated": len(updates),
            "unchanged": len(records) - len(creates) - len(updates),
        }

    @api.model
    def _push_existing(self, company, vals_list):
        """{external id: line} of the company, locked (FOR UPDATE) so that a
        concurrent push waits for this one."""
        refs = [vals["external_id"] for vals in vals_list]
        if not refs:
            return {}
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT id FROM telesales_premium
             WHERE company_id = %s AND external_id IN %s
               FOR UPDATE
            """,
            [company.id, tuple(refs)],
        )
        lines = self.browse([row[0] for row in self.env.cr.fetchall()])
        return {line.external_id: line for line in lines}

    def _push_vals(self):
        return {
            "employee_id": self.employee_id.id,
            "date": self.date,
            "amount": self.amount,
            "state": self.state,
            "refund_date": self.refund_date or None,
        }

    def _push_compare(self, vals):
        """``([(field, reason)], {field: new value})`` of a pushed line whose
        external id exists: refusals, else the state change (maybe none)."""
        self.ensure_one()
        problems = []
        for name, field in (
            ("agent", "employee_id"),
            ("date", "date"),
            ("amount", "amount"),
            ("policy_ref", "policy_ref"),
        ):
            old, new = self[field], vals.get(field)
            if field == "employee_id":
                old = old.id
            if field == "policy_ref" and new is None:
                continue  # not sent: kept
            if field == "amount":
                same = not self.currency_id.compare_amounts(old, new)
            else:
                same = (old or None) == new
            if not same:
                problems.append(
                    (
                        name,
                        self.env._(
                            "%(field)s: the line %(ref)s was recorded with "
                            "another value; a line's agent, date, amount and "
                            "policy never change: send it cancelled and push a "
                            "new line with a new external id",
                            field=name,
                            ref=self.external_id,
                        ),
                    )
                )
        state, refund = vals["state"], vals.get("refund_date")
        if state == self.state and refund == (self.refund_date or None):
            return problems, {}
        if self.state != "effective":
            field = "refund_date" if state == self.state else "state"
            if self.state == "refunded":
                reason = self.env._(
                    "%(field)s: the line %(ref)s is already refunded on "
                    "%(refund)s; a refunded line does not change any more",
                    field=field,
                    ref=self.external_id,
                    refund=self.refund_date or "?",
                )
            else:
                reason = self.env._(
                    "%(field)s: the line %(ref)s is already cancelled; a "
                    "cancelled line does not change any more",
                    field=field,
                    ref=self.external_id,
                )
            problems.append((field, reason))
            return problems, {}
        return problems, {"state": state, "refund_date": refund or False}

    @api.model
    def _push_events(self, vals):
        """[(employee id, day, signed amount)] the line counts in (SPEC §3,
        as :data:`PREMIUM_EVENTS`)."""
        emp, day, amount = vals["employee_id"], vals["date"], vals["amount"]
        refund = vals.get("refund_date")
        if vals["state"] == "effective":
            return [(emp, day, amount)]
        if (
            vals["state"] == "refunded"
            and refund
            and refund.replace(day=1) > day.replace(day=1)
        ):
            return [(emp, day, amount), (emp, refund, -amount)]
        return []

    @api.model
    def _push_locked(self, events):
        """Refusals of the events that fall on a day a done payslip paid."""
        paid = self._telesales_paid_days({(emp, day) for _r, _f, emp, day in events})
        employees = self.env["hr.employee"].browse({e[2] for e in events})
        names = {emp.id: emp.name for emp in employees.sudo()}
        refusals = []
        for row_no, field, emp, day in events:
            if (emp, day) not in paid:
                continue
            locked = self.env._(
                "%(field)s: the day %(day)s of %(agent)s is paid by payslip "
                "%(payslip)s (its month is locked)",
                field=field,
                day=day,
                agent=names.get(emp),
                payslip=paid[emp, day],
            )
            if field == "date":
                advice = self.env._("a sale cannot be added to a paid month")
            else:
                advice = self.env._(
                    "the premium of a paid month does not change: send the "
                    "line refunded with a refund date in a month not paid yet"
                )
            refusals.append((row_no, field, f"{locked}; {advice}"))
        return refusals

    @api.model
    def _telesales_paid_days(self, pairs):
        """{(employee id, day): payslip} of the pairs whose day a done
        payslip of the employee covers; payroll overrides (none here)."""
        return {}
