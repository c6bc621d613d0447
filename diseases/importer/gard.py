"""Parse GARD's disease catalogue (gard/diseases.trimmed.json): a JSON list of diseases."""

import json
from dataclasses import dataclass, field

from diseases.models import Category

from .errors import ImportFileError

CATEGORY_MAX = Category._meta.get_field("name").max_length


@dataclass(slots=True)
class GardEntry:
    gard_id: int
    name: str
    slug: str
    line: int
    synonyms: list = field(default_factory=list)
    categories: list = field(default_factory=list)


@dataclass
class GardCatalogue:
    version: str
    entries: list  # GardEntry, in file order


class _GardReader:
    """Decodes one entry at a time so that a problem can be reported with its line number."""

    def __init__(self, path):
        self.path = path
        self.decoder = json.JSONDecoder()
        self._counted_to, self._line = 0, 1

    def line_at(self, position):
        # Positions only move forward while reading, so count the newlines once.
        if position < self._counted_to:
            return self.text.count("\n", 0, position) + 1
        self._line += self.text.count("\n", self._counted_to, position)
        self._counted_to = position
        return self._line

    def fail(self, position, problem):
        line = self.line_at(position) if position is not None else None
        raise ImportFileError(self.path, line, problem)

    def skip_space(self, position):
        while position < len(self.text) and self.text[position] in " \t\r\n":
            position += 1
        return position

    def read(self, version, progress_stage=None):
        try:
            with open(self.path, encoding="utf-8") as handle:
                self.text = handle.read()
        except FileNotFoundError:
            raise ImportFileError(self.path, None, "the file does not exist.") from None
        except UnicodeDecodeError:
            raise ImportFileError(self.path, None, "the file is not valid UTF-8 text.") from None
        except OSError as error:
            raise ImportFileError(self.path, None, f"the file cannot be read ({error.strerror}).") from None
        if progress_stage is not None:
            progress_stage.total = len(self.text)
        position = self.skip_space(0)
        if self.text[position : position + 1] != "[":
            self.fail(position, "expected a JSON list of diseases, starting with [.")
        position = self.skip_space(position + 1)
        entries, seen = [], {}
        while True:
            if position >= len(self.text):
                self.fail(len(self.text), "the list of diseases is not closed with ]; it looks truncated.")
            if self.text[position] == "]":
                break
            try:
                value, end = self.decoder.raw_decode(self.text, position)
            except json.JSONDecodeError as error:
                self.fail(error.pos, f"this is not valid JSON ({error.msg}); the file may be truncated.")
            entry = self.entry(value, position)
            if entry.gard_id in seen:
                self.fail(position, f"GARD id {entry.gard_id} appears twice.")
            seen[entry.gard_id] = entry
            entries.append(entry)
            if progress_stage is not None:
                progress_stage.advance(end - position)
            position = self.skip_space(end)
            if self.text[position : position + 1] == ",":
                position = self.skip_space(position + 1)
            elif self.text[position : position + 1] != "]":
                self.fail(position, "expected , or ] after a disease; the file may be truncated.")
        if self.text[self.skip_space(position + 1) :]:
            self.fail(position + 1, "unexpected text after the list of diseases.")
        if not entries:
            self.fail(None, "the list of diseases is empty.")
        return GardCatalogue(version=version, entries=entries)

    def entry(self, value, position):
        if not isinstance(value, dict):
            self.fail(position, "each disease must be a JSON object.")
        gard_id, name, slug = value.get("id"), value.get("name"), value.get("encodedName")
        if not isinstance(gard_id, int) or isinstance(gard_id, bool) or gard_id <= 0:
            self.fail(position, 'a disease has no numeric "id".')
        if not isinstance(name, str) or not name.strip():
            self.fail(position, f'GARD disease {gard_id} has no "name".')
        if slug is not None and not isinstance(slug, str):
            self.fail(position, f'GARD disease {gard_id}: "encodedName" must be text.')
        synonyms = value.get("synonyms") or []
        categories = value.get("diseaseCategories") or []
        for key, items in (("synonyms", synonyms), ("diseaseCategories", categories)):
            if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
                self.fail(position, f'GARD disease {gard_id}: "{key}" must be a list of text.')
        if any(len(category) > CATEGORY_MAX for category in categories):
            self.fail(position, f"GARD disease {gard_id}: a category name is longer than {CATEGORY_MAX}.")
        return GardEntry(
            gard_id=gard_id,
            name=" ".join(name.split()),
            slug=(slug or "").strip(),
            line=self.line_at(position),
            synonyms=[" ".join(s.split()) for s in synonyms if s.strip()],
            categories=[c.strip() for c in categories if c.strip()],
        )


def parse_gard(path, version, progress_stage=None) -> GardCatalogue:
    return _GardReader(path).read(version, progress_stage)
