# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Translations of OCA payroll's own terms that its i18n leaves empty.

Odoo loads a module's ``i18n/<lang>.po`` for that module's terms only, so
the missing zh_CN terms of ``payroll`` are shipped here, in
``i18n_extra/payroll_<lang>.po`` (msgids and xmlids of module payroll):

- model terms (fields, views, menus, actions, data) are imported into the
  database with Odoo's own importer each time payroll's or this module's
  translations are loaded (install, upgrade, language install, "Update
  Terms"); a translation already present (OCA's, or edited) is kept unless
  the load overwrites;
- Python strings of payroll (``_()`` in its code) are looked up at run time
  from payroll's own po files only: they are merged into Odoo's code
  translation table for module payroll when the registry loads.
"""

import logging

from odoo import models
from odoo.tools.misc import file_path
from odoo.tools.translate import (
    PYTHON_TRANSLATION_COMMENT,
    TranslationFileReader,
    TranslationImporter,
    code_translations,
)

_logger = logging.getLogger(__name__)

#: module whose terms are completed -> po file pattern (by language code)
EXTRA_TRANSLATIONS = {
    "payroll": "telesales_payroll/i18n_extra/payroll_{lang}.po",
}


def _extra_po_paths(module, lang):
    """The extra po files of ``module`` for ``lang`` (base language first,
    as Odoo does), those that exist."""
    pattern = EXTRA_TRANSLATIONS.get(module)
    if not pattern:
        return []
    paths = []
    for code in dict.fromkeys([lang.split("_")[0], lang]):
        try:
            paths.append(file_path(pattern.format(lang=code)))
        except FileNotFoundError:
            continue
    return paths


def merge_code_translations(module, lang):
    """Add the Python strings of the extra files to Odoo's code translation
    table of ``module`` (its own translations win)."""
    extra = {}
    for path in _extra_po_paths(module, lang):
        with open(path, "rb") as fileobj:
            for row in TranslationFileReader(fileobj, fileformat="po"):
                if (
                    row.get("type") == "code"
                    and row.get("src")
                    and row.get("value")
                    and PYTHON_TRANSLATION_COMMENT in row.get("comments", ())
                ):
                    extra[row["src"]] = row["value"]
    if not extra:
        return
    own = code_translations.get_python_translations(module, lang)
    merged = {**extra, **{src: value for src, value in own.items() if value}}
    code_translations.python_translations[(module, lang)] = type(own)(merged)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        res = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        if {"telesales_payroll", *EXTRA_TRANSLATIONS} & set(modules):
            self._telesales_load_extra_terms(langs, overwrite=overwrite)
        return res

    def _telesales_load_extra_terms(self, langs, overwrite=False):
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for module in EXTRA_TRANSLATIONS:
            for lang in langs:
                if lang == "en_US":
                    continue
                for path in _extra_po_paths(module, lang):
                    _logger.info(
                        "module %s: loading extra translation file %s for %s",
                        module,
                        path,
                        lang,
                    )
                    importer.load_file(path, lang)
                    loaded = True
                merge_code_translations(module, lang)
        if loaded:
            importer.save(overwrite=overwrite)
        # payslip lines carry their rule's name: give them its new translations
        self.env["hr.payslip.line"]._telesales_copy_rule_translations()

    def _register_hook(self):
        res = super()._register_hook()
        for code, _name in self.env["res.lang"].get_installed():
            if code != "en_US":
                for module in EXTRA_TRANSLATIONS:
                    merge_code_translations(module, code)
        return res
