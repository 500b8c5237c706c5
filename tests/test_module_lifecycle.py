"""The three modules install without demo data, upgrade and uninstall cleanly.

Runs real ``odoo-bin`` processes against a database of its own, next to the
test database that the other tests use (which has the demo data).
"""

import subprocess
import sys
from pathlib import Path

import pytest

import odoo

MODULES = ["telesales_hr", "telesales_quality", "telesales_payroll"]
ODOO_BIN = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"


def _odoo(db, *args, stdin=None):
    command = [
        sys.executable,
        str(ODOO_BIN),
        *(["shell"] if stdin else []),
        "-c",
        odoo.tools.config.rcfile,
        "-d",
        db,
        f"--db-filter=^{db}$",
        "--log-level=warn",
        "--no-http",
        *args,
    ]
    if not stdin:
        command.append("--stop-after-init")
    result = subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=900
    )
    errors = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")
    ]
    assert result.returncode == 0 and not errors, (
        f"odoo-bin {' '.join(args)} failed ({result.returncode}):\n"
        + "\n".join(errors or (result.stdout + result.stderr).splitlines()[-30:])
    )
    return result.stdout


def _states(db):
    out = subprocess.run(
        [
            "psql",
            "-d",
            db,
            "-Atc",
            "SELECT name, state FROM ir_module_module "
            "WHERE name LIKE 'telesales%' ORDER BY name",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.split("|") for line in out.split())


@pytest.fixture(scope="module")
def lifecycle_db():
    db = odoo.tools.config["db_name"] + "_lifecycle"
    subprocess.run(["dropdb", "--if-exists", db], check=True)
    yield db
    subprocess.run(["dropdb", "--if-exists", db], check=True)


def test_install_upgrade_uninstall_without_demo(lifecycle_db):
    db = lifecycle_db
    _odoo(db, "-i", ",".join(MODULES), "--without-demo=all")
    assert _states(db) == dict.fromkeys(MODULES, "installed")
    demo = subprocess.run(
        ["psql", "-d", db, "-Atc", "SELECT count(*) FROM ir_module_module WHERE demo"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert demo == "0", "demo data was loaded although --without-demo=all"

    _odoo(db, "-u", ",".join(MODULES))
    assert _states(db) == dict.fromkeys(MODULES, "installed")

    _odoo(
        db,
        stdin=(
            "env['ir.module.module'].search([('name', '=', 'telesales_hr')])"
            ".button_immediate_uninstall()\n"
        ),
    )
    assert _states(db) == dict.fromkeys(MODULES, "uninstalled")
    leftovers = subprocess.run(
        [
            "psql",
            "-d",
            db,
            "-Atc",
            "SELECT count(*) FROM ir_model WHERE model LIKE 'telesales.%'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert leftovers == "0", f"{leftovers} telesales models left after uninstall"
