#!/usr/bin/env python3
"""Merge each module's .pot into its i18n/zh_CN.po and report missing terms.

Keeps the translations already made, adds new terms with an empty msgstr and
drops terms no longer in the .pot. Prints the untranslated terms; exits 1 when
there are some (with --check, without writing anything).
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["telesales_hr", "telesales_quality", "telesales_payroll", "l10n_cn_payroll"]


def merge(module, check):
    i18n = ROOT / "addons" / module / "i18n"
    pot = polib.pofile(str(i18n / f"{module}.pot"))
    po_path = i18n / "zh_CN.po"
    old = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    known = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    by_id = {e.msgid: e for e in old if not e.obsolete and e.msgstr}
    new = polib.POFile(wrapwidth=78)
    new.metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
        "Language": "zh_CN",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    missing = []
    for entry in pot:
        previous = known.get((entry.msgctxt, entry.msgid)) or by_id.get(entry.msgid)
        msgstr = previous.msgstr if previous else ""
        new.append(
            polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgstr=msgstr,
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=entry.flags,
            )
        )
        if not msgstr:
            missing.append(entry.msgid)
    if not check:
        new.save(str(po_path))
    return missing


def main(argv):
    check = "--check" in argv
    total = 0
    for module in MODULES:
        if not (ROOT / "addons" / module / "i18n" / f"{module}.pot").exists():
            continue
        missing = merge(module, check)
        total += len(missing)
        print(f"{module}: {len(missing)} untranslated term(s)")
        for msgid in missing:
            print("   ", msgid.replace("\n", "\\n")[:120])
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
