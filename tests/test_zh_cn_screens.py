"""Every screen of every telesales role reads in Chinese for a zh_CN user.

Chinese is installed, each role gets a new user in zh_CN, and for each menu
the user sees (the telesales app, OCA payroll's app, and the employee and
contract screens of HR) the test opens what the web client would: the menu
names, the action's title and help, the list, form, kanban, search… views
with the fields they show (labels, tooltips, selection values), and the
names of the records the modules ship (ranks, levels, salary rules…).
Every English word found is reported with the role, model and view it was
found in; only the proper names and technical tokens of ALLOWED pass.
"""

import re
from collections import defaultdict

from lxml import etree, html

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.translate import TRANSLATED_ATTRS

MODULES = [
    "telesales_hr",
    "telesales_quality",
    "telesales_payroll",
    "l10n_cn_payroll",
    "payroll",
]

ROLES = {
    "agent": "telesales_hr.group_telesales_agent",
    "team_leader": "telesales_hr.group_telesales_team_leader",
    "manager": "telesales_hr.group_telesales_manager",
    "hr": "telesales_hr.group_telesales_hr",
    "auditor": "telesales_hr.group_telesales_auditor",
    "qa_inspector": "telesales_quality.group_qa_inspector",
    "committee": "telesales_quality.group_quality_committee",
}

#: menus whose screens are checked (with all their sub-menus)
ROOT_MENUS = ["telesales_hr.menu_telesales_root", "payroll.payroll_menu_root"]

#: screens reached from other apps: (role, model, view types)
EXTRA_SCREENS = [
    ("hr", "hr.employee", ["form", "list", "search"]),
    ("hr", "hr.contract", ["form", "list", "search"]),
]

#: proper names and technical tokens a Chinese screen may show (exact case)
ALLOWED = {
    # products and standards
    "Odoo",
    "OCA",
    "VICIdial",
    "Excel",
    "Python",
    "Font",
    "Awesome",
    # abbreviations that Chinese HR offices write in Latin letters
    "API",
    "CSV",
    "CNY",
    "KPI",
    "PDF",
    "QA",
    "TL",
    "XLSX",
    "XLS",
    "URL",
    "ID",
    "IP",
    "SMS",
    "CRM",
    "DNC",
    "HR",
    "PBX",
    "SIP",
    "UTC",
    "GMT",
    "CTI",
    "JSON",
    "ZIP",
    "SALE",
    "CALLBK",
    "ISO",
    "POS",
    "PIN",
    "SSN",
    "SIN",
    "Unix",
    "UTF",
    "GBK",
}

#: proper names of several words (removed before looking for words)
ALLOWED_PHRASES = [
    "John Doe",
    "Marc Demo",
    "Font Awesome",
    "Chinese (Simplified)",
    "English (US)",
]

#: hover tooltips (title attributes) of Odoo's own hr views that Odoo's zh_CN
#: translation keeps in English inside an otherwise translated term; only
#: these exact texts, only as a title attribute
ODOO_TOOLTIPS = {"Email", "In Contract Since"}

#: selection fields the web client draws as an icon or a colour, never as text
ICON_FIELDS = {"activity_exception_decoration"}

#: selections longer than this list proper names (time zones, countries)
LONG_SELECTION = 60

#: removed before looking for words: placeholders, code and technical names
TECHNICAL = re.compile(
    r"%\([a-z_]+\)[sd]"  # %(name)s
    r"|%[sd]"
    r"|\{\{.*?\}\}"  # {{ object.name }}
    r"|\b[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_0-9]+)+\b"  # hr.contract, worked_days.X
    r"|\b[a-z]+_[a-z_0-9]+\b"  # result_qty, rule_code
    r"|\bfa-[a-z-]+\b"  # fa-tasks
    r"|https?://\S+|\S+@\S+"
    r"|“[\x20-\x7e]*”|‘[\x20-\x7e]*’|'[\x20-\x7e]*'|\"[\x20-\x7e]*\""  # “result”
)
WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u4e00-\u9fff]")

#: elements whose text is code, not prose
CODE_TAGS = {"code", "pre", "script", "style"}


