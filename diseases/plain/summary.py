"""A disease in plain words, sentence by sentence, from the facts the portal holds about it.

``summarise(facts)`` is a pure function: ``build`` reads the facts from the database, and tests
give them by hand. Each sentence says only what one kind of fact says, names the source it comes
from (a ``DataRelease`` source) and the place on the page where that fact is shown in full. A fact
the portal does not hold is left unsaid; nothing is guessed.

Some facts are left to the page's own sections on purpose: how long people live, and pregnancy
loss. They are true and shown there, but a summary made by a program is not the place to tell a
family such news.
"""

from dataclasses import dataclass, field

from . import vocabulary as words

# How much a symptom counts towards the body parts it affects, by how often people have it.
BAND_WEIGHTS = {1: 1.0, 2: 0.6, 3: 0.25, 4: 0.1, 9: 0.3}
# Bands that make a symptom "common".
COMMON_BANDS = (1, 2)
MOST_SYMPTOMS = 4
MOST_BODY_PARTS = 2
# A group's name longer than this is left to the page's family section.
MOST_GROUP_NAME_WORDS = 5
# A body part is named when its symptoms weigh at least this share of the heaviest one's.
BODY_PART_SHARE = 0.4
MOST_GENES_NAMED = 3


@dataclass(frozen=True)
class Symptom:
    hpo_id: str
    name: str  # the HPO term's name
    everyday_name: str  # its first everyday name, or ""
    band: int
    systems: tuple = ()  # the HPO_SYSTEMS branches it belongs to
    in_types: int = 0  # for a group's symptom gathered from its types: how many list it


@dataclass
class Facts:
    name: str
    mondo_id: str = ""
    kinds: list = field(default_factory=list)  # Mondo ids of the groups it is filed under, nearest first
    symptoms: list = field(default_factory=list)  # Symptom: its own listed symptoms
    onsets: list = field(default_factory=list)  # (HPO id, source record)
    inheritance: list = field(default_factory=list)  # (HPO id, source record)
    genes: list = field(default_factory=list)  # main gene symbols
    type_count: int = 0  # published types
    parent_names: list = field(default_factory=list)  # published groups it is a type of
    # Gathered from its types, for a group page.
    type_symptoms: list = field(default_factory=list)  # Symptom, with in_types
    type_genes: list = field(default_factory=list)  # gene symbols
    type_inheritance: list = field(default_factory=list)  # HPO ids


@dataclass(frozen=True)
class Sentence:
    text: str
    source: str  # a DataRelease source: "mondo", "hpoa", "genes"
    detail: str  # what in that source says so: "MONDO:0009061", "OMIM:219700", "its symptom list"
    anchor: str  # where the page shows the fact in full

    def as_json(self) -> dict:
        return {"text": self.text, "source": self.source, "detail": self.detail, "anchor": self.anchor}


def summarise(facts: Facts) -> list[Sentence]:
    sentences = [
        _kind(facts),
        *_body_parts(facts),
        _symptoms(facts),
        *_onset(facts),
        *_inheritance(facts),
        _genes(facts),
        _family(facts),
    ]
    return [sentence for sentence in sentences if sentence is not None]


def joined(items, last="and") -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _kind(facts):
    nature = next(
        (words.MONDO_KINDS[mondo_id] for mondo_id in words.MONDO_KINDS if mondo_id in facts.kinds), None
    )
    # The parts of the body are said from its symptoms when it has any; Mondo's groups say it otherwise.
    systems = []
    if not _symptoms_to_tell(facts)[0]:
        systems = [words.MONDO_SYSTEMS[m] for m in facts.kinds if m in words.MONDO_SYSTEMS][:2]
    if nature is None and not systems:
        return None
    phrase, takes_part = nature or ("a condition", True)
    if systems and takes_part and len(systems) == 1:
        text = f"It is {phrase} of {systems[0]}."
    elif systems:
        text = f"It is {phrase}. It affects {joined(systems)}."
    else:
        text = f"It is {phrase}."
    return Sentence(text, "mondo", facts.mondo_id, "family")


