#!/usr/bin/env bash
# Set-up shared by tools/run.sh and tools/test.sh.
#
# Finds Odoo 18.0's source, builds a virtualenv with Odoo's requirements and the
# project's pins, installs the system packages the tests need (Chromium for tours,
# wkhtmltopdf and CJK fonts for PDF letters), checks PostgreSQL and writes the Odoo
# configuration used by both commands. Re-running it is fast: every step first
# checks whether it is already done.
#
# Environment (all optional):
#   ODOO_SRC   Odoo 18.0 source tree             default /opt/odoo/18.0, else a clone
#   VENV       virtualenv directory              default <project>/.venv
#   PYTHON     interpreter for the virtualenv    default python3 (3.10 to 3.12)
#   PGHOST, PGPORT, PGUSER, PGPASSWORD           PostgreSQL connection (libpq defaults)
#   TELESALES_SKIP_SYSTEM_PACKAGES=1             never call apt-get
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_DEFAULT_SRC=/opt/odoo/18.0
ODOO_GIT_URL=https://github.com/odoo/odoo.git
VENV=${VENV:-$PROJECT_DIR/.venv}
PYTHON=${PYTHON:-python3}
STATE_DIR=$PROJECT_DIR/.odoo
ODOO_CONF=$STATE_DIR/odoo.conf

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() {
    printf '\033[1;31m[setup] ERROR:\033[0m %s\n' "$*" >&2
    exit 1
}

is_odoo18() { [ -f "$1/odoo-bin" ] && grep -q "version_info = (18, 0" "$1/odoo/release.py" 2>/dev/null; }

# 1. Odoo's source --------------------------------------------------------------
find_odoo() {
    if [ -n "${ODOO_SRC:-}" ]; then
        is_odoo18 "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not an Odoo 18.0 source tree (no odoo-bin or odoo/release.py says another version)."
        return
    fi
    if is_odoo18 "$ODOO_DEFAULT_SRC"; then
        ODOO_SRC=$ODOO_DEFAULT_SRC
        return
    fi
    say "Odoo 18.0 not found in \$ODOO_SRC nor $ODOO_DEFAULT_SRC: cloning the official 18.0 branch"
    local target=$ODOO_DEFAULT_SRC
    if ! mkdir -p "$target" 2>/dev/null || [ ! -w "$target" ]; then
        target=${XDG_CACHE_HOME:-$HOME/.cache}/telesales/odoo-18.0
        mkdir -p "$target"
    fi
    if ! command -v git >/dev/null; then
        die "git is not installed, so Odoo 18.0 cannot be cloned. Install git, or put Odoo 18.0's source in $ODOO_DEFAULT_SRC, or set ODOO_SRC to it."
    fi
    if ! git clone --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$target.partial" >&2; then
        rm -rf "$target.partial"
        die "Could not clone $ODOO_GIT_URL (no network?). Put Odoo 18.0's source in $ODOO_DEFAULT_SRC, or set ODOO_SRC to a copy of it, and run again."
    fi
    rmdir "$target" 2>/dev/null || true
    mv "$target.partial" "$target"
    ODOO_SRC=$target
}

