# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import date as Date
from decimal import Decimal, InvalidOperation

from odoo import api, models

from .telesales_call_row_values import (
    MAX_TEXT,
    MAX_YEAR,
    MIN_YEAR,
    text_problem,
    text_reason,
)
from .telesales_premium_push import MAX_AMOUNT, PUSH_FIELDS, REQUIRED_FIELDS, STATES

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class TelesalesPremium(models.Model):
    """Reading one pushed premium line: each field checked, every problem
    named (see telesales_premium_push)."""

    _inherit = "telesales.premium"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _push_parse(self, record, logins):
        """``(vals or None, [(field, reason)])`` of one pushed record."""
        if not isinstance(record, dict):
            return None, [(None, self.env._("the line is not a JSON object"))]
        problems = []
        unknown = [key[:50] for key in record if key not in PUSH_FIELDS]
        if unknown:
            problems.append(
                (
                    unknown[0],
                    self.env._(
                        "%(field)s: unknown field (the fields are %(fields)s)",
                        field=", ".join(unknown[:5]),
                        fields=", ".join(PUSH_FIELDS),
                    ),
                )
            )
        missing = [name for name in REQUIRED_FIELDS if record.get(name) in (None, "")]
        problems += [
            (name, self.env._("%(field)s: is required", field=name)) for name in missing
        ]
        vals = {}
        for name in PUSH_FIELDS:
            value = record.get(name)
            if value in (None, "") or name in missing:
                continue
            try:
                vals[name] = getattr(self, f"_push_parse_{name}")(value, logins)
            except ValueError as error:
                problems.append((name, f"{name}: {error.args[0]}"))
        if problems:
            return None, problems
        vals["employee_id"] = vals.pop("agent")
        vals.setdefault("state", "effective")
        refund = vals.get("refund_date")
        if vals["state"] == "refunded" and not refund:
            problems.append(
                (
                    "refund_date",
                    self.env._("refund_date: a refunded line needs its refund date"),
                )
            )
        elif refund and vals["state"] != "refunded":
            problems.append(
                (
                    "refund_date",
                    self.env._("refund_date: only a refunded line has a refund date"),
                )
            )
        elif refund and refund < vals["date"]:
            problems.append(
                (
                    "refund_date",
                    self.env._(
                        "refund_date: %(refund)s is before the sale date %(date)s",
                        refund=refund,
                        date=vals["date"],
                    ),
                )
            )
        return (None if problems else vals), problems

    def _push_text(self, value, limit=MAX_TEXT):
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError(self.env._("a text is expected"))
        value = str(value).strip()
        problem = text_problem(value, limit)
        if problem:
            raise ValueError(text_reason(self.env, problem, limit))
        return value

    def _push_parse_external_id(self, value, logins):
        return self._push_text(value)

    def _push_parse_policy_ref(self, value, logins):
        return self._push_text(value)

    def _push_parse_agent(self, value, logins):
        login = self._push_text(value)
        if login not in logins:
            raise ValueError(
                self.env._("no employee has the dialer login '%(login)s'", login=login)
            )
        return logins[login]

    def _push_parse_state(self, value, logins):
        if value not in STATES:
            raise ValueError(
                self.env._(
                    "is one of %(states)s, not %(value)s",
                    states=", ".join(STATES),
                    value=str(value)[:30]
                    if isinstance(value, str)
                    else type(value).__name__,
                )
            )
        return value

    def _push_parse_date(self, value, logins):
        if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
            raise ValueError(self.env._("a date YYYY-MM-DD is expected"))
        try:
            day = Date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                self.env._("%(value)s is not a valid date", value=value.strip())
            ) from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValueError(
                self.env._(
                    "the year %(year)s is outside %(min)s-%(max)s",
                    year=day.year,
                    min=MIN_YEAR,
                    max=MAX_YEAR,
                )
            )
        return day

    _push_parse_refund_date = _push_parse_date

    def _push_parse_amount(self, value, logins):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise ValueError(self.env._("a number is expected"))
        if isinstance(value, str) and len(value) > 30:
            raise ValueError(self.env._("a number is expected"))
        try:
            value = Decimal(value.strip() if isinstance(value, str) else repr(value))
        except InvalidOperation:
            raise ValueError(self.env._("a number is expected")) from None
        if not value.is_finite() or not 0 < value <= MAX_AMOUNT:
            raise ValueError(
                self.env._(
                    "must be a positive number up to %(max)s; a refund is sent "
                    "with the state refunded and a refund date",
                    max=MAX_AMOUNT,
                )
            )
        amount = self.env.company.currency_id.round(float(value))
        if amount <= 0:
            raise ValueError(self.env._("must be a positive number"))
        return amount
