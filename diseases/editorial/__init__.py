"""Editorial work: how editors and reviewers change pages, in one place.

Services, one module per job; the admin, the commands and the tests call these, never ad-hoc saves.
Each is atomic, checks who may do it, and records who did it in the page's history:

- ``editing``: ``apply_edit`` writes an editor's change to a page and its rows (the one writer for
  people), checks citations, and stores the texts' HTML again (``rerender_texts``);
- ``workflow``: a page's status, draft -> in review -> published and back;
- ``revisions``: a change to a published page waits as a revision until a reviewer approves it;
- ``schedule``: revisions approved for later, (un)publishing at a time, and the task that applies them;
- ``revert``: restoring a page's text from its history;
- ``glossary``: the glossary's entries, by editors (``save_entry``, ``delete_entry``) and as shipped
  (``load_shipped``, which never overwrites an editor's entry).

Beside them: ``edits`` (an editor's change as plain data, and the one list of the fields an editor may
set on each kind of row, read by the admin too), ``diff`` (a revision beside the live page, for
reviewers), ``history`` (word-level diffs of the history), ``notifications`` (mail to editors and
reviewers through the site's outbox) and ``revision_admin`` (the admin's side of revisions).
"""
