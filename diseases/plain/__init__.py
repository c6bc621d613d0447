"""Each disease page in plain words, for a family with a new diagnosis.

- ``vocabulary``: what each piece of structured data means, said simply (Mondo groups, the HPO's body
  branches, onset, course and inheritance), in our own words;
- ``summary``: ``summarise(facts)``, the sentences, each naming its source and where the page shows it;
- ``build``: reads the facts of many pages at once and stores each page's summary
  (``Disease.plain_summary``); the import runs it for every page, the editorial services for the
  page they changed and the groups above it.
"""
