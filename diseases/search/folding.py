"""Text folding shared by the search index, the queries and anything else that compares names."""

import re
import unicodedata

# The longest query a reader may send; longer ones are cut (the search boxes say so).
MAX_QUERY_LENGTH = 200

GREEK_LETTERS = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
}
APOSTROPHES = re.compile(r"['’ʼ`]")
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
# British and American medical spellings meet: haemophilia, hemophilia; oedema, edema; anaemia, anemia.
BRITISH_DIGRAPHS = re.compile(r"[ao]e")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, anything else that is not a letter or digit a space.

    The digraphs "ae" and "oe" become "e", so British and American spellings fold alike. Index and
    query are folded the same way, so this only ever makes two spellings meet.
    """
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = "".join(GREEK_LETTERS.get(char, char) for char in text)
    text = BRITISH_DIGRAPHS.sub("e", APOSTROPHES.sub("", text))
    return NOT_ALPHANUMERIC.sub(" ", text).strip()


def clean_query(raw) -> str:
    """The reader's query, whitespace collapsed and cut to MAX_QUERY_LENGTH characters."""
    return " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH].strip()
