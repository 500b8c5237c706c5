# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One row of a dialer export turned into one line of PostgreSQL COPY text.

Plain Python, no ORM: the bulk importer (telesales.call.import) runs it once
per row of files of millions of rows, in a parser thread. It puts together
one parser per field (telesales_call_row_fields), each deciding both whether
a row is good (``parse``) and, for a bad row, what to tell (``problem``):
the validation is written once for both. telesales.call.mapping builds the
converter from its settings and a file's header.
"""

from .telesales_call_row_values import LINE_FIELDS, RowError, copy_line


class RowConverter:
    """``converter(row, row_no)``: the COPY line of a good row (see
    :func:`row_values` for its fields); raises :class:`RowError` for a bad
    one. ``converter.describe(row)`` names every problem of a bad row, in the
    language of ``env`` (only ``describe`` uses it).

    ``seconds``: the :class:`SecondsFields` of ``SECONDS_COLUMNS``;
    ``texts``: the :class:`TextFields` of the recording, disposition and lead.
    """

    def __init__(
        self, width, call_id, agent, callee, start, direction, connected,
        seconds, texts, limits, env=None,
    ):  # fmt: skip
        self.width = width
        self.call_id = call_id
        self.agent = agent
        self.callee = callee
        self.start = start
        self.direction = direction
        self.connected = connected
        self.seconds = seconds
        self.texts = texts
        self.limits = limits
        self.env = env
        # the parsers, bound once: __call__ runs for every row
        self._parsers = (
            call_id.parse, agent.parse, callee.parse, start.parse,
            direction.parse, connected.parse, seconds.parse, texts.parse,
        )  # fmt: skip

    def __call__(self, row, row_no):
        if len(row) < self.width:
            raise RowError
        (
            parse_id, parse_agent, parse_callee, parse_start, parse_direction,
            parse_connected, parse_seconds, parse_texts,
        ) = self._parsers  # fmt: skip
        external_id = parse_id(row)
        employee_id = parse_agent(row)
        callee = parse_callee(row)
        start = parse_start(row)
        direction = parse_direction(row)
        connected = parse_connected(row)
        ring, talk, wait, pause, wrapup, duration = parse_seconds(row)
        if (
            external_id is None
            or employee_id is None
            or callee is None
            or start is None
            or direction is None
            or connected is None
            or ring is None
            or talk is None
            or wait is None
            or pause is None
            or wrapup is None
            or duration is None
        ):
            raise RowError
        callee, normalized = callee
        recording, disposition, lead = parse_texts(row)
        line = (
            f"{row_no}\t{external_id}\t{employee_id}\t{callee}\t{normalized}\t"
            f"{start}\t{direction}\t{connected}\t{ring}\t{talk}\t{wait}\t"
            f"{pause}\t{wrapup}\t{duration}\t{recording}\t{disposition}\t{lead}\n"
        )
        if (
            len(line) > 200 or not line.isascii() or "\x00" in line
        ) and self.limits.problems(row):  # a short ASCII line has no such problem
            raise RowError
        if (
            "\\" in line
            or "\r" in line
            or line.count("\t") != LINE_FIELDS - 1
            or line.count("\n") != 1
        ):
            line = copy_line(
                row_no, external_id, employee_id, callee, normalized, start,
                direction, connected, ring, talk, wait, pause, wrapup, duration,
                recording, disposition, lead,
            )  # fmt: skip
        return line

    def describe(self, row):
        """Every problem of a bad row, in words (the slow path)."""
        env = self.env
        if len(row) < self.width:
            return env._(
                "%(found)s columns instead of %(expected)s",
                found=len(row),
                expected=self.width,
            )
        errors = self.limits.messages(row, env)
        if errors:
            return "; ".join(errors)  # the values are not fit to be quoted
        # in the order of the file's usual columns
        problems = [
            field.problem(row, env)
            for field in (
                self.call_id,
                self.agent,
                self.callee,
                self.start,
                self.direction,
            )
        ]
        problems += self.seconds.problems(row, env)
        problems.append(self.connected.problem(row, env))
        return "; ".join(problem for problem in problems if problem)
