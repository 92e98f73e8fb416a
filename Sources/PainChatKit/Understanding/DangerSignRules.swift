/// The phrase rules behind danger-sign detection. A rule fires when each of its concepts
/// is mentioned, un-negated, somewhere in the utterance. The first concept of a rule is
/// its key: after "which one?" naming the key alone is enough.
///
/// Phrases are matched on Snowball stems, so list base forms; typos of one edit in words
/// of five letters or more are corrected before matching.
struct DangerConcept: Sendable {
    var name: String
    var phrases: [String]
    /// Phrases that, overlapping a match, show it is not this concept ("fall asleep").
    var blockers: [String] = []
}

struct DangerRule: Sendable {
    var category: DangerCategory
    var concepts: [String]
}

enum DangerSignRules {
    static let concepts: [DangerConcept] = [
        DangerConcept(name: "bladder", phrases: [
            "into my pants", "in my underwear", "my knickers", "into my underwear",
            "bladder", "bowel", "bowels", "pee", "peeing", "piss", "urine", "urinate", "urinating", "wee", "weeing",
            "poo", "pooing", "poop", "pooping", "toilet", "continence", "incontinence", "incontinent", "wet myself",
            "wetting myself", "wet the bed", "soiled myself", "soiling", "stool", "stools", "messed myself",
            "pass water", "number two", "loo", "the loo", "in my pants", "accident in my pants", "peed",
            "wetting himself", "wetting herself", "wet himself", "wet herself",
        ], blockers: ["nearly wet myself", "almost wet myself"]),
        DangerConcept(name: "control_loss", phrases: [
            "hasnt been able", "hasnt been able to", "not able to",
            "couldnt", "could not", "wasnt able", "werent able", "cant start", "couldnt start", "nothing comes out",
            "nothing came out", "nothing will come out", "cant empty", "not emptying",
            "leak", "leaking", "leaked", "incontinence", "incontinent", "cant", "unable", "lost", "loss",
            "accident", "accidents", "retention", "wet myself", "wetting myself", "wet the bed", "soiled", "not able",
            "no feeling", "dont feel", "didnt feel", "cant tell when", "wont come", "stopped", "numb",
            "peeing myself", "pee myself", "peed myself", "pissing myself", "pissed myself", "pooing myself",
            "pooed myself", "soiling myself", "no control", "lost control", "havent been able", "not been able",
            "without knowing", "without realising", "without realizing", "dont get the feeling", "no sensation",
            "not working", "isnt working", "wont work", "leaking urine", "dribbling", "cant control",
            "losing control", "out of control", "control problems", "control issues",
            "trouble controlling", "problems controlling", "cant tell if", "cant hold", "wetting himself",
            "wetting herself", "wet himself", "wet herself", "without noticing",
        ], blockers: ["nearly wet myself", "almost wet myself"]),
        DangerConcept(name: "bladder_problem", phrases: [
            "problem", "problems", "trouble", "difficulty", "changes", "change", "issue", "issues", "strange",
            "weird", "strain", "straining", "weak stream", "stream is weak", "hard to",
        ]),
        DangerConcept(name: "spine_context", phrases: [
            "back", "spine", "spinal", "sciatica", "leg", "legs", "lumbar", "disc", "buttock", "bum",
        ]),
        DangerConcept(name: "numb", phrases: [
            "couldnt feel", "could not feel", "cant really feel", "feels numb", "sitting on nothing",
            "numb", "numbness", "no feeling", "cant feel", "pins and needles", "tingling", "tingly",
            "lost feeling", "loss of feeling", "loss of sensation", "reduced sensation", "less feeling",
            "dead feeling",
        ]),
        DangerConcept(name: "saddle", phrases: [
            "backside", "when i wipe", "when i wiped", "wiping", "wiped", "toilet paper",
            "groin", "saddle", "genitals", "genital", "crotch", "perineum", "between my legs", "private parts",
            "privates", "back passage", "anus", "inner thighs", "inner thigh", "around my bottom", "vagina", "penis",
            "scrotum", "testicles", "inside of my thighs", "inside of my thigh", "private area", "around my bum",
            "down below", "nether regions", "down there",
        ], blockers: [
            "on the saddle", "my bike saddle", "horse saddle",
            "bike saddle", "new saddle",   "saddle sore", "saddle height", "saddle on",
        ]),
        DangerConcept(name: "foot_drop", phrases: [
            "cant stand on my heel", "cant stand on my heels", "cant push up on my toes",
            "cant push up on my tiptoes", "cant get up on my toes", "cant get up on my tiptoes",
            "cant rise on my toes", "cant go on tiptoe", "cant go on my tiptoes",
            "foot drop", "drop foot", "foot drops", "foot is dropping", "foot keeps dropping", "foot slaps",
            "foot slapping", "slapping my foot", "dragging my foot", "drag my foot", "foot drags", "foot dragging",
            "cant lift my foot", "cant lift my toes", "cant raise my foot", "toes catch",
            "catching my toes", "tripping over my foot", "trip over my foot", "cant lift the front of my foot",
            "cant pull my foot up", "wont bend up", "foot wont pick up", "foot doesnt pick up",
            "cant walk on my heels", "cant walk on my heel", "cant walk on my tiptoes", "cant walk on tiptoe",
            "cant stand on tiptoe", "cant stand on my tiptoes", "cant stand on my toes", "cant go up on my toes",
            "floppy foot", "foot is floppy", "foot flops", "foot wont lift", "foot doesnt lift",
            "tripping over my own toes", "tripping over my toes", "trip over my toes",
        ]),
        DangerConcept(name: "foot_word", phrases: [
            "ankle","foot", "feet", "toes", "toe"]),
        DangerConcept(name: "foot_drags", phrases: [
            "just drops", "keeps dropping", "drops down", "flaps", "flapping",
            "dragging", "drags", "drag", "slapping", "slaps", "slap", "floppy", "flopping", "flops", "catching",
            "catches", "scuffing", "scuffs",
        ]),
        DangerConcept(name: "weakness", phrases: [
            "clumsy",
            "weak", "weaker", "weakness", "giving way", "gives way", "gave way", "buckling", "buckles",
            "losing strength", "lost strength", "no strength", "paralysed", "paralyzed", "paralysis",
            "cant move my leg", "cant move my legs", "collapsing", "collapses", "keeps collapsing", "giving out",
            "gives out", "cant control my leg", "cant control my legs", "cant control my arm", "cant lift my leg",
            "grip is going", "grip going", "losing my grip", "dropping things", "barely lift", "cant lift my arm",
            "wont do what i tell it", "barely stand", "barely walk", "grip", "dropped things",
        ]),
        DangerConcept(name: "worsening", phrases: [
            "last few days", "past few days", "this week", "has got so", "got so", "got weaker",
            "getting clumsy", "getting weak", "getting more", "now impossible", "impossible now",
            "worse", "worsening", "weaker", "getting weaker", "spreading", "progressing", "progressive",
            "more and more", "each day", "every day", "by the day", "increasingly", "keeps getting", "deteriorating",
            "fast", "quickly", "rapidly", "week by week", "over days",
        ]),
        DangerConcept(name: "limb", phrases: [
            "leg", "legs", "foot", "feet", "arm", "arms", "hand", "hands", "ankle", "thigh", "calf", "toes", "grip",
            "shin",
        ]),
        DangerConcept(name: "both_legs", phrases: [
            "both legs", "both feet", "both my legs", "both my feet", "both of my legs", "legs and feet",
        ]),
        DangerConcept(name: "fever", phrases: [
            "temperature", "my temperature", "temp of",
            "fever", "feverish", "high temperature", "a temperature", "running a temperature", "temperature of",
            "high temp", "a temp", "chills", "shivering", "shivers", "the shivers", "shivery", "rigors",
            "night sweats", "burning up", "the shakes", "feel really ill", "feeling really ill", "feel unwell",
            "feeling unwell", "feel so ill", "hot and cold", "feverishness", "temp",
        ], blockers: [
            "temperature is normal", "temperature was normal", "temperature is fine", "temperature was fine",
            "normal temperature", "temperature is ok", "temperature drops", "temperature dropped",
            "temperature changes", "temperature change", "room temperature", "cold temperature", "low temperature",
            "temperature outside",
            "cold weather", "chills me", "alternate hot and cold", "alternating hot and cold", "hot and cold packs",
            "hot and cold pack", "hot and cold therapy", "hot and cold compress", "hot and cold water",
            "between hot and cold", "spring fever", "cabin fever", "football fever", "fever pitch",
            "asked about fever", "asked about a fever", "ask about fever", "ask about a fever", "asking about fever",
            "asking about a fever", "asked about fevers", "ask about fevers",
        ]),
        DangerConcept(name: "spine", phrases: [
            "back", "spine", "spinal", "neck", "lower back", "lumbar", "backache",
        ]),
        DangerConcept(name: "joint", phrases: [
            "joint", "joints", "knee", "hip", "ankle", "elbow", "wrist", "shoulder", "finger", "toe", "knuckle",
        ]),
        DangerConcept(name: "joint_severe", phrases: [
            "cant move it", "cant bend it", "cant move my", "agony", "excruciating", "so painful",
        ]),
        DangerConcept(name: "inflamed", phrases: [
            "swollen", "swelling", "hot", "red", "redness", "warm", "puffy", "inflamed", "blew up", "swelled up",
            "ballooned",
        ]),
        DangerConcept(name: "fall", phrases: [
            "threw me", "thrown from", "bucked off", "landed badly", "landed hard", "fell on", "fell out of bed",
            "fell off",
            "fell", "fall", "fallen", "falling", "fell over", "fell down", "tripped", "slipped", "car accident",
            "accident", "collision", "hit by", "knocked down", "knocked over", "thrown off", "came off my bike",
            "landed on", "knocked off", "tackled", "collided", "came off my", "run over", "rear ended", "whiplash",
            "went over on", "rolled my", "landed awkwardly", "jumped down", "jumped off", "went flying", "car crash",
            "crashed my car", "crashed my bike", "crashed the car", "bike crash", "motorbike crash", "crashed into",
            "in a crash", "had a crash", "twisted my ankle", "twisted my knee", "twisted my", "tumble", "tumbled",
        ], blockers: [
            "roll my eyes", "rolled my eyes", "rolling my eyes",
            "like ive been hit by", "like i was hit by", "like being hit by", "like i got hit by", "like i have been hit by", "like hit by",
            "fall out with", "fell out with", "falling out with", "fallen out with", "fell out of love",
            "fall out of love", "fell out of favour", "fell out of favor",
            "fall asleep", "fell asleep", "falling asleep", "falls asleep", "in the fall", "last fall", "this fall",
            "fall apart", "falling apart", "fell apart", "fall behind", "fell behind", "fall for", "fell for",
            "fall back", "fell back asleep", "fall back asleep", "slipped disc", "slipped a disc", "slipped disk",
            "fell in love", "falling in love", "fall in love", "be whiplash",
            "is it whiplash", "is this whiplash", "what is whiplash", "whats whiplash", "fallen out of alignment",
            "fell out of alignment", "falling out of alignment", "fallen out of line",
        ]),
        // Not being able to stand on a leg after it was hurt needs an X-ray whatever the
        // cause, so the words are a sign on their own.
        DangerConcept(name: "cant_bear_weight", phrases: [
            "cant put my weight on", "cant put any of my weight", "cant take my weight on",
            "wont take any weight", "wont take weight", "wont take my weight", "cant take weight",
            "cant take any weight", "cant take my weight", "cant step on it",
            "cant put my heel down", "cant put any weight on", "cant stand on my leg", "cant put pressure on it",
            "cant bear weight", "unable to bear weight", "cant put weight", "cant put any weight",
            "unable to put weight", "cant weight bear", "cant walk on it",
            "cant stand on it", "cant put my foot down", "cant put it down",
            // A torn Achilles: "like being kicked in the back of the heel", then no push-off.
            "cant push off", "unable to push off", "kicked in the back of my heel",
            "kicked in the back of my ankle", "kicked in the back of my leg", "kicked in the heel",
        ]),
        DangerConcept(name: "severe_injury", phrases: [
            "cant lift my arm", "lumpy", "looks lumpy", "a lump", "looks shorter", "shorter than the other", "turned out", "twisted round",
            "hanging funny", "hanging down", "looks funny", "cant lift it", "tailbone", "coccyx", "painful to move",
            "hurts to move", "too painful to move", "cant use it", "cant stand up",
            "cant get off the floor",
            "cant bear weight", "cant put weight", "cant put any weight",
            "unable to bear weight", "unable to put weight", "cant walk", "cant stand",
            "unable to walk", "cant move", "bone", "broken", "broke", "fracture", "fractured", "deformed", "crack",
            "cracked", "snap", "snapped", "sticking out", "out of place", "dislocated", "back", "neck", "spine",
            "head", "hip", "hit my head", "cant get up", "agony", "heard a pop", "knocked out",
            "passed out", "bent", "misshapen", "wonky", "barely stand", "barely walk", "can barely sit", "cant sit",
            "wrong shape", "looks wrong", "odd shape", "cold and numb", "numb and cold", "gone cold", "gone pale",
            "pale and cold", "cold and pale",
        ]),
        DangerConcept(name: "cancer_history", phrases: [
            "cancer", "tumour", "tumor", "tumours", "tumors", "chemo", "chemotherapy", "radiotherapy",
            "radiation therapy", "malignant", "malignancy", "lymphoma", "leukaemia", "leukemia", "myeloma",
            "metastases", "metastatic", "history of cancer", "oncologist", "oncology", "melanoma", "sarcoma",
            "carcinoma", "mastectomy",
        ], blockers: [
            "ever had cancer", "whether id had cancer", "if id had cancer", "if ive had cancer",
            "im a cancer so", "im a cancer and", "im a typical cancer", "cancer sign", "cancer zodiac",
            "cancer screening", "screening for cancer", "cancer check", "checked for cancer", "cancer test",
            "tested for cancer",
            "be cancer", "its cancer", "is cancer", "is it cancer", "about cancer", "fear of cancer",
            "afraid of cancer", "scared of cancer", "sign of cancer", "signs of cancer", "risk of cancer",
            "symptom of cancer", "be a tumour", "be a tumor", "its a tumour", "its a tumor", "cancer scare",
            "fear cancer", "cancer worry", "about bone cancer", "read about cancer",
            "cancer star sign",
        ]),
        DangerConcept(name: "back_or_bone", phrases: [
            "back", "spine", "bone", "bones", "lower back", "neck", "rib", "ribs", "hip", "pain", "ache", "aches",
            "sore", "hurts", "backache", "tailbone",
        ]),
        DangerConcept(name: "weight_loss", phrases: [
            "dress sizes", "dress size", "trouser size", "trouser sizes", "gone down a size", "belt notches", "extra notch",
            "weight is going down", "weight going down", "weight keeps going down", "weight keeps dropping",
            "weight is coming off", "weight coming off", "lost so much weight",
            "weight loss", "losing weight", "lost weight", "lost a lot of weight", "dropped weight",
            "weight has dropped", "weight dropping", "weight is dropping", "shed weight", "lost kilos", "lost pounds",
            "lost a stone", "clothes are hanging off", "clothes hanging off", "clothes are falling off",
            "getting thinner", "thinner and thinner", "weight falling off", "falling off me", "weight is falling off",
        ]),
        DangerConcept(name: "night_pain", phrases: [
            "night sweats", "drenching sweats",
            "wakes me", "waking me", "every night", "at night", "night pain", "worse at night",
        ]),
        DangerConcept(name: "lost_word", phrases: [
            "lost", "losing", "dropped", "shed", "dropping", "going down", "goes down", "keeps dropping", "coming off",
        ]),
        DangerConcept(name: "weight_word", phrases: [
            "weight", "kilos", "kilo", "kg", "kgs", "pounds", "lbs", "stone", "stones",
        ]),
        DangerConcept(name: "unexplained", phrases: [
            "nobody knows why", "no one knows why", "noone knows why", "even though im eating", "eating loads", "eating well", "eating plenty", "eating more",
            "cant explain", "cant account for", "no explanation", "without explanation",
            "without trying", "not trying", "unexplained", "for no reason", "no reason", "without dieting",
            "not dieting", "dont know why", "unintentional", "unintentionally", "havent been trying", "no idea why",
            "not on a diet", "havent changed my diet", "without meaning to", "havent changed what i eat",
            "eating the same", "eating normally", "eating as normal", "havent changed how i eat",
            "not changed how i eat",
        ]),
        DangerConcept(name: "chest", phrases: ["chest", "breastbone", "sternum", "heart"]),
        DangerConcept(name: "chest_symptom", phrases: [
            "a weight on", "weight on my", "weight on",
            "pain", "pressure", "tight", "tightness", "squeezing", "squeeze", "heavy", "heaviness", "crushing",
            "ache", "aching", "hurts", "hurt", "discomfort", "elephant", "band",
        ]),
        DangerConcept(name: "cardiac_spread", phrases: [
            "out of puff", "puffed out", "winded",
            "gasping", "gasping for air", "can not breathe", "cant breathe well", "cant get my breath",
            "struggling for breath", "out of breath", "breathing is hard", "hard to breath", "cant breath",
            "arm", "left arm", "jaw", "breath", "breathless", "breathlessness", "short of breath",
            "shortness of breath", "cant breathe", "cant catch my breath", "hard to breathe",
            "struggling to breathe", "sweating", "sweaty", "clammy", "nausea", "nauseous", "faint", "dizzy",
            "lightheaded", "light headed",
        ]),
        DangerConcept(name: "breathless", phrases: [
            "out of puff", "puffed out", "winded",
            "gasping", "gasping for air", "can not breathe", "cant get my breath", "struggling for breath",
            "breathless", "short of breath", "shortness of breath", "cant breathe", "cant catch my breath",
            "struggling to breathe", "out of breath",
        ]),
        DangerConcept(name: "major_trauma", phrases: [
            "car accident", "car crash", "road accident", "road traffic accident", "hit by a car", "hit by a van",
            "hit by a bus", "hit by a lorry", "hit by a truck", "knocked off my bike", "motorbike accident",
            "crashed my car", "crashed my bike", "into the back of my car", "into the back of me", "hit my car",
            "rear ended", "shunted", "smashed into my car", "crashed into me", "drove into me", "ploughed into me",
            "went into the back of",
        ], blockers: [
            "like ive been hit by", "like i was hit by", "like being hit by", "like i got hit by", "like i have been hit by",
        ]),
        DangerConcept(name: "heart_attack", phrases: ["heart attack", "having a heart attack"]),
        DangerConcept(name: "chest_crushing", phrases: ["crushing", "elephant", "in a vice", "vice like", "like a weight on"]),
        DangerConcept(name: "one_side", phrases: [
            "down one side", "one side of my body", "one side of his body", "one side of her body",
            "whole of one side",
        ]),
        DangerConcept(name: "suddenness", phrases: [
            "sudden", "suddenly", "all of a sudden", "out of nowhere", "out of the blue",
        ]),
        DangerConcept(name: "travel_or_surgery", phrases: [
            "flew", "flight", "long haul", "long drive", "operation", "surgery", "hospital", "plaster cast",
            "in a cast", "bed rest", "bedridden", "a cast", "cast on", "in plaster",
        ]),
        DangerConcept(name: "marked_weakness", phrases: [
            "cant do up my buttons", "cant do my buttons", "dropped my keys", "dropping my keys", "keeps buckling", "keeps giving way", "looks smaller", "getting smaller", "wasting", "wasted away",
            "feels dead and weak", "dead and weak",
            "gone weak", "gone floppy", "gone dead", "weak and floppy", "keeps collapsing", "collapsing under me",
            "collapses under me", "cant control my leg", "cant control my legs", "cant control my arm",
            "losing strength",
        ]),
        DangerConcept(name: "calf", phrases: [
            "calf", "calves", "lower leg", "leg", "legs", "shin", "below the knee", "below my knee", "under my knee",
            "back of my leg",
        ]),
        DangerConcept(name: "swollen", phrases: [
            "swollen", "swelling", "swell", "swells", "puffy", "puffed up", "bigger", "enlarged", "ballooned",
            "puffier", "swollen up", "fatter", "thicker", "larger", "twice the size",
        ]),
        DangerConcept(name: "red_warm", phrases: [
            "red", "redness", "warm", "hot", "warm to the touch", "hot to touch", "discoloured", "discolored",
            "purple", "reddish",
        ]),
        DangerConcept(name: "clot", phrases: ["blood clot", "clot", "dvt", "thrombosis", "deep vein"]),
        DangerConcept(name: "headache", phrases: [
            "back of my head", "pain in the back of my head", "in my head",
            "headache", "headaches", "head pain", "pain in my head", "head hurts", "head is killing", "migraine",
        ]),
        DangerConcept(name: "sudden_severe", phrases: [
            "explosion", "worse than anything", "anything ever",
            "out of the blue", "most horrible", "headache ever", "ever had", "worst pain ever", "blinding",
            "thunderclap", "worst ever", "worst of my life", "worst in my life", "worst i have ever",
            "worst ive ever", "like nothing before", "sudden", "suddenly", "out of nowhere", "exploding", "explosive",
            "explode", "like being hit", "worst headache", "never had one this bad", "of my life", "most horrendous",
        ], blockers: ["of my life was", "worst headache of my life was"]),
        DangerConcept(name: "worst_headache", phrases: [
            "worst headache", "thunderclap headache", "worst headache of my life", "worst ever headache",
        ], blockers: ["worst headache of my life was"]),
        DangerConcept(name: "face", phrases: ["face", "mouth", "smile", "lip", "eyelid"]),
        DangerConcept(name: "droop", phrases: [
            "droop", "drooping", "droopy", "dropped", "sagging", "sags", "lopsided", "wont move", "fallen", "slack",
            "went numb", "gone numb", "is numb", "crooked", "uneven",
        ], blockers: ["face dropped when"]),
        DangerConcept(name: "speech", phrases: [
            "slurred", "slurring", "slurred speech", "speech is slurred", "cant speak", "cant get my words out",
            "words come out wrong", "trouble speaking", "cant talk properly", "jumbled", "cant find my words",
            "words are coming out wrong", "speech is garbled", "garbled", "speech sounds funny", "speech is funny",
            "speech sounds strange", "speech is weird", "talking funny", "speech sounds weird", "speech is strange",
            "slurry", "speech went", "speech goes",
        ], blockers: [
            "slurring my words after", "slurred my words after", "slur my words when", "slur my words after",
        ]),
        DangerConcept(name: "self_harm", phrases: [
            "kill myself", "killing myself", "end my life", "ending my life", "end it all", "take my own life",
            "want to die", "wanna die", "wish i was dead", "wish i were dead", "better off dead", "no reason to live",
            "dont want to live", "dont want to be alive", "dont want to be here anymore",
            "dont want to be here any more", "suicide", "suicidal", "self harm", "selfharm", "self harming",
            "harm myself", "harming myself", "overdose", "not worth living", "life isnt worth living", "end myself",
            "off myself", "rather be dead", "want it all to end", "want to end it", "thinking of ending it",
            "ready to die", "better off without me", "better off if i was gone", "better off if i wasnt here",
            "better off if i were gone", "no point in living", "no point living", "no reason to go on",
            "dont want to wake up", "hope i dont wake up", "hope i never wake up", "wish i wouldnt wake up",
            "wish i didnt wake up", "rather not wake up", "put an end to it all", "end things",
            "sleep and never wake up", "never wake up again", "not wake up again", "die in my sleep",
            "wish i could die", "wish i could just die", "just want to die", "wish i wasnt alive",
            "wish i werent alive", "wish i was never born", "wish i wasnt born", "wish i didnt exist",
            "stop existing", "dont want to exist", "better off if i was dead", "better off if i were dead",
            "better without me", "nobody would miss me", "no one would miss me", "noone would miss me",
            "giving my things away", "giving away my things", "giving my stuff away", "wont be around much longer",
            "wont be around for much longer", "goodbye letters", "goodbye letter", "goodbye notes", "suicide note",
            "end it tonight", "going to end it", "gonna end it", "ending it tonight", "thinking about ending it",
            "point in living", "dont see the point in living", "dont see any point in living",
            "dont see the point of living", "cant see the point in living", "cant see any point in living",
            "no reason to keep living", "no reason to carry on", "no point carrying on", "point of living",
            "point going on", "reason to keep living", "reason to live", "carry on living", "go on living",
            "keep on living", "jumping off a bridge", "jump off a bridge", "throw myself off", "jump in front of",
            "step in front of", "in front of a train", "drive my car into", "hang myself", "hanging myself",
            "death would be better", "slashed my wrist", "slashed my wrists", "slit my wrist", "slit my wrists",
            "cut my wrist", "cut my wrists", "cutting my wrists", "cut my arms", "cutting my arms", "cutting my legs",
            "burning myself", "whole packet of", "whole box of", "box of paracetamol",
            "everything in the medicine cabinet", "how many tablets it would take", "how many pills it would take",
            "how many it would take", "stockpiling", "stockpiled", "saved up my pills", "saved up my tablets",
            "saving up my pills", "saving up my tablets", "dont want to be around", "not be around anymore",
            "disappear forever", "hoping i dont wake up", "hoping i just dont wake up", "hope i just dont wake up",
            "if i dont wake up", "make sure i dont wake up", "to not wake up", "and not wake up", "sleep forever",
            "dont see a future", "cant see a future", "no future for me", "kms", "kys", "disappear for good",
            "happier if i died", "better off if i died", "happier without me", "if i wasnt here",
            "notice if i was gone", "notice if i wasnt here", "if i was gone", "tired of living", "sick of living",
            "tired of being alive", "end my suffering", "ending my suffering", "never been born", "im ending it",
            "ill end it", "i will end it", "ending it all", "wouldnt mind if a bus hit me",
            "wouldnt mind if a car hit me", "hope a bus hits me", "hope a car hits me", "hoping i get hit by",
            "hope i get hit by", "knife to my wrist", "blade to my wrist", "razor to my wrist", "planned how",
            "planned out how", "how id do it", "how i would do it", "pick a day", "picked a day", "have a rope",
            "got a rope", "bought a rope", "noose", "kill himself", "kill herself", "killing himself",
            "killing herself", "end his life", "end her life", "gave away most of my", "given away most of my",
            "gave away my things", "gave away all my", "given away all my", "sorted my will", "wont be needing it",
            "wont be needing them", "written a note for", "left a note for", "wont be here tomorrow",
            "wont be here much longer", "not be here tomorrow", "tonight is the night", "driving into a wall",
            "drive into a wall", "drive into a tree", "drive off a", "off a bridge", "off the bridge", "off a cliff",
            "off a building", "under a train", "in front of a bus", "in front of a car", "whole bottle of",
            "this is my last message", "last message to anyone", "my last ever message", "no point going on",
            "no point in going on", "dont think ill be around", "not be around much longer", "been hurting myself",
            "been cutting myself", "dont see the point in going on", "dont see the point of going on",
            "dont see the point anymore", "point in going on", "cutting again", "started cutting",
            "looking up ways to", "looked up ways to", "ways to end it", "ways to kill myself", "in case im not here",
            "thinking about jumping", "thought about jumping", "said my goodbyes", "i end it", "wishes she was dead",
            "wishes he was dead", "she wants to die", "he wants to die", "whole bottle", "giving away my stuff",
            "looked up how many", "looking up how many", "googled how many", "googling how many", "not exist anymore",
            "to not exist", "just not exist", "want it all to be over", "wouldnt wake up in the morning",
            "just wouldnt wake up", "wish i just wouldnt", "point of going on", "no one would notice",
            "nobody would notice", "noone would notice", "counting my pills", "counting my tablets",
            "what dose would", "swallowed all my", "swallowed all her", "swallowed all his",
            "being alive much longer", "alive much longer", "dont wanna live", "better to be dead",
            "so nobody has to deal with", "for when im gone", "after im gone",
        ], blockers: [
            "die for", "dying for", "die laughing", "wake up at", "wake up with", "wake up in pain", "wake up stiff",
            "wake up sore", "wake up early", "suicide squad", "suicide prevention", "suicide awareness",
            "used to self harm", "killing myself working", "killing myself with work", "sick of living on",
            "tired of living on", "sick of living with", "tired of living with", "sick of living like",
            "tired of living like",
        ]),
        // Taking one's medicines in a way that means harm, and hurting oneself on purpose:
        // each alone is everyday talk ("I take all my tablets at breakfast").
        DangerConcept(name: "overdose_act", phrases: [
            "take all my", "taking all my", "took all my", "take all of my", "taking all of my", "took all of my",
            "take them all", "taking them all", "took them all", "took a load of", "take a load of", "took too many",
            "taken too many", "take too many", "enough pills", "enough tablets", "enough painkillers", "saving up my",
            "saved up my", "been saving up", "put aside", "lined up", "a load of pills", "a load of tablets",
            "handful of pills", "handful of tablets", "all the pills", "all the tablets", "would it take",
            "it would take", "it takes to", "swallowed a load",
        ]),
        DangerConcept(name: "overdose_intent", phrases: [
            "know what im going to do", "what im going to do with", "what im gonna do with",
            "had enough", "in case i decide", "decide ive had enough", "in case i need",
            "on purpose", "deliberately", "at once", "tonight", "to end it", "end it", "make it all stop", "to die",
            "thinking about", "thought about", "thinking of", "planning", "plan to", "wine", "vodka", "whisky",
            "drank", "with alcohol", "for good", "enough to", "thats enough", "with vodka", "not wake up",
            "to kill someone", "to kill me", "kill someone my size", "have enough", "enough now", "got enough",
        ]),
        DangerConcept(name: "self_injury", phrases: [
            "thoughts of hurting myself", "thoughts of harming myself", "thoughts about hurting myself", "thoughts about harming myself", "thought of hurting myself",
            "hitting myself", "hit myself", "punching myself", "punch myself", "burned myself", "burnt myself",
            "burn myself", "scratching my arms", "scratching my legs", "scratching my skin", "scratching myself",
            "cut my arm", "cut my leg", "cut my legs", "cut my skin", "cutting my arm", "cutting my leg",
            "cutting my skin", "cutting myself", "bruising myself", "banging my head", "punch the wall",
            "punching the wall", "punched the wall", "hit my own", "hitting my own", "starving myself", "razor blade",
            "with a razor", "with a knife", "hitting my head", "hurt myself", "hurting myself", "cut myself",
        ]),
        // Hoping not to wake up is a wish to die; not waking up alone is everyday ("I
        // don't wake up stiff any more").
        DangerConcept(name: "hoping", phrases: [
            "hope", "hoping", "wish", "wishing", "pray", "praying", "would be nice", "wouldnt mind", "be better if",
        ]),
        DangerConcept(name: "not_waking", phrases: [
            "wont wake up", "dont wake up", "not wake up", "never wake up", "didnt wake up", "wouldnt wake up",
            "not to wake up", "not waking up", "never waking up",
        ], blockers: [
            "wake up stiff", "wake up sore", "wake up in pain", "wake up with", "wake up at", "wake up early",
            "wake up the", "wake up my", "wake up so", "wake up as", "wake up feeling", "wake up in the night",
        ]),
        // Letters to one's family are everyday; written "just in case", they are goodbyes.
        DangerConcept(name: "farewell_letter", phrases: [
            "written a note", "wrote a note", "left a note", "writing a note",
            "letters to my", "letter to my", "note to my", "notes to my", "letters for my", "note for my",
        ]),
        DangerConcept(name: "farewell_intent", phrases: [
            "tonight", "the pain has won", "going to the bridge", "has won",
            "just in case", "in case im not here", "in case anything happens", "in case something happens", "goodbye",
            "when im gone", "after im gone", "for after",
        ]),
        // A weapon is everyday on a farm or a range; with a plan or brooding, it is a means.
        DangerConcept(name: "weapon", phrases: ["shotgun", "rifle", "gun", "guns", "pistol", "firearm", "firearms"]),
        DangerConcept(name: "weapon_intent", phrases: [
            "a plan", "got a plan", "has a plan", "sit with it", "sit with", "thinking about using",
            "use it on myself", "end it", "on myself", "to my head", "in my mouth", "loaded",
        ]),
        DangerConcept(name: "injury_intent", phrases: [
            "thoughts of", "thoughts about", "when the pain gets bad", "gets bad",
            "on purpose", "deliberately", "till they bleed", "until they bleed", "till it bleeds", "until it bleeds",
            "where nobody can see", "where no one can see", "to feel something", "when the pain gets too much",
            "to cope", "to punish myself", "till my knuckles bleed", "feel something other than", "different pain",
            "when it gets bad", "when it gets too much", "want to", "wanted to", "thinking about", "thinking of",
            "urge to", "again", "tonight", "i feel like", "i felt like", "im feeling like", "feel like hurting",
            "feel like cutting",
        ]),
    ]

