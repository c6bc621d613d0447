from pathlib import Path


class ImportFileError(Exception):
    """A data file that cannot be imported: missing, truncated or malformed.

    ``line`` names the line of a line-based file; ``record`` the record (a term id, say) of a file
    that is not read line by line, such as one long line of JSON.
    """

    def __init__(self, path, line, problem, *, record=None):
        self.path = Path(path)
        self.line = line
        self.record = record
        self.problem = problem
        super().__init__(str(self))

    def __str__(self):
        if self.line:
            where = f"{self.path}, line {self.line}"
        elif self.record:
            where = f"{self.path}, record {self.record}"
        else:
            where = str(self.path)
        return f"{where}: {self.problem}"
