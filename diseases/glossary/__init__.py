"""The glossary: plain-word explanations of the medical words readers meet on disease pages.

``words`` decides which words are technical (rare in everyday English), counts them over texts and
finds where an entry's forms are used; ``entries`` defines an entry. Neither imports the app's
models, so both can be used anywhere.
"""