    /// Words that put an event firmly in the past and over ("fell off my bike as a kid",
    /// "foot drop after surgery 10 years ago, fully recovered"). They cancel a mention of
    /// the concepts in `pastEvents` near them. Vaguer words ("went away", "getting better")
    /// are left out: "the ache went away but now I have a fever" must still alarm. A past
    /// cancer is never cancelled: it is the danger sign itself.
    static let resolved = DangerConcept(name: "resolved", phrases: [
            "years ago", "year ago", "as a kid", "as a child", "as a teenager", "when i was a kid",
            "when i was little", "when i was young", "when i was younger", "fully recovered", "fully healed",
            "all good since", "fine since", "no issues since", "no problems since", "all clear", "came back clear",
            "was clear", "wore off", "wear off", "worn off", "resolved", "years back", "has settled", "settled since",
            "all sorted", "long gone", "settled completely", "completely settled", "cleared up", "well now",
            "nothing has happened since", "sorted with",
        ])
    /// A fever weeks ago ("had covid last month with a temperature") is over. Only the
    /// fever: a weakness or a fall that started weeks ago still matters.
    static let feverOver = DangerConcept(name: "fever_over", phrases: [
        "last month", "a month ago", "months ago", "weeks ago", "few weeks ago", "last winter", "cleared up",
        "weeks back", "months back", "with the flu", "long gone",
        "when i had covid", "when i had flu", "when i had the flu",
    ])
    /// Body parts: "barely" and "hardly" before one ("I can barely lift my arm") qualify
    /// the verb, not the body part.
    static let bodyParts: Set<String> = ["limb", "spine", "joint", "calf", "spine_context", "back_or_bone", "foot_word", "both_legs"]
    static let pastEvents: Set<String> = [
        "fall", "major_trauma", "fever", "foot_drop", "heart_attack", "worst_headache", "clot", "droop", "speech",
        "bladder", "control_loss", "headache", "sudden_severe",
    ]
    /// Signs that, said of someone else, are family history: the person's own cancer or
    /// heart attack is the sign. (Others' words about harming themselves, or someone's
    /// chest pain now, still alarm: those need help now, whoever has them.)
    static let familyHistory: Set<String> = ["cancer_history", "heart_attack", "clot"]
    static let otherPeople: Set<String> = [
        "mum", "mom", "mother", "dad", "father", "parents", "parent", "sister", "brother", "nan", "nana", "gran",
        "granny",
        "grandma", "grandad", "grandpa", "grandmother", "grandfather", "aunt", "auntie", "uncle", "cousin", "wife",
        "husband", "partner", "friend", "son", "daughter", "family", "boss", "colleague", "neighbour", "neighbor", "he",
        "mate", "pal", "buddy", "kid", "child", "baby", "wifes", "grandson", "granddaughter", "flatmate", "roommate",
        "she", "his", "her", "they", "their",
    ]
    /// The concepts of the self-harm rules: taken as said even inside a question.
    static let selfHarmConcepts: Set<String> = [
        "self_harm", "overdose_act", "overdose_intent", "self_injury", "injury_intent", "weapon", "weapon_intent",
        "farewell_letter", "farewell_intent", "hoping", "not_waking",
    ]
    /// Words read as others when matching phrases: other people's words as the person's
    /// own ("can't put his weight on it"), and "cannot" as "can't", so each phrase is
    /// listed once.
    static let readAlike: [String: String] = [
        "his": "my", "her": "my", "their": "my", "your": "my", "himself": "myself", "herself": "myself",
        "themselves": "myself", "yourself": "myself", "cannot": "cant",
    ]
    /// Who a later clause is about when it goes on about the other person now.
    static let thirdPersonSubjects: Set<String> = ["he", "she", "hes", "shes", "they", "theyre"]
    /// Words that turn a message to the person's own trouble after someone else's sign.
    static let turnsToSelf = [
        "my own", "asking about my", "asking for myself", "here about my", "im here about", "its my", "i just have",
        "i only have", "i just want", "i just need", "as for me", "for me its", "are fine", "is fine", "im fine",
        "i am fine", "mine is", "mine are",
    ]
    /// "is", "feels": a sign's word followed by one of these and a word of `allWell` is denied.
    static let linkingVerbs: Set<String> = ["is", "are", "feels", "feel", "looks", "look", "seems", "was", "were"]
    static let allWell: Set<String> = ["fine", "normal", "ok", "okay", "alright", "clear", "good"]
    /// A question about the signs in general opens with one of these...
    static let generalQuestionOpeners: Set<String> = [
        "what", "whats", "how", "do", "does", "can", "could", "is", "are", "which", "why", "when", "should", "would",
    ]
    /// ...has no one in it...
    static let personWords: Set<String> = [
        "i", "im", "ive", "id", "ill", "my", "me", "mine", "myself", "we", "our", "us", "he", "she", "his", "her", "him",
    ]
    static let someone: Set<String> = ["someone", "somebody", "anyone", "anybody", "a", "people"]
    /// ...and asks what something is, means or causes, or about people in general.
    static let generalQuestionMarkers = [
        "is it true", "warning signs", "in general",
        "what is", "whats", "what are", "what does", "mean", "means", "difference", "people", "someone", "somebody",
        "a person", "anyone", "cause", "causes", "counts as", "count as", "symptoms of", "signs of", "sign of",
        "symptom of",
    ]
    static let historyVerbs: Set<String> = ["had", "has", "died", "passed", "history", "survived", "diagnosed", "got",
                                            "beat", "battled", "fought"]
    /// How many tokens before a sign its owner ("my neighbour fell...") may stand.
    static let ownerReach = 12
    /// How many tokens either side of a mention a `resolved` phrase reaches.
    static let resolvedReach = 8

