"""The glossary: plain-word explanations of the medical words readers meet on disease pages.

``words`` decides which words are technical (rare in everyday English), counts them over texts and
finds where an entry's forms are used; ``entries`` holds the explanations, our own words for a parent,
chosen from the technical words used most on published pages (``manage.py glossary_report``). Neither
imports the app's models, so both can be used anywhere.
"""
