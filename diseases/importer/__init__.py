"""Import of the HPO ontology, the HPO disease annotations and GARD's disease catalogue.

The work is split in three kinds of small modules that never mix:

- parsing (``obo``, ``hpoa``, ``gard``): read one file, streaming, into plain Python objects, and
  stop with an ``ImportFileError`` naming the file and line at the first thing that is wrong;
- merging (``names``, ``frequency``, ``merging``): pure functions that turn the parsed files into
  the target state, one ``DiseasePlan`` per portal page;
- writing (``load_terms``, ``load_diseases``, ``load_annotations``, ``releases``): diff the target
  state against the database and write only the difference, in bulk (``diseases.bulk``).

``run.import_data`` ties them together and rebuilds the search and matching indexes after;
``manage.py import_data`` is its command-line face.
"""