    static let rules: [DangerRule] = [
        DangerRule(category: .selfHarm, concepts: ["self_harm"]),
        DangerRule(category: .selfHarm, concepts: ["overdose_act", "overdose_intent"]),
        DangerRule(category: .selfHarm, concepts: ["self_injury", "injury_intent"]),
        DangerRule(category: .selfHarm, concepts: ["weapon", "weapon_intent"]),
        DangerRule(category: .selfHarm, concepts: ["farewell_letter", "farewell_intent"]),
        DangerRule(category: .selfHarm, concepts: ["hoping", "not_waking"]),
        DangerRule(category: .caudaEquina, concepts: ["bladder", "control_loss"]),
        DangerRule(category: .caudaEquina, concepts: ["bladder", "bladder_problem", "spine_context"]),
        DangerRule(category: .caudaEquina, concepts: ["saddle", "numb"]),
        DangerRule(category: .cardiac, concepts: ["heart_attack"]),
        DangerRule(category: .cardiac, concepts: ["chest", "chest_symptom", "cardiac_spread"]),
        DangerRule(category: .cardiac, concepts: ["chest", "chest_crushing"]),
        DangerRule(category: .strokeHeadache, concepts: ["worst_headache"]),
        DangerRule(category: .strokeHeadache, concepts: ["headache", "sudden_severe"]),
        DangerRule(category: .strokeHeadache, concepts: ["speech"]),
        DangerRule(category: .strokeHeadache, concepts: ["face", "droop"]),
        DangerRule(category: .strokeHeadache, concepts: ["numb", "one_side"]),
        DangerRule(category: .strokeHeadache, concepts: ["weakness", "suddenness", "limb"]),
        DangerRule(category: .trauma, concepts: ["fall", "severe_injury"]),
        DangerRule(category: .trauma, concepts: ["cant_bear_weight"]),
        // A road accident with any pain is worth a check, whatever the pain is like.
        DangerRule(category: .trauma, concepts: ["major_trauma", "back_or_bone"]),
        DangerRule(category: .neuroDeficit, concepts: ["foot_drop"]),
        DangerRule(category: .neuroDeficit, concepts: ["foot_word", "foot_drags"]),
        DangerRule(category: .neuroDeficit, concepts: ["weakness", "worsening", "limb"]),
        DangerRule(category: .neuroDeficit, concepts: ["both_legs", "numb"]),
        DangerRule(category: .neuroDeficit, concepts: ["both_legs", "weakness"]),
        DangerRule(category: .neuroDeficit, concepts: ["marked_weakness", "limb"]),
        DangerRule(category: .infection, concepts: ["fever", "spine"]),
        DangerRule(category: .infection, concepts: ["fever", "joint", "inflamed"]),
        DangerRule(category: .infection, concepts: ["fever", "joint", "joint_severe"]),
        DangerRule(category: .dvt, concepts: ["clot", "calf"]),
        DangerRule(category: .dvt, concepts: ["calf", "swollen", "red_warm"]),
        DangerRule(category: .dvt, concepts: ["calf", "swollen", "travel_or_surgery"]),
        // A clot that has moved to the lung.
        DangerRule(category: .dvt, concepts: ["calf", "swollen", "breathless"]),
        DangerRule(category: .cancer, concepts: ["cancer_history", "back_or_bone"]),
        DangerRule(category: .cancer, concepts: ["weight_loss", "unexplained"]),
        DangerRule(category: .cancer, concepts: ["weight_loss", "night_pain"]),
        DangerRule(category: .cancer, concepts: ["lost_word", "weight_word", "unexplained"]),
    ]

    /// Key concepts that name a sign on their own once the person is answering the
    /// screening question. The weaker ones ("swollen", "numb", "chest") count only after
    /// a "yes" and "which one?", where nothing else could be meant.
    static let keys: [(concept: String, category: DangerCategory, strong: Bool)] = [
        ("self_harm", .selfHarm, true), ("bladder", .caudaEquina, true), ("saddle", .caudaEquina, true),
        ("foot_drop", .neuroDeficit, true), ("weakness", .neuroDeficit, false), ("fever", .infection, true),
        ("fall", .trauma, true), ("cancer_history", .cancer, true), ("weight_loss", .cancer, true),
        ("heart_attack", .cardiac, true), ("chest", .cardiac, false), ("clot", .dvt, true), ("swollen", .dvt, false),
        ("worst_headache", .strokeHeadache, true), ("speech", .strokeHeadache, true), ("headache", .strokeHeadache, false),
        ("numb", .caudaEquina, false),
    ]
}