# 2. System packages ---------------------------------------------------------------
system_packages() {
    local missing=()
    command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || missing+=(chromium)
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    # count, not grep -q: with pipefail, grep -q closing the pipe early fails fc-list
    [ "$(fc-list 2>/dev/null | grep -ci "noto.*cjk")" -gt 0 ] || missing+=(fonts-noto-cjk)
    command -v psql >/dev/null || missing+=(postgresql-client)
    # .ci/run runs the suite a second time with the clock moved (faketime)
    command -v faketime >/dev/null || missing+=(faketime)
    [ ${#missing[@]} -eq 0 ] && return
    if [ "${TELESALES_SKIP_SYSTEM_PACKAGES:-0}" = 1 ]; then
        say "missing system packages (not installed, TELESALES_SKIP_SYSTEM_PACKAGES=1): ${missing[*]}"
        return
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    if ! command -v apt-get >/dev/null || { [ -n "$sudo" ] && ! sudo -n true 2>/dev/null; }; then
        die "These system packages are missing: ${missing[*]}. Install them (Debian/Ubuntu: apt-get install ${missing[*]}) and run again."
    fi
    say "installing system packages: ${missing[*]}"
    local log=$STATE_DIR/log/apt.log
    $sudo apt-get update -qq >"$log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1 ||
        die "apt-get could not install ${missing[*]}; see $log"
}

# 3. Virtualenv ----------------------------------------------------------------------
odoo_requirements() {
    # Odoo's pins with the fixes needed on current Pythons: the binary psycopg2 wheel,
    # no python-ldap (needs OpenLDAP headers, only auth_ldap uses it), and a cbor2 that builds.
    sed -e 's/^psycopg2==/psycopg2-binary==/' \
        -e '/^python-ldap/d' \
        -e 's/^cbor2==5\.4\.2 .*/cbor2==5.6.2 ; python_version < "3.12"/' \
        "$ODOO_SRC/requirements.txt"
}

build_venv() {
    local pyver
    if [ ! -x "$VENV/bin/python" ]; then
        command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.10 to 3.12 (Debian: apt-get install python3 python3-venv)."
        pyver=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        case $pyver in
            3.10 | 3.11 | 3.12) ;;
            *) die "Odoo 18.0 needs Python 3.10 to 3.12; $PYTHON is $pyver. Set PYTHON to another interpreter." ;;
        esac
        say "creating the virtualenv $VENV (Python $pyver)"
        "$PYTHON" -m venv "$VENV" || die "could not create a virtualenv (Debian: apt-get install python3-venv)."
    fi
    local stamp=$VENV/.telesales-stamp
    local want
    want=$( (
        echo "$ODOO_SRC"
        odoo_requirements
        cat "$PROJECT_DIR/requirements.txt"
    ) | sha256sum | cut -c1-16)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return
    fi
    say "installing Python packages into $VENV (first run: a few minutes)"
    local reqs=$STATE_DIR/odoo-requirements.txt
    odoo_requirements >"$reqs"
    local log=$STATE_DIR/log/pip.log
    : >"$log"
    pip() { "$VENV/bin/pip" install --progress-bar off "$@" >>"$log" 2>&1; }
    pip --upgrade pip wheel setuptools || die "could not upgrade pip; see $log"
    pip -r "$reqs" || die "could not install Odoo's requirements; see $log"
    # compat mode: a plain editable install makes `odoo` a broken namespace once an
    # OCA wheel adds odoo/addons/<module> to site-packages.
    pip -e "$ODOO_SRC" --config-settings editable_mode=compat ||
        die "could not install Odoo from $ODOO_SRC; see $log"
    pip -r "$PROJECT_DIR/requirements.txt" ||
        die "could not install the project's requirements.txt; see $log"
    echo "$want" >"$stamp"
}

# 4. PostgreSQL ------------------------------------------------------------------------
check_postgres() {
    if psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
        return
    fi
    if command -v pg_lsclusters >/dev/null && [ "$(id -u)" -eq 0 ]; then
        local version
        version=$(pg_lsclusters -h 2>/dev/null | awk '$4 != "online" {print $1; exit}')
        if [ -n "$version" ]; then
            say "starting the local PostgreSQL $version cluster"
            pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
            sleep 2
            psql -d postgres -Atqc 'select 1' >/dev/null 2>&1 && return
        fi
    fi
    die "PostgreSQL 13+ is not reachable (host ${PGHOST:-local socket}, user ${PGUSER:-$USER}).
  Install and start it (Debian: apt-get install postgresql; pg_ctlcluster 15 main start),
  create a role that may create databases (sudo -u postgres createuser -s \$USER),
  or point PGHOST / PGPORT / PGUSER / PGPASSWORD at a server, then run again."
}

# 5. Odoo configuration -------------------------------------------------------------------
write_conf() {
    local oca_addons
    oca_addons=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/odoo/addons
    [ -d "$oca_addons/payroll" ] || die "OCA payroll is not installed in $oca_addons."
    local db_lines=""
    [ -n "${PGHOST:-}" ] && db_lines+="db_host = $PGHOST"$'\n'
    [ -n "${PGPORT:-}" ] && db_lines+="db_port = $PGPORT"$'\n'
    [ -n "${PGUSER:-}" ] && db_lines+="db_user = $PGUSER"$'\n'
    [ -n "${PGPASSWORD:-}" ] && db_lines+="db_password = $PGPASSWORD"$'\n'
    cat >"$ODOO_CONF.new" <<EOF
; Written by tools/setup.sh; see odoo.conf.example for a production configuration.
[options]
addons_path = $ODOO_SRC/addons,$ODOO_SRC/odoo/addons,$oca_addons,$PROJECT_DIR/addons
data_dir = $STATE_DIR/data
admin_passwd = admin
${db_lines}http_port = ${HTTP_PORT:-8069}
; OCA queue_job: its job runner starts with the server (a thread of the
; threaded server, or its own process with workers > 0) and runs the
; background jobs (imports, compliance recomputes, payslip batches, exports).
server_wide_modules = base,web,queue_job

[queue_job]
channels = root:2,root.telesales.import:1,root.telesales.compliance:1,root.telesales.payroll:1,root.telesales.export:1
EOF
    mv "$ODOO_CONF.new" "$ODOO_CONF"
}

mkdir -p "$STATE_DIR/log"
find_odoo
system_packages
build_venv
check_postgres
write_conf
export ODOO_SRC VENV ODOO_CONF PROJECT_DIR
say "ready: Odoo $ODOO_SRC, virtualenv $VENV, configuration $ODOO_CONF"
