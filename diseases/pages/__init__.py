"""What readers are shown of a disease, assembled from one row read with a named queryset, so that the
page, its printable sheet, its downloads, the comparison and the API present it the same way.

- ``text``: words every page shares (the notice, plain text from editors' Markdown, descriptions);
- ``symptoms``: the symptom table, band by band, and its rows with their provenance;
- ``disease``: ``DiseasePage``, everything the disease page shows (and the API serializes);
- ``sheet``: ``SheetPage``, the printable one-page sheet with its QR code;
- ``stored``: each disease page's HTML kept under a key that changes with what it shows;
- ``glossary``: the glossary as readers meet it: every entry read in one query, the first use on a
  disease page of each glossary word marked to open its explanation, the A–Z list of ``/glossary/``,
  and the count of technical words on published pages that the reports measure the glossary by.

Finding a page by its address (a 404, or a redirect for a merged page) is the delivery's job:
``diseases.lookup``.
"""
