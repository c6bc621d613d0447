"""The disease catalogue: pages, symptoms (HPO terms), search, matching, the editors' admin and the API.

Where each kind of change goes: the table "Where things go" in the README. The order in which its
modules may import one another is written once, as the import-linter contracts in pyproject.toml.
"""