def _symptoms_to_tell(facts):
    """Its own symptoms, or for a group without any, those its types list."""
    if facts.symptoms:
        return facts.symptoms, False
    return facts.type_symptoms, True


def _body_parts(facts):
    symptoms, from_types = _symptoms_to_tell(facts)
    weights = {}
    for symptom in symptoms:
        for system in symptom.systems:
            weights[system] = weights.get(system, 0) + BAND_WEIGHTS.get(symptom.band, 0.3)
    if not weights:
        return []
    heaviest = max(weights.values())
    named = [
        system
        for system, weight in sorted(weights.items(), key=lambda item: (-item[1], item[0]))
        if weight >= BODY_PART_SHARE * heaviest
    ][:MOST_BODY_PARTS]
    subject = "Its types mostly affect" if from_types else "It mostly affects"
    text = f"{subject} {joined(words.HPO_SYSTEMS[system] for system in named)}."
    return [Sentence(text, "hpoa", "its symptom list", "symptoms")]


# A medical name of more words than this describes rather than names; it is not what a parent will
# hear at the clinic, so it is not added in brackets.
MOST_BRACKETED_WORDS = 2


def symptom_words(symptom, *, medical=True) -> str:
    """A symptom as a parent says it, with the word the clinic uses in brackets when they differ."""
    everyday = _lower_first(symptom.everyday_name)
    with_medical, medical = medical, _lower_first(symptom.name)
    if not everyday or _same_words(everyday, medical):
        return medical
    if not with_medical or len(medical.split()) > MOST_BRACKETED_WORDS:
        return everyday
    return f"{everyday} ({medical})"


# A symptom with no everyday name is named in the summary only if its medical name is this short; the
# rest are for the page's symptom table, where each is explained.
MOST_MEDICAL_WORDS = 3


def _is_sayable(symptom) -> bool:
    return len(symptom.name.split()) <= MOST_MEDICAL_WORDS


def _is_vague(symptom) -> bool:
    """The HPO's grouping terms ("Abnormality of the eye") say less than the symptoms below them."""
    return symptom.name.startswith(("Abnormal ", "Abnormality "))


def _same_words(one, other) -> bool:
    """ "Small hands" and "small hand" name the same thing: one is enough."""
    return one.casefold().rstrip("s") == other.casefold().rstrip("s")


def _lower_first(text):
    # "Splenomegaly" reads "splenomegaly" mid-sentence; "EEG abnormality" keeps its capitals.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _symptoms(facts):
    symptoms, from_types = _symptoms_to_tell(facts)
    # Named by their everyday names; only a page none of whose symptoms has one names a few short
    # medical ones instead.
    symptoms = [symptom for symptom in symptoms if symptom.everyday_name] or [
        symptom for symptom in symptoms if _is_sayable(symptom)
    ]
    if not symptoms:
        return None
    # Most often seen first. Among those seen as often: those a parent has a word for, precise ones before
    # the HPO's grouping terms, those most of a group's types list, then the shorter to say.
    ranked = sorted(
        symptoms,
        key=lambda s: (s.band, not s.everyday_name, _is_vague(s), -s.in_types, len(symptom_words(s)), s.name),
    )
    common = [symptom for symptom in ranked if symptom.band in COMMON_BANDS][:MOST_SYMPTOMS]
    if len(common) >= 3 or len(common) == len(ranked):
        chosen, lead = common or ranked[:MOST_SYMPTOMS], "Common signs"
    else:
        chosen, lead = ranked[:MOST_SYMPTOMS], "Signs"
    lead += " in its types" if from_types else ""
    lead += " include" if lead.startswith("Common") else " can include"
    # Two to a sentence: a list of medical words is hard to read in one breath. The words the clinic
    # uses are given for the first two, the ones a parent is most likely to hear.
    text = f"{lead} {joined(symptom_words(symptom) for symptom in chosen[:2])}."
    if chosen[2:]:
        text += f" Others are {joined(symptom_words(symptom, medical=False) for symptom in chosen[2:])}."
    return Sentence(text, "hpoa", "its symptom list", "symptoms")


