# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Retention of raw calls.

A large centre writes about 9 million calls a month. Once payroll has paid a
day (its compliance row is locked), everything downstream reads the
per-agent-day rows, so the raw calls of that day are only evidence. A company
keeps them for a number of months (0: for ever); a scheduled action then
deletes older ones in batches, one short transaction per batch (Odoo's cron
progress reschedules the action at once while calls remain).

Never deleted: calls of a day not paid yet, calls with a violation (do-not-call,
window, dial cap: evidence for a dispute), and calls any other record points to
(a quality inspection, a disciplinary case, or a link a later module adds): the
referencing foreign keys are read from PostgreSQL's catalogue, so a module
need not register itself here.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

#: calls deleted per transaction
PURGE_BATCH = 50_000


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    telesales_call_retention_months = fields.Integer(
        string="Keep Raw Calls (Months)",
        default=0,
        help="Raw calls of days paid by payroll are deleted this many months "
        "after their month (0 keeps them for ever). Calls with a violation or "
        "referenced by another record (an inspection, a case) are kept.",
    )

    _sql_constraints = [
        (
            "telesales_call_retention_months_positive",
            "CHECK (telesales_call_retention_months >= 0)",
            "The months of call retention cannot be negative.",
        )
    ]


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    telesales_call_retention_months = fields.Integer(
        related="company_id.telesales_call_retention_months", readonly=False
    )


class TelesalesCall(models.Model):
    _inherit = "telesales.call"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _retention_cutoff(self, company, today=None):
        """The first day whose calls are kept, or None (kept for ever)."""
        months = company.telesales_call_retention_months
        if months <= 0:
            return None
        today = today or fields.Date.context_today(self)
        return today.replace(day=1) - relativedelta(months=months)

    def _retention_references(self):
        """SQL: the foreign keys of other tables that point to telesales_call."""
        self.env.cr.execute(
            """
            SELECT cl.relname, a.attname
              FROM pg_constraint c
              JOIN pg_class cl ON cl.oid = c.conrelid
              JOIN pg_attribute a
                ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype = 'f'
               AND c.confrelid = 'telesales_call'::regclass
               AND c.conrelid <> 'telesales_call'::regclass
             ORDER BY 1, 2
            """
        )
        return self.env.cr.fetchall()

    @api.model
    def _purge_calls(self, company, cutoff, limit=PURGE_BATCH):
        """Delete up to ``limit`` purgeable calls of ``company`` before
        ``cutoff``; returns how many were deleted."""
        kept = [
            SQL(
                "NOT EXISTS (SELECT 1 FROM %s r WHERE r.%s = c.id)",
                SQL.identifier(table),
                SQL.identifier(column),
            )
            for table, column in self._retention_references()
        ]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                DELETE FROM telesales_call
                 WHERE id IN (
                    SELECT c.id
                      FROM telesales_call c
                      JOIN telesales_daily_compliance d
                        ON d.employee_id = c.employee_id
                       AND d.date = c.call_date
                       AND d.locked
                     WHERE c.company_id = %(company)s
                       AND c.call_date < %(cutoff)s
                       AND c.is_violation IS NOT TRUE
                       AND %(kept)s
                     LIMIT %(limit)s
                     FOR UPDATE OF c SKIP LOCKED)
                """,
                company=company.id,
                cutoff=cutoff,
                kept=SQL(" AND ").join(kept) if kept else SQL("TRUE"),
                limit=limit,
            )
        )
        deleted = self.env.cr.rowcount
        if deleted:
            self.invalidate_model()
        return deleted

    @api.model
    def _cron_purge_calls(self, limit=PURGE_BATCH):
        """One batch per company and run; Odoo's cron progress runs the action
        again at once while a batch was full."""
        done = remaining = 0
        for company in (
            self.env["res.company"]
            .sudo()
            .search([("telesales_call_retention_months", ">", 0)])
        ):
            cutoff = self._retention_cutoff(company)
            deleted = self._purge_calls(company, cutoff, limit=limit)
            done += deleted
            if deleted == limit:
                remaining += 1
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done
