"""Demo content: one fully written disease page, autoimmune lymphoproliferative syndrome (ALPS).

A pure-Python data module with no Django imports. The narrative sections are Markdown written for
parents in plain British English; they cite the numbered references as [1] or [1, 3]. The facts
are drawn from the GARD and Madisons Foundation seed pages and the listed references; the wording
is our own. This is general information, not advice about any one child.
"""

# Long addresses, kept here so that lines stay short.
_NIAID = "https://www.niaid.nih.gov/diseases-conditions/"
_NIAID_ALPS_URL = _NIAID + "autoimmune-lymphoproliferative-syndrome-alps"
_MEDLINEPLUS_URL = "https://medlineplus.gov/genetics/condition/autoimmune-lymphoproliferative-syndrome/"
_GTR_SEARCH_URL = "https://www.ncbi.nlm.nih.gov/gtr/all/tests/?term=autoimmune+lymphoproliferative+syndrome"

ALPS = {
    "name": "Autoimmune lymphoproliferative syndrome",
    "slug": "autoimmune-lymphoproliferative-syndrome",
    "gard_id": 8686,
    "synonyms": [
        "ALPS",
        "Canale-Smith syndrome",  # after the two doctors who described it in 1967
        "Autoimmune lymphoproliferative syndrome type 1, autosomal dominant",  # OMIM's name
        "FAS deficiency",
    ],
    "categories": ["Cancer", "Genetics", "Hematology"],
    "identifiers": [("ORPHA", "3261"), ("OMIM", "601859"), ("GARD", "8686")],
    "summary": (
        "Autoimmune lymphoproliferative syndrome, usually shortened to ALPS, is a rare condition "
        "that affects how the immune system keeps its own numbers in check. Lymphocytes are white "
        "blood cells that fight infection. Once an infection is over, most of them are meant to "
        "switch themselves off and be cleared away, so the body does not hold on to more than it "
        "needs. In ALPS this clearing-up step does not work properly, and lymphocytes slowly "
        "build up. [2]\n"
        "\n"
        "The extra cells tend to collect in the lymph glands, the spleen and the liver, which can "
        "all become enlarged. The immune system may also turn against the body's own blood cells. "
        "People with ALPS have a higher than average chance of developing lymphoma, a cancer of "
        "the lymphocytes, so regular check-ups are an important part of their care. [1]\n"
        "\n"
        "Signs usually first appear in early childhood, and the condition varies a great deal, "
        "even between members of the same family. Many children lead full, active lives, and "
        "swollen glands often become less of a problem by the teenage years. [3] This page "
        "offers general information to help you understand ALPS and to prepare questions for "
        "your child's medical team; it cannot replace their advice about your own child."
    ),
    "signs_and_symptoms": (
        "Every child with ALPS is different, and few will have all of the features described "
        "here. The most common signs are:\n"
        "\n"
        "- **Swollen lymph glands** that stay large for months, often in the neck, armpits or "
        "groin. They are usually painless and are not caused by an infection or by cancer. [4]\n"
        "- **An enlarged spleen**, and sometimes an enlarged liver. A doctor may be able to feel "
        "these when gently examining your child's tummy.\n"
        "- **Low blood counts caused by the immune system.** When red cells are destroyed, a "
        "child may become tired and pale (anaemia). When platelets are low, bruises, nosebleeds "
        "or bleeding gums come more easily. A shortage of neutrophils can make infections more "
        "likely. [2]\n"
        "\n"
        "In many children the swollen glands come first, and autoimmune problems appear later. "
        "When the immune system attacks both red cells and platelets, doctors may call this Evans "
        "syndrome. [1]\n"
        "\n"
        "Less often, the immune system targets other parts of the body. This can lead to hives "
        "or other rashes, mouth ulcers, sore joints, inflammation of the kidneys, liver or eyes, "
        "or problems with the nerves. [3]\n"
        "\n"
        "Lymphoma is uncommon, but it is the main thing doctors keep an eye on over the years. "
        "Tell your child's team promptly about a lump that grows quickly, fevers with no clear "
        "reason, drenching night sweats or weight loss. [5]"
    ),
    "cause": (
        "ALPS is a problem with a natural tidying-up process called apoptosis, or programmed "
        "cell death. After an infection has been dealt with, the body no longer needs most of "
        "the lymphocytes it made to fight it. A protein on the surface of these cells, called "
        "FAS, picks up a signal telling the cell to stand down, and the cell then shuts itself "
        "down in an orderly way. [2]\n"
        "\n"
        "In roughly three out of four people with ALPS, a change (also called a variant or "
        "mutation) in the FAS gene stops this signal from working as it should. [1] Lymphocytes "
        "that are no longer wanted then live on for far too long. Among them are unusual "
        '"double-negative" T cells, which are normally very scarce in the blood. [4] As these '
        "cells gather, the glands and spleen swell, and some of the surplus cells start reacting "
        "against the body's own tissues.\n"
        "\n"
        "A smaller number of people have changes in other genes that act along the same "
        "pathway, such as FASLG or CASP10. In some, the FAS change is present only in certain "
        "blood cells, because it arose during the person's life rather than being inherited. "
        "For others, no genetic cause has been found so far. [3]\n"
        "\n"
        "ALPS cannot be caught from another person, and it is not caused by anything a parent "
        "did before or during pregnancy."
    ),
    "inheritance": (
        "ALPS caused by a FAS change is most often passed on in an autosomal dominant way. One "
        "altered copy of the gene, from either parent, is enough to cause the condition, so a "
        "parent who carries the change has a 1 in 2 chance of passing it to each child. A child "
        "can also be the first in the family to have it, when the change has arisen for the "
        "first time. [1]\n"
        "\n"
        "A few points can make inheritance in ALPS feel confusing:\n"
        "\n"
        "- **Carrying the change does not always mean being unwell.** Relatives can share the "
        "same FAS variant and have mild symptoms or none at all. In a large study at the US "
        "National Institutes of Health, fewer than 60% of people with a FAS variant developed "
        "the condition. [5]\n"
        "- **Rarely, a child inherits two altered copies**, one from each parent. This "
        "autosomal recessive form is usually much more severe and can begin before or soon "
        "after birth. [3]\n"
        "- **Some cases are not inherited at all.** When the FAS change has appeared only in "
        "some blood cells during the child's lifetime, it is not expected to pass to their "
        "children. [4]\n"
        "\n"
        "Because of this, parents, brothers and sisters may be offered testing. A genetic "
        "counsellor or clinical geneticist can explain what results would mean for your family "
        "and for any future pregnancies."
    ),
    "diagnosis": (
        "ALPS is usually diagnosed by a specialist, most often a paediatric immunologist or "
        "haematologist, who looks at the whole picture alongside a number of blood tests. "
        "Swollen glands and low blood counts have many common causes, including ordinary "
        "infections, so these are normally ruled out first.\n"
        "\n"
        "International criteria, agreed at an NIH workshop in 2009, look for two main findings: "
        "glands or a spleen that have stayed enlarged for more than six months with no "
        "infection or cancer to explain them, and a raised level of double-negative T cells in "
        "the blood, measured with a test called flow cytometry. [4]\n"
        "\n"
        "Other tests help to confirm the diagnosis:\n"
        "\n"
        "- genetic testing of FAS and related genes;\n"
        "- a laboratory test showing that the child's lymphocytes do not die normally when "
        "given the FAS signal;\n"
        "- blood markers that are often high in ALPS, such as vitamin B12, interleukin-10, "
        "interleukin-18 and soluble FAS ligand. [3]\n"
        "\n"
        "Some children also need a biopsy of a lymph gland, especially if one changes or grows "
        "quickly, so that lymphoma can be ruled out. Reaching a diagnosis can take time. "
        "It is always reasonable to ask which tests are being done, why, and when the results "
        "are likely to be ready."
    ),
    "treatment": (
        "There is no cure for ALPS yet, but most of the problems it causes can be treated, and "
        "many children go for long spells without needing regular medicine. Care is planned "
        "around each child, usually by an immunology or haematology team. [2]\n"
        "\n"
        "- **Careful watching.** Swollen glands and a large spleen on their own often need no "
        "treatment and are simply checked at clinic visits.\n"
        "- **Medicines for autoimmune flare-ups.** Steroids such as prednisolone are often the "
        "first choice when blood counts drop. Children who need longer treatment may be given "
        "a steroid-sparing medicine such as mycophenolate mofetil or sirolimus; sirolimus can "
        "also shrink enlarged glands and spleen. A stem cell (bone marrow) transplant is kept "
        "for the small number of children with very severe disease. [3]\n"
        "- **Supportive care**, such as blood transfusions when they are needed, and keeping "
        "vaccinations up to date.\n"
        "- **Keeping the spleen where possible.** Removing the spleen was once common, but it "
        "leaves a lifelong risk of serious bacterial infection, so specialists now try hard to "
        "avoid it. Anyone whose spleen has been removed needs extra vaccines and usually daily "
        "antibiotics. [5]\n"
        "\n"
        "Your team may also give you a written plan for what to do if your child becomes "
        "unwell, bruises easily or looks unusually pale."
    ),
    "outlook": (
        "For most children with ALPS the outlook is good. With careful follow-up, most people "
        "with the common FAS-related form live well into adulthood, and their life expectancy "
        "is close to normal. [1] The swollen glands tend to come and go through childhood and "
        "often settle in the teenage years, although the spleen may stay larger than usual and "
        "blood tests may remain abnormal. [3]\n"
        "\n"
        "The most serious long-term concern is lymphoma. People with FAS-related ALPS have a "
        "much higher risk than the general population of both Hodgkin and non-Hodgkin "
        "lymphoma, and this raised risk lasts for life. [5] Most people with ALPS never develop "
        "lymphoma, but because it can occur at any age, lifelong check-ups with a team that "
        "knows the condition really matter.\n"
        "\n"
        "ALPS was only given its name in the 1990s, and much of what is known comes from families "
        "who have been followed for many years at the US National Institutes of Health. "
        "Research is continuing, and understanding of the condition and its treatment keeps "
        "improving. [2]"
    ),
    "living_with": (
        "Looking after a child with a long-term condition can feel daunting at first, but many "
        "families soon settle into a routine. Parents often find these steps helpful:\n"
        "\n"
        "- **Keep a simple record** of blood results, medicines and clinic letters, and bring "
        "it to appointments.\n"
        "- **Know the warning signs** agreed with your team, such as unusual bruising, very pale "
        "skin, fever or a lump that is getting bigger, and know who to call.\n"
        "- **Ask about sport.** If your child's spleen is enlarged, doctors may suggest "
        "avoiding contact and collision sports for a while, or using protective gear, to lower "
        "the chance of the spleen being injured. [3]\n"
        "- **Talk about infections and vaccines**, especially if your child takes medicines "
        "that dampen the immune system or has had their spleen removed. [5]\n"
        "- **Share information with nursery or school** so that staff know what to look out "
        "for and who to contact.\n"
        "\n"
        "It is natural to worry about the risk of lymphoma. Regular reviews are there to catch "
        "problems early, and most children with ALPS never develop it. [1]\n"
        "\n"
        "Meeting other families can make a real difference. Immunodeficiency charities and "
        "rare disease groups, such as those listed on this page, offer information, events and "
        "a chance to talk with people who understand."
    ),
    "references": [
        {
            "number": 1,
            "title": "Autoimmune lymphoproliferative syndrome",
            "publisher": "MedlinePlus Genetics, US National Library of Medicine",
            "published": "",
            "url": _MEDLINEPLUS_URL,
            "pubmed_id": "",
        },
        {
            "number": 2,
            "title": "Autoimmune Lymphoproliferative Syndrome (ALPS)",
            "publisher": "National Institute of Allergy and Infectious Diseases (NIAID)",
            "published": "November 2017",
            "url": _NIAID_ALPS_URL,
            "pubmed_id": "",
        },
        {
            "number": 3,
            "title": "Bleesing JJH, Nagaraj CB, Zhang K. Autoimmune Lymphoproliferative Syndrome",
            "publisher": "GeneReviews, University of Washington, Seattle",
            "published": "First posted September 2006",
            "url": "https://www.ncbi.nlm.nih.gov/books/NBK1108/",
            "pubmed_id": "20301287",
        },
        {
            "number": 4,
            "title": (
                "Oliveira JB, Bleesing JJ, Dianzani U, et al. Revised diagnostic criteria and "
                "classification for the autoimmune lymphoproliferative syndrome (ALPS): report "
                "from the 2009 NIH International Workshop"
            ),
            "publisher": "Blood, 116(14): e35–e40",
            "published": "October 2010",
            "url": "https://doi.org/10.1182/blood-2010-04-280347",
            "pubmed_id": "20538792",
        },
        {
            "number": 5,
            "title": (
                "Price S, Shaw PA, Seitz A, et al. Natural history of autoimmune "
                "lymphoproliferative syndrome associated with FAS gene mutations"
            ),
            "publisher": "Blood, 123(13): 1989–1999",
            "published": "March 2014",
            "url": "https://pubmed.ncbi.nlm.nih.gov/24398331/",
            "pubmed_id": "24398331",
        },
    ],
    "resources": [
        {
            "section": "testing",
            "title": "Genetic Testing Registry: autoimmune lymphoproliferative syndrome",
            "url": _GTR_SEARCH_URL,
            "description": (
                "A US database of laboratories around the world that offer genetic tests for ALPS "
                "and related genes. It is written for professionals, so it is best read with your "
                "child's doctor."
            ),
            "position": 1,
        },
        {
            "section": "specialists",
            "title": "Orphanet: Autoimmune lymphoproliferative syndrome (ORPHA:3261)",
            "url": "https://www.orpha.net/en/disease/detail/3261",
            "description": (
                "The European rare disease portal. Its ALPS entry links to expert clinics and "
                "diagnostic laboratories, which can help your doctors find a centre that knows "
                "the condition."
            ),
            "position": 1,
        },
        {
            "section": "specialists",
            "title": "ERN RITA: European Reference Network on rare immune disorders",
            "url": "https://ern-rita.org/",
            "description": (
                "A network of hospitals across Europe with expertise in rare immune conditions. "
                "Local doctors can use it to seek advice from specialists on complex cases."
            ),
            "position": 2,
        },
        {
            "section": "research",
            "title": "ClinicalTrials.gov: studies on autoimmune lymphoproliferative syndrome",
            "url": "https://clinicaltrials.gov/search?cond=Autoimmune%20Lymphoproliferative%20Syndrome",
            "description": (
                "A searchable list of clinical studies that include people with ALPS, with details "
                "of who can take part. Talk any study through with your child's team before "
                "joining."
            ),
            "position": 1,
        },
        {
            "section": "research",
            "title": "NIAID: Autoimmune Lymphoproliferative Syndrome (ALPS)",
            "url": _NIAID_ALPS_URL,
            "description": (
                "Information from the US institute whose researchers have studied families with "
                "ALPS for many years, including its causes, treatment and ongoing research."
            ),
            "position": 2,
        },
        {
            "section": "registries",
            "title": "USIDNET: US Immunodeficiency Network",
            "url": "https://usidnet.org/",
            "description": (
                "Runs a registry of people with inborn immune disorders. Pooling information "
                "helps researchers learn how rare conditions such as ALPS change over time."
            ),
            "position": 1,
        },
        {
            "section": "registries",
            "title": "European Society for Immunodeficiencies (ESID)",
            "url": "https://esid.org/",
            "description": (
                "ESID keeps a Europe-wide registry of people with inborn errors of immunity. Your "
                "immunology team can tell you whether their centre takes part."
            ),
            "position": 2,
        },
        {
            "section": "organisations",
            "title": "Immunodeficiency UK",
            "url": "https://www.immunodeficiencyuk.org/",
            "description": (
                "A UK charity supporting people and families affected by primary immune "
                "disorders, with information, a helpline and events for families."
            ),
            "position": 1,
        },
        {
            "section": "organisations",
            "title": "Immune Deficiency Foundation",
            "url": "https://primaryimmune.org/",
            "description": (
                "A US patient organisation for inborn immune disorders, offering guides for "
                "families, peer support and advocacy."
            ),
            "position": 2,
        },
        {
            "section": "organisations",
            "title": "NORD: National Organization for Rare Disorders",
            "url": "https://rarediseases.org/",
            "description": (
                "A US charity for people living with any rare disease, with general guidance on "
                "care, rights and finding support."
            ),
            "position": 3,
        },
        {
            "section": "learn_more",
            "title": "MedlinePlus Genetics: Autoimmune lymphoproliferative syndrome",
            "url": _MEDLINEPLUS_URL,
            "description": (
                "A clear, plain-language overview from the US National Library of Medicine, "
                "covering symptoms, genes and inheritance. A good place to start."
            ),
            "position": 1,
        },
        {
            "section": "learn_more",
            "title": "GeneReviews: Autoimmune Lymphoproliferative Syndrome",
            "url": "https://www.ncbi.nlm.nih.gov/books/NBK1108/",
            "description": (
                "A detailed, expert-written review for clinicians covering diagnosis, genetic "
                "testing and management. It is technical, so you may prefer to read it with "
                "your doctor."
            ),
            "position": 2,
        },
    ],
}
