"""Private CSV exports (survey answers, HR outcomes), read from outside the repository.

Form tools export CSV in slightly different shapes: a byte order mark (Microsoft Forms,
Excel), quoted answers running over several lines, a timestamp column (Google Forms),
a second heading row under the questions (SurveyMonkey), ``;`` as the separator in some
locales. This module reads all of them into rows keyed by heading, each with the line it
starts on, so a bad answer can be named by file and line. The file is only read: it
must live outside the program repository, where it could be committed by mistake.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mentorkit.model.export_settings import ExportRow, ExportTable, heading

MAX_BYTES = 32 * 1024 * 1024
MAX_ROWS = 200_000
MAX_FIELD = 100_000  # characters in one answer
SEPARATORS = (",", ";", "\t")
# What SurveyMonkey writes in the second heading row, under each question.
_SUBHEADINGS = frozenset({"", "response", "open-ended response", "other (please specify)"})


class ExportError(Exception):
    """The export cannot be read at all (the message names the file and, if known, line)."""


class ExportInRepository(ExportError):
    """The export lies inside the program repository, where it could be committed."""


def _separator(first_line: str) -> str:
    """The separator that splits the heading row into the most columns (comma on a tie)."""
    counts = {sep: len(next(csv.reader([first_line], delimiter=sep), [])) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda sep: (counts[sep], sep == ","))


def parse_export(text: str, name: str) -> ExportTable:
    """The rows of a CSV export; ExportError when it has no heading row or is malformed."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    if not first.strip():
        raise ExportError(f"{name}:1: the first line should hold the column headings")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(first), strict=True)
    try:
        headings = tuple(heading(h) for h in next(reader))
        rows: list[ExportRow] = []
        line = reader.line_num + 1
        for values in reader:
            if len(rows) >= MAX_ROWS:
                raise ExportError(f"{name}:{line}: more than {MAX_ROWS:,} rows")
            if any(len(v) > MAX_FIELD for v in values):
                raise ExportError(f"{name}:{line}: an answer longer than {MAX_FIELD:,} characters")
            if any(v.strip() for v in values):
                rows.append(
                    ExportRow(line, dict(zip(headings, (v.strip() for v in values), strict=False)))
                )
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ExportError(f"{name}:{reader.line_num}: not valid CSV ({exc})") from None
    if rows and all(v.casefold() in _SUBHEADINGS for v in rows[0].values.values()):
        rows = rows[1:]  # SurveyMonkey's second heading row
    return ExportTable(name, headings, tuple(rows))


def read_export(path: Path, root: Path) -> ExportTable:
    """The export at ``path``; ExportError when it is inside ``root`` or unreadable."""
    absolute = path.resolve()
    if absolute.is_relative_to(root.resolve()):
        raise ExportInRepository(
            f"refusing to read {path}: a private export must live outside the program "
            f"repository ({root}), where it can never be committed"
        )
    try:
        if absolute.stat().st_size > MAX_BYTES:
            raise ExportError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
        data = absolute.read_bytes()
    except OSError as exc:
        raise ExportError(f"cannot read {path}: {exc.strerror or exc}") from None
    # Excel's "Unicode text" is UTF-16 with a byte order mark; everything else UTF-8.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ExportError(f"{path}:{line}: not UTF-8 text (save the export as CSV UTF-8)") from None
    return parse_export(text, str(path))
