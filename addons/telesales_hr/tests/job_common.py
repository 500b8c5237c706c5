# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""queue_job's test helpers (``trap_jobs``), importable on every Odoo 18.0
build: queue_job's ``tests/common.py`` registers its patch path in
``odoo.tests.common.SETATTR_SOURCES``, which older 18.0 builds lack (it only
silences a warning about patched methods)."""

from odoo.tests import common as odoo_common

if not hasattr(odoo_common, "SETATTR_SOURCES"):
    odoo_common.SETATTR_SOURCES = {}

# pylint: disable=wrong-import-position
from odoo.addons.queue_job.job import Job  # noqa: E402
from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: E402

__all__ = ["Job", "trap_jobs"]
