"""The disease catalogue: pages, symptoms (HPO terms), search, matching, the editors' admin and the API.

Imports point one way, down this list (import-linter checks it; see pyproject.toml):

1. delivery: ``urls``, ``views/`` (pages), ``api/``, ``admin``, ``sitemaps``, ``templatetags``,
   ``management/``. Thin: they read through named querysets and presentation, and write through
   services. A new page is a view here, a template, and a named read on a queryset. It is private
   until its view is marked ``@public_page`` (``freshness``), one line, which lets the page cache
   (``portal.pagecache``) serve it whole to readers who are not signed in: only for a page that is
   the same for every reader, never one with a form or anything per person.
   ``revision_admin`` is the admin's side of revisions: editing a published page saves a revision,
   reviewers see its diff and approve it now or at a time, or send it back.
2. presentation: ``pages`` builds what the disease page, its printable sheet, its downloads and the
   API show from one ``for_page()`` (or ``for_sheet()``) row (symptom bands, sections, symptom rows,
   the description and structured data, the notice, the glossary's explanations of medical words);
   above it, ``comparison`` lays two to four diseases side by side, ``browsing`` groups the A–Z
   index and ``coverage`` counts what the published pages show, for the promises of the home and
   about pages; ``review`` builds a revision's diff against the published page.
3. writes: ``services`` (editors: every change to a page, its revisions, workflow, schedule and
   history; a new write is a function here), ``importer/`` (data files, in bulk; a new data source
   is a reader and a loader there) and ``tasks`` (background work the writers schedule on commit).
   ``notifications`` mails editors and reviewers through the site's outbox when a revision moves.
4. domain: ``search/``, ``matching/``, ``edits`` (an editor's change as data), ``history``, ``links``,
   ``changes`` (signals that keep each page's ``page_changed_at`` true, however a row is saved, and
   move the content generation), then ``freshness`` (the content generation every cached page is
   checked against, and ``@public_page``).
5. ``models``: tables, and each screen's read as a named queryset method next to ``published()``.
6. facts that import nothing of the app: ``identifiers`` (ids and their one parser), ``markup`` (the
   only place editor text becomes HTML), ``bulk`` (COPY and executemany writes), ``name_rules``
   (texts the sources give as names that are not names of the disease).

An API field is added to a serializer in ``api/serializers.py``, fed by ``pages`` or a queryset.
"""