def _onset(facts):
    records = ", ".join(sorted({record for _, record in facts.onsets}))
    ages = sorted(
        {words.ONSET_WORDS[hpo_id] for hpo_id, _ in facts.onsets if hpo_id in words.ONSET_WORDS},
        key=lambda phrase: min(words.ONSET_ORDER[hpo_id] for hpo_id, said in words.ONSETS if said == phrase),
    )
    sentences = []
    if len(ages) == 1:
        sentences.append(f"It usually starts {ages[0]}.")
    elif len(ages) == 2:
        sentences.append(f"It usually starts {ages[0]} or {ages[1]}.")
    elif ages:
        first, last = words.ONSET_ENDS[ages[0]], words.ONSET_ENDS[ages[-1]]
        sentences.append(f"It can start at any time from {first} to {last}.")
    given = {hpo_id for hpo_id, _ in facts.onsets}
    course = next((words.COURSES[hpo_id] for hpo_id in words.COURSE_ORDER if hpo_id in given), None)
    if course:
        sentences.append(course)
    return [Sentence(text, "hpoa", records, "genes") for text in sentences]


def _inheritance(facts):
    if facts.inheritance:
        given = [hpo_id for hpo_id, _ in facts.inheritance]
        records = ", ".join(sorted({record for _, record in facts.inheritance}))
        from_types = False
    else:
        given, records, from_types = list(facts.type_inheritance), "its types", True
    modes = [
        hpo_id
        for hpo_id in dict.fromkeys(given)
        if hpo_id in words.INHERITANCE and not words.INHERITANCE_SAID_BY.get(hpo_id, set()) & set(given)
    ]
    notes = [
        words.INHERITANCE_NOTES[hpo_id]
        for hpo_id in dict.fromkeys(given)
        if hpo_id in words.INHERITANCE_NOTES
    ]
    texts = []
    if len(modes) > 1:
        texts.append(
            "How it is passed on differs from one type to another."
            if from_types
            else "It can be passed on in more than one way."
        )
    texts += [words.INHERITANCE[hpo_id] for hpo_id in modes[:2]]
    if modes:
        texts += notes
    return [Sentence(text, "hpoa", records, "genes") for text in texts]


def _genes(facts):
    genes, subject = (facts.genes, "It is") if facts.genes else (facts.type_genes, "Its types are")
    genes = list(dict.fromkeys(genes))
    if not genes:
        return None
    if len(genes) == 1:
        text = f"{subject} linked to changes in the {genes[0]} gene."
    elif len(genes) <= MOST_GENES_NAMED:
        text = f"{subject} linked to changes in the {joined(genes, 'or')} gene."
    else:
        named = joined(genes[:MOST_GENES_NAMED])
        text = f"{subject} linked to changes in one of {len(genes)} genes, such as {named}."
    return Sentence(text, "genes", ", ".join(genes[:MOST_GENES_NAMED]), "genes")


NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _family(facts):
    if facts.type_count == 1:
        return Sentence("It has one type, with a page of its own.", "mondo", facts.mondo_id, "family")
    if facts.type_count:
        count = NUMBER_WORDS[facts.type_count] if facts.type_count < len(NUMBER_WORDS) else facts.type_count
        return Sentence(
            f"It has {count} types, each with a page of its own.", "mondo", facts.mondo_id, "family"
        )
    if facts.parent_names and len(facts.parent_names[0].split()) <= MOST_GROUP_NAME_WORDS:
        # The group's name as its page spells it: a name, not a word to lower-case.
        text = f"It is one type in the group called {facts.parent_names[0]}."
        return Sentence(text, "mondo", facts.mondo_id, "family")
    return None
