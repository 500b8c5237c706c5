# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading the rows of a telesales XLSX export: an SQL cursor over the
ORM's query, fetched in chunks, values turned into what a person reads
(see telesales_xlsx_stream)."""

import os
from itertools import count

import pytz

from odoo import models
from odoo.tools import SQL

from .telesales_xlsx_stream import DAY_FRACTION_FORMATS

# unique names for the SQL cursors of one process
_CURSOR_SEQ = count(1)


class TelesalesXlsxStream(models.AbstractModel):
    _inherit = "report.telesales_hr.xlsx_stream"  # pylint: disable=consider-merging-classes-inherited

    def _xlsx_rows(self, sheet, columns):
        """Yield the rows of ``sheet`` as lists of cell values, in order.

        The query is the ORM's (``_search``: access rights, record rules,
        company) selecting only the columns' fields; a server-side SQL
        cursor fetches ``_xlsx_chunk_size`` rows at a time. Many2one ids
        become display names (as superuser, like a list view shows the name
        of a linked record the user may not open) through a bounded cache,
        selection keys become their translated labels.
        """
        Model = self.env[sheet.model]
        query = Model._search(sheet.domain or [], order=sheet.order or Model._order)
        alias = query.table
        fnames = [column.fname for column in columns]
        select = [Model._field_to_sql(alias, fname, query) for fname in fnames]
        sql = query.select(*select)
        self.env.flush_query(sql)
        fields_ = [self._xlsx_field(Model, fname) for fname in fnames]
        converters = [
            None if column.raw else self._xlsx_converter(fld, column)
            for fld, column in zip(fields_, columns, strict=True)
        ]
        m2o = [
            (index, fld.comodel_name)
            for index, fld in enumerate(fields_)
            if fld.type == "many2one" and not columns[index].raw
        ]
        names = {}
        cursor = SQL.identifier(f"telesales_xlsx_{os.getpid()}_{next(_CURSOR_SEQ)}")
        cr = self.env.cr
        # an export reads every row: plan for the total time, not for the
        # first rows (PostgreSQL's default for cursors), then restore
        cr.execute("SHOW cursor_tuple_fraction")
        fraction = cr.fetchone()[0]
        cr.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        cr.execute(SQL("DECLARE %s NO SCROLL CURSOR FOR %s", cursor, sql))
        cr.execute(
            SQL("SELECT set_config('cursor_tuple_fraction', %s, true)", fraction)
        )
        try:
            while True:
                cr.execute(
                    SQL("FETCH FORWARD %s FROM %s", self._xlsx_chunk_size, cursor)
                )
                chunk = cr.fetchall()
                if not chunk:
                    break
                if m2o:
                    self._xlsx_resolve_names(chunk, m2o, names)
                for record in chunk:
                    values = []
                    for index, value in enumerate(record):
                        convert = converters[index]
                        if convert is None:
                            values.append(value)
                        elif convert == "many2one":
                            values.append(
                                names.get((fields_[index].comodel_name, value))
                                if value
                                else None
                            )
                        else:
                            values.append(convert(value))
                    yield values
                del chunk
        finally:
            cr.execute(SQL("CLOSE %s", cursor))

    def _xlsx_field(self, Model, fname):
        fld = Model._fields[fname]
        # a related field shows the value of its target field
        while fld.related and not fld.store and fld.related_field:
            fld = fld.related_field
        return fld

    def _xlsx_converter(self, fld, column=None):
        """The function turning a database value into the cell's value (None
        when the value is written as it is)."""
        if fld.type == "many2one":
            return "many2one"
        if fld.type == "selection":
            labels = dict(fld._description_selection(self.env))
            return lambda value: labels.get(value, value) if value else None
        if fld.type == "boolean":
            return lambda value: bool(value)
        if fld.type in ("char", "text", "html"):
            return lambda value: value or None
        if fld.type == "datetime":
            tz = self._xlsx_tz()
            return lambda value: (
                pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
                if value
                else None
            )
        if column is not None and column.num_format in ("pct", *DAY_FRACTION_FORMATS):
            return lambda value, column=column: self._xlsx_unit(column, value)
        return None

    def _xlsx_unit(self, column, value):
        """A number in the unit of its cell: a percentage as a fraction
        rounded to 0.1 %, hours as a fraction of a day."""
        if value is None or value is False or isinstance(value, str):
            return value
        if column.num_format == "pct":
            return round(value / 100.0, 3)
        if column.num_format in DAY_FRACTION_FORMATS:
            return value / 24.0
        return value

    def _xlsx_resolve_names(self, chunk, m2o, names):
        """Fill ``names`` with the display names of the chunk's many2one
        values not known yet, one read per comodel and chunk."""
        missing = {}
        for index, comodel in m2o:
            for record in chunk:
                value = record[index]
                if value and (comodel, value) not in names:
                    missing.setdefault(comodel, set()).add(value)
        if not missing:
            return
        if len(names) + sum(map(len, missing.values())) > self._xlsx_name_cache_size:
            # start again with the names of this chunk only (at most the
            # chunk size per many2one column), and let the records browsed
            # for their names leave the ORM cache too
            names.clear()
            for comodel in {comodel for __, comodel in m2o}:
                self.env[comodel].invalidate_model()
            missing = {}
            for index, comodel in m2o:
                for record in chunk:
                    if record[index]:
                        missing.setdefault(comodel, set()).add(record[index])
        for comodel, ids in missing.items():
            # prefetch_fields=False: read what the display name needs, not
            # every column of the comodel
            records = (
                self.env[comodel]
                .sudo()
                .with_context(active_test=False, prefetch_fields=False)
                .browse(ids)
            )
            for rec in records:
                names[(comodel, rec.id)] = rec.display_name
