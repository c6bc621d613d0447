"""Line-by-line reading shared by the parsers: byte progress, line numbers and truncation checks."""

import os

from .errors import ImportFileError


def read_lines(path, progress_stage=None):
    """Yield ``(line_number, text)`` for each line of a UTF-8 file, without the line ending.

    A file whose last line has no line ending was cut off while it was written or copied: that is
    reported instead of importing a partial last row.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; binary so progress can count bytes
    except FileNotFoundError:
        raise ImportFileError(path, None, "the file does not exist.") from None
    except OSError as error:
        raise ImportFileError(path, None, f"the file cannot be read ({error.strerror}).") from None
    with handle:
        if progress_stage is not None:
            progress_stage.total = os.fstat(handle.fileno()).st_size
        number = 0
        for number, raw in enumerate(handle, start=1):  # noqa: B007 - number is used after the loop
            if progress_stage is not None:
                progress_stage.advance(len(raw))
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise ImportFileError(path, number, "this line is not valid UTF-8 text.") from None
            if not text.endswith("\n"):
                raise ImportFileError(
                    path, number, "the file ends in the middle of this line; it looks truncated."
                )
            yield number, text.rstrip("\r\n")
        if number == 0:
            raise ImportFileError(path, None, "the file is empty.")


def read_table(path, columns, progress_stage=None):
    """Yield ``(line_number, row)`` for each row of a tab-separated file whose first line names its columns.

    ``columns`` maps the keys of ``row`` to the header's names; other columns are ignored. Blank lines
    are skipped; a row with more or fewer cells than the header is reported, not guessed at.
    """
    positions = None
    for number, line in read_lines(path, progress_stage):
        cells = line.split("\t")
        if positions is None:
            missing = [header for header in columns.values() if header not in cells]
            if missing:
                raise ImportFileError(path, number, f"the column header lacks {', '.join(missing)}.")
            positions = {key: cells.index(header) for key, header in columns.items()}
            width = len(cells)
            continue
        if not line.strip():
            continue
        if len(cells) != width:
            raise ImportFileError(
                path, number, f"expected {width} tab-separated columns, found {len(cells)}."
            )
        yield number, {key: cells[position].strip() for key, position in positions.items()}
