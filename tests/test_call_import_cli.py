"""``odoo-bin telesales_import_calls FILE``, as the README documents it, run
as a real process. It commits, so it runs against the throw-away database of
the concurrency tests ($TELESALES_CONCURRENCY_DB), never the test database."""

import subprocess
import sys
import uuid
from pathlib import Path

from ts_concurrency import database

import odoo

ODOO_BIN = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
HEADER = (
    "call_id,agent,callee_number,start,direction,connected,ring_seconds,"
    "talk_seconds,wait_seconds,pause_seconds,wrapup_seconds,duration_seconds,"
    "recording,disposition,lead"
)


def _import(*args):
    command = [
        sys.executable,
        str(ODOO_BIN),
        f"--addons-path={odoo.tools.config['addons_path']}",
        "telesales_import_calls",
        "-c",
        odoo.tools.config.rcfile,
        "--log-level=warn",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def _psql(db, query):
    return subprocess.run(
        ["psql", "-d", db, "-Atc", query], capture_output=True, text=True, check=True
    ).stdout.strip()


def _login(db):
    return _psql(
        db,
        "SELECT telesales_dialer_login FROM hr_employee "
        "WHERE telesales_dialer_login IS NOT NULL AND company_id = 1 "
        "ORDER BY id LIMIT 1",
    )


def _count(db, prefix):
    return int(
        _psql(
            db,
            f"SELECT count(*) FROM telesales_call WHERE external_id LIKE '{prefix}%'",
        )
    )


def _row(call_id, login, start, connected="1", talk="60"):
    number = "13800138000"
    seconds = f"0,{talk},0,0,0,60"
    return f"{call_id},{login},{number},{start},outbound,{connected},{seconds},,,\n"


def test_import_command(tmp_path):
    db = database()
    login = _login(db)
    prefix = f"cli-{uuid.uuid4().hex[:12]}-"
    good = tmp_path / "good.csv"
    good.write_text(
        f"{HEADER}\n"
        + _row(f"{prefix}1", login, "2025-03-03 10:00:00")
        + _row(f"{prefix}2", login, "2025-03-03 10:05:00", connected="0", talk="0"),
        encoding="utf-8",
    )
    mapping = ("--mapping", "telesales_hr.call_mapping_generic")
    result = _import("-d", db, *mapping, str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 rows, 2 created" in result.stdout
    assert _count(db, prefix) == 2
    # again: nothing twice
    result = _import("-d", db, *mapping, str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 created, 2 already imported" in result.stdout
    # a bad row: refused, named, nothing written
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"{HEADER}\n"
        + _row(f"{prefix}3", login, "2025-03-03 11:00:00")
        + _row(f"{prefix}4", "ghost", "9999-12-31 23:59:59"),
        encoding="utf-8",
    )
    result = _import("-d", db, *mapping, str(bad))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "REFUSED" in result.stdout and "row 3" in result.stdout
    assert "ghost" in result.stdout
    assert _count(db, prefix) == 2
    # clear messages, non-zero status
    result = _import("-d", db, *mapping, str(tmp_path / "missing.csv"))
    assert result.returncode != 0
    assert "no such file" in result.stderr
    result = _import("-d", db, *mapping)
    assert result.returncode != 0
    assert "usage" in result.stderr
    result = _import("-d", db, "--mapping", "no such mapping", str(good))
    assert result.returncode == 1
    assert "No call import mapping is named no such mapping" in result.stdout
