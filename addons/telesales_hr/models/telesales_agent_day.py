# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agent's day (SPEC §2): the local day of the agent's working schedule.

One definition, used by the calls (``call_date``, the calling window and the
dial cap), the compliance days, their attendance and the proxy punch check:
the time zone of the agent's working schedule (their own calendar, else the
company's, which is also the schedule compliance reads), else the
employee's own time zone, else UTC. ``AGENT_TZ_SQL`` is its SQL twin.
"""

from odoo import models

# The agent's timezone in SQL, in the order of hr.employee._telesales_tz();
# needs hr_employee e, resource_resource r (e.resource_id) and
# resource_calendar rc (r.calendar_id, LEFT JOIN) in the query. PostgreSQL
# evaluates a COALESCE argument only when the ones before are NULL: the
# company's calendar is looked up only for an agent without a calendar.
AGENT_TZ_SQL = """COALESCE(
    rc.tz,
    (SELECT company_calendar.tz
       FROM res_company agent_company
       JOIN resource_calendar company_calendar
         ON company_calendar.id = agent_company.resource_calendar_id
      WHERE agent_company.id = e.company_id),
    r.tz,
    'UTC'
)"""


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    def _telesales_tz(self):
        """Time zone name of the agent's day (see the module docstring)."""
        self.ensure_one()
        calendar = self.resource_calendar_id or self.company_id.resource_calendar_id
        return calendar.tz or self.resource_id.tz or "UTC"

    def _telesales_tz_names(self):
        """{employee id: time zone name of their day} of these employees."""
        return {employee.id: employee._telesales_tz() for employee in self}
