"""The words the plain summary is made of: what each piece of structured data means, said simply.

Keyed by the ids the data uses (Mondo terms, HPO terms), in our own words for parents, with the
medical word in brackets where a parent will hear it at the clinic. Nothing here says more than the
term it stands for. This module imports nothing of the app: the importer reads ``MONDO_KINDS`` and
``MONDO_SYSTEMS`` to know which of a page's Mondo groups to keep.
"""

# What kind of condition it is, from the groups Mondo files it under, in order of priority: the first
# that applies is the one named ("a genetic condition" says less than "a kind of cancer"). The flag
# says whether the body part can follow ("a genetic condition of the blood").
MONDO_KINDS = {
    "MONDO:0004992": ("a kind of cancer", True),
    "MONDO:0005070": ("a condition in which a lump of cells grows (a tumour)", False),
    "MONDO:0019040": ("a condition caused by a change in the chromosomes, which carry our genes", False),
    "MONDO:0019052": ("a genetic condition of the body's chemistry (an inborn error of metabolism)", False),
    "MONDO:0044970": ("a condition of the parts of our cells that make energy (mitochondria)", False),
    "MONDO:0003847": ("a genetic condition", True),
    "MONDO:0005550": ("an infection", True),
    "MONDO:0007179": ("a condition in which the body's defences attack its own cells (autoimmune)", False),
    "MONDO:0029000": ("a kind of poisoning", False),
    "MONDO:0021147": ("a condition that changes how the body grows and forms", False),
}

# Which part of the body Mondo files it under: "a genetic condition of the blood".
MONDO_SYSTEMS = {
    "MONDO:0005071": "the brain and nerves",
    "MONDO:0024458": "the eyes",
    "MONDO:0002409": "the ears",
    "MONDO:0004995": "the heart and blood vessels",
    "MONDO:0005087": "the lungs and airways",
    "MONDO:0004335": "the digestive system",
    "MONDO:0002118": "the kidneys and urinary tract",
    "MONDO:0005039": "the reproductive organs",
    "MONDO:0002081": "the bones and muscles",
    "MONDO:0003900": "the tissue that holds the body together",
    "MONDO:0002051": "the skin",
    "MONDO:0005570": "the blood",
    "MONDO:0005046": "the immune system",
    "MONDO:0005151": "the glands that make hormones",
    "MONDO:0005066": "the body's chemistry (metabolism)",
    "MONDO:0006858": "the mouth",
    "MONDO:0002025": "mood, thinking or behaviour",
}

# The HPO's branches of the body, for the parts its symptoms affect. A symptom counts towards each
# branch above it; the more specific branches are listed before the ones that hold them, and a
# symptom counts only towards the first branch of each line of descent (kidneys, not genitourinary).
HPO_SYSTEMS = {
    "HP:0000707": "the brain and nerves",
    "HP:0000478": "the eyes",
    "HP:0000598": "the ears",
    "HP:0000271": "the face",
    "HP:0000152": "the head and neck",
    "HP:0001626": "the heart and blood vessels",
    "HP:0002086": "the lungs and breathing",
    "HP:0025031": "the stomach and gut",
    "HP:0000079": "the kidneys and bladder",
    "HP:0000078": "the genitals",
    "HP:0000119": "the kidneys, bladder and genitals",
    "HP:0000924": "the bones",
    "HP:0003011": "the muscles",
    "HP:0033127": "the bones and muscles",
    "HP:0040064": "the arms and legs",
    "HP:0001574": "the skin, hair and nails",
    "HP:0001871": "the blood",
    "HP:0002715": "the immune system",
    "HP:0000818": "the glands that make hormones",
    "HP:0001939": "the body's chemistry",
    "HP:0001507": "growth",
    "HP:0000769": "the breasts",
    "HP:0045027": "the chest",
    "HP:0001608": "the voice",
    "HP:0001197": "the baby's growth before birth",
}
# A branch is not named when a more specific one it holds is named already.
HPO_SYSTEM_PARTS = {
    "HP:0000152": {"HP:0000271"},
    "HP:0000119": {"HP:0000079", "HP:0000078"},
    "HP:0033127": {"HP:0000924", "HP:0003011"},
}

