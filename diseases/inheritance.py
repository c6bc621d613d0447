"""What each mode of inheritance means for a family, in plain words: keyed by the HPO term the sources use.

Written for parents reading about a new diagnosis. They describe the pattern, not any one family;
pages show them beside the notice that this is information, not medical advice. Terms without an
explanation here are shown by their name alone.
"""

EXPLANATIONS = {
    "HP:0000007": (
        "A child is affected when they inherit a changed copy of the gene from each parent. Parents who "
        "each carry one changed copy usually have no symptoms themselves. When both parents are carriers, "
        "each pregnancy has a 1 in 4 chance of a child with the condition."
    ),
    "HP:0000006": (
        "One changed copy of the gene is enough to cause the condition. A parent who has it has a 1 in 2 "
        "chance of passing it on in each pregnancy. It can also start with a new change in the child, "
        "when neither parent has it."
    ),
    "HP:0001419": (
        "The gene is on the X chromosome. Boys, who have one X chromosome, are the ones usually affected; "
        "girls, who have two, are usually carriers with mild or no symptoms. A mother who carries the "
        "change has a 1 in 2 chance of passing it to each child."
    ),
    "HP:0001423": (
        "The gene is on the X chromosome and one changed copy causes the condition, in girls and boys "
        "alike. A father who has it passes it to all of his daughters and none of his sons; a mother who "
        "has it, to each child with a 1 in 2 chance."
    ),
    "HP:0001417": (
        "The gene is on the X chromosome, so the condition often affects boys and girls differently; "
        "boys are usually affected more."
    ),
    "HP:0001427": (
        "The change is in the small amount of DNA inside mitochondria, the cell's energy makers, which "
        "children receive only from their mother. A mother can pass it to all her children, and how much "
        "each is affected can differ a great deal."
    ),
    "HP:0001450": "The gene is on the Y chromosome, so it passes only from a father to his sons.",
    "HP:0003745": (
        "It usually appears in just one person in a family, with no family history, and is seldom passed on."
    ),
    "HP:0025352": (
        "The genetic change usually arises for the first time in the affected person (de novo) rather "
        "than being inherited from a parent."
    ),
    "HP:0001442": (
        "The genetic change is present in only some of the body's cells, because it arose after "
        "conception. It is usually not inherited."
    ),
    "HP:0003829": (
        "Some people who carry the genetic change never develop the condition, so it can seem to skip a "
        "generation."
    ),
    "HP:4000158": "Most people who carry the genetic change develop the condition.",
    "HP:0001426": (
        "How it runs in families does not follow the simple single-gene patterns, so the chance of "
        "passing it on is harder to predict."
    ),
    "HP:0010982": (
        "Changes in many genes, often together with other factors, add up to raise the chance of having it."
    ),
    "HP:0010984": "Changes in two different genes together cause it.",
    "HP:0010983": "Changes in a few different genes together cause it.",
    "HP:0001466": (
        "It is caused by a missing or extra stretch of a chromosome that holds several neighbouring genes."
    ),
    "HP:0003743": ("Symptoms may start earlier, or be more severe, in each new generation of a family."),
    "HP:0003744": (
        "Symptoms may start earlier or be more severe in the next generation, mostly when the father is "
        "the one who passes it on."
    ),
    "HP:0003831": "The chance of developing symptoms rises with age.",
    "HP:0001470": "It shows in only one sex, although parents of either sex can pass it on.",
    "HP:0001475": "It shows only in males, although women can carry and pass it on.",
    "HP:0034344": "It shows only in females.",
    "HP:0012275": (
        "One changed copy of the gene is enough, but the copy from the mother is switched off in the "
        "body, so the condition usually appears only when the change comes from the father."
    ),
    "HP:0032382": (
        "Both copies of a chromosome, or of part of one, come from the same parent instead of one from each."
    ),
    "HP:0032384": "Both copies of a chromosome region are identical copies from one parent.",
}
