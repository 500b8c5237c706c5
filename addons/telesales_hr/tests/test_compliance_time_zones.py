# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The call figures of agents in several time zones, across a change of UTC
offset: the local day and time of a call come from the zone's offsets
(``utc_offsets``), as ``AT TIME ZONE`` would give them."""

from datetime import date, datetime, timedelta

from odoo.tests import tagged

from ..models.telesales_agent_day import utc_offsets
from .compliance_common import ComplianceCase

# Europe/Paris moves from UTC+1 to UTC+2 at 01:00 UTC on Sunday 2025-03-30
CHANGE = date(2025, 3, 30)


@tagged("post_install", "-at_install")
class TestComplianceTimeZones(ComplianceCase):
    def test_utc_offsets(self):
        self.assertEqual(
            utc_offsets("Europe/Paris", datetime(2025, 3, 29), datetime(2025, 4, 1)),
            [(datetime(2025, 3, 29), 3600), (datetime(2025, 3, 30, 1), 7200)],
        )
        self.assertEqual(
            utc_offsets("Asia/Shanghai", datetime(2025, 3, 29), datetime(2025, 4, 1)),
            [(datetime(2025, 3, 29), 28800)],
        )

    def test_figures_across_an_offset_change(self):
        """A Paris agent and a Shanghai agent with their own cut-off and
        afternoon start, in one query: each call on its local day, at its
        local time, on either side of the change."""
        paris, shanghai = self.agent_a1, self.agent_a2
        self.add_calls(
            [
                # 2025-03-29 23:30 local (UTC+1): the day before the change
                self.call_vals(paris, datetime(2025, 3, 29, 22, 30), talk=60),
                # 00:30 local, still UTC+1, then 10:00 and 14:00 local (UTC+2)
                self.call_vals(paris, datetime(2025, 3, 29, 23, 30), talk=60),
                self.call_vals(paris, datetime(2025, 3, 30, 8, 0), talk=60),
                self.call_vals(paris, datetime(2025, 3, 30, 12, 0), talk=600),
                # 23:59:59 local: the last second of the day
                self.call_vals(paris, datetime(2025, 3, 30, 21, 59, 59), talk=0),
                # 2025-03-30 07:30 in Shanghai is the day before in UTC
                self.call_vals(shanghai, datetime(2025, 3, 29, 23, 30), talk=60),
                # 17:50 local, its talk cut at 18:00 (ring 60 s): 540 s counted
                self.call_vals(
                    shanghai, datetime(2025, 3, 30, 9, 50), talk=900, ring=60
                ),
            ]
        )
        schedules = {
            paris.id: {
                "tz": "Europe/Paris",
                "cutoff": 17 * 3600,
                "afternoon": 13 * 3600,
            },
            shanghai.id: {
                "tz": "Asia/Shanghai",
                "cutoff": 18 * 3600,
                "afternoon": 12 * 3600,
            },
        }
        figures = self.Compliance._call_figures(
            paris | shanghai, CHANGE, CHANGE, schedules
        )
        self.assertEqual(set(figures), {(paris.id, CHANGE), (shanghai.id, CHANGE)})
        day = figures[(paris.id, CHANGE)]
        self.assertEqual(day["dials"], 4)
        self.assertEqual(day["first"], 30 * 60)
        self.assertEqual(day["noon"], 14 * 3600)
        self.assertEqual(day["talk"], 60 + 60 + 600)
        day = figures[(shanghai.id, CHANGE)]
        self.assertEqual(day["dials"], 2)
        self.assertEqual(day["first"], 7 * 3600 + 30 * 60)
        self.assertEqual(day["noon"], 17 * 3600 + 50 * 60)
        self.assertEqual(day["talk"], 60 + 540)
        self.assertEqual(day["talk_total"], 60 + 900)
        # the day before: the Paris call at 23:30 local only
        eve = CHANGE - timedelta(days=1)
        before = self.Compliance._call_figures(paris | shanghai, eve, eve, schedules)
        self.assertEqual(set(before), {(paris.id, eve)})
        self.assertEqual(before[(paris.id, eve)]["dials"], 1)
