from pathlib import Path


class ImportFileError(Exception):
    """A data file that cannot be imported: missing, truncated or malformed."""

    def __init__(self, path, line, problem):
        self.path = Path(path)
        self.line = line
        self.problem = problem
        super().__init__(str(self))

    def __str__(self):
        where = f"{self.path}, line {self.line}" if self.line else str(self.path)
        return f"{where}: {self.problem}"
