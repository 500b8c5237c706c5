# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import unicodedata

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

# an extension ends the number: "010-8888 6666 ext 12", "转12", "#12"
_EXTENSION = re.compile(r"(ext|x|转|#|,|;).*$", re.IGNORECASE)
_NON_DIGITS = re.compile(r"[^0-9+]")
_PLAIN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_MOBILE_WITH_TRUNK = re.compile(r"01[3-9][0-9]{9}")


def normalize_number(number):
    """Canonical form of a Chinese phone number, without the country code.

    Mobiles become their 11 digits (``+86 138 0013 8000``, ``0086-13800138000``,
    ``8613800138000`` and ``013800138000`` all give ``13800138000``); landlines
    keep their trunk ``0`` and area code (``010-8888 6666``, ``+86 10 8888 6666``
    and ``(010) 88886666`` give ``01088886666``). Full-width digits typed with
    a Chinese input method are read as digits. Returns ``""`` when there are no
    digits. A plain function (no ORM) because the bulk importer calls it for
    millions of rows.
    """
    if not number:
        return ""
    if number.isdigit() and number.isascii():
        digits = number
    else:
        number = unicodedata.normalize("NFKC", number)
        digits = _NON_DIGITS.sub("", _EXTENSION.sub("", number))
        digits = digits.replace("+", "")
    if len(digits) == 11 and digits[0] == "1":
        return digits
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) >= 12:
        digits = digits[2:]
    if _PLAIN_MOBILE.fullmatch(digits):
        return digits
    if _MOBILE_WITH_TRUNK.fullmatch(digits):
        # a mobile dialled with the long-distance trunk prefix
        return digits[1:]
    if len(digits) in (10, 11) and digits[0] not in "01":
        # a landline after +86 without its trunk 0 (+86 21 6666 8888)
        return "0" + digits
    if len(digits) == 10 and digits.startswith("10"):
        # Beijing after +86: 10 8888 6666
        return "0" + digits
    return digits


class TelesalesDnc(models.Model):
    """Do-not-call list (客户明确表示不要再次联系).

    A call to a listed number after it was listed is a compliance violation
    of the call. Changing the list re-evaluates the calls to its numbers.
    Archiving a number stops new violations only: the calls made while it
    was listed (before ``date_unlisted``) stay violations, and a number
    with recorded violations is never deleted.
    """

    _name = "telesales.dnc"
    _description = "Do-not-call Number"
    _inherit = ["telesales.ondelete.guard", "telesales.mail.author", "mail.thread"]
    _order = "date_listed desc, id desc"
    _rec_name = "number"

    number = fields.Char(required=True, tracking=True)
    number_normalized = fields.Char(
        string="Normalised Number",
        compute="_compute_number_normalized",
        store=True,
        index=True,
        help="Digits without the +86 country code, as calls are compared.",
    )
    date_listed = fields.Datetime(
        string="Listed Since",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="Calls to the number from this moment on are violations; the call "
        "in which the customer asked not to be called again is not.",
    )
    reason = fields.Char(tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    date_unlisted = fields.Datetime(
        string="Archived Since",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set when the number is archived: calls before this moment (and "
        "after it was listed) stay violations.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "number_company_uniq",
            "unique(number_normalized, company_id)",
            "This number is already on the do-not-call list.",
        ),
    ]

    @api.depends("number")
    def _compute_number_normalized(self):
        for entry in self:
            entry.number_normalized = normalize_number(entry.number) or False

    @api.model
    def _normalize_number(self, number):
        """Canonical form of ``number`` (see :func:`normalize_number`), False
        when it has no digits."""
        return normalize_number(number) or False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_unlisted"):
                raise UserError(self._date_unlisted_message())
        entries = super().create(vals_list)
        entries._recompute_call_violations()
        return entries

    def write(self, vals):
        if "date_unlisted" in vals:
            raise UserError(self._date_unlisted_message())
        self._check_violations_kept(vals)
        if "active" in vals:
            if vals["active"]:
                # listed again: from its listing date on, as before
                super(TelesalesDnc, self.filtered(lambda e: not e.active)).write(
                    {"date_unlisted": False}
                )
            else:
                super(TelesalesDnc, self.filtered("active")).write(
                    {"date_unlisted": fields.Datetime.now()}
                )
        tracked = {"number", "date_listed", "active", "company_id"}
        before = self._call_domain() if tracked & set(vals) else None
        result = super().write(vals)
        if before is not None:
            self._recompute_call_violations(before)
        return result

    def _has_violations(self):
        self.ensure_one()
        return bool(
            self.number_normalized
            and self.env["telesales.call"]
            .sudo()
            .search_count(self._call_domain() + [("violation_dnc", "=", True)], limit=1)
        )

    def _check_violations_kept(self, vals):
        """Correcting the number, the company or moving the listing date
        later clears the violations recorded under the entry: only HR may,
        not a team leader whose agents made those calls."""
        if self.env.su or self.env.user.has_group("telesales_hr.group_telesales_hr"):
            return
        changed = {"number", "company_id"} & set(vals)
        new_listed = vals.get("date_listed") and fields.Datetime.to_datetime(
            vals["date_listed"]
        )
        for entry in self:
            later = new_listed and entry.date_listed and new_listed > entry.date_listed
            if (changed or later) and entry._has_violations():
                raise AccessError(
                    self.env._(
                        "The do-not-call number %(number)s was called while it was "
                        "listed: only HR may change its number, company or move its "
                        "listing date later, which clears those violations.",
                        number=entry.number,
                    )
                )

    def _date_unlisted_message(self):
        return self.env._(
            "Do-not-call list: the archiving date is set when a number is "
            "archived, not by hand."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_violated(self):
        """The violations of a number stay on record: archive it instead."""
        self.flush_recordset()
        for entry in self:
            if entry.number_normalized and self.env["telesales.call"].sudo().search(
                entry._call_domain() + [("violation_dnc", "=", True)], limit=1
            ):
                raise UserError(
                    self.env._(
                        "The do-not-call number %(number)s was called while it was "
                        "listed: it is never deleted, so that those violations stay "
                        "recorded. Archive it instead.",
                        number=entry.number,
                    )
                )

    def unlink(self):
        before = self._call_domain()
        result = super().unlink()
        self.env["telesales.call"].sudo()._compute_violations(before)
        return result

    def _call_domain(self):
        """The calls these entries may flag: to their numbers, since they
        were listed (the start index bounds the search)."""
        numbers = [n for n in self.mapped("number_normalized") if n]
        return [
            ("callee_normalized", "in", numbers),
            ("company_id", "in", self.company_id.ids),
            ("start", ">=", min(self.mapped("date_listed"), default=False)),
        ]

    def _recompute_call_violations(self, extra_domain=None):
        """Re-evaluate the calls to these numbers (and to ``extra_domain``'s,
        the numbers they had before a change)."""
        domain = self._call_domain()
        if extra_domain:
            domain = expression.OR([domain, extra_domain])
        self.env["telesales.call"].sudo()._compute_violations(domain)
