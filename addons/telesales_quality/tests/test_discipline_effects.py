# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import QualityCase

QUARTER = (date(2025, 1, 1), date(2025, 3, 31))
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@tagged("post_install", "-at_install")
@freeze_time("2025-03-12 10:00:00")  # a Wednesday
class TestDisciplineEffects(QualityCase):
    def blocks(self, employee):
        return self.env["hr.employee"]._telesales_promotion_blocks(employee, *QUARTER)

    def points(self, employee, period=MARCH):
        return self.Case._quality_points(employee, *period).get(employee.id, 0)

    def test_verbal_criticism_is_recorded(self):
        case = self.apply(self.make_case(self.agent_a1, self.verbal))
        self.assertEqual(case.points, 0)
        self.assertEqual(case.period, date(2025, 3, 1))
        self.assertFalse(case.coaching_ids)
        self.assertFalse(case.rank_history_id)
        self.assertEqual(self.agent_a1.telesales_rank_id, self.s1)
        self.assertNotIn(self.agent_a1.id, self.blocks(self.agent_a1))
        self.assertEqual(self.points(self.agent_a1), 0)

    def test_public_criticism_costs_20_points(self):
        self.apply(self.make_case(self.agent_a1, self.public))
        self.assertEqual(self.points(self.agent_a1), 20)
        self.assertEqual(
            self.points(self.agent_a1, (date(2025, 4, 1), date(2025, 4, 30))), 0
        )
        self.assertNotIn(self.agent_a1.id, self.blocks(self.agent_a1))

    def test_warning_coaching_and_promotion_block(self):
        case = self.apply(self.make_case(self.agent_a1, self.warning))
        self.assertEqual(self.points(self.agent_a1), 40)
        coaching = case.coaching_ids
        self.assertEqual(len(coaching), 1)
        self.assertEqual(
            (coaching.date_from, coaching.date_to), (date(2025, 3, 12),) * 2
        )
        self.assertGreaterEqual(coaching.working_days, 1)
        self.assertEqual(coaching.coach_id, self.tl_a1_user)
        self.assertEqual(coaching.department_id, self.team_a1)
        self.assertEqual(coaching.activity_ids.user_id, self.tl_a1_user)
        self.assertIn(self.agent_a1.id, self.blocks(self.agent_a1))
        self.assertNotIn(
            self.agent_a1.id,
            self.env["hr.employee"]._telesales_promotion_blocks(
                self.agent_a1, date(2025, 4, 1), date(2025, 6, 30)
            ),
        )
        self.assertFalse(case.rank_history_id)
        self.assertEqual(self.agent_a1.telesales_rank_id, self.s1)

    def test_coaching_starts_on_a_working_day(self):
        with freeze_time("2025-03-15 10:00:00"):  # a Saturday
            case = self.apply(self.make_case(self.agent_a1, self.warning))
        self.assertEqual(case.coaching_ids.date_from, date(2025, 3, 17))
        self.assertGreaterEqual(case.coaching_ids.working_days, 1)
        with self.assertRaises(ValidationError):
            # a coaching on a weekend only is refused
            self.env["telesales.coaching"].create(
                {
                    "employee_id": self.agent_a1.id,
                    "date_from": date(2025, 3, 15),
                    "date_to": date(2025, 3, 16),
                    "reason": "Weekend",
                }
            )

    def test_demerit_one_rank_down_and_bonus_cancelled(self):
        case = self.apply(self.make_case(self.agent_a2, self.demerit))
        self.assertEqual(self.points(self.agent_a2), 60)
        self.assertEqual(self.agent_a2.telesales_rank_id, self.s1)  # from S2
        entry = case.rank_history_id
        self.assertEqual(entry.origin, "penalty")
        self.assertEqual(entry.origin_ref, case)
        self.assertEqual(entry.date_start, date(2025, 3, 12))
        self.assertTrue(case.coaching_ids)
        self.assertIn(self.agent_a2.id, self.blocks(self.agent_a2))
        bonus = self.env["hr.employee"]._telesales_annual_bonus_cancelled(
            self.agent_a2, 2025
        )
        self.assertEqual(bonus, {self.agent_a2.id})
        self.assertFalse(
            self.env["hr.employee"]._telesales_annual_bonus_cancelled(
                self.agent_a2, 2026
            )
        )
        self.assertTrue(self.agent_a2.telesales_annual_bonus_cancelled)

    def test_demerit_stops_at_the_lowest_rank(self):
        case = self.apply(self.make_case(self.agent_a1b, self.demerit))  # a trainee
        self.assertFalse(case.rank_history_id)
        self.assertEqual(self.agent_a1b.telesales_rank_id, self.t0)

    def test_major_demerit_two_ranks_and_removal_from_post(self):
        case = self.apply(self.make_case(self.tl_a1, self.major_demerit))
        self.assertEqual(self.points(self.tl_a1), 80)
        self.assertEqual(self.tl_a1.telesales_rank_id, self.s2)  # from D1
        self.assertFalse(self.team_a1.manager_id)
        self.assertIn("Team A1", case.effect_summary)
        self.assertTrue(
            self.env["hr.employee"]._telesales_annual_bonus_cancelled(self.tl_a1, 2025)
        )
        # an agent who leads nothing just goes down two ranks
        self.apply(self.make_case(self.agent_b1, self.major_demerit))
        self.assertEqual(self.agent_b1.telesales_rank_id, self.s1)  # from S3
        self.assertEqual(self.team_b1.manager_id, self.tl_b1)

    def test_probation_lowest_rank_and_observation(self):
        case = self.apply(self.make_case(self.tl_a2, self.probation))
        self.assertTrue(case.reset_score)
        self.assertEqual(case.points, 100)
        self.assertEqual(self.points(self.tl_a2), 100)
        self.assertEqual(self.tl_a2.telesales_rank_id, self.t0)
        self.assertFalse(self.team_a2.manager_id, "back to agent")
        self.assertEqual(case.observation_until, date(2025, 6, 12))
        self.assertEqual(self.tl_a2.telesales_observation_until, date(2025, 6, 12))
        self.assertTrue(case.coaching_ids)
        self.assertTrue(
            self.env["hr.employee"]._telesales_annual_bonus_cancelled(self.tl_a2, 2025)
        )
        blocks = self.env["hr.employee"]._telesales_promotion_blocks(
            self.tl_a2, date(2025, 4, 1), date(2025, 6, 30)
        )
        self.assertIn(self.tl_a2.id, blocks, "no promotion during the observation")
        # any new case inside the observation proposes dismissal
        new = self.make_case(self.tl_a2, self.verbal, date=date(2025, 5, 2))
        self.assertTrue(new.dismissal_proposed)
        self.assertEqual(new.level_id, self.dismissal)
        after = self.make_case(self.tl_a2, self.verbal, date=date(2025, 7, 1))
        self.assertFalse(after.dismissal_proposed)
        self.assertEqual(after.level_id, self.verbal)

    def test_dismissal_ends_employment(self):
        case = self.apply(self.make_case(self.agent_b1, self.dismissal))
        self.assertEqual(self.points(self.agent_b1), 100)
        self.assertFalse(self.agent_b1.active)
        self.assertEqual(
            self.agent_b1.departure_reason_id, self.env.ref("hr.departure_fired")
        )
        self.assertEqual(self.agent_b1.departure_date, date(2025, 3, 12))
        self.assertIn(case.name, self.agent_b1.departure_description)

    def test_dismissal_only_after_approval(self):
        case = self.make_case(self.agent_b1, self.dismissal)
        case.with_user(self.inspector).action_submit()
        self.assertTrue(self.agent_b1.active)
        case.with_user(self.member1).action_approve()
        case.with_user(self.member2).action_reject("Disproportionate.")
        self.assertTrue(self.agent_b1.active)

    def test_cover_up_demotes_the_supervisor(self):
        case = self.apply(self.make_case(self.tl_b1, self.public, case_type="cover_up"))
        self.assertEqual(self.tl_b1.telesales_rank_id, self.d1)  # from D2
        self.assertEqual(case.rank_history_id.origin_ref, case)
        self.assertTrue(
            self.env["hr.employee"]._telesales_annual_bonus_cancelled(self.tl_b1, 2025)
        )
        # a heavier level keeps its own, larger demotion
        self.apply(self.make_case(self.tl_b1, self.major_demerit, case_type="cover_up"))
        self.assertEqual(self.tl_b1.telesales_rank_id, self.s2)

    def test_inspection_and_complaint_on_the_same_call_add_up(self):
        inspection = self.inspect(failed=self.item_dnc)
        self.apply(
            self.make_case(
                self.agent_a1,
                self.public,
                source="inspection",
                inspection_id=inspection.id,
            )
        )
        complaint = self.apply(
            self.make_case(
                self.agent_a1,
                self.warning,
                source="complaint",
                call_id=inspection.call_id.id,
                complaint_ref="C-1",
            )
        )
        self.assertEqual(complaint.call_id, inspection.call_id)
        self.assertEqual(self.points(self.agent_a1), 60)
        # a month never loses more than its score
        self.apply(self.make_case(self.agent_a1, self.demerit))
        self.assertEqual(self.points(self.agent_a1), 100)

    def test_cancelled_case_stops_counting(self):
        case = self.apply(self.make_case(self.agent_a1, self.demerit))
        self.assertEqual(self.points(self.agent_a1), 60)
        case.with_user(self.hr_user).action_cancel("Wrong agent.")
        self.assertEqual(self.points(self.agent_a1), 0)
        self.assertNotIn(self.agent_a1.id, self.blocks(self.agent_a1))
        self.assertFalse(
            self.env["hr.employee"]._telesales_annual_bonus_cancelled(
                self.agent_a1, 2025
            )
        )
        self.assertEqual(case.coaching_ids.state, "cancelled")
        self.assertTrue(case.exists())

    def test_level_points_are_configurable_and_frozen(self):
        case = self.apply(self.make_case(self.agent_a1, self.public))
        self.public.points = 25
        self.assertEqual(case.points, 20, "a decided case keeps its points")
        self.assertEqual(self.make_case(self.agent_a1, self.public).points, 25)

    def test_decision_letter_pdf(self):
        case = self.approve(self.make_case(self.agent_a1, self.warning))
        report = self.env.ref(
            "telesales_quality.action_report_telesales_discipline_letter"
        )
        html = report._render_qweb_html(report.report_name, case.ids)[0].decode()
        self.assertIn("违规违纪处罚决定书", html)
        self.assertIn(case.name, html)
        self.assertIn(self.agent_a1.name, html)
        self.assertIn("Warning", html)
        pdf, fmt = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, case.ids
        )
        self.assertEqual(fmt, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        action = case.with_user(self.hr_user).action_print_letter()
        self.assertEqual(action["report_name"], report.report_name)
