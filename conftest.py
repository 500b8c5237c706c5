"""Project-wide pytest rules.

A skipped test is a failure here: pytest-odoo skips every HttpCase silently
when --odoo-http is missing, and a test that cannot run must not look green.
"""

import logging

_skipped = []


class _NoTestFrameworkImportError(logging.Filter):
    """pytest-odoo imports odoo.tests before Odoo's test mode is on, which
    Odoo reports as an error with a stack trace; it is harmless here."""

    def filter(self, record):
        return not record.getMessage().startswith("Importing test framework")


logging.getLogger("odoo.tests.common").addFilter(_NoTestFrameworkImportError())


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped:
        terminalreporter.write_line(
            f"{len(_skipped)} test(s) skipped, which this project counts as failures:",
            red=True,
        )
        for nodeid in _skipped:
            terminalreporter.write_line(f"  {nodeid}", red=True)
