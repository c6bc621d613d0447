"""A text progress bar for the import command; quiet where nobody is watching a terminal."""

import time

BAR_WIDTH = 30


class Progress:
    """Draws one bar per stage: ``with progress.stage("Reading hp.obo", total) as bar: bar.advance(n)``.

    On a terminal the bar redraws in place; elsewhere (logs, tests) each stage prints one line when it
    ends, so captured output stays short.
    """

    def __init__(self, write=None, *, interactive=False):
        self._write = write
        self.interactive = interactive

    def stage(self, label, total=0):
        return Stage(self, label, total)

    def write(self, text, *, end="\n"):
        if self._write is not None:
            self._write(text + end)


class Stage:
    def __init__(self, progress, label, total):
        self.progress = progress
        self.label = label
        self.total = max(total, 0)
        self.done = 0
        self.started = time.monotonic()
        self._drawn_fraction = -1.0

    def __enter__(self):
        self._draw()
        return self

    def __exit__(self, exc_type, exc, traceback):
        if exc_type is None:
            self.done = self.total
            self._draw(final=True)
        elif self.progress.interactive:
            self.progress.write("")

    def advance(self, amount=1):
        self.done += amount
        self._draw()

    def _fraction(self):
        return min(self.done / self.total, 1.0) if self.total else 1.0

    def _draw(self, final=False):
        fraction = self._fraction()
        if not final and (not self.progress.interactive or fraction - self._drawn_fraction < 0.01):
            return
        self._drawn_fraction = fraction
        filled = int(BAR_WIDTH * fraction)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"{self.label:<34} [{bar}] {fraction:4.0%}"
        if final:
            line += f"  {time.monotonic() - self.started:5.1f} s"
        if self.progress.interactive:
            self.progress.write("\r" + line, end="\n" if final else "")
        elif final:
            self.progress.write(line)
