"""Every user-facing string of the three modules has its zh_CN translation.

The terms are read from the installed modules exactly as Odoo's export does
(fields, selections, views, menus, data, Python and JS strings) and looked up
in each module's i18n/zh_CN.po; a term missing or left empty fails the test,
and so does a .pot that lags behind the code.
"""

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ADDONS = Path(__file__).resolve().parent.parent / "addons"
MODULES = ["telesales_hr", "telesales_quality", "telesales_payroll"]


@tagged("post_install", "-at_install")
class TestZhCnTranslations(TransactionCase):
    def _terms(self, module):
        reader = TranslationModuleReader(self.env.cr, modules=[module])
        return {
            source
            for _m, _t, _n, _r, source, _v, _c in reader
            if source and source.strip()
        }

    def _check(self, module):
        terms = self._terms(module)
        self.assertTrue(terms, f"{module} exports no term at all")
        i18n = ADDONS / module / "i18n"
        pot = {entry.msgid for entry in polib.pofile(str(i18n / f"{module}.pot"))}
        po = {
            entry.msgid: entry.msgstr for entry in polib.pofile(str(i18n / "zh_CN.po"))
        }
        not_in_pot = sorted(terms - pot)
        untranslated = sorted(term for term in terms if not po.get(term))
        self.assertFalse(
            not_in_pot,
            f"{module}.pot is out of date (run tools/i18n.sh); "
            f"missing: {not_in_pot[:20]}",
        )
        self.assertFalse(
            untranslated,
            f"{len(untranslated)} term(s) of {module} lack a zh_CN translation: "
            f"{untranslated[:20]}",
        )

    def test_telesales_hr(self):
        self._check("telesales_hr")

    def test_telesales_quality(self):
        self._check("telesales_quality")

    def test_telesales_payroll(self):
        self._check("telesales_payroll")