def english_words(text):
    if not text or not isinstance(text, str):
        return []
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " ")
    text = TECHNICAL.sub(" ", text)
    words = [word for word in WORD.findall(text) if word not in ALLOWED]
    if CJK.search(text):
        # in a Chinese sentence, lower-case Latin words are code and values
        # quoted from a file or a dialer (result, epoch, true/false)
        words = [word for word in words if not word.islower()]
    return words


def _literally_invisible(node):
    return any(
        node.get(attr, "").strip() in ("1", "True")
        for attr in ("invisible", "column_invisible")
    )


def arch_texts(arch):
    """(where, text) of what an arch shows: translated attributes and text."""
    root = etree.fromstring(arch)
    for node in root.iter():
        if node is root:
            # the view's own title: not shown by the web client
            continue
        if not isinstance(node.tag, str) or _literally_invisible(node):
            continue
        if (
            any(ancestor.tag in CODE_TAGS for ancestor in node.iterancestors())
            or node.tag in CODE_TAGS
        ):
            if node.tail and node.tag in CODE_TAGS:
                yield node.getparent().tag, node.tail
            continue
        for attr, value in node.attrib.items():
            condition = TRANSLATED_ATTRS.get(attr)
            if condition and condition(node) and not attr.startswith("t-attf"):
                yield f"<{node.tag} {attr}>", value
        if node.text and node.text.strip():
            yield f"<{node.tag}> text", node.text
        if node.tail and node.tail.strip():
            yield f"<{node.getparent().tag}> text", node.tail


def html_text(value):
    if not value or not isinstance(value, str) or not value.strip():
        return ""
    try:
        fragment = html.fromstring(value)
    except (etree.ParserError, ValueError):
        return value
    for code in list(fragment.iter(*CODE_TAGS)):
        if code.getparent() is not None:
            code.drop_tree()
    return fragment.text_content()