# When it starts, in age order: (HPO onset term, how it is said).
ONSETS = [
    ("HP:0011460", "before birth"),
    ("HP:0011461", "before birth"),
    ("HP:0030674", "before birth"),
    ("HP:0034199", "before birth"),
    ("HP:0034198", "before birth"),
    ("HP:0034197", "before birth"),
    ("HP:0003577", "at birth"),
    ("HP:0003623", "in the first month of life"),
    ("HP:0003593", "in the first year of life"),
    ("HP:0410280", "in childhood"),
    ("HP:0011463", "in early childhood (ages 1 to 5)"),
    ("HP:0003621", "in later childhood or the teenage years (ages 5 to 15)"),
    ("HP:0011462", "in young adulthood (ages 16 to 40)"),
    ("HP:0025708", "in young adulthood (ages 16 to 40)"),
    ("HP:0025709", "in young adulthood (ages 16 to 40)"),
    ("HP:0025710", "in young adulthood (ages 16 to 40)"),
    ("HP:0003581", "in adulthood"),
    ("HP:0003596", "in middle age (ages 40 to 60)"),
    ("HP:0003584", "after age 60"),
]
ONSET_ORDER = {hpo_id: position for position, (hpo_id, _) in enumerate(ONSETS)}
ONSET_WORDS = dict(ONSETS)
# The same times as the ends of a range: "from birth to adulthood".
ONSET_ENDS = {
    "before birth": "before birth",
    "at birth": "birth",
    "in the first month of life": "the first month of life",
    "in the first year of life": "the first year of life",
    "in childhood": "childhood",
    "in early childhood (ages 1 to 5)": "early childhood",
    "in later childhood or the teenage years (ages 5 to 15)": "the teenage years",
    "in young adulthood (ages 16 to 40)": "young adulthood",
    "in adulthood": "adulthood",
    "in middle age (ages 40 to 60)": "middle age",
    "after age 60": "old age",
}

# How it runs over time.
COURSES = {
    "HP:0003676": "It tends to get worse over time (progressive).",
    "HP:0003677": "It tends to get worse slowly over time.",
    "HP:0003678": "It can get worse quickly.",
    "HP:0003680": "It does not usually get worse over time.",
    "HP:0025303": "Its symptoms come and go.",
    "HP:0031796": "Its symptoms can come back after they go away.",
}
# The order in which course sentences are kept: one is enough.
COURSE_ORDER = list(COURSES)

# How it is passed on, with the chance for each child where the pattern makes that a fact, and the name
# of the pattern a genetics clinic will use.
INHERITANCE = {
    "HP:0000006": "A parent who has it has a 1 in 2 chance of passing it on to each child (autosomal dominant).",
    "HP:0000007": (
        "A child has it when both parents pass on a changed gene. If both parents carry one, each child has a "
        "1 in 4 chance of having it (autosomal recessive)."
    ),
    "HP:0001419": (
        "It mostly affects boys. A mother who carries the changed gene has a 1 in 2 chance of passing it on to "
        "each child (X-linked recessive)."
    ),
    "HP:0001423": (
        "A mother who has it has a 1 in 2 chance of passing it on to each child. A father who has it passes it "
        "to all his daughters and none of his sons (X-linked dominant)."
    ),
    "HP:0001417": "The changed gene is on the X chromosome. It often affects boys and girls in different ways.",
    "HP:0001427": "It is passed on only by mothers (mitochondrial).",
    "HP:0001450": "It is passed on only from a father to his sons (Y-linked).",
    "HP:0003745": "It usually happens in only one person in a family (sporadic).",
    "HP:0025352": "The gene change usually starts new in the child and does not come from a parent.",
    "HP:0001442": "The gene change is in only some of the body's cells, so it is not usually passed on.",
    "HP:0001426": "It does not run in families in a simple way.",
    "HP:0010982": "Changes in many genes add up to raise the chance of having it.",
    "HP:0010984": "Changes in two genes together cause it.",
    "HP:0010983": "Changes in a few genes together cause it.",
    "HP:0001466": "It is caused by a missing or extra piece of a chromosome that holds several genes.",
    "HP:0012275": "It usually shows only when the changed gene comes from the father.",
}
# A pattern that says less than another one given with it, and is then left unsaid.
INHERITANCE_SAID_BY = {"HP:0001417": {"HP:0001419", "HP:0001423"}}
# What is true as well as the pattern, said after it.
INHERITANCE_NOTES = {
    "HP:0003829": "Some people with the gene change never have symptoms (incomplete penetrance).",
    "HP:0003743": "It can start earlier, or be worse, in each new generation.",
}

# Everyday names the HPO still lists that hurt or belittle people: never used in our own sentences.
HURTFUL_WORDS = ("retard", "mongol", "cretin", "idiot", "imbecil", "moron", "cripple", "lunatic", "freak")
