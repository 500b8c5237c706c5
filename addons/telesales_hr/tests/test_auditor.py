# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The auditor (group_telesales_auditor) reads every telesales menu and runs
every export, with a real user, and can change nothing."""

from datetime import date

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .reports_common import TelesalesReportCase

# Menus deliberately closed to auditors: the settings (administrators), the
# on-demand computations and imports (they write), and the HR employee list (the
# auditor reads agents through hr.employee.public: menu_telesales_agents_public).
HIDDEN_FROM_AUDITORS = {
    "telesales_hr.menu_telesales_settings",
    "telesales_hr.menu_telesales_team_kpi_compute",
    "telesales_hr.menu_telesales_agents",
    # wizards that write: computing compliance, importing calls, drawing a
    # QA sample; and the inspectors' own work list
    "telesales_hr.menu_telesales_compliance_compute",
    "telesales_hr.menu_telesales_call_import",
    "telesales_quality.menu_telesales_qa_sampling",
    "telesales_quality.menu_telesales_qa_inspection_mine",
}


@tagged("post_install", "-at_install")
class TestAuditor(TelesalesReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reviews = cls.Review.with_user(cls.hr_user).create(
            [{"year": 2025, "quarter": q} for q in (1, 2)]
        )
        reviews.action_compute()
        hire = cls.env["hr.employee"].create(
            {"name": "Audited Hire", "department_id": cls.team_a1.id}
        )
        cls.env["telesales.referral"].sudo().create(
            {
                "referrer_id": cls.agent_a1.id,
                "employee_id": hire.id,
                "date_start": date(2025, 4, 1),
            }
        )
        cls.env["telesales.team.kpi"]._compute_team_kpis(date(2025, 4, 1))
        cls.root = cls.env.ref("telesales_hr.menu_telesales_root")

    def telesales_menus(self):
        return (
            self.env["ir.ui.menu"]
            .with_context(**{"ir.ui.menu.full_list": True})
            .search([("id", "child_of", self.root.id)])
        )

    def test_auditor_is_only_an_auditor(self):
        auditor = self.auditor
        self.assertTrue(auditor.has_group("telesales_hr.group_telesales_auditor"))
        for group in (
            "telesales_hr.group_telesales_agent",
            "telesales_hr.group_telesales_hr",
            "hr.group_hr_user",
            "base.group_system",
        ):
            self.assertFalse(auditor.has_group(group), group)

    def test_auditor_sees_every_telesales_menu(self):
        visible = self.env["ir.ui.menu"].with_user(self.auditor)._visible_menu_ids()
        menus = self.telesales_menus()
        hidden = {self.env.ref(xmlid).id for xmlid in HIDDEN_FROM_AUDITORS}
        # a folder without any menu the auditor may open stays hidden
        openable = menus.filtered(lambda m: m.action and m.id not in hidden)
        expected = set()
        for menu in openable:
            while menu:
                expected.add(menu.id)
                menu = menu.parent_id
        self.assertTrue(expected <= set(visible), menus.browse(expected - set(visible)))
        self.assertFalse(hidden & set(visible))
        for xmlid in (
            "menu_telesales_root",
            "menu_telesales_sales",
            "menu_telesales_reviews",
            "menu_telesales_recruiting",
            "menu_telesales_reporting",
            "menu_telesales_config",
            "menu_telesales_dashboard",
            "menu_telesales_team_leaderboard",
            "menu_telesales_report_export",
            "menu_telesales_agents_public",
            "menu_telesales_rank",
        ):
            self.assertIn(self.env.ref(f"telesales_hr.{xmlid}").id, visible, xmlid)

    def test_auditor_opens_every_menu_action(self):
        """What the web client does for each menu: load the action, its
        views, and the records of its list / kanban / pivot / graph."""
        visible = self.env["ir.ui.menu"].with_user(self.auditor)._visible_menu_ids()
        menus = self.telesales_menus().filtered(lambda m: m.id in visible and m.action)
        self.assertGreaterEqual(len(menus), 12)
        eval_context = {"uid": self.auditor.id, "context_today": date.today}
        for menu in menus:
            # /web/action/load reads the action as superuser
            action = menu.action.sudo().read()[0]
            self.assertEqual(action["type"], "ir.actions.act_window", menu.name)
            context = safe_eval(action.get("context") or "{}", eval_context)
            domain = safe_eval(action.get("domain") or "[]", eval_context)
            Model = self.env[action["res_model"]].with_user(self.auditor)
            Model = Model.with_context(**context)
            modes = action["view_mode"].split(",")
            result = Model.get_views([(False, mode) for mode in [*modes, "search"]])
            self.assertEqual(set(result["views"]), {*modes, "search"}, menu.name)
            if action["target"] == "new":
                # a wizard: the auditor opens it (see the export test)
                Model.default_get(list(Model._fields))
                continue
            fields = result["models"][Model._name]["fields"]
            for mode in modes:
                arch = etree.fromstring(result["views"][mode]["arch"])
                if mode in ("list", "kanban"):
                    names = {node.get("name") for node in arch.iter("field")}
                    spec = {name: {} for name in names if name in fields}
                    Model.web_search_read(domain, spec, limit=80)
                elif mode in ("pivot", "graph"):
                    measures = [
                        f"{node.get('name')}:sum"
                        for node in arch.iter("field")
                        if node.get("type") == "measure"
                        and fields[node.get("name")]["type"]
                        in ("integer", "float", "monetary")
                    ]
                    groupby = [
                        node.get("name")
                        for node in arch.iter("field")
                        if node.get("type") in ("row", None)
                        and node.get("type") != "measure"
                    ][:1]
                    Model.read_group(domain, measures or ["__count"], groupby)
                elif mode == "form":
                    record = Model.search(domain, limit=1)
                    if record:
                        record.web_read({name: {} for name in fields})

    def test_auditor_opens_the_agents_of_a_rank(self):
        """The ladder's "Agents" button works without HR rights: public
        employees (the rank is public inside the centre)."""
        rank = self.s1.with_user(self.auditor)
        self.assertGreaterEqual(rank.employee_count, 1)
        action = rank.action_view_employees()
        self.assertEqual(action["res_model"], "hr.employee.public")
        Public = self.env["hr.employee.public"].with_user(self.auditor)
        records = Public.web_search_read(
            action["domain"], {"name": {}, "telesales_rank_id": {}}
        )["records"]
        self.assertIn(self.agent_a1.id, [record["id"] for record in records])
        # HR keeps the full employee list
        action = self.s1.with_user(self.hr_user).action_view_employees()
        self.assertEqual(action["res_model"], "hr.employee")

    def test_auditor_runs_every_export(self):
        reports = self.env["ir.actions.report"].search(
            [("report_type", "=", "xlsx"), ("model", "like", "telesales.%")]
        )
        self.assertGreaterEqual(len(reports), 4)
        for report in reports:
            records = self.env[report.model].with_user(self.auditor).search([])
            self.assertTrue(records, report.name)
            book = self.render(
                report.report_name, docids=records.ids, user=self.auditor
            )
            self.assertTrue(book.sheetnames, report.name)
            rows = self.rows(book[book.sheetnames[0]])
            self.assertTrue(any(row[0] == "Total" for row in rows), report.name)
        # and through the export wizard, every report of the selection
        Wizard = self.env["telesales.report.export"].with_user(self.auditor)
        keys = [key for key, __ in Wizard._fields["report_key"].selection]
        self.assertEqual(set(keys), set(Wizard._export_definitions()))
        for key in keys:
            wizard = Wizard.create(
                {
                    "report_key": key,
                    "date_from": date(2025, 1, 1),
                    "date_to": date(2025, 12, 31),
                }
            )
            action = wizard.action_export()
            book = self.render(
                action["report_name"], data=action["data"], user=self.auditor
            )
            self.assertTrue(book.sheetnames, key)
        # the auditor's premium ledger holds the whole centre
        book = self.render(
            "telesales_hr.premium_xlsx",
            data={"domain": [("employee_id", "in", self.agents.ids)]},
            user=self.auditor,
        )
        __, rows, total, __ = self.table(book.active)
        self.assertEqual(len(rows), len(self.lines))
        self.assertEqual(total[5], sum(self.lines.mapped("amount")))

    def test_auditor_writes_nothing(self):
        models = self.env["ir.model"].search([("model", "like", "telesales.%")])
        checked = []
        for model in models.mapped("model"):
            Model = self.env[model]
            if Model._abstract or Model._transient:
                continue
            Model = Model.with_user(self.auditor)
            Model.check_access("read")
            with self.assertRaises(AccessError, msg=f"create {model}"):
                Model.create({})
            # a record the auditor reads, else the model in general
            record = Model.search([], limit=1)
            with self.assertRaises(AccessError, msg=f"write {model}"):
                record.write({}) if record else record.check_access("write")
            with self.assertRaises(AccessError, msg=f"unlink {model}"):
                record.unlink() if record else record.check_access("unlink")
            checked.append((model, bool(record)))
        for model in (
            "telesales.premium",
            "telesales.rank.history",
            "telesales.rank.review",
            "telesales.rank.review.line",
            "telesales.referral",
            "telesales.referral.milestone",
            "telesales.team.kpi",
            "telesales.target",
            "telesales.premium.month",
            "telesales.team.leaderboard",
            "telesales.agent.month",
        ):
            self.assertIn((model, True), checked)