@tagged("post_install", "-at_install")
class TestZhCnScreens(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        # every installed module: the screens also show the terms of hr, mail…
        cls.env["ir.module.module"].search(
            [("state", "=", "installed")]
        )._update_translations(["zh_CN"])
        cls.users = {
            role: new_test_user(
                cls.env,
                login=f"zh_screens_{role}",
                groups=group,
                lang="zh_CN",
                tz="Asia/Shanghai",
            )
            for role, group in ROLES.items()
        }

    def setUp(self):
        super().setUp()
        # {English text: {where it was found}}
        self.found = defaultdict(set)

    def _check(self, where, text):
        if (text or "").strip() in ODOO_TOOLTIPS and "title>" in where:
            return
        if english_words(text):
            self.found[text.strip()].add(where)

    # ------------------------------------------------------------------
    # what a role sees
    # ------------------------------------------------------------------
    def _visible_menus(self, user):
        Menu = self.env["ir.ui.menu"].with_user(user)
        visible = Menu.browse(Menu._visible_menu_ids())
        roots = self.env["ir.ui.menu"]
        for xmlid in ROOT_MENUS:
            roots |= self.env.ref(xmlid, raise_if_not_found=False) or roots
        return (
            visible.filtered(
                lambda menu: any(
                    menu.parent_path.startswith(root.parent_path) for root in roots
                )
            )
            .with_user(user)
            .with_context(lang="zh_CN")
        )

    def _check_views(self, role, user, model, view_types, action=None):
        Model = self.env[model].with_user(user).with_context(lang="zh_CN")
        wanted = list(dict.fromkeys([*view_types, "search"]))
        if action:
            by_type = {vtype: vid for vid, vtype in action.views}
            views = [(by_type.get(vtype) or False, vtype) for vtype in wanted]
            if action.search_view_id:
                views = [
                    (action.search_view_id.id, vtype)
                    if vtype == "search"
                    else (vid, vtype)
                    for vid, vtype in views
                ]
        else:
            views = [(False, vtype) for vtype in wanted]
        views = [(vid, vtype) for vid, vtype in views if vtype not in ("qweb",)]
        try:
            result = Model.get_views(views, {"toolbar": True})
        except Exception as error:  # noqa: BLE001 - report, do not hide other screens
            self.found[f"(cannot open: {error})"].add(f"{role} {model}")
            return
        for vtype, view in result["views"].items():
            where = f"{role} · {model} {vtype} view #{view['id']}"
            for node, text in arch_texts(view["arch"]):
                self._check(f"{where} {node}", text)
            for kind, actions in (view.get("toolbar") or {}).items():
                for act in actions:
                    self._check(f"{where} toolbar {kind}", act.get("name"))
        for model_name, description in result["models"].items():
            for fname, field in description["fields"].items():
                where = f"{role} · {model_name}.{fname}"
                self._check(f"{where} label", field.get("string"))
                self._check(f"{where} tooltip", field.get("help"))
                selection = field.get("selection") or []
                if (
                    len(selection) > LONG_SELECTION
                    or fname == "lang"
                    or fname in ICON_FIELDS
                ):
                    continue
                for value, label in selection:
                    if str(value).lower() != str(label).lower():
                        self._check(f"{where} selection", label)

    def _check_role(self, role):
        user = self.users[role]
        for menu in self._visible_menus(user):
            self._check(f"{role} · menu {menu.complete_name}", menu.name)
            action = menu.action
            if not action or action._name != "ir.actions.act_window":
                continue
            action = action.with_user(user).with_context(lang="zh_CN").sudo()
            where = f"{role} · action {action.xml_id or action.id} ({action.res_model})"
            self._check(f"{where} title", action.name)
            self._check(f"{where} help", html_text(action.help))
            modes = [mode.strip() for mode in action.view_mode.split(",")]
            self._check_views(role, user, action.res_model, modes, action=action)
        for extra_role, model, modes in EXTRA_SCREENS:
            if extra_role == role:
                self._check_views(role, user, model, modes)

    def _check_shipped_records(self):
        """Names of the records the modules ship (xmlid in MODULES)."""
        data = self.env["ir.model.data"].search(
            [("module", "in", MODULES), ("model", "not like", "ir.%")]
        )
        skip = {
            "res.groups",
            "res.users",
            "res.partner",
            "mail.template",
            "decimal.precision",
            # queue_job's technical records (model.method), for administrators
            "queue.job.function",
            "queue.job.channel",
        }
        for imd in data:
            if imd.model in skip or imd.model not in self.env:
                continue
            Model = self.env[imd.model].with_context(lang="zh_CN")
            name_field = Model._fields.get(Model._rec_name or "name")
            if imd.module == "payroll" and not (name_field and name_field.translate):
                continue  # OCA's demo people and contracts: names, not terms
            record = Model.browse(imd.res_id).exists()
            if record:
                self._check(
                    f"record {imd.module}.{imd.name} ({imd.model})",
                    record.display_name,
                )

    def _report(self):
        lines = [
            f"{text!r}\n        in {'; '.join(sorted(wheres)[:6])}"
            + (f" (+{len(wheres) - 6} more)" if len(wheres) > 6 else "")
            for text, wheres in sorted(self.found.items())
        ]
        return f"{len(lines)} English text(s) on zh_CN screens:\n  " + "\n  ".join(
            lines
        )

    def test_english_words_are_found(self):
        """The scanner itself: English found, Chinese and allowed tokens not."""
        self.assertEqual(
            english_words("重新计算 Refetch Payslip Data"),
            ["Refetch", "Payslip", "Data"],
        )
        self.assertEqual(english_words("KPI 得分 80 · XLSX · [S1] 专员一级"), [])
        self.assertEqual(english_words("%(name)s 的 hr.contract 工资单 result_qty"), [])
        self.assertEqual(
            english_words("Salary Slip of 黄磊 for 2026年11月"), ["Salary", "Slip"]
        )
        self.assertEqual(english_words("条件，例如 basic > 1000"), [])
        arch = (
            '<form><button string="Compute Sheet"/>'
            '<field name="x" invisible="1" string="Hidden"/>'
            "<p>说明<code>result = 1</code></p></form>"
        )
        self.assertEqual(
            [text for _w, text in arch_texts(arch)], ["Compute Sheet", "说明"]
        )

    def test_screens_of_each_role_read_in_chinese(self):
        for role in ROLES:
            self._check_role(role)
        self._check_shipped_records()
        if self.found:
            self.fail(self._report())
