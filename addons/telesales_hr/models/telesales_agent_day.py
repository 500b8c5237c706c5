# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The agent's day (SPEC §2): the local day of the agent's working schedule.

One definition, used by the calls (``call_date``, the calling window and the
dial cap), the compliance days, their attendance and the proxy punch check:
the time zone of the agent's working schedule (their own calendar, else the
company's, which is also the schedule compliance reads), else the
employee's own time zone, else UTC. ``AGENT_TZ_SQL`` is its SQL twin;
``utc_offset_sql`` gives the local time of many timestamps of one zone.
"""

from datetime import timedelta

import pytz

from odoo import models
from odoo.tools import SQL

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


def utc_offsets(tz_name, utc_from, utc_to):
    """[(naive UTC instant, offset in seconds)]: the UTC offsets of the time
    zone between two naive UTC instants, each valid from its instant (the
    first from ``utc_from``) to the next one."""
    tz = pytz.timezone(tz_name)

    def offset(moment):
        return int(pytz.utc.localize(moment).astimezone(tz).utcoffset().total_seconds())

    segments = [(utc_from, offset(utc_from))]
    # the offsets change twice a year at most: six-hour steps find every
    # change, halving then finds its second
    step = timedelta(hours=6)
    moment = utc_from
    while moment < utc_to:
        following = min(moment + step, utc_to)
        if offset(following) != segments[-1][1]:
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if offset(middle) == segments[-1][1]:
                    low = middle
                else:
                    high = middle
            segments.append((high, offset(high)))
        moment = following
    return segments


def utc_offset_sql(column, segments):
    """SQL of the UTC offset in seconds, for the offsets of ``utc_offsets``,
    of the naive UTC timestamps of ``column`` (an ``SQL``): the local day and
    time of millions of calls then come from plain arithmetic, where ``AT
    TIME ZONE`` looks the zone up by name for each call and each use."""
    if len(segments) == 1:
        return SQL("%s", segments[0][1])
    cases = SQL(" ").join(
        SQL("WHEN %s < %s THEN %s", column, start, previous[1])
        for previous, (start, _offset) in zip(segments, segments[1:], strict=False)
    )
    return SQL("CASE %s ELSE %s END", cases, segments[-1][1])
