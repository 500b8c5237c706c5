# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The size of a bench run: full (the figures of bench/README.md) or smoke.

``--smoke`` (or ``BENCH_SIZE=smoke`` in the environment, which
``tools/bench.sh --smoke`` sets) gives every bench tiny defaults, so that it
runs in a few seconds: CI runs every bench that way, so a bench that no longer
matches the models fails CI instead of rotting. Options given explicitly
still win.
"""

import os
import sys


def smoke_wanted(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    return "--smoke" in argv or os.environ.get("BENCH_SIZE") == "smoke"


def add_size_option(parser, **smoke_defaults):
    """Add ``--smoke`` to ``parser``; when wanted, ``smoke_defaults``
    replace the parser's defaults."""
    parser.add_argument(
        "--smoke",
        action="store_true",
        default=smoke_wanted(),
        help="tiny sizes (a few seconds): checks the bench still runs; "
        "also BENCH_SIZE=smoke",
    )
    if smoke_wanted():
        parser.set_defaults(**smoke_defaults)
