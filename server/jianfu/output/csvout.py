"""问题清单.csv: UTF-8 with a BOM, so that WPS and Excel open the Chinese text correctly."""

from __future__ import annotations

import csv
from io import StringIO

from jianfu.output.rows import COLUMNS, rows_of
from jianfu.report import FileReport


def render(reports: list[FileReport]) -> bytes:
    buffer = StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows_of(reports):
        writer.writerow(row.values())
    return buffer.getvalue().encode("utf-8-sig")
