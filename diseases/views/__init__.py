"""The public pages of the catalogue, one module per kind of page.

- ``catalogue``: the A–Z index, categories and disease pages (and staff previews);
- ``symptoms``: a symptom's page;
- ``genes``: a gene's page;
- ``finding``: search, autocomplete and symptom matching;
- ``downloads``: a disease's symptom table as CSV or JSON;
- ``sheet``: a disease's printable one-page sheet, and the short address printed on it;
- ``compare``: two to four diseases side by side;
- ``glossary``: the medical words pages explain, A–Z.
"""
