# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A small telesales centre shared by the tests of the three modules.

centre (director)
├── unit A (manager_a)        ├── unit B (manager_b)
│   ├── team A1 (tl_a1): agent_a1, agent_a1b
│   └── team A2 (tl_a2): agent_a2
│                             └── team B1 (tl_b1): agent_b1

Every person has a user in the matching group, plus ``hr_user`` (telesales
HR officer) and ``auditor`` (read-only), so access is tested with real users.
"""

from datetime import date

from odoo.tests import TransactionCase, new_test_user


class TelesalesCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.currency_id = cls.env.ref("base.CNY")
        cls.Rank = cls.env["telesales.rank"]
        cls.History = cls.env["telesales.rank.history"]
        cls.ranks = cls.Rank._ladder(cls.company)
        cls.t0, cls.s1, cls.s2, cls.s3, cls.d1, cls.d2 = (
            cls.env.ref("telesales_hr.rank_t0"),
            cls.env.ref("telesales_hr.rank_s1"),
            cls.env.ref("telesales_hr.rank_s2"),
            cls.env.ref("telesales_hr.rank_s3"),
            cls.env.ref("telesales_hr.rank_d1"),
            cls.env.ref("telesales_hr.rank_d2"),
        )
        # the tests own the ladder: demo data may have added ranks
        (
            cls.ranks - (cls.t0 | cls.s1 | cls.s2 | cls.s3 | cls.d1 | cls.d2)
        ).active = False
        cls.ranks = cls.t0 | cls.s1 | cls.s2 | cls.s3 | cls.d1 | cls.d2

        def user(login, groups):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                name=login.replace("_", " ").title(),
                # the test database has Chinese installed; the tests and
                # the tours read the English source texts
                lang="en_US",
            )

        agent = "telesales_hr.group_telesales_agent"
        cls.hr_user = user("ts_hr", "telesales_hr.group_telesales_hr")
        cls.auditor = user("ts_auditor", "telesales_hr.group_telesales_auditor")
        users = {
            "director": user("ts_director", "telesales_hr.group_telesales_manager"),
            "manager_a": user("ts_manager_a", "telesales_hr.group_telesales_manager"),
            "manager_b": user("ts_manager_b", "telesales_hr.group_telesales_manager"),
            "tl_a1": user("ts_tl_a1", "telesales_hr.group_telesales_team_leader"),
            "tl_a2": user("ts_tl_a2", "telesales_hr.group_telesales_team_leader"),
            "tl_b1": user("ts_tl_b1", "telesales_hr.group_telesales_team_leader"),
            "agent_a1": user("ts_agent_a1", agent),
            "agent_a1b": user("ts_agent_a1b", agent),
            "agent_a2": user("ts_agent_a2", agent),
            "agent_b1": user("ts_agent_b1", agent),
        }
        for key, value in users.items():
            setattr(cls, f"{key}_user", value)
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]

        def employee(key, department=False):
            return Employee.create(
                {
                    "name": key.replace("_", " ").title(),
                    "user_id": users[key].id,
                    "department_id": department and department.id,
                    "company_id": cls.company.id,
                }
            )

        cls.director = employee("director")
        cls.centre = Department.create(
            {"name": "Test Centre", "manager_id": cls.director.id}
        )
        cls.director.department_id = cls.centre
        cls.manager_a = employee("manager_a", cls.centre)
        cls.manager_b = employee("manager_b", cls.centre)
        cls.unit_a = Department.create(
            {
                "name": "Unit A",
                "parent_id": cls.centre.id,
                "manager_id": cls.manager_a.id,
            }
        )
        cls.unit_b = Department.create(
            {
                "name": "Unit B",
                "parent_id": cls.centre.id,
                "manager_id": cls.manager_b.id,
            }
        )
        cls.tl_a1 = employee("tl_a1", cls.unit_a)
        cls.tl_a2 = employee("tl_a2", cls.unit_a)
        cls.tl_b1 = employee("tl_b1", cls.unit_b)
        cls.team_a1 = Department.create(
            {"name": "Team A1", "parent_id": cls.unit_a.id, "manager_id": cls.tl_a1.id}
        )
        cls.team_a2 = Department.create(
            {"name": "Team A2", "parent_id": cls.unit_a.id, "manager_id": cls.tl_a2.id}
        )
        cls.team_b1 = Department.create(
            {"name": "Team B1", "parent_id": cls.unit_b.id, "manager_id": cls.tl_b1.id}
        )
        (cls.tl_a1 | cls.tl_a2).department_id = False
        cls.tl_a1.department_id = cls.team_a1
        cls.tl_a2.department_id = cls.team_a2
        cls.tl_b1.department_id = cls.team_b1
        cls.agent_a1 = employee("agent_a1", cls.team_a1)
        cls.agent_a1b = employee("agent_a1b", cls.team_a1)
        cls.agent_a2 = employee("agent_a2", cls.team_a2)
        cls.agent_b1 = employee("agent_b1", cls.team_b1)
        cls.agents = cls.agent_a1 | cls.agent_a1b | cls.agent_a2 | cls.agent_b1
        start = date(2025, 1, 1)
        for agent_emp, rank in (
            (cls.agent_a1, cls.s1),
            (cls.agent_a1b, cls.t0),
            (cls.agent_a2, cls.s2),
            (cls.agent_b1, cls.s3),
            (cls.tl_a1, cls.d1),
            (cls.tl_a2, cls.d1),
            (cls.tl_b1, cls.d2),
        ):
            cls.set_rank(agent_emp, rank, start, origin="initial")

    @classmethod
    def set_rank(cls, employee, rank, date_start, origin="manual", reason=None):
        return cls.History.create(
            {
                "employee_id": employee.id,
                "rank_id": rank.id,
                "date_start": date_start,
                "origin": origin,
                "reason": reason,
            }
        )
