"""What an import changed, kind by kind, for the command's closing table."""

from dataclasses import dataclass, field


@dataclass
class Change:
    created: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.removed


@dataclass
class Summary:
    changes: dict = field(default_factory=dict)  # label -> Change, in the order first counted
    touched: set = field(default_factory=set)  # pks of the pages whose content this import changed
    changed_terms: set = field(default_factory=set)  # pks of HPO terms whose names or synonyms changed
    releases: list = field(default_factory=list)  # (label, version)
    skipped: bool = False
    # Set when the indexes were rebuilt: the search rows written, the SimilarityIndex and the seconds each took.
    search_rows: int | None = None
    similarity_index: object = None
    index_seconds: tuple = (0.0, 0.0)
    plain_summaries: int = 0  # pages whose plain summary was written anew

    def index_report(self) -> str:
        if self.similarity_index is None:
            return "Search and matching indexes are up to date."
        index = self.similarity_index
        search_seconds, matching_seconds = self.index_seconds
        return (
            f"Search index: {self.search_rows:,} names, other names and identifiers ({search_seconds:.1f} s). "
            f"Matching index: {index.term_count:,} terms, {index.disease_count:,} diseases, "
            f"{index.annotation_count:,} symptom rows ({matching_seconds:.1f} s)."
        )

    def touch(self, disease_ids):
        """Note pages whose content changed: their ``page_changed_at`` moves when the import ends."""
        self.touched.update(disease_ids)

    def count(self, label, *, created=0, updated=0, removed=0):
        change = self.changes.setdefault(label, Change())
        change.created += created
        change.updated += updated
        change.removed += removed

    @property
    def totals(self):
        return Change(
            created=sum(c.created for c in self.changes.values()),
            updated=sum(c.updated for c in self.changes.values()),
            removed=sum(c.removed for c in self.changes.values()),
        )

    def table(self):
        width = max([len(label) for label in self.changes] + [len("Total")])
        lines = [f"{'':<{width}}  {'created':>9} {'updated':>9} {'removed':>9}"]
        for label, change in self.changes.items():
            lines.append(f"{label:<{width}}  {change.created:>9,} {change.updated:>9,} {change.removed:>9,}")
        totals = self.totals
        lines.append(f"{'Total':<{width}}  {totals.created:>9,} {totals.updated:>9,} {totals.removed:>9,}")
        return "\n".join(lines)
