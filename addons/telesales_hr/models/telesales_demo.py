# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, api, models

# (team name, unit index, ranks of its 8 agents)
_TEAMS = [
    ("Team Phoenix", 0, ["D2", "D1", "S3", "S3", "S2", "S1", "T0", "T0"]),
    ("Team Dragon", 0, ["D1", "S3", "S2", "S2", "S1", "S1", "T0", "T0"]),
    ("Team Tiger", 0, ["D2", "S3", "S2", "S1", "S1", "S1", "T0", "T0"]),
    ("Team Crane", 1, ["D1", "D1", "S3", "S2", "S2", "S1", "T0", "T0"]),
    ("Team Lotus", 1, ["S3", "S3", "S2", "S2", "S1", "S1", "S1", "T0"]),
]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
]


class TelesalesDemo(models.AbstractModel):
    """Builds the demo telesales centre; only called from demo data."""

    _name = "telesales.demo"
    _description = "Telesales Demo Data"

    @api.model
    def _telesales_demo_lang(self):
        """The language of the demo: Chinese when it is installed (tools/run.sh
        loads it before installing the modules), else English."""
        return "zh_CN" if self.env["res.lang"]._lang_get("zh_CN") else "en_US"

    @api.model
    def _telesales_demo_call(self, module, model, method):
        """Run the demo generator ``model.method()`` of ``module`` in the demo
        language, so that every text it writes (names, reasons, flags,
        activities, chatter) reads in that language.

        Odoo loads a module's translations after its demo data: they are
        loaded first here, so that the generator also finds the translated
        names of the module's data (ranks, levels, rules)."""
        lang = self._telesales_demo_lang()
        if lang != "en_US":
            self.env["ir.module.module"].search(
                [("name", "=", module)]
            )._update_translations([lang])
        return getattr(self.env[model].with_context(lang=lang), method)()

    @api.model
    def _telesales_demo_org(self):
        """A centre with 2 managers, 5 teams and 40 agents across all ranks,
        each with a rank history, a 09:00–18:00 schedule and some users
        (password = login) to try each role."""
        rng = random.Random(20260101)
        company = self.env.company
        company.currency_id = self.env.ref("base.CNY")
        ranks = {
            rank.code: rank for rank in self.env["telesales.rank"]._ladder(company)
        }
        for code, rate in zip(
            ["T0", "S1", "S2", "S3", "D1", "D2"],
            [0.02, 0.03, 0.035, 0.04, 0.045, 0.05],
            strict=True,
        ):
            ranks[code].commission_rate = rate
        ranks["D1"].management_allowance = 1500
        ranks["D2"].management_allowance = 2000
        calendar = self._telesales_demo_calendar()
        lang = self._telesales_demo_lang()
        Users = self.env["res.users"].with_context(no_reset_password=True)

        def user(login, name, group_xmlid):
            return Users.create(
                {
                    "name": name,
                    "login": login,
                    "password": login,
                    "lang": lang,
                    "tz": "Asia/Shanghai",
                    # SET, not LINK: a LINK would keep the default groups of
                    # new users (payroll manager, HR officer …); the user
                    # holds its role and what the role implies, nothing else
                    "groups_id": [Command.set(self.env.ref(group_xmlid).ids)],
                }
            )

        names = iter(f"{surname}{given}" for given in _GIVEN for surname in _SURNAMES)
        shuffled = list(names)
        rng.shuffle(shuffled)
        names = iter(shuffled)
        Employee = self.env["hr.employee"]
        Department = self.env["hr.department"]

        def employee(name, department=None, user_rec=None):
            return Employee.create(
                {
                    "name": name,
                    "department_id": department and department.id,
                    "user_id": user_rec and user_rec.id,
                    "resource_calendar_id": calendar.id,
                    "company_id": company.id,
                    "job_title": None,
                }
            )

        director = employee(
            next(names),
            user_rec=user(
                "director",
                "电销中心总监 Director",
                "telesales_hr.group_telesales_manager",
            ),
        )
        centre = Department.create(
            {"name": self.env._("Telesales Centre"), "manager_id": director.id}
        )
        director.department_id = centre
        user("hr", "人事专员 HR Officer", "telesales_hr.group_telesales_hr")
        user("auditor", "审计 Auditor", "telesales_hr.group_telesales_auditor")
        units = []
        for index in (1, 2):
            manager_user = user(
                f"manager{index}",
                f"项目经理 Manager {index}",
                "telesales_hr.group_telesales_manager",
            )
            manager = employee(next(names), centre, manager_user)
            units.append(
                Department.create(
                    {
                        "name": self.env._("Unit %(number)s", number=index),
                        "parent_id": centre.id,
                        "manager_id": manager.id,
                    }
                )
            )
        today = date.today()
        quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        team_names = {
            "Team Phoenix": self.env._("Team Phoenix"),
            "Team Dragon": self.env._("Team Dragon"),
            "Team Tiger": self.env._("Team Tiger"),
            "Team Crane": self.env._("Team Crane"),
            "Team Lotus": self.env._("Team Lotus"),
        }
        history = []
        agent_count = 0
        for team_index, (team_name, unit_index, codes) in enumerate(_TEAMS, start=1):
            tl_user = user(
                f"leader{team_index}",
                f"主管 Team Leader {team_index}",
                "telesales_hr.group_telesales_team_leader",
            )
            leader = employee(next(names), units[unit_index], tl_user)
            team = Department.create(
                {
                    "name": team_names[team_name],
                    "parent_id": units[unit_index].id,
                    "manager_id": leader.id,
                }
            )
            leader.department_id = team
            history.append(
                (leader, ranks["D1"], today - relativedelta(years=2), "initial")
            )
            for position, code in enumerate(codes):
                agent_count += 1
                agent_user = None
                if position == len(codes) - 1 or agent_count <= 3:
                    agent_user = user(
                        f"agent{agent_count}",
                        f"坐席 Agent {agent_count}",
                        "telesales_hr.group_telesales_agent",
                    )
                agent = employee(next(names), team, agent_user)
                months_ago = rng.randint(4, 30) if code != "T0" else rng.randint(1, 4)
                start = (today - relativedelta(months=months_ago)).replace(day=1)
                if code != "T0" and position == 3:
                    # this agent changed rank inside the current quarter (pro rata)
                    history.append((agent, ranks["T0"], start, "initial"))
                    start = quarter_start + relativedelta(months=1)
                history.append(
                    (
                        agent,
                        ranks[code],
                        start,
                        "initial" if code == "T0" or position != 3 else "manual",
                    )
                )
        self.env["telesales.rank.history"].create(
            [
                {
                    "employee_id": emp.id,
                    "rank_id": rank.id,
                    "date_start": start,
                    "origin": origin,
                    "reason": self.env._("Demo data"),
                }
                for emp, rank, start, origin in history
            ]
        )

    @api.model
    def _telesales_demo_calendar(self):
        """09:00–12:00 and 13:00–18:00, Monday to Friday, Beijing time."""
        attendances = []
        for day in range(5):
            attendances += [
                (
                    0,
                    0,
                    {
                        "name": self.env._("Morning"),
                        "dayofweek": str(day),
                        "hour_from": 9,
                        "hour_to": 12,
                        "day_period": "morning",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": self.env._("Lunch"),
                        "dayofweek": str(day),
                        "hour_from": 12,
                        "hour_to": 13,
                        "day_period": "lunch",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": self.env._("Afternoon"),
                        "dayofweek": str(day),
                        "hour_from": 13,
                        "hour_to": 18,
                        "day_period": "afternoon",
                    },
                ),
            ]
        return self.env["resource.calendar"].create(
            {
                "name": self.env._("Telesales 09:00-18:00"),
                "tz": "Asia/Shanghai",
                "company_id": self.env.company.id,
                "attendance_ids": attendances,
            }
        )
