"""The glossary's entries: the medical words readers meet most on published pages, in plain words.

Chosen by counting technical words (``words.is_technical``) over what readers see: the first definition
of each published page and the symptom names in its table (``manage.py glossary_report``). Each
explanation is our own, written for a parent in words a 12-year-old knows, and is held by the tests to
8–30 words and a Flesch–Kincaid grade of 8 or below. Forms are the ways the word is written in the
data (plural, adjective, British spelling); a form belongs to one entry only.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    term: str
    forms: tuple[str, ...]
    explanation: str


# Sorted by term. The first form is the term itself.
ENTRIES = (
    Entry(
        "abdomen", ("abdomen", "abdominal"), "The belly: the part of the body between the chest and the hips."
    ),
    Entry(
        "abnormal",
        ("abnormal", "abnormally", "abnormality", "abnormalities"),
        "Not of the usual kind, or not working in the usual way.",
    ),
    Entry(
        "abscess", ("abscess", "abscesses"), "A swollen pocket of pus in the body, caused by an infection."
    ),
    Entry(
        "acanthosis nigricans",
        ("acanthosis nigricans", "acanthosis"),
        "Dark, thick, velvety patches of skin, often in body folds such as the neck or armpits.",
    ),
    Entry(
        "accumulation",
        ("accumulation", "accumulate", "accumulates"),
        "A build-up of something in the body, little by little, over time.",
    ),
    Entry(
        "acidosis",
        ("acidosis", "acidotic"),
        "When the blood and other body fluids have too much acid in them.",
    ),
    Entry(
        "aciduria",
        ("aciduria", "acidurias"),
        "Too much of a certain acid in the urine. It is often a sign that the body cannot break something down.",
    ),
    Entry(
        "acuity", ("acuity",), "How sharp and clear something is, most often how clearly a person can see."
    ),
    Entry(
        "acute",
        ("acute",),
        "Coming on quickly, and often lasting a short time, rather than going on for a long time.",
    ),
    Entry(
        "adenoma",
        ("adenoma", "adenomas"),
        "A growth in a gland, or in tissue like a gland, that is not cancer.",
    ),
    Entry(
        "adipose tissue", ("adipose tissue", "adipose"), "Body fat: the tissue made of cells that store fat."
    ),
    Entry(
        "adrenal",
        ("adrenal", "adrenals", "adrenal gland", "adrenal glands"),
        "The adrenal glands are two small glands, one on top of each kidney. They make stress hormones and hormones that control salt.",
    ),
    Entry(
        "adulthood",
        ("adulthood",),
        "The time of life after a person is fully grown, usually from about age 18.",
    ),
    Entry("agenesis", ("agenesis",), "When a part of the body did not form at all before birth."),
    Entry(
        "alae nasi", ("alae nasi", "alae", "ala nasi"), "The curved sides of the nose around the nostrils."
    ),
    Entry("albinism", ("albinism",), "Little or no pigment in the skin, hair or eyes from birth."),
    Entry(
        "alkaline phosphatase",
        ("alkaline phosphatase", "phosphatase"),
        "An enzyme found mostly in the liver and bones. A high level in the blood can point to a liver or bone problem.",
    ),
    Entry("alopecia", ("alopecia",), "Hair loss, from the scalp or from other parts of the body."),
    Entry(
        "ambiguous genitalia",
        ("ambiguous genitalia",),
        "Genitals that do not look clearly male or female at birth.",
    ),
    Entry(
        "amblyopia",
        ("amblyopia",),
        "Lazy eye: one eye does not see as well, because the brain does not use it fully.",
    ),
    Entry(
        "ambulation", ("ambulation", "ambulatory", "ambulant"), "Walking, or being able to walk on one's own."
    ),
    Entry(
        "amelogenesis imperfecta",
        ("amelogenesis imperfecta",),
        "A condition in which the enamel of the teeth does not form properly, so teeth may be weak or stained.",
    ),
    Entry(
        "amenorrhea",
        ("amenorrhea", "amenorrhoea"),
        "Monthly periods that have stopped, or that have not started by the expected age.",
    ),
    Entry(
        "amyloidosis",
        ("amyloidosis", "amyloid"),
        "A build-up of a sticky, wrongly folded protein in organs, which stops them from working well.",
    ),
    Entry(
        "amyotrophy",
        ("amyotrophy", "amyotrophic"),
        "Muscles that shrink and weaken because the nerves that work them are damaged.",
    ),
    Entry(
        "anal",
        ("anal", "anus"),
        "To do with the anus, the opening at the end of the gut where poo leaves the body.",
    ),
    Entry(
        "anemia",
        ("anemia", "anaemia", "anemic", "anaemic"),
        "Too few healthy red blood cells, so the blood carries less oxygen. It can make a person tired and pale.",
    ),
    Entry(
        "aneurysm",
        ("aneurysm", "aneurysms"),
        "A weak spot in the wall of a blood vessel that bulges out like a balloon.",
    ),
    Entry(
        "anomaly",
        ("anomaly", "anomalies"),
        "Something in the body that is different from usual, often in how it formed.",
    ),
    Entry("anterior", ("anterior", "anteriorly"), "At or near the front of the body or of a body part."),
    Entry(
        "anteverted",
        ("anteverted", "anteversion"),
        "Tipped forward. Nostrils like this point up and out more than usual.",
    ),
    Entry(
        "antibody",
        ("antibody", "antibodies"),
        "A protein made by the immune system. It sticks to germs or other targets so the body can fight them.",
    ),
    Entry(
        "aorta",
        ("aorta", "aortic"),
        "The biggest artery in the body. It carries blood from the heart out to the rest of the body.",
    ),
    Entry("aphasia", ("aphasia",), "Trouble using or understanding words, from damage to the brain."),
    Entry("aplasia", ("aplasia", "aplastic"), "A part of the body that did not form, or is missing."),
    Entry("apnea", ("apnea", "apnoea", "apneas"), "A pause in breathing, often while a person is asleep."),
    Entry(
        "apraxia",
        ("apraxia", "dyspraxia"),
        "Trouble making a movement on purpose, even though the muscles are strong enough to do it.",
    ),
    Entry(
        "arachnodactyly",
        ("arachnodactyly",),
        "Fingers and toes that are long and thin, a bit like a spider's legs.",
    ),
    Entry(
        "areflexia",
        ("areflexia",),
        "Reflexes that are missing, such as no knee jerk when the knee is tapped.",
    ),
    Entry(
        "arrhythmia",
        ("arrhythmia", "arrhythmias", "dysrhythmia"),
        "A heartbeat that is too fast, too slow, or not steady.",
    ),
    Entry(
        "artery",
        ("artery", "arteries", "arterial"),
        "A blood vessel that carries blood away from the heart to the rest of the body.",
    ),
    Entry(
        "arthralgia", ("arthralgia", "arthralgias"), "Pain in one or more joints, such as the knees or hips."
    ),
    Entry("arthritis", ("arthritis",), "Swelling, pain and stiffness in one or more joints."),
    Entry(
        "arthrogryposis",
        ("arthrogryposis",),
        "Stiff joints in more than one part of the body, present from birth.",
    ),
    Entry("ascites", ("ascites",), "Fluid that builds up inside the belly and makes it swell."),
    Entry(
        "aspiration",
        ("aspiration",),
        "Breathing food, drink or other matter into the airways and lungs by mistake.",
    ),
    Entry(
        "astigmatism",
        ("astigmatism",),
        "An uneven curve in the front of the eye or in its lens, which makes things look blurry at any distance.",
    ),
    Entry(
        "asymmetry",
        ("asymmetry", "asymmetric", "asymmetrical"),
        "When the two sides of the body, or of a body part, do not match in size or shape.",
    ),
    Entry("asymptomatic", ("asymptomatic",), "Having no symptoms, even though a condition is there."),
    Entry(
        "ataxia",
        ("ataxia", "ataxic", "ataxias"),
        "Poor control of balance and movement. It makes walking, reaching or speaking clumsy and unsteady.",
    ),
    Entry(
        "atherosclerosis",
        ("atherosclerosis",),
        "A build-up of fat in the walls of arteries, which makes them narrow and hard.",
    ),
    Entry(
        "atresia",
        ("atresia",),
        "A body opening or tube that did not form, or is closed when it should be open.",
    ),
    Entry(
        "atrioventricular",
        ("atrioventricular",),
        "To do with the upper and lower chambers of the heart and where they meet.",
    ),
    Entry(
        "atrium",
        ("atrium", "atria", "atrial"),
        "One of the two upper chambers of the heart. They collect blood before it goes to the lower chambers.",
    ),
    Entry(
        "atrophy",
        ("atrophy", "atrophic"),
        "Wasting away: a part of the body that shrinks and gets weaker, often because cells are lost.",
    ),
    Entry("atypical", ("atypical",), "Not like the usual kind, or not in the usual way."),
    Entry(
        "auditory", ("auditory",), "To do with hearing, or the parts of the ear and brain that handle sound."
    ),
    Entry(
        "autism",
        ("autism", "autistic", "autism spectrum disorder"),
        "A difference in how the brain develops. It affects how a person communicates and relates to others, and often brings strong routines or interests.",
    ),
    Entry(
        "autoimmune",
        ("autoimmune", "autoimmunity"),
        "When the immune system, which should fight germs, attacks the body's own healthy cells by mistake.",
    ),
    Entry(
        "autonomic",
        ("autonomic",),
        "To do with the nerves that run things we do not think about, like heartbeat, sweating and digestion.",
    ),
    Entry(
        "autosomal",
        ("autosomal", "autosome", "autosomes"),
        "Carried on one of the 22 numbered pairs of chromosomes, not on the X or Y chromosome.",
    ),
    Entry(
        "autosomal dominant",
        ("autosomal dominant",),
        "A way a condition is passed on. One changed copy of a gene on a numbered chromosome is enough to cause it.",
    ),
    Entry(
        "autosomal recessive",
        ("autosomal recessive",),
        "A way a condition is passed on. A child has it only when both copies of a gene are changed, usually one from each parent.",
    ),
    Entry("axial", ("axial",), "To do with the central part of the body: the head, neck, spine and trunk."),
    Entry(
        "axon",
        ("axon", "axons", "axonal"),
        "The long, thin part of a nerve cell that carries signals to other cells.",
    ),
    Entry("azoospermia", ("azoospermia",), "Having no sperm in the fluid that a man releases."),
    Entry(
        "Babinski sign",
        ("babinski sign", "babinski"),
        "A test where the sole of the foot is stroked. In a child over two or an adult, the big toe moving up points to a nerve problem.",
    ),
    Entry(
        "bacteria",
        ("bacteria", "bacterium", "bacterial"),
        "Tiny living things, each just one cell, that live all around and inside us. Some cause infections.",
    ),
    Entry(
        "basal ganglia",
        ("basal ganglia",),
        "Groups of nerve cells deep inside the brain that help control movement.",
    ),
    Entry("behavioral", ("behavioral", "behavioural"), "To do with behaviour: how a person acts and reacts."),
    Entry(
        "benign",
        ("benign",),
        "Not harmful in a serious way. A benign growth is not cancer and does not spread.",
    ),
    Entry(
        "bicuspid",
        ("bicuspid",),
        "Having two flaps or points. A bicuspid aortic valve has two flaps instead of the usual three.",
    ),
    Entry("bifid", ("bifid",), "Split into two parts, such as a split uvula or a split thumb."),
    Entry(
        "bilateral",
        ("bilateral", "bilaterally"),
        "On both sides of the body, such as in both ears or both eyes.",
    ),
    Entry("bile", ("bile", "biliary"), "A green-yellow fluid made by the liver that helps digest fat."),
    Entry(
        "bilirubin",
        ("bilirubin",),
        "A yellow substance made when old red blood cells are broken down. Too much of it makes the skin look yellow.",
    ),
    Entry(
        "bladder",
        ("bladder", "bladders"),
        "The stretchy bag low in the belly that stores urine until it is passed.",
    ),
    Entry(
        "blepharophimosis",
        ("blepharophimosis",),
        "Narrow openings between the eyelids, so the eyes look small.",
    ),
    Entry(
        "blistering",
        ("blistering", "blister", "blisters"),
        "Bubbles of fluid that form under the top layer of the skin.",
    ),
    Entry("bone marrow", ("bone marrow", "marrow"), "The soft tissue inside bones that makes blood cells."),
    Entry(
        "bossing",
        ("bossing",),
        "A rounded bulge of a skull bone, most often a forehead that sticks out more than usual.",
    ),
    Entry(
        "bowel",
        ("bowel", "bowels"),
        "The intestines: the long tube that food passes through after the stomach.",
    ),
    Entry(
        "bowing",
        ("bowing", "bowed"),
        "A long bone, such as in the leg, that curves instead of being straight.",
    ),
    Entry(
        "brachycephaly",
        ("brachycephaly", "brachycephalic"),
        "A head that is short from front to back and wide, often with a flat back.",
    ),
    Entry("brachydactyly", ("brachydactyly",), "Fingers or toes that are shorter than usual."),
    Entry("bradycardia", ("bradycardia",), "A heartbeat that is slower than usual for a person's age."),
    Entry("bradykinesia", ("bradykinesia",), "Being much slower than usual to move and to start moving."),
    Entry(
        "brainstem",
        ("brainstem", "brain stem"),
        "The lowest part of the brain, which joins it to the spinal cord. It controls breathing and heartbeat.",
    ),
    Entry(
        "bronchiectasis",
        ("bronchiectasis",),
        "Airways in the lungs that are widened and scarred, so mucus builds up and infections keep coming back.",
    ),
    Entry("bulbous", ("bulbous",), "Round and swollen like a bulb, such as a wide, round tip of the nose."),
    Entry(
        "C-reactive protein",
        ("c-reactive protein",),
        "A protein in the blood that rises when there is inflammation.",
    ),
    Entry(
        "café-au-lait spot",
        (
            "café-au-lait spot",
            "café-au-lait spots",
            "cafe-au-lait spot",
            "cafe-au-lait spots",
            "café-au-lait",
            "cafe-au-lait",
        ),
        "A flat patch of light brown skin, the colour of milky coffee.",
    ),
    Entry(
        "calcification",
        ("calcification", "calcifications", "calcified"),
        "A build-up of calcium, the mineral in bones, in soft parts of the body where it does not belong.",
    ),
    Entry(
        "camptodactyly",
        ("camptodactyly",),
        "A finger that stays bent at its middle joint and cannot fully straighten.",
    ),
    Entry(
        "capillary",
        ("capillary", "capillaries"),
        "The tiniest blood vessels, which link the arteries and the veins.",
    ),
    Entry(
        "carcinoma",
        ("carcinoma", "carcinomas"),
        "A cancer that starts in the cells that line the skin or the inside of organs.",
    ),
    Entry("cardiac", ("cardiac",), "To do with the heart, the muscle that pumps blood around the body."),
    Entry("cardiomegaly", ("cardiomegaly",), "A heart that is bigger than it should be."),
    Entry(
        "cardiomyopathy",
        ("cardiomyopathy", "cardiomyopathies"),
        "A disease of the heart muscle that makes it harder for the heart to pump blood.",
    ),
    Entry(
        "cardiovascular",
        ("cardiovascular",),
        "To do with the heart and the blood vessels that carry blood around the body.",
    ),
    Entry(
        "caries",
        ("caries", "carious", "dental caries"),
        "Tooth decay: holes that form in teeth when germs make acid that eats them away.",
    ),
    Entry(
        "carpal",
        ("carpal", "carpals", "carpus"),
        "To do with the wrist and its eight small bones, between the hand and the forearm.",
    ),
    Entry(
        "cataract",
        ("cataract", "cataracts"),
        "A cloudy patch in the lens of the eye, the clear part that focuses light, which makes sight blurry.",
    ),
    Entry(
        "central nervous system",
        ("central nervous system", "cns"),
        "The brain and the spinal cord together, which control the rest of the body.",
    ),
    Entry(
        "cerebellum",
        ("cerebellum", "cerebellar"),
        "The part at the back of the brain that controls balance, posture and smooth movement.",
    ),
    Entry(
        "cerebral",
        ("cerebral", "cerebrum"),
        "To do with the brain, mostly its biggest part, which handles thinking, feeling and movement.",
    ),
    Entry(
        "cerebrospinal fluid",
        ("cerebrospinal fluid", "csf", "cerebrospinal"),
        "The clear fluid around the brain and spinal cord that cushions and protects them.",
    ),
    Entry("cervical", ("cervical",), "To do with the neck, or with the cervix, the lower end of the womb."),
    Entry(
        "Charcot-Marie-Tooth disease",
        ("charcot-marie-tooth disease", "charcot-marie-tooth"),
        "A group of inherited conditions that harm the nerves to the arms and legs. They can cause weak muscles and numb feet.",
    ),
    Entry(
        "Chiari malformation",
        ("chiari malformation", "chiari"),
        "When the lower part of the back of the brain pushes down into the opening at the base of the skull.",
    ),
    Entry(
        "choanal atresia",
        ("choanal atresia",),
        "A blockage at the back of the nose, so air cannot pass from the nose to the throat.",
    ),
    Entry(
        "cholestasis",
        ("cholestasis", "cholestatic"),
        "When bile, a liquid made by the liver to help digest fat, cannot flow out of it properly.",
    ),
    Entry(
        "cholesterol",
        ("cholesterol",),
        "A fatty substance in the blood. The body needs some, but high levels can clog blood vessels.",
    ),
    Entry(
        "chorea",
        ("chorea", "choreic", "choreoathetosis"),
        "Quick, jerky movements that the person does not mean to make. They jump from one part of the body to another.",
    ),
    Entry(
        "chorioretinal",
        ("chorioretinal",),
        "To do with the retina and the layer of blood vessels behind it at the back of the eye.",
    ),
    Entry(
        "chromosome",
        ("chromosome", "chromosomes", "chromosomal"),
        "A thread-like bundle of DNA inside cells. People usually have 46, in 23 pairs.",
    ),
    Entry(
        "chronic",
        ("chronic", "chronically"),
        "Lasting a long time, usually months or years, or coming back again and again.",
    ),
    Entry("circulating", ("circulating",), "Found in the blood as it flows around the body."),
    Entry(
        "cirrhosis",
        ("cirrhosis",),
        "Scarring of the liver that builds up over time and stops it from working well.",
    ),
    Entry(
        "clavicle",
        ("clavicle", "clavicles", "clavicular"),
        "The collarbone, which runs across the top of the chest from the neck to the shoulder.",
    ),
    Entry(
        "cleft",
        ("cleft", "clefts", "clefting"),
        "A gap or split that formed before birth, as when the lip or the roof of the mouth does not join.",
    ),
    Entry(
        "clinical",
        ("clinical", "clinically"),
        "To do with seeing and examining patients, rather than with lab tests or research.",
    ),
    Entry(
        "clinodactyly",
        ("clinodactyly",),
        "A finger that curves sideways toward the other fingers. It is most often the little finger.",
    ),
    Entry("clonic", ("clonic",), "With jerking movements that repeat in a rhythm, as in some seizures."),
    Entry(
        "clonus",
        ("clonus",),
        "A muscle that jerks again and again in a rhythm after it is stretched, a sign of a nerve problem.",
    ),
    Entry(
        "clubbing",
        ("clubbing",),
        "Widened, rounded tips of the fingers or toes, with nails that curve over them.",
    ),
    Entry(
        "clubfoot",
        ("clubfoot", "talipes equinovarus", "club foot"),
        "A foot that turns in and down from birth.",
    ),
    Entry(
        "coagulation", ("coagulation", "coagulopathy"), "The way blood thickens and clots to stop bleeding."
    ),
    Entry(
        "coarctation",
        ("coarctation", "coarctation of the aorta"),
        "A narrow part in a blood vessel. It is most often in the aorta, the main artery from the heart.",
    ),
    Entry(
        "coarse",
        ("coarse",),
        "Thick and rough. Coarse facial features look heavy, with thick lips, nose or brow.",
    ),
    Entry(
        "cognitive",
        ("cognitive", "cognition"),
        "To do with how we think, learn, remember and understand things.",
    ),
    Entry(
        "coloboma",
        ("coloboma", "colobomas"),
        "A gap or notch in part of the eye, left when the eye did not close fully before birth.",
    ),
    Entry(
        "columella",
        ("columella",),
        "The strip of skin and tissue between the nostrils, at the bottom of the nose.",
    ),
    Entry(
        "coma", ("coma", "comatose"), "A deep state of being unconscious, in which a person cannot be woken."
    ),
    Entry(
        "complication",
        ("complication", "complications"),
        "A new health problem that comes from an illness or from its treatment.",
    ),
    Entry(
        "concentration",
        ("concentration", "concentrations"),
        "How much of a substance there is in a fluid, such as blood or urine.",
    ),
    Entry(
        "conduction",
        ("conduction",),
        "The passing of signals along a nerve, or through the heart to make it beat.",
    ),
    Entry(
        "conductive hearing loss",
        ("conductive hearing loss", "conductive"),
        "Hearing loss caused by a problem in the outer or middle ear, which stops sound reaching the inner ear.",
    ),
    Entry(
        "cone",
        ("cone", "cones"),
        "One of the two kinds of light-sensing cells in the retina. Cones see colour and fine detail.",
    ),
    Entry(
        "cone-rod dystrophy",
        ("cone-rod dystrophy",),
        "An eye condition in which the light-sensing cells of the retina slowly stop working. The cones, for colour and detail, go first.",
    ),
    Entry(
        "cone-shaped",
        ("cone-shaped",),
        "Shaped like a cone: wide at one end and narrow or pointed at the other.",
    ),
    Entry("congenita", ("congenita",), "Latin for present from birth, used in the names of some conditions."),
    Entry(
        "congenital",
        ("congenital", "congenitally"),
        "There from birth, though it may not be noticed until later.",
    ),
    Entry(
        "congestive heart failure",
        ("congestive heart failure",),
        "When the heart cannot pump well enough, so fluid builds up in the lungs, legs or belly.",
    ),
    Entry(
        "conjunctivitis",
        ("conjunctivitis",),
        "Red, sore eyes from swelling of the thin layer over the white of the eye.",
    ),
    Entry(
        "connective tissue",
        ("connective tissue", "connective tissues"),
        "The tissue that holds the body together and supports it. Tendons and cartilage are kinds of it.",
    ),
    Entry(
        "constipation",
        ("constipation", "constipated"),
        "Finding it hard to poo, or pooing less often than usual.",
    ),
    Entry(
        "contracture",
        ("contracture", "contractures"),
        "A joint that is stuck bent or straight because the muscles, tendons or skin around it are too tight.",
    ),
    Entry(
        "cornea",
        ("cornea", "corneal", "corneas"),
        "The clear dome at the front of the eye. It lets light in and helps focus it.",
    ),
    Entry("coronary", ("coronary",), "To do with the arteries that carry blood to the heart muscle itself."),
    Entry(
        "corpus callosum",
        ("corpus callosum",),
        "A thick band of nerve fibres that joins the left and right halves of the brain.",
    ),
    Entry(
        "cortex",
        ("cortex", "cortical"),
        "The outer layer of an organ. In the brain it is the wrinkled surface used for thinking, sight and movement.",
    ),
    Entry(
        "coxa",
        ("coxa",),
        "The hip. Coxa valga and coxa vara mean the top of the thigh bone is angled more or less than usual.",
    ),
    Entry("cranial", ("cranial", "cranium"), "To do with the skull, the bones around the brain."),
    Entry("craniofacial", ("craniofacial",), "To do with the head and face, and the bones that shape them."),
    Entry(
        "craniosynostosis",
        ("craniosynostosis",),
        "When the joins between skull bones close too early in a baby, which can change the shape of the head.",
    ),
    Entry(
        "crease",
        ("crease", "creases"),
        "A line or fold in the skin, such as the lines across the palm of the hand.",
    ),
    Entry(
        "creatine kinase",
        ("creatine kinase", "creatine phosphokinase"),
        "An enzyme found mostly in muscle. A high level in the blood can be a sign that muscle is damaged.",
    ),
    Entry(
        "cryptorchidism",
        ("cryptorchidism", "undescended testis", "undescended testes"),
        "A testicle that has not moved down into the scrotum, the bag of skin that holds it.",
    ),
    Entry("cutaneous", ("cutaneous",), "To do with the skin, the outer covering of the body."),
    Entry(
        "cutis",
        ("cutis",),
        "Latin for skin. It appears in names of skin conditions, such as cutis laxa, which means loose skin.",
    ),
    Entry(
        "cyanosis",
        ("cyanosis", "cyanotic"),
        "A blue tinge to the skin or lips, from too little oxygen in the blood.",
    ),
    Entry(
        "cyst", ("cyst", "cysts", "cystic"), "A closed pocket or sac in the body, usually filled with fluid."
    ),
    Entry("deafness", ("deafness",), "Hearing loss, which can be partial or total."),
    Entry(
        "defect",
        ("defect", "defects", "defective"),
        "A part of the body that formed wrongly or is missing something, such as a hole in the heart.",
    ),
    Entry(
        "deficiency",
        ("deficiency", "deficient", "deficiencies"),
        "Not having enough of something the body needs. It may be a vitamin, a hormone or an enzyme.",
    ),
    Entry(
        "deformity",
        ("deformity", "deformities", "deformed"),
        "A part of the body that is out of its usual shape.",
    ),
    Entry(
        "degeneration",
        ("degeneration", "degenerative", "degenerating"),
        "A slow breakdown of cells or tissue, so that a part of the body works less and less well.",
    ),
    Entry(
        "dehydration",
        ("dehydration", "dehydrated"),
        "When the body has lost more water than it has taken in.",
    ),
    Entry(
        "dehydrogenase",
        ("dehydrogenase",),
        "A kind of enzyme that takes hydrogen away from a substance. This is one of many steps cells use to get energy from food.",
    ),
    Entry(
        "deletion", ("deletion", "deletions", "deleted"), "A piece of DNA or of a chromosome that is missing."
    ),
    Entry(
        "dementia",
        ("dementia",),
        "A loss of memory and thinking skills that is bad enough to affect daily life.",
    ),
    Entry(
        "demyelination",
        ("demyelination", "demyelinating"),
        "Damage to myelin, the fatty coating around nerve fibres. It slows the signals they carry.",
    ),
    Entry(
        "dentition",
        ("dentition",),
        "A person's set of teeth: how many there are, how they are placed, and when they come in.",
    ),
    Entry(
        "dermatitis",
        ("dermatitis",),
        "Skin that is red, itchy or swollen because it is irritated or inflamed.",
    ),
    Entry(
        "detachment",
        ("detachment", "detached"),
        "When a layer comes away from what it should be attached to, such as the retina at the back of the eye.",
    ),
    Entry(
        "deterioration",
        ("deterioration", "deteriorate", "deteriorating"),
        "Getting worse over time, such as in health or in a skill.",
    ),
    Entry(
        "developmental",
        ("developmental",),
        "To do with how a child grows and learns new skills, such as walking and talking.",
    ),
    Entry(
        "deviation",
        ("deviation", "deviated"),
        "Turning away from the usual line or position, such as a finger that bends to one side.",
    ),
    Entry(
        "diabetes mellitus",
        ("diabetes mellitus", "mellitus"),
        "The usual kind of diabetes. The sugar in the blood is too high, because the body lacks insulin or cannot use it well.",
    ),
    Entry(
        "diaphragm",
        ("diaphragm", "diaphragmatic"),
        "The sheet of muscle under the lungs that helps you breathe. It separates the chest from the belly.",
    ),
    Entry("diffuse", ("diffuse", "diffusely"), "Spread out over a large area, not in one spot."),
    Entry(
        "dilated",
        ("dilated", "dilatation", "dilation"),
        "Wider or more stretched than usual, such as a widened blood vessel or heart chamber.",
    ),
    Entry(
        "diplopia",
        ("diplopia", "double vision"),
        "Double vision: seeing two of something when there is only one.",
    ),
    Entry(
        "dislocation",
        ("dislocation", "dislocated", "dislocations"),
        "A bone that has moved out of its usual place in a joint.",
    ),
    Entry(
        "disorder",
        ("disorder", "disorders"),
        "An illness or condition that stops part of the body or mind working as it should.",
    ),
    Entry(
        "disproportionate",
        ("disproportionate",),
        "Out of proportion. Some parts of the body are bigger or smaller than expected next to others.",
    ),
    Entry(
        "distal",
        ("distal", "distally"),
        "Farther from the middle of the body, such as the hand compared with the upper arm.",
    ),
    Entry(
        "distress",
        ("distress",),
        "Serious trouble or suffering. In breathing, it means a hard struggle to get enough air.",
    ),
    Entry(
        "disturbance",
        ("disturbance", "disturbances", "disturbed"),
        "A change from the usual way something works, such as in walking, sleep or the heartbeat.",
    ),
    Entry("dolichocephaly", ("dolichocephaly",), "A head that is long from front to back and narrow."),
    Entry(
        "dominant",
        ("dominant",),
        "A gene change that has an effect even when the other copy of the gene works. One changed copy is enough.",
    ),
    Entry(
        "downslanted",
        ("downslanted", "downslanting"),
        "Sloping down toward the outer side, as with eyes whose outer corners sit lower than the inner ones.",
    ),
    Entry("downturned", ("downturned",), "Pointing downward, such as the corners of a mouth that turn down."),
    Entry(
        "ductus arteriosus",
        ("ductus arteriosus", "patent ductus arteriosus"),
        "A blood vessel near the heart that a baby needs before birth. It usually closes in the first days after birth.",
    ),
    Entry(
        "duplication",
        ("duplication", "duplications", "duplicated"),
        "Having an extra copy of something, such as a piece of a chromosome or a bone in a finger.",
    ),
    Entry(
        "dysarthria",
        ("dysarthria",),
        "Slurred or unclear speech, because the muscles used to speak are weak or hard to control.",
    ),
    Entry(
        "dysfunction", ("dysfunction", "dysfunctional"), "When a part of the body does not work as it should."
    ),
    Entry(
        "dysgenesis",
        ("dysgenesis",),
        "A part of the body that formed wrongly or only partly while a baby grew in the womb.",
    ),
    Entry(
        "dyskinesia",
        ("dyskinesia", "dyskinesias"),
        "Movements that a person does not mean to make, such as twisting or jerking.",
    ),
    Entry(
        "dysmetria",
        ("dysmetria",),
        "Trouble judging the distance or force of a movement, so a hand may overshoot or fall short.",
    ),
    Entry(
        "dysmorphism",
        ("dysmorphism", "dysmorphisms", "dysmorphic", "dysmorphology"),
        "Unusual features in the shape of the face or body. Doctors may see them as a clue to a genetic condition.",
    ),
    Entry("dysostosis", ("dysostosis", "dysostoses"), "A fault in how one bone or a group of bones formed."),
    Entry("dysphagia", ("dysphagia",), "Trouble swallowing food or drink, or pain when swallowing."),
    Entry(
        "dysplasia",
        ("dysplasia", "dysplastic", "dysplasias"),
        "Cells or a part of the body that have grown or formed in an unusual way.",
    ),
    Entry("dyspnea", ("dyspnea", "dyspnoea"), "Shortness of breath, or finding it hard to breathe."),
    Entry(
        "dystonia",
        ("dystonia", "dystonic"),
        "Muscles that tighten on their own. This causes twisting movements or odd, stuck positions of the body.",
    ),
    Entry(
        "dystrophy",
        ("dystrophy", "dystrophies"),
        "A slow weakening or wasting of a tissue, such as muscle or the retina.",
    ),
    Entry(
        "ectodermal",
        ("ectodermal", "ectoderm"),
        "To do with the layer of an unborn baby that forms the skin, hair, nails, teeth and sweat glands.",
    ),
    Entry(
        "ectopic",
        ("ectopic",),
        "In the wrong place: found somewhere in the body other than where it usually is.",
    ),
    Entry(
        "edema",
        ("edema", "oedema", "edematous"),
        "Swelling caused by fluid building up in the body's tissues, often in the legs, feet or face.",
    ),
    Entry(
        "EEG",
        ("eeg", "electroencephalogram", "electroencephalography"),
        "A test that records the brain's electrical activity through small pads placed on the scalp.",
    ),
    Entry(
        "effusion",
        ("effusion", "effusions"),
        "Fluid that has collected where it should not, such as around the lungs or heart or in a joint.",
    ),
    Entry(
        "electroretinogram",
        ("electroretinogram", "electroretinography", "erg"),
        "A test that records the signals the retina sends out when light shines into the eye.",
    ),
    Entry(
        "EMG",
        ("emg", "electromyography", "electromyogram"),
        "A test that measures the electrical signals in muscles, to check them and the nerves that work them.",
    ),
    Entry("enamel", ("enamel",), "The hard, shiny outer layer that covers and protects the teeth."),
    Entry(
        "encephalitis",
        ("encephalitis",),
        "Swelling of the brain, often from an infection or the immune system.",
    ),
    Entry(
        "encephalocele",
        ("encephalocele",),
        "A sac holding part of the brain that pushes out through a gap in the skull.",
    ),
    Entry(
        "encephalopathy",
        ("encephalopathy", "encephalopathies"),
        "A disease or damage that changes how the brain works. It can affect how alert a person is, and how they think or behave.",
    ),
    Entry("endocrine", ("endocrine",), "To do with glands that release hormones into the blood."),
    Entry("enlarged", ("enlarged", "enlargement"), "Larger than usual, such as an enlarged liver or heart."),
    Entry(
        "enzyme",
        ("enzyme", "enzymes", "enzymatic"),
        "A protein that speeds up a chemical change in the body, such as breaking down food.",
    ),
    Entry(
        "eosinophilia",
        ("eosinophilia",),
        "More eosinophils than usual, a kind of white blood cell linked to allergies and parasites.",
    ),
    Entry(
        "epicanthus",
        ("epicanthus", "epicanthal", "epicanthic"),
        "A fold of skin from the upper eyelid that covers the inner corner of the eye.",
    ),
    Entry(
        "epidermis",
        ("epidermis", "epidermal"),
        "The thin outer layer of the skin, the part you can see and touch.",
    ),
    Entry(
        "epilepsy",
        ("epilepsy", "epileptic", "epilepsies"),
        "A condition of the brain that causes seizures again and again.",
    ),
    Entry(
        "epiphysis",
        ("epiphysis", "epiphyses", "epiphyseal"),
        "The rounded end of a long bone, beyond the growth plate.",
    ),
    Entry("episodic", ("episodic",), "Happening in separate bouts, with times in between when it is absent."),
    Entry("epistaxis", ("epistaxis",), "A nosebleed: bleeding from the inside of the nose."),
    Entry(
        "epithelium",
        ("epithelium", "epithelial"),
        "The layer of cells that covers the body's surfaces and lines its organs and tubes.",
    ),
    Entry(
        "eruption",
        ("eruption", "erupted"),
        "When teeth break through the gums as they come in, or when a rash appears on the skin.",
    ),
    Entry("erythema", ("erythema",), "Redness of the skin, from extra blood flow near the surface."),
    Entry(
        "erythrocyte",
        ("erythrocyte", "erythrocytes"),
        "A red blood cell, which carries oxygen around the body.",
    ),
    Entry(
        "esophagus",
        ("esophagus", "oesophagus", "esophageal", "oesophageal"),
        "The food pipe: the tube that carries food from the throat down to the stomach.",
    ),
    Entry("esotropia", ("esotropia",), "An eye that turns inward, toward the nose."),
    Entry("everted", ("everted", "eversion"), "Turned outward, such as a lower lip that turns out."),
    Entry(
        "evoked potentials",
        ("evoked potentials", "evoked potential", "evoked"),
        "Tests that record the brain's electrical response to sights, sounds or touch.",
    ),
    Entry("exotropia", ("exotropia",), "An eye that turns outward, away from the nose."),
    Entry(
        "extrapyramidal",
        ("extrapyramidal",),
        "To do with brain pathways, outside the main movement pathway, that help keep movements smooth.",
    ),
    Entry(
        "extremities", ("extremities", "extremity"), "The hands and feet, or more widely the arms and legs."
    ),
    Entry(
        "facies",
        ("facies",),
        "A person's facial features seen together. Doctors may see a pattern in them that goes with a condition.",
    ),
    Entry(
        "failure to thrive",
        ("failure to thrive",),
        "When a baby or child does not gain weight or grow as expected.",
    ),
    Entry(
        "familial",
        ("familial",),
        "Found in more members of a family than chance would explain, often because of a shared gene.",
    ),
    Entry(
        "fasciculation",
        ("fasciculation", "fasciculations"),
        "Small twitches under the skin, from tiny groups of muscle fibres tightening on their own.",
    ),
    Entry("fatigue", ("fatigue", "fatigability"), "A deep tiredness that makes it hard to do things."),
    Entry(
        "febrile",
        ("febrile",),
        "With a fever. Febrile seizures are seizures that some young children have with a high temperature.",
    ),
    Entry("femur", ("femur", "femoral"), "The thigh bone, the long bone between the hip and the knee."),
    Entry(
        "fetal", ("fetal", "foetal", "fetus", "foetus"), "To do with an unborn baby as it grows in the womb."
    ),
    Entry(
        "fibrillation",
        ("fibrillation",),
        "Fast, quivering twitches of muscle fibres. In the heart, it means the heart shakes instead of beating steadily.",
    ),
    Entry(
        "fibrosis",
        ("fibrosis", "fibrotic"),
        "Thickening and scarring of tissue, which makes it stiff and less able to work.",
    ),
    Entry(
        "fibula",
        ("fibula", "fibular"),
        "The thin bone on the outer side of the lower leg, next to the shin bone.",
    ),
    Entry(
        "fine motor",
        ("fine motor",),
        "Small, careful movements of the hands and fingers, such as picking up small things or drawing.",
    ),
    Entry(
        "fissure",
        ("fissure", "fissures"),
        "A narrow slit or groove, such as the opening between the eyelids.",
    ),
    Entry(
        "fistula",
        ("fistula", "fistulas", "fistulae"),
        "An opening or tunnel between two body parts that should not be joined.",
    ),
    Entry(
        "flattening",
        ("flattening", "flattened"),
        "Looking flatter than usual, such as a flat area of the face or skull.",
    ),
    Entry("flexion", ("flexion", "flexed"), "Bending at a joint, such as bending the elbow or the fingers."),
    Entry("focal", ("focal",), "Affecting one small area, not the whole of an organ or the whole body."),
    Entry(
        "fontanelle",
        ("fontanelle", "fontanelles", "fontanel", "fontanels"),
        "A soft spot on a baby's head, where the skull bones have not yet joined.",
    ),
    Entry(
        "foramen ovale",
        ("foramen ovale", "patent foramen ovale"),
        "A small opening between the heart's two upper chambers. It is needed before birth and usually closes soon after.",
    ),
    Entry(
        "fracture",
        ("fracture", "fractures", "fractured"),
        "A break or a crack in a bone, often from a fall or knock.",
    ),
    Entry(
        "frontal", ("frontal",), "To do with the front, such as the forehead or the front part of the brain."
    ),
    Entry(
        "fundus",
        ("fundus",),
        "The back or bottom part of a hollow organ. For the eye, it is the inside back wall a doctor looks at.",
    ),
    Entry("gait", ("gait",), "The way a person walks: their steps, speed and balance."),
    Entry(
        "ganglion", ("ganglion", "ganglia"), "A small cluster of nerve cells, inside or outside the brain."
    ),
    Entry(
        "gastroesophageal reflux",
        ("gastroesophageal reflux", "gastro-oesophageal reflux", "gastroesophageal", "gastro-oesophageal"),
        "When acid and food from the stomach flow back up into the food pipe.",
    ),
    Entry(
        "gastrointestinal",
        ("gastrointestinal",),
        "To do with the stomach and intestines, the parts that take in and digest food.",
    ),
    Entry("gaze", ("gaze",), "Where the eyes look, and the way they move together to look there."),
    Entry(
        "gene",
        ("gene", "genes"),
        "A section of DNA. It holds the instructions for one thing the body makes, usually a protein.",
    ),
    Entry(
        "generalized",
        ("generalized", "generalised"),
        "Spread over the whole body or a whole organ, rather than one small part.",
    ),
    Entry(
        "genetic",
        ("genetic", "genetics", "genetically"),
        "To do with genes, the instructions passed from parents to children that guide how the body grows and works.",
    ),
    Entry(
        "genitalia",
        ("genitalia", "genital", "genitals"),
        "The sex organs, both on the outside and the inside of the body.",
    ),
    Entry(
        "genu valgum",
        ("genu valgum",),
        "Knock knees: legs that bend in so the knees touch while the ankles stay apart.",
    ),
    Entry(
        "genu varum",
        ("genu varum",),
        "Bow legs: legs that curve out so the knees stay apart when the ankles touch.",
    ),
    Entry(
        "gestation",
        ("gestation", "gestational"),
        "The time a baby spends growing in the womb before birth. A full pregnancy lasts about 40 weeks.",
    ),
    Entry("gingival", ("gingival", "gingiva"), "To do with the gums, the pink tissue around the teeth."),
    Entry(
        "girdle",
        ("girdle", "girdles"),
        "The ring of bones and muscles at the shoulders or hips that joins the arms or legs to the body.",
    ),
    Entry(
        "gland",
        ("gland", "glands", "glandular"),
        "An organ that makes and releases something the body needs, such as hormones, sweat or spit.",
    ),
    Entry(
        "glaucoma",
        ("glaucoma",),
        "An eye disease that damages the nerve at the back of the eye. High pressure inside the eye is a common cause.",
    ),
    Entry(
        "glomerulonephritis",
        ("glomerulonephritis",),
        "Swelling and damage of the tiny filters inside the kidneys.",
    ),
    Entry(
        "glomerulus",
        ("glomerulus", "glomeruli", "glomerular"),
        "One of the tiny filters in the kidneys that clean the blood.",
    ),
    Entry(
        "glycosylation",
        ("glycosylation",),
        "The way cells attach chains of sugars to proteins and fats, which many of them need to work.",
    ),
    Entry(
        "goiter", ("goiter", "goitre"), "A swollen thyroid gland, seen as a lump in the front of the neck."
    ),
    Entry(
        "gross motor",
        ("gross motor",),
        "Big movements that use the large muscles, such as sitting, crawling, walking and running.",
    ),
    Entry(
        "hairline",
        ("hairline",),
        "The edge where hair starts to grow, such as at the top of the forehead or the back of the neck.",
    ),
    Entry("hallux", ("hallux",), "The big toe, the largest toe on each foot."),
    Entry(
        "heart failure",
        ("heart failure", "cardiac failure"),
        "When the heart cannot pump as well as it should to meet the body's needs.",
    ),
    Entry("helix", ("helix",), "The curved outer rim of the ear, along its top and back."),
    Entry(
        "hemangioma",
        ("hemangioma", "hemangiomas", "haemangioma", "haemangiomas"),
        "A growth of extra blood vessels in the skin, often a red birthmark, that is not cancer.",
    ),
    Entry(
        "hematuria",
        ("hematuria", "haematuria"),
        "Blood in the urine. It may turn the urine pink, red or brown, or be seen only by a test.",
    ),
    Entry("hemiparesis", ("hemiparesis",), "Weakness of one side of the body, such as one arm and one leg."),
    Entry(
        "hemiplegia",
        ("hemiplegia", "hemiplegic"),
        "Loss of movement on one side of the body, often from damage to the brain.",
    ),
    Entry(
        "hemoglobin",
        ("hemoglobin", "haemoglobin"),
        "The protein in red blood cells that carries oxygen around the body.",
    ),
    Entry(
        "hemolysis",
        ("hemolysis", "haemolysis", "hemolytic", "haemolytic"),
        "The breaking apart of red blood cells, which can cause anemia and yellow skin.",
    ),
    Entry(
        "hemorrhage",
        ("hemorrhage", "hemorrhages", "hemorrhagic", "haemorrhage", "haemorrhages", "haemorrhagic"),
        "Bleeding that is heavy, or that happens inside the body.",
    ),
    Entry(
        "hepatic",
        ("hepatic",),
        "To do with the liver, the large organ on the right of the belly that cleans the blood and helps digest food.",
    ),
    Entry(
        "hepatitis", ("hepatitis",), "Swelling of the liver. Germs, drugs or the immune system can cause it."
    ),
    Entry("hepatomegaly", ("hepatomegaly",), "A liver that is bigger than it should be."),
    Entry(
        "hepatosplenomegaly", ("hepatosplenomegaly",), "A liver and a spleen that are both bigger than usual."
    ),
    Entry("hereditary", ("hereditary", "heritable"), "Passed down from parents to children through genes."),
    Entry(
        "hernia",
        ("hernia", "hernias"),
        "A bulge where part of an organ pushes through a weak spot in the wall that holds it in.",
    ),
    Entry(
        "heterogeneous",
        ("heterogeneous", "heterogeneity"),
        "Made up of different kinds. Such a condition can have several causes or look different in different people.",
    ),
    Entry(
        "heterotopia",
        ("heterotopia", "heterotopias", "heterotopic"),
        "Normal tissue found in the wrong place, such as nerve cells that did not move to their usual place in the brain.",
    ),
    Entry(
        "heterozygous",
        ("heterozygous", "heterozygote", "heterozygotes"),
        "Having two copies of a gene that are not the same, such as one changed copy and one usual copy.",
    ),
    Entry(
        "high palate",
        ("high palate", "high-arched palate", "highly arched palate"),
        "A roof of the mouth that is higher and more curved than usual.",
    ),
    Entry(
        "hirsutism",
        ("hirsutism",),
        "Thick, dark hair growing where it usually does not in women, such as on the face, chest or back.",
    ),
    Entry(
        "holoprosencephaly",
        ("holoprosencephaly",),
        "When the front part of the brain does not divide fully into left and right halves before birth.",
    ),
    Entry(
        "homozygous",
        ("homozygous", "homozygote", "homozygotes"),
        "Having two copies of a gene that are the same, such as two copies with the same change.",
    ),
    Entry(
        "hormone",
        ("hormone", "hormones", "hormonal"),
        "A chemical messenger made by a gland. It travels in the blood and tells other parts of the body what to do.",
    ),
    Entry(
        "humerus", ("humerus", "humeral"), "The bone of the upper arm, between the shoulder and the elbow."
    ),
    Entry(
        "hydrocephalus",
        ("hydrocephalus",),
        "A build-up of fluid in the spaces inside the brain, which can make the head grow bigger.",
    ),
    Entry(
        "hydronephrosis",
        ("hydronephrosis",),
        "Swelling of a kidney because urine cannot drain out of it properly.",
    ),
    Entry(
        "hydrops",
        ("hydrops", "hydrops fetalis"),
        "A large build-up of fluid in part of the body. In an unborn baby, it may collect in several places.",
    ),
    Entry(
        "hyperactivity",
        ("hyperactivity", "hyperactive"),
        "Being much more active and restless than usual, and finding it hard to keep still.",
    ),
    Entry(
        "hyperammonemia",
        ("hyperammonemia", "hyperammonaemia"),
        "Too much ammonia, a waste product, in the blood.",
    ),
    Entry(
        "hyperbilirubinemia",
        ("hyperbilirubinemia", "hyperbilirubinaemia"),
        "Too much bilirubin, a yellow waste product, in the blood, which can turn the skin yellow.",
    ),
    Entry(
        "hyperextensible",
        ("hyperextensible", "hyperextensibility"),
        "Able to stretch further than usual, as with very stretchy skin.",
    ),
    Entry("hyperhidrosis", ("hyperhidrosis",), "Sweating much more than the body needs to."),
    Entry(
        "hyperkeratosis",
        ("hyperkeratosis",),
        "Thick, hard skin from a build-up of keratin, the tough stuff in the skin's outer layer.",
    ),
    Entry(
        "hyperlordosis", ("hyperlordosis",), "An inward curve of the lower back that is deeper than usual."
    ),
    Entry(
        "hypermetropia",
        ("hypermetropia", "hyperopia", "hypermetropic"),
        "Long sight: things far away look clear, but things close up look blurry.",
    ),
    Entry(
        "hypermobility",
        ("hypermobility", "hypermobile"),
        "Joints that bend further than usual. Some people call this being double-jointed.",
    ),
    Entry("hyperostosis", ("hyperostosis",), "Too much bone growth, making a bone thicker than usual."),
    Entry(
        "hyperpigmentation",
        ("hyperpigmentation", "hyperpigmented"),
        "Patches of skin that are darker than the skin around them.",
    ),
    Entry(
        "hyperplasia",
        ("hyperplasia",),
        "A part of the body that grows larger because it has more cells than usual.",
    ),
    Entry(
        "hyperreflexia",
        ("hyperreflexia", "hyperreflexic"),
        "Reflexes that are stronger than usual, like a knee jerk that kicks too hard when tapped.",
    ),
    Entry("hypertelorism", ("hypertelorism",), "Eyes that are set wider apart than usual."),
    Entry(
        "hypertension", ("hypertension", "hypertensive"), "Blood pressure that is higher than it should be."
    ),
    Entry(
        "hypertonia", ("hypertonia",), "Muscles that are too stiff or tight, with more tension than usual."
    ),
    Entry(
        "hypertrichosis", ("hypertrichosis",), "Much more hair than usual growing on the body, in any area."
    ),
    Entry(
        "hypertrophy",
        ("hypertrophy", "hypertrophic"),
        "A part of the body, such as a muscle or the heart wall, that has grown bigger because its cells grew bigger.",
    ),
    Entry(
        "hypoalbuminemia",
        ("hypoalbuminemia", "hypoalbuminaemia"),
        "Too little albumin, a protein in the blood that helps keep fluid in blood vessels.",
    ),
    Entry(
        "hypocalcemia",
        ("hypocalcemia", "hypocalcaemia"),
        "Too little calcium in the blood, which can cause cramps or seizures.",
    ),
    Entry(
        "hypodontia",
        ("hypodontia", "oligodontia"),
        "Having fewer teeth than usual, because some never formed.",
    ),
    Entry(
        "hypoglycemia",
        ("hypoglycemia", "hypoglycaemia", "hypoglycemic"),
        "Too little sugar in the blood. It can cause shaking, sweating, confusion or seizures.",
    ),
    Entry(
        "hypogonadism",
        ("hypogonadism",),
        "When the testes or ovaries make too few sex hormones, which can slow or stop puberty.",
    ),
    Entry(
        "hypogonadotropic",
        ("hypogonadotropic",),
        "Caused by too little of the signal hormones from the brain that tell the testes or ovaries to work.",
    ),
    Entry(
        "hypohidrosis",
        ("hypohidrosis", "anhidrosis"),
        "Sweating much less than usual, or not being able to sweat.",
    ),
    Entry(
        "hypomyelination",
        ("hypomyelination",),
        "Too little myelin forming in the brain. Myelin is the fatty coating that helps nerve signals travel.",
    ),
    Entry(
        "hypopigmentation",
        ("hypopigmentation", "hypopigmented"),
        "Patches of skin that are lighter than the skin around them.",
    ),
    Entry(
        "hypoplasia", ("hypoplasia", "hypoplastic"), "A part of the body that did not grow to its full size."
    ),
    Entry(
        "hyporeflexia",
        ("hyporeflexia",),
        "Reflexes that are weaker than usual. Reflexes are automatic movements, such as the knee jerk.",
    ),
    Entry(
        "hypospadias",
        ("hypospadias",),
        "A condition in boys where the opening of the penis is on its underside, not at the tip.",
    ),
    Entry("hypotelorism", ("hypotelorism",), "Eyes that are set closer together than usual."),
    Entry("hypotension", ("hypotension", "hypotensive"), "Blood pressure that is lower than it should be."),
    Entry(
        "hypothyroidism",
        ("hypothyroidism", "hypothyroid"),
        "When the thyroid gland in the neck makes too little thyroid hormone, which can slow growth and make a person tired.",
    ),
    Entry("hypotonia", ("hypotonia", "hypotonic"), "Low muscle tone: muscles that feel floppy and loose."),
    Entry(
        "hypsarrhythmia",
        ("hypsarrhythmia",),
        "A very messy pattern of brain waves on an EEG. It is seen in babies with infantile spasms.",
    ),
    Entry("ichthyosis", ("ichthyosis",), "Dry, thick, scaly skin, a bit like fish scales."),
    Entry(
        "idiopathic",
        ("idiopathic",),
        "With no known cause. Doctors use it when they cannot find why a problem started.",
    ),
    Entry(
        "imaging",
        ("imaging",),
        "Ways to take pictures of the inside of the body. X-rays, ultrasound and MRI scans are kinds of it.",
    ),
    Entry(
        "immunodeficiency",
        ("immunodeficiency", "immunodeficiencies"),
        "A weak immune system. The body has trouble fighting off germs.",
    ),
    Entry(
        "immunoglobulin",
        ("immunoglobulin", "immunoglobulins", "igg", "iga", "igm", "ige"),
        "Another word for antibody. IgA, IgG, IgM and IgE are its main kinds.",
    ),
    Entry(
        "impairment",
        ("impairment", "impaired", "impairments"),
        "A loss or weakening of how well a part of the body or mind works.",
    ),
    Entry(
        "incontinence",
        ("incontinence", "incontinent"),
        "Not being able to control when urine or poo comes out.",
    ),
    Entry(
        "infancy", ("infancy", "infantile"), "The first year or so of a child's life, when they are a baby."
    ),
    Entry(
        "infantile spasms",
        ("infantile spasms",),
        "A kind of seizure in babies. The body stiffens or bends suddenly for a moment, often many times in a row.",
    ),
    Entry(
        "infertility",
        ("infertility", "infertile"),
        "Not being able to have a baby after trying for a long time.",
    ),
    Entry(
        "inflammation",
        ("inflammation", "inflammatory", "inflamed"),
        "The body's response to injury or infection. It causes redness, heat, swelling and pain.",
    ),
    Entry("inguinal", ("inguinal",), "In the groin, the fold where the top of the leg meets the belly."),
    Entry(
        "inheritance",
        ("inheritance", "inherited", "inherit", "inherits"),
        "How a condition or trait is passed down from parents to children through genes.",
    ),
    Entry(
        "instability",
        ("instability", "unstable"),
        "Not steady or firm, such as a joint that slips or balance that is poor.",
    ),
    Entry(
        "insufficiency",
        ("insufficiency",),
        "When an organ or part cannot do enough of its job, such as a heart valve or gland that works too weakly.",
    ),
    Entry(
        "insulin",
        ("insulin",),
        "A hormone made by the pancreas that lets sugar move from the blood into cells for energy.",
    ),
    Entry(
        "interstitial",
        ("interstitial",),
        "In the small spaces between the cells or parts of an organ, such as the lungs or kidneys.",
    ),
    Entry(
        "intestine",
        ("intestine", "intestines", "intestinal"),
        "The long tube that food passes through after the stomach, where it is digested and water is taken in.",
    ),
    Entry(
        "intolerance",
        ("intolerance", "intolerant"),
        "When the body cannot handle something well, such as a food, heat or exercise.",
    ),
    Entry(
        "intracranial", ("intracranial",), "Inside the skull, such as bleeding or pressure around the brain."
    ),
    Entry("intrauterine", ("intrauterine",), "Inside the womb, before a baby is born."),
    Entry(
        "iris",
        ("iris", "irides", "irises"),
        "The coloured ring of the eye around the dark centre, the pupil.",
    ),
    Entry(
        "irregular",
        ("irregular", "irregularly", "irregularity"),
        "Not even or regular: not a smooth shape, or not at a steady pace.",
    ),
    Entry(
        "irritability",
        ("irritability", "irritable"),
        "Being easily upset or annoyed. In a baby, it can mean crying and fussing a lot.",
    ),
    Entry(
        "jaundice",
        ("jaundice", "jaundiced", "icterus"),
        "Yellow skin and yellow whites of the eyes, from a build-up of a yellow waste made when red blood cells break down.",
    ),
    Entry(
        "juvenile",
        ("juvenile",),
        "To do with childhood or the teenage years, before a person is fully grown.",
    ),
    Entry(
        "keratoderma",
        ("keratoderma",),
        "Thick, hard skin, mostly on the palms of the hands and the soles of the feet.",
    ),
    Entry(
        "kinase",
        ("kinase", "kinases"),
        "A kind of enzyme that adds a small chemical tag to other molecules. This often turns a protein on or off.",
    ),
    Entry("kyphoscoliosis", ("kyphoscoliosis",), "A spine that curves both forward and to the side."),
    Entry(
        "kyphosis",
        ("kyphosis", "kyphotic"),
        "A spine that curves forward too much at the upper back, causing a rounded back or hunch.",
    ),
    Entry("lacrimal", ("lacrimal",), "To do with tears and the parts that make and drain them."),
    Entry(
        "lactic acid",
        ("lactic acid", "lactate", "lactic"),
        "A substance made when cells make energy without enough oxygen. A high level in the blood can be a sign of a problem.",
    ),
    Entry("lateral", ("lateral", "laterally"), "On or toward the side, away from the middle of the body."),
    Entry(
        "lesion",
        ("lesion", "lesions"),
        "An area of damage or change in tissue, such as a sore, a spot, or a scar in the brain.",
    ),
    Entry(
        "lethal", ("lethal", "lethality"), "Causing death, or so serious that it is likely to cause death."
    ),
    Entry(
        "lethargy",
        ("lethargy", "lethargic"),
        "Being very sleepy and slow, and finding it hard to stay awake.",
    ),
    Entry(
        "leukemia",
        ("leukemia", "leukaemia", "leukemias"),
        "A cancer of the blood-making tissue, with too many white blood cells that do not work properly.",
    ),
    Entry("leukocytosis", ("leukocytosis",), "More white blood cells than usual, often a sign of infection."),
    Entry(
        "leukodystrophy",
        ("leukodystrophy", "leukodystrophies"),
        "One of a group of rare conditions that harm the brain's white matter. This is made of nerve fibres with a fatty coating.",
    ),
    Entry("leukopenia", ("leukopenia",), "Too few white blood cells, which help fight infection."),
    Entry("limb", ("limb", "limbs"), "An arm or a leg. Hands and feet are part of the limbs."),
    Entry("lipodystrophy", ("lipodystrophy",), "When the body loses fat, or stores it in unusual places."),
    Entry(
        "lissencephaly", ("lissencephaly",), "A smooth brain surface, with few or none of the usual folds."
    ),
    Entry("lumbar", ("lumbar",), "To do with the lower back, between the ribs and the hips."),
    Entry(
        "lupus",
        ("lupus",),
        "An autoimmune disease. The immune system attacks healthy parts of the body, such as the skin, joints or kidneys.",
    ),
    Entry(
        "lymph node",
        ("lymph node", "lymph nodes"),
        "A small, bean-shaped gland that filters a fluid called lymph and helps fight infection.",
    ),
    Entry(
        "lymphadenopathy",
        ("lymphadenopathy",),
        "Swollen lymph nodes, the small glands in the neck, armpits and groin that help fight infection.",
    ),
    Entry(
        "lymphedema",
        ("lymphedema", "lymphoedema"),
        "Swelling, often in an arm or leg, because lymph fluid does not drain away well.",
    ),
    Entry(
        "lymphocyte",
        ("lymphocyte", "lymphocytes"),
        "A kind of white blood cell that helps the body fight infection.",
    ),
    Entry(
        "lymphoma",
        ("lymphoma", "lymphomas"),
        "A cancer that starts in white blood cells called lymphocytes, which help fight infection.",
    ),
    Entry(
        "lymphopenia",
        ("lymphopenia", "lymphocytopenia"),
        "Too few lymphocytes, the white blood cells that help fight infection.",
    ),
    Entry("macrocephaly", ("macrocephaly",), "A head that is bigger than usual for the child's age and sex."),
    Entry(
        "macroglossia",
        ("macroglossia",),
        "A tongue that is larger than usual, which may stick out of the mouth.",
    ),
    Entry("macrotia", ("macrotia",), "Ears that are bigger than usual for a person's age."),
    Entry(
        "macula",
        ("macula", "macular"),
        "The small central part of the retina at the back of the eye, which gives sharp, detailed sight.",
    ),
    Entry("malabsorption", ("malabsorption",), "When the gut cannot take in the useful parts of food well."),
    Entry("malar", ("malar",), "To do with the cheeks or the cheekbones."),
    Entry(
        "malformation",
        ("malformation", "malformations", "malformed"),
        "A part of the body that formed in an unusual way before birth.",
    ),
    Entry(
        "malignant",
        ("malignant", "malignancy", "malignancies"),
        "Cancerous. It can grow into nearby parts and spread to other places in the body.",
    ),
    Entry("malocclusion", ("malocclusion",), "Teeth that do not meet properly when the mouth is closed."),
    Entry(
        "malrotation",
        ("malrotation",),
        "When the gut did not turn and settle into its usual place while a baby grew in the womb.",
    ),
    Entry(
        "mandible",
        ("mandible", "mandibular"),
        "The lower jaw bone, the bone that moves when you chew or talk.",
    ),
    Entry(
        "manifestation",
        ("manifestation", "manifestations", "manifest", "manifests", "manifesting"),
        "A sign or symptom through which a disease shows itself. To manifest means to show up in this way.",
    ),
    Entry("maturation", ("maturation",), "Growing and changing until fully grown or fully formed."),
    Entry(
        "maxilla",
        ("maxilla", "maxillary"),
        "The upper jaw bone, which holds the upper teeth and forms part of the cheeks.",
    ),
    Entry("melanoma", ("melanoma", "melanomas"), "A cancer of the cells that give skin its colour."),
    Entry(
        "membrane",
        ("membrane", "membranes"),
        "A thin layer of tissue that covers, lines or separates parts of the body or of a cell.",
    ),
    Entry(
        "meningitis",
        ("meningitis",),
        "Swelling of the layers that cover the brain and spinal cord, often from an infection.",
    ),
    Entry(
        "metabolism",
        ("metabolism", "metabolic"),
        "All the chemical work the body's cells do to turn food into energy and building blocks.",
    ),
    Entry(
        "metacarpal",
        ("metacarpal", "metacarpals"),
        "One of the five long bones in the palm of the hand, between the wrist and the fingers.",
    ),
    Entry(
        "metaphysis",
        ("metaphysis", "metaphyses", "metaphyseal"),
        "The wide part near each end of a long bone, next to the growth plate where the bone grows longer.",
    ),
    Entry(
        "metatarsal",
        ("metatarsal", "metatarsals"),
        "One of the five long bones in the middle of the foot, between the ankle and the toes.",
    ),
    Entry(
        "microcephaly",
        ("microcephaly", "microcephalic"),
        "A head that is much smaller than usual for the child's age and sex.",
    ),
    Entry("microdontia", ("microdontia",), "Teeth that are smaller than usual, in some or all of the mouth."),
    Entry(
        "micrognathia",
        ("micrognathia",),
        "A lower jaw that is smaller than usual, so the chin may look set back.",
    ),
    Entry("micromelia", ("micromelia",), "Arms and legs that are much shorter than usual."),
    Entry(
        "micropenis",
        ("micropenis",),
        "A penis that is much smaller than usual for the boy's age, though formed normally.",
    ),
    Entry(
        "microphthalmia",
        ("microphthalmia", "microphthalmos"),
        "An eye that is smaller than usual because it did not grow fully before birth.",
    ),
    Entry("microtia", ("microtia",), "A small or not fully formed outer ear, on one or both sides."),
    Entry(
        "midface",
        ("midface", "midfacial"),
        "The middle part of the face, between the eyes and the upper lip, including the cheeks and nose.",
    ),
    Entry("midline", ("midline",), "The imaginary line down the middle of the body, from head to toe."),
    Entry(
        "migraine",
        ("migraine", "migraines"),
        "A strong, throbbing headache that keeps coming back, often with feeling sick or being upset by light.",
    ),
    Entry(
        "mitochondria",
        ("mitochondria", "mitochondrion", "mitochondrial"),
        "Tiny parts inside cells that turn food into the energy the cells need.",
    ),
    Entry(
        "mitral",
        ("mitral", "mitral valve"),
        "One of the heart's four valves. It lets blood flow from the left upper chamber to the left lower chamber.",
    ),
    Entry("morphology", ("morphology", "morphological"), "The shape and build of a part of the body."),
    Entry(
        "motor",
        ("motor",),
        "To do with movement of the body, and the nerves and muscles that make it happen.",
    ),
    Entry(
        "MRI",
        ("mri", "magnetic resonance imaging"),
        "A scan that uses a strong magnet and radio waves. It makes clear pictures of the inside of the body.",
    ),
    Entry(
        "mucosa",
        ("mucosa", "mucosal", "mucous membrane", "mucous membranes"),
        "The moist lining inside the mouth, nose, gut and other organs.",
    ),
    Entry(
        "multiplex",
        ("multiplex",),
        "Latin for many, used in names of conditions that affect many places at once.",
    ),
    Entry(
        "muscular",
        ("muscular", "musculature"),
        "To do with the muscles, the parts of the body that pull to make movement.",
    ),
    Entry(
        "mutation",
        ("mutation", "mutations", "mutated"),
        "A change in a gene or in DNA. Some changes cause illness, and many cause none.",
    ),
    Entry("myalgia", ("myalgia", "myalgias"), "Aching or pain in one or more muscles of the body."),
    Entry(
        "myelin",
        ("myelin", "myelination", "myelinated"),
        "The fatty coating around many nerve fibres. It helps signals travel fast, like the plastic around a wire.",
    ),
    Entry(
        "myeloid",
        ("myeloid",),
        "To do with the bone marrow, or the blood cells made there other than lymphocytes.",
    ),
    Entry(
        "myocardium",
        ("myocardium", "myocardial"),
        "The heart muscle, the thick wall of the heart that pumps blood.",
    ),
    Entry(
        "myoclonus",
        ("myoclonus", "myoclonic"),
        "Sudden, quick jerks of a muscle or group of muscles that the person cannot control.",
    ),
    Entry(
        "myopathy",
        ("myopathy", "myopathic", "myopathies"),
        "A disease of the muscles that can make them weak.",
    ),
    Entry(
        "myopia",
        ("myopia", "myopic"),
        "Short sight: things close up look clear, but things far away look blurry.",
    ),
    Entry("nares", ("nares", "naris"), "The nostrils, the two openings of the nose."),
    Entry("nasal", ("nasal",), "To do with the nose or the space inside it behind the nostrils."),
    Entry("nausea", ("nausea", "nauseous"), "Feeling sick, as if you might throw up."),
    Entry("necrosis", ("necrosis", "necrotic"), "The death of cells or tissue in part of the body."),
    Entry(
        "neonatal",
        ("neonatal", "neonate", "neonates"),
        "To do with a newborn baby, in the first four weeks of life.",
    ),
    Entry(
        "neoplasm",
        ("neoplasm", "neoplasms", "neoplasia"),
        "A growth of cells that keep dividing when they should not, also called a tumor. Some are cancer and some are not.",
    ),
    Entry("nephrocalcinosis", ("nephrocalcinosis",), "A build-up of calcium in the tissue of the kidneys."),
    Entry(
        "nephrolithiasis",
        ("nephrolithiasis", "kidney stones", "kidney stone"),
        "Kidney stones: hard lumps that form in the kidneys from substances in the urine.",
    ),
    Entry(
        "nephropathy",
        ("nephropathy", "nephropathies"),
        "Disease or damage of the kidneys that stops them from working well.",
    ),
    Entry(
        "nephrotic syndrome",
        ("nephrotic syndrome", "nephrotic"),
        "A kidney problem in which protein leaks into the urine. It causes swelling in the body.",
    ),
    Entry(
        "neurodegenerative",
        ("neurodegenerative", "neurodegeneration"),
        "A disease in which nerve cells in the brain or spinal cord slowly die.",
    ),
    Entry(
        "neurodevelopmental",
        ("neurodevelopmental",),
        "To do with how the brain and nervous system grow, which shapes learning, movement and behaviour.",
    ),
    Entry(
        "neurological",
        ("neurological", "neurologic", "neurology"),
        "To do with the brain, the spinal cord and the nerves.",
    ),
    Entry("neuromuscular", ("neuromuscular",), "To do with the nerves and the muscles they control."),
    Entry(
        "neuron",
        ("neuron", "neurons", "neuronal", "neurone", "neurones"),
        "A nerve cell: a cell that carries signals in the brain, spinal cord and nerves.",
    ),
    Entry(
        "neuropathy",
        ("neuropathy", "neuropathies"),
        "Damage to nerves, which can cause numbness, tingling, pain or weak muscles.",
    ),
    Entry(
        "neutropenia",
        ("neutropenia",),
        "Too few neutrophils, a kind of white blood cell that fights germs, which raises the risk of infections.",
    ),
    Entry(
        "neutrophil",
        ("neutrophil", "neutrophils"),
        "The most common kind of white blood cell, which fights germs.",
    ),
    Entry(
        "nevus",
        ("nevus", "nevi", "naevus", "naevi"),
        "A mole or birthmark: a patch of skin with a different colour or texture.",
    ),
    Entry(
        "nodule",
        ("nodule", "nodules", "nodular"),
        "A small, firm lump in or under the skin or inside an organ.",
    ),
    Entry(
        "nonsyndromic",
        ("nonsyndromic", "non-syndromic"),
        "Happening on its own, not as part of a wider syndrome.",
    ),
    Entry("nuchal", ("nuchal",), "To do with the back of the neck, such as extra skin there."),
    Entry(
        "nyctalopia",
        ("nyctalopia", "night blindness"),
        "Night blindness: trouble seeing in dim light or in the dark.",
    ),
    Entry(
        "nystagmus",
        ("nystagmus",),
        "Eyes that move on their own, often quickly from side to side, in a way the person cannot stop.",
    ),
    Entry(
        "obesity", ("obesity", "obese"), "Having much more body fat than is healthy for a person's height."
    ),
    Entry(
        "obstruction",
        ("obstruction", "obstructive", "obstructed"),
        "A blockage that stops something from passing through, such as air, food or urine.",
    ),
    Entry("occiput", ("occiput", "occipital"), "The back of the head, or the bone that forms it."),
    Entry("ocular", ("ocular",), "To do with the eyes and how they work."),
    Entry("oculomotor", ("oculomotor",), "To do with the nerves and muscles that move the eyes."),
    Entry(
        "oligohydramnios", ("oligohydramnios",), "Too little of the fluid that surrounds a baby in the womb."
    ),
    Entry(
        "omphalocele",
        ("omphalocele", "exomphalos"),
        "When some of a baby's gut sticks out through the belly button at birth, covered by a thin sac.",
    ),
    Entry("onset", ("onset",), "The time when an illness or sign first starts to show."),
    Entry(
        "opacity",
        ("opacity", "opacities", "opacification"),
        "A cloudy area in something that should be clear, such as the lens or cornea of the eye.",
    ),
    Entry(
        "ophthalmoplegia", ("ophthalmoplegia",), "Weakness or paralysis of the muscles that move the eyes."
    ),
    Entry(
        "optic",
        ("optic",),
        "To do with the eye or sight. The optic nerve carries signals from the eye to the brain.",
    ),
    Entry(
        "ossification",
        ("ossification", "ossified"),
        "The forming of bone from softer tissue, as bones grow, or sometimes where bone should not be.",
    ),
    Entry(
        "osteoarthritis",
        ("osteoarthritis",),
        "Wear of the smooth covering on the ends of bones in a joint, causing pain and stiffness.",
    ),
    Entry(
        "osteogenesis imperfecta",
        ("osteogenesis imperfecta",),
        "A condition present from birth in which bones are fragile and break easily.",
    ),
    Entry(
        "osteopenia",
        ("osteopenia",),
        "Bones that are thinner and weaker than usual. It is a milder form of bone loss.",
    ),
    Entry("osteoporosis", ("osteoporosis",), "Thin, weak bones that break more easily than usual."),
    Entry(
        "otitis",
        ("otitis", "otitis media"),
        "Swelling and soreness in the ear, often from an infection. Otitis media is in the middle ear.",
    ),
    Entry(
        "ovary",
        ("ovary", "ovaries", "ovarian"),
        "One of two small organs low in a woman's belly that hold eggs and make female hormones.",
    ),
    Entry(
        "overgrowth",
        ("overgrowth",),
        "Growing more than usual, so the body or a part of it is bigger than expected.",
    ),
    Entry("pachygyria", ("pachygyria",), "A brain surface with fewer and wider folds than usual."),
    Entry(
        "palate",
        ("palate", "palatal"),
        "The roof of the mouth. It separates the mouth from the inside of the nose.",
    ),
    Entry("pallor", ("pallor",), "Looking paler than usual, especially the skin of the face."),
    Entry("palmar", ("palmar",), "On or to do with the palm, the inside of the hand."),
    Entry("palmoplantar", ("palmoplantar",), "On the palms of the hands and the soles of the feet."),
    Entry(
        "palpebral fissure",
        ("palpebral fissure", "palpebral fissures"),
        "The gap between the upper and lower eyelids, where the eye shows.",
    ),
    Entry(
        "palsy",
        ("palsy", "palsies"),
        "Weakness or loss of movement in part of the body, caused by damage to nerves or the brain.",
    ),
    Entry(
        "pancreas",
        ("pancreas", "pancreatic"),
        "An organ behind the stomach. It makes juices that digest food, and hormones like insulin.",
    ),
    Entry(
        "pancreatitis", ("pancreatitis",), "Swelling and pain of the pancreas, the organ behind the stomach."
    ),
    Entry(
        "pancytopenia",
        ("pancytopenia",),
        "Too few of all three kinds of blood cells: red cells, white cells and platelets.",
    ),
    Entry("papule", ("papule", "papules"), "A small, raised bump on the skin, like a pimple without pus."),
    Entry(
        "paralysis", ("paralysis", "paralyzed", "paralysed"), "Loss of the ability to move part of the body."
    ),
    Entry("paraparesis", ("paraparesis",), "Weakness of both legs, less than a full loss of movement."),
    Entry("paraplegia", ("paraplegia", "paraplegic"), "Weakness or loss of movement in both legs."),
    Entry(
        "parathyroid",
        ("parathyroid",),
        "Small glands in the neck, usually four, that control the level of calcium in the blood.",
    ),
    Entry(
        "paresthesia",
        ("paresthesia", "paresthesias", "paraesthesia"),
        "Tingling, prickling or numb feelings, like pins and needles.",
    ),
    Entry(
        "parkinsonism",
        ("parkinsonism",),
        "Slow movement, stiffness and shaking like that seen in Parkinson's disease.",
    ),
    Entry(
        "paroxysmal",
        ("paroxysmal", "paroxysm", "paroxysms"),
        "Coming in sudden attacks, or bouts, that start and stop quickly.",
    ),
    Entry(
        "patella",
        ("patella", "patellae", "patellar"),
        "The kneecap, the small round bone at the front of the knee.",
    ),
    Entry(
        "pectus carinatum",
        ("pectus carinatum",),
        "A chest that sticks out in the middle, where the breastbone is pushed outward.",
    ),
    Entry(
        "pectus excavatum",
        ("pectus excavatum",),
        "A chest with a sunken middle, where the breastbone is pushed inward.",
    ),
    Entry(
        "pelvis",
        ("pelvis", "pelvic"),
        "The ring of bones at the base of the spine that joins the legs to the body and supports the belly.",
    ),
    Entry("periorbital", ("periorbital",), "Around the eyes, in the area of the eye socket."),
    Entry(
        "peripheral",
        ("peripheral",),
        "Away from the centre. Peripheral nerves run from the brain and spinal cord out to the rest of the body.",
    ),
    Entry("periventricular", ("periventricular",), "Around the fluid-filled spaces deep inside the brain."),
    Entry(
        "persistent", ("persistent", "persistence"), "Lasting a long time, or not going away when expected."
    ),
    Entry("pes cavus", ("pes cavus",), "A foot with an arch that is much higher than usual."),
    Entry(
        "pes planus",
        ("pes planus", "flat feet", "flat foot"),
        "Flat feet: feet with a low arch, or with no arch at all.",
    ),
    Entry(
        "phalanx", ("phalanx", "phalanges", "phalangeal"), "One of the small bones in the fingers and toes."
    ),
    Entry(
        "phenotype",
        ("phenotype", "phenotypes"),
        "The traits a person has that can be seen or measured, such as height or symptoms.",
    ),
    Entry(
        "philtrum",
        ("philtrum",),
        "The groove between the bottom of the nose and the middle of the upper lip.",
    ),
    Entry("photophobia", ("photophobia",), "Pain or discomfort in the eyes from bright light."),
    Entry(
        "photosensitivity",
        ("photosensitivity", "photosensitive"),
        "Being easily harmed or set off by light. The skin may burn quickly, or flashing lights may bring on seizures.",
    ),
    Entry(
        "physiology",
        ("physiology", "physiological", "physiologic"),
        "How the body and its parts normally work.",
    ),
    Entry(
        "pigmentation",
        ("pigmentation", "pigment", "pigments", "pigmented", "pigmentary"),
        "The natural colour of skin, hair or eyes, which comes from pigments such as melanin.",
    ),
    Entry("pinna", ("pinna", "pinnae"), "The outer part of the ear that you can see."),
    Entry(
        "pituitary",
        ("pituitary", "pituitary gland"),
        "A pea-sized gland under the brain that makes hormones controlling growth and many other glands.",
    ),
    Entry(
        "plagiocephaly",
        ("plagiocephaly",),
        "A head with a flat spot on one side, giving it a lopsided shape.",
    ),
    Entry("plantar", ("plantar",), "On or to do with the sole of the foot."),
    Entry(
        "plasma",
        ("plasma",),
        "The liquid part of blood, which carries blood cells, food and other things around the body.",
    ),
    Entry(
        "platelet",
        ("platelet", "platelets"),
        "Tiny pieces of cells in the blood that clump together to stop bleeding.",
    ),
    Entry("platyspondyly", ("platyspondyly",), "Bones of the spine that are flatter than usual."),
    Entry(
        "pleura",
        ("pleura", "pleural"),
        "The thin layers that cover the lungs and line the inside of the chest.",
    ),
    Entry(
        "pneumonia",
        ("pneumonia",),
        "An infection that inflames the lungs, so they may fill with fluid and make breathing hard.",
    ),
    Entry(
        "polycystic",
        ("polycystic",),
        "Having many cysts, the small sacs filled with fluid, such as in the kidneys or ovaries.",
    ),
    Entry("polydactyly", ("polydactyly",), "Having more than five fingers on a hand or five toes on a foot."),
    Entry("polyhydramnios", ("polyhydramnios",), "Too much of the fluid that surrounds a baby in the womb."),
    Entry(
        "polymicrogyria",
        ("polymicrogyria",),
        "A brain surface with too many small folds, which formed in an unusual way before birth.",
    ),
    Entry(
        "polyneuropathy",
        ("polyneuropathy", "polyneuropathies"),
        "Damage to many nerves at once, often starting in the feet and hands.",
    ),
    Entry(
        "polyp",
        ("polyp", "polyps", "polyposis"),
        "A small growth on the inner lining of an organ, such as the gut or nose. Having many is called polyposis.",
    ),
    Entry("positivity", ("positivity",), "A positive test result: the test found the thing it looks for."),
    Entry("postaxial", ("postaxial",), "On the little finger or little toe side of the hand or foot."),
    Entry("posterior", ("posterior", "posteriorly"), "At or near the back of the body or of a body part."),
    Entry("postnatal", ("postnatal",), "Happening after a baby is born, such as slow growth after birth."),
    Entry(
        "postural",
        ("postural", "posture"),
        "To do with posture, how the body is held when sitting, standing or moving.",
    ),
    Entry(
        "preauricular", ("preauricular",), "Just in front of the ear, such as a small pit or skin tag there."
    ),
    Entry("preaxial", ("preaxial",), "On the thumb or big toe side of the hand or foot."),
    Entry(
        "precocious puberty",
        ("precocious puberty", "precocious"),
        "Puberty that starts much earlier than usual for a child.",
    ),
    Entry(
        "predisposition",
        ("predisposition", "predisposed"),
        "A bigger chance than usual of getting an illness, often because of genes.",
    ),
    Entry(
        "premature",
        ("premature", "prematurely", "prematurity"),
        "Happening earlier than expected. A premature baby is born more than three weeks before the due date.",
    ),
    Entry("prenatal", ("prenatal",), "Before birth, while the baby is growing in the womb."),
    Entry("profound", ("profound", "profoundly"), "Very great or very severe, as in profound hearing loss."),
    Entry("prognathia", ("prognathia", "prognathism"), "A lower jaw that sticks out further than usual."),
    Entry(
        "prognosis",
        ("prognosis",),
        "What is likely to happen with an illness over time, and how it may turn out.",
    ),
    Entry(
        "progressive",
        ("progressive", "progression", "progressively"),
        "Getting worse or spreading over time, rather than staying the same.",
    ),
    Entry(
        "prolapse",
        ("prolapse", "prolapsed"),
        "When an organ or part slips down or bulges out of its usual place, such as a heart valve or the womb.",
    ),
    Entry("prolonged", ("prolonged",), "Going on for longer than usual, or longer than it should."),
    Entry(
        "proptosis",
        ("proptosis", "exophthalmos"),
        "Eyes that bulge forward out of their sockets more than usual.",
    ),
    Entry(
        "proteinuria",
        ("proteinuria",),
        "Too much protein in the urine, which can be a sign that the kidneys are not working well.",
    ),
    Entry(
        "protruding",
        ("protruding", "protrusion"),
        "Sticking out further than usual, such as the ears, eyes or tongue.",
    ),
    Entry(
        "proximal",
        ("proximal", "proximally"),
        "Closer to the middle of the body, such as the upper arm compared with the hand.",
    ),
    Entry("pruritus", ("pruritus", "pruritic"), "Itchy skin, which makes a person want to scratch."),
    Entry(
        "psychomotor",
        ("psychomotor",),
        "To do with how thinking and movement work together, such as in a child's early skills.",
    ),
    Entry(
        "psychosis",
        ("psychosis", "psychotic"),
        "Losing touch with reality, such as hearing or seeing things that are not there.",
    ),
    Entry(
        "ptosis", ("ptosis",), "A part that droops, most often an upper eyelid that hangs lower than usual."
    ),
    Entry(
        "pulmonary",
        ("pulmonary", "pulmonic"),
        "To do with the lungs, or the blood vessel that carries blood from the heart to the lungs.",
    ),
    Entry(
        "pyramidal",
        ("pyramidal",),
        "To do with the main nerve pathways that carry movement signals from the brain to the spinal cord.",
    ),
    Entry("radius", ("radius", "radial"), "One of the two bones of the forearm, on the thumb side."),
    Entry(
        "recessive",
        ("recessive",),
        "A gene change that has an effect only when there is no working copy of the gene. Usually both copies are changed.",
    ),
    Entry(
        "recurrent",
        ("recurrent", "recurring", "recurrence"),
        "Coming back again and again, such as a cough that keeps returning.",
    ),
    Entry(
        "reflex",
        ("reflex", "reflexes"),
        "An automatic movement the body makes without thinking, such as the knee jerk when the knee is tapped.",
    ),
    Entry(
        "reflux",
        ("reflux",),
        "Liquid flowing back the wrong way. It may be stomach acid going up the food pipe, or urine going back up to the kidneys.",
    ),
    Entry(
        "refractory",
        ("refractory",),
        "Not getting better with the usual treatment. For example, seizures that medicines do not stop.",
    ),
    Entry(
        "regression",
        ("regression", "regressive"),
        "Going backwards, such as a child losing skills like talking or walking that they had already learned.",
    ),
    Entry(
        "regurgitation",
        ("regurgitation",),
        "Flowing back the wrong way, such as blood leaking back through a heart valve, or food coming back up.",
    ),
    Entry(
        "renal",
        ("renal",),
        "To do with the kidneys, the two organs at the back of the belly that clean the blood and make urine.",
    ),
    Entry("respiratory", ("respiratory",), "To do with breathing, the lungs and the airways."),
    Entry(
        "retardation",
        ("retardation",),
        "Being slowed or held back, as in growth. It is an older word; for learning, doctors now say intellectual disability.",
    ),
    Entry(
        "retina",
        ("retina", "retinas", "retinal"),
        "The thin layer at the back of the eye that senses light and sends signals to the brain so we can see.",
    ),
    Entry(
        "retinitis pigmentosa",
        ("retinitis pigmentosa", "retinitis"),
        "An inherited eye disease in which the retina slowly breaks down. It first makes it hard to see at night.",
    ),
    Entry(
        "retinopathy",
        ("retinopathy", "retinopathies"),
        "Damage to the retina, the light-sensing layer at the back of the eye.",
    ),
    Entry(
        "retrognathia",
        ("retrognathia",),
        "A lower jaw that sits further back than usual compared with the upper jaw.",
    ),
    Entry(
        "retrusion",
        ("retrusion", "retruded"),
        "Set further back than usual, such as a chin or jaw that sits back.",
    ),
    Entry("rickets", ("rickets",), "Soft, weak bones in children, often from too little vitamin D."),
    Entry(
        "rigidity",
        ("rigidity", "rigid"),
        "Stiffness of the muscles, so that the body or limbs are hard to move or bend.",
    ),
    Entry(
        "rod-cone dystrophy",
        ("rod-cone dystrophy",),
        "An eye condition in which the retina's light-sensing cells slowly stop working, the rods for dim light first.",
    ),
    Entry(
        "rotated",
        ("rotated", "rotation"),
        "Turned around from the usual position, such as ears tilted toward the back.",
    ),
    Entry(
        "sacrum",
        ("sacrum", "sacral"),
        "The triangle-shaped bone at the base of the spine, between the hip bones.",
    ),
    Entry(
        "scapula",
        ("scapula", "scapulae", "scapular"),
        "The shoulder blade, the flat bone at the back of each shoulder.",
    ),
    Entry(
        "scarring",
        ("scarring", "scar", "scars"),
        "Marks left where skin or other tissue has healed after damage.",
    ),
    Entry(
        "sclera",
        ("sclera", "sclerae", "scleral"),
        "The white of the eye: the tough outer layer that covers most of the eyeball.",
    ),
    Entry(
        "sclerosis",
        ("sclerosis", "sclerotic"),
        "Hardening or scarring of a tissue, such as in the nerves or the skin.",
    ),
    Entry(
        "scoliosis",
        ("scoliosis",),
        "A sideways curve of the spine, the column of bones down the middle of the back.",
    ),
    Entry(
        "scotoma", ("scotoma", "scotomas", "scotomata"), "A blind spot, or a patch where sight is missing."
    ),
    Entry("scrotum", ("scrotum", "scrotal"), "The bag of skin below the penis that holds the testes."),
    Entry(
        "seizure",
        ("seizure", "seizures"),
        "A sudden burst of electrical activity in the brain. It can cause shaking, staring or passing out for a short time.",
    ),
    Entry(
        "sensation",
        ("sensation", "sensations"),
        "What a person feels through their senses, such as touch, pain, heat or cold.",
    ),
    Entry(
        "sensorimotor", ("sensorimotor",), "To do with both feeling and movement, and the nerves for each."
    ),
    Entry(
        "sensorineural",
        ("sensorineural",),
        "Caused by a problem in the inner ear or in the nerve that carries sound to the brain.",
    ),
    Entry(
        "sensory",
        ("sensory",),
        "To do with the senses: sight, hearing, touch, taste, smell, and feeling pain or warmth.",
    ),
    Entry(
        "sepsis",
        ("sepsis", "septic"),
        "A very dangerous reaction of the body to an infection. It can harm the organs.",
    ),
    Entry(
        "septum",
        ("septum", "septa", "septal"),
        "A wall that divides two spaces, such as the wall between the left and right sides of the heart.",
    ),
    Entry(
        "serum",
        ("serum",),
        "The clear liquid part of blood, left after the blood cells and clotting parts are taken out.",
    ),
    Entry("severity", ("severity",), "How serious or strong an illness or symptom is."),
    Entry("short stature", ("short stature",), "Being shorter than most people of the same age and sex."),
    Entry(
        "sinus",
        ("sinus", "sinuses"),
        "A hollow space in the body, such as the air spaces in the bones around the nose.",
    ),
    Entry(
        "sinusitis",
        ("sinusitis",),
        "Swelling of the sinuses, the air spaces in the bones around the nose. It is often from an infection.",
    ),
    Entry(
        "situs inversus",
        ("situs inversus",),
        "When the organs in the chest and belly are swapped left to right, like a mirror image.",
    ),
    Entry("skeletal", ("skeletal",), "To do with the skeleton, the bones that hold up and shape the body."),
    Entry("slender", ("slender",), "Thin and narrow, such as long, slender fingers."),
    Entry("sparse", ("sparse",), "Thin and patchy, with fewer than usual, as in sparse hair or eyebrows."),
    Entry("spasm", ("spasm", "spasms"), "A sudden tightening of a muscle that a person cannot stop."),
    Entry(
        "spasticity",
        ("spasticity", "spastic"),
        "Stiff, tight muscles that resist being moved, caused by a problem in the brain or spinal cord.",
    ),
    Entry("sperm", ("sperm",), "The cells made in the testes that can join with an egg to start a baby."),
    Entry(
        "spina bifida",
        ("spina bifida",),
        "A gap in the spine, present from birth, where the bones did not close around the spinal cord.",
    ),
    Entry("spinal", ("spinal",), "To do with the spine, the column of bones down the back."),
    Entry(
        "spinal cord",
        ("spinal cord",),
        "The bundle of nerves that runs down inside the spine and carries messages between the brain and the body.",
    ),
    Entry(
        "spleen",
        ("spleen",),
        "An organ on the upper left side of the belly that filters the blood and helps fight infections.",
    ),
    Entry("splenomegaly", ("splenomegaly",), "A spleen that is bigger than it should be."),
    Entry("spontaneous", ("spontaneous", "spontaneously"), "Happening on its own, without an outside cause."),
    Entry("squamous", ("squamous",), "Flat and scale-like, like the cells on the skin's surface."),
    Entry(
        "stature",
        ("stature",),
        "How tall a person is. Short stature means being shorter than most people of the same age.",
    ),
    Entry(
        "status epilepticus",
        ("status epilepticus", "epilepticus"),
        "A seizure that goes on for a long time, or seizures that follow each other with no break to recover.",
    ),
    Entry("steatosis", ("steatosis",), "A build-up of fat inside an organ, most often the liver."),
    Entry(
        "stenosis",
        ("stenosis", "stenoses", "stenotic"),
        "A narrowing of a tube or opening in the body, such as a blood vessel or heart valve.",
    ),
    Entry(
        "stereotypy",
        ("stereotypy", "stereotypies", "stereotyped"),
        "The same movement or sound repeated over and over, such as hand flapping or rocking.",
    ),
    Entry("stiffness", ("stiffness",), "Being hard to bend or move, as in stiff joints or muscles."),
    Entry(
        "strabismus",
        ("strabismus",),
        "Eyes that do not point the same way, so one may turn in, out, up or down.",
    ),
    Entry("subcutaneous", ("subcutaneous",), "Just under the skin, in the layer of fat below it."),
    Entry("subluxation", ("subluxation", "subluxations"), "A joint that has partly slipped out of place."),
    Entry(
        "subtype",
        ("subtype", "subtypes"),
        "A smaller group within a type of disease, with its own cause or pattern.",
    ),
    Entry(
        "supernumerary",
        ("supernumerary",),
        "Extra: more than the usual number, such as extra teeth or nipples.",
    ),
    Entry(
        "susceptibility",
        ("susceptibility", "susceptible"),
        "Being more likely than others to get a certain illness.",
    ),
    Entry(
        "syncope",
        ("syncope",),
        "Fainting: a short loss of consciousness because too little blood reaches the brain.",
    ),
    Entry("syndactyly", ("syndactyly",), "Fingers or toes joined together, by skin or by bone."),
    Entry(
        "syndrome",
        ("syndrome", "syndromes", "syndromic"),
        "A set of signs and health problems that tend to happen together.",
    ),
    Entry("synophrys", ("synophrys",), "Eyebrows that meet in the middle, above the nose."),
    Entry(
        "synostosis",
        ("synostosis", "synostoses"),
        "Two bones that are usually apart have grown together and joined.",
    ),
    Entry("systemic", ("systemic",), "Affecting the whole body, not just one part."),
    Entry(
        "tachycardia", ("tachycardia",), "A faster heartbeat than is usual for a person's age while resting."
    ),
    Entry("tachypnea", ("tachypnea", "tachypnoea"), "Breathing faster than is usual for a person's age."),
    Entry(
        "talipes",
        ("talipes",),
        "A foot that is twisted out of its usual shape from birth. The most common kind is clubfoot.",
    ),
    Entry(
        "tapered",
        ("tapered", "tapering"),
        "Getting narrower toward the end, such as fingers that thin toward the tips.",
    ),
    Entry(
        "tarsal",
        ("tarsal", "tarsals"),
        "To do with the seven bones of the back and middle of the foot, including the ankle bone.",
    ),
    Entry(
        "telangiectasia",
        ("telangiectasia", "telangiectasias", "telangiectases"),
        "Small, widened blood vessels near the skin's surface that show as red or purple lines.",
    ),
    Entry(
        "telecanthus",
        ("telecanthus",),
        "Inner corners of the eyes that are set farther apart than usual, while the eyes themselves are not.",
    ),
    Entry("tendon", ("tendon", "tendons"), "A tough cord that joins a muscle to a bone."),
    Entry(
        "testis",
        ("testis", "testes", "testicle", "testicles", "testicular"),
        "One of the two glands in the scrotum that make sperm and the hormone testosterone.",
    ),
    Entry(
        "tetralogy of Fallot",
        ("tetralogy of fallot", "fallot"),
        "A heart problem from birth made of four defects together. It lets blood low in oxygen reach the body.",
    ),
    Entry(
        "tetraparesis",
        ("tetraparesis", "quadriparesis"),
        "Weakness in both arms and both legs, though they can still move.",
    ),
    Entry(
        "tetraplegia",
        ("tetraplegia", "quadriplegia"),
        "Weakness or loss of movement in both arms and both legs.",
    ),
    Entry(
        "thickened",
        ("thickened", "thickening"),
        "Grown thicker than usual, such as thickened skin or heart muscle.",
    ),
    Entry(
        "thorax",
        ("thorax", "thoracic"),
        "The chest: the part of the body between the neck and the belly, holding the heart and lungs.",
    ),
    Entry(
        "thrombocytopenia",
        ("thrombocytopenia",),
        "Too few platelets, the tiny pieces in the blood that help it clot. Bruising and bleeding then happen more easily.",
    ),
    Entry(
        "thrombosis",
        ("thrombosis", "thrombus", "thromboses"),
        "A blood clot that forms inside a blood vessel and can block the blood flow.",
    ),
    Entry(
        "thyroid",
        ("thyroid", "thyroid gland"),
        "A gland in the front of the neck that makes hormones that control how fast the body uses energy.",
    ),
    Entry("tibia", ("tibia", "tibial"), "The shin bone, the larger of the two bones in the lower leg."),
    Entry(
        "tissue",
        ("tissue", "tissues"),
        "A group of similar cells that work together, such as muscle, fat or skin.",
    ),
    Entry(
        "tonic",
        ("tonic",),
        "With the muscles held stiff. In a tonic seizure the body stiffens for a short time.",
    ),
    Entry(
        "tonic-clonic",
        ("tonic-clonic",),
        "A kind of seizure in which the body first goes stiff, then jerks in a rhythm.",
    ),
    Entry("torticollis", ("torticollis",), "A twisted neck, in which the head tilts to one side."),
    Entry(
        "tract",
        ("tract", "tracts"),
        "A set of connected organs or tubes, such as the urinary tract or the tube food passes through.",
    ),
    Entry(
        "transaminase",
        ("transaminase", "transaminases", "aminotransferase", "aminotransferases"),
        "Enzymes found mostly in the liver. High levels in a blood test can be a sign of liver damage.",
    ),
    Entry("transient", ("transient", "transiently"), "Lasting only a short time, then going away."),
    Entry(
        "transverse",
        ("transverse",),
        "Lying across something, from side to side, such as a crease across the palm.",
    ),
    Entry("tremor", ("tremor", "tremors"), "Shaking that a person cannot control, often of the hands."),
    Entry(
        "tricuspid",
        ("tricuspid", "tricuspid valve"),
        "One of the heart's four valves. It lets blood flow from the right upper chamber to the right lower chamber.",
    ),
    Entry(
        "truncal",
        ("truncal",),
        "To do with the trunk, the main part of the body without the head, arms and legs.",
    ),
    Entry(
        "tubular",
        ("tubular", "tubule", "tubules"),
        "Shaped like a tube. In the kidneys, tubules are tiny tubes that help make urine.",
    ),
    Entry(
        "tumor",
        ("tumor", "tumors", "tumour", "tumours"),
        "A lump made by cells growing when they should not. It may be cancer, or not.",
    ),
    Entry(
        "ulcer",
        ("ulcer", "ulcers", "ulceration"),
        "An open sore on the skin or on the lining of an organ, such as the mouth or stomach.",
    ),
    Entry("ulna", ("ulna", "ulnar"), "One of the two bones of the forearm, on the little finger side."),
    Entry(
        "umbilical",
        ("umbilical", "umbilicus"),
        "To do with the belly button, where the cord joined the baby to the mother before birth.",
    ),
    Entry("underdeveloped", ("underdeveloped",), "Not grown or formed as fully as it usually would be."),
    Entry("unilateral", ("unilateral",), "On one side of the body only, such as in one eye or one ear."),
    Entry(
        "unsteady",
        ("unsteady", "unsteadiness"),
        "Not steady: wobbly, or likely to lose balance when standing or walking.",
    ),
    Entry(
        "upslanted",
        ("upslanted", "upslanting"),
        "Sloping up toward the outer side, as with eyes whose outer corners sit higher than the inner ones.",
    ),
    Entry(
        "urinary",
        ("urinary",),
        "To do with urine and the organs that make, store and pass it: the kidneys, the bladder and the tubes between.",
    ),
    Entry("urticaria", ("urticaria", "hives"), "Hives: itchy, raised red welts on the skin."),
    Entry("uterus", ("uterus", "uterine"), "The womb: the organ low in a woman's belly where a baby grows."),
    Entry("uvula", ("uvula",), "The small piece of soft tissue that hangs down at the back of the mouth."),
    Entry(
        "valgus",
        ("valgus", "valga"),
        "Turned outward below a joint, away from the middle of the body, as in knock knees.",
    ),
    Entry(
        "variability",
        ("variability",),
        "How much something changes from person to person, or from time to time.",
    ),
    Entry(
        "variant",
        ("variant", "variants"),
        "A difference in a gene's DNA code from the usual version. Some cause disease; many do not.",
    ),
    Entry(
        "varus",
        ("varus", "vara"),
        "Turned inward below a joint, toward the middle of the body, as in bow legs.",
    ),
    Entry(
        "vascular",
        ("vascular", "vasculature"),
        "To do with blood vessels, the tubes that carry blood around the body.",
    ),
    Entry(
        "vasculitis", ("vasculitis",), "Swelling and damage of blood vessel walls, caused by inflammation."
    ),
    Entry("vein", ("vein", "veins", "venous"), "A blood vessel that carries blood back to the heart."),
    Entry(
        "velocity",
        ("velocity",),
        "Speed: how fast something happens, such as how fast a child grows or a nerve signal travels.",
    ),
    Entry(
        "ventricle",
        ("ventricle", "ventricles", "ventricular"),
        "A hollow space in the body. The heart has two that pump blood, and the brain has four filled with fluid.",
    ),
    Entry(
        "ventriculomegaly",
        ("ventriculomegaly",),
        "The spaces inside the brain that hold fluid are bigger than usual.",
    ),
    Entry("vermilion", ("vermilion",), "The red or pink part of the lips."),
    Entry(
        "vermis",
        ("vermis",),
        "The narrow middle strip of the small part at the back of the brain that controls balance.",
    ),
    Entry(
        "vertebra",
        ("vertebra", "vertebrae", "vertebral"),
        "One of the small bones stacked up to form the spine, the backbone.",
    ),
    Entry(
        "vertigo", ("vertigo",), "A feeling that you or the room is spinning, even when nothing is moving."
    ),
    Entry(
        "vesicoureteral reflux",
        ("vesicoureteral reflux", "vesicoureteral", "vesicoureteric reflux", "vesicoureteric"),
        "When urine flows back up from the bladder toward the kidneys.",
    ),
    Entry(
        "vestibular",
        ("vestibular",),
        "To do with the balance organs of the inner ear, which sense movement and the position of the head.",
    ),
    Entry(
        "vocal cords",
        ("vocal cords", "vocal cord", "vocal folds", "vocal fold"),
        "Two bands of tissue in the voice box that shake to make the sound of the voice.",
    ),
    Entry(
        "x-linked",
        ("x-linked",),
        "Passed on through a gene on the X chromosome. Such conditions often affect boys more than girls.",
    ),
)
