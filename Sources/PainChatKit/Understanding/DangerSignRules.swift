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
            "bladder", "bowel", "bowels", "pee", "peeing", "piss", "urine", "urinate", "urinating", "wee", "weeing",
            "poo", "pooing", "poop", "pooping", "toilet", "continence", "incontinence", "incontinent", "wet myself",
            "wetting myself", "wet the bed", "soiled myself", "soiling", "stool", "stools", "pass water", "number two",
        ]),
        DangerConcept(name: "control_loss", phrases: [
            "control", "leak", "leaking", "leaked", "incontinence", "incontinent", "cant", "cannot", "unable", "lost",
            "loss", "accident", "accidents", "retention", "wet myself", "wetting myself", "wet the bed", "soiled",
            "not able", "no feeling", "dont feel", "didnt feel", "cant tell when", "wont come", "stopped", "numb",
            "peeing myself", "pee myself", "peed myself", "pissing myself", "pissed myself", "pooing myself",
            "pooed myself", "soiling myself", "leaking urine", "dribbling",
        ]),
        DangerConcept(name: "bladder_problem", phrases: ["problem", "problems", "trouble", "difficulty", "changes", "change", "issue", "issues", "strange", "weird"]),
        DangerConcept(name: "spine_context", phrases: ["back", "spine", "spinal", "sciatica", "leg", "legs", "lumbar", "disc", "buttock", "bum"]),
        DangerConcept(name: "numb", phrases: [
            "numb", "numbness", "no feeling", "cant feel", "cannot feel", "pins and needles", "tingling", "tingly",
            "lost feeling", "loss of feeling", "loss of sensation", "reduced sensation", "less feeling", "dead feeling",
        ]),
        DangerConcept(name: "saddle", phrases: [
            "groin", "saddle", "genitals", "genital", "crotch", "perineum", "between my legs", "private parts", "privates",
            "back passage", "anus", "inner thighs", "inner thigh", "around my bottom", "vagina", "penis", "scrotum",
            "testicles", "down below", "nether regions",
        ]),
        DangerConcept(name: "foot_drop", phrases: [
            "foot drop", "drop foot", "foot drops", "foot is dropping", "foot keeps dropping", "foot slaps", "foot slapping",
            "slapping my foot", "dragging my foot", "drag my foot", "foot drags", "foot dragging", "cant lift my foot",
            "cannot lift my foot", "cant lift my toes", "cant raise my foot", "toes catch", "catching my toes",
            "tripping over my foot", "trip over my foot", "floppy foot", "foot is floppy", "foot flops",
        ]),
        DangerConcept(name: "foot_word", phrases: ["foot", "feet", "toes", "toe"]),
        DangerConcept(name: "foot_drags", phrases: [
            "dragging", "drags", "drag", "slapping", "slaps", "slap", "floppy", "flopping", "flops", "catching", "catches",
            "scuffing", "scuffs",
        ]),
        DangerConcept(name: "weakness", phrases: [
            "weak", "weaker", "weakness", "giving way", "gives way", "gave way", "buckling", "buckles", "losing strength",
            "lost strength", "no strength", "paralysed", "paralyzed", "paralysis", "cant move my leg", "cant move my legs",
            "cant lift my leg",
        ]),
        DangerConcept(name: "worsening", phrases: [
            "worse", "worsening", "weaker", "getting weaker", "spreading", "progressing", "progressive", "more and more",
            "each day", "every day", "by the day", "increasingly", "keeps getting", "deteriorating", "week by week", "over days",
        ]),
        DangerConcept(name: "limb", phrases: ["leg", "legs", "foot", "feet", "arm", "arms", "hand", "hands", "ankle", "thigh", "calf", "toes"]),
        DangerConcept(name: "both_legs", phrases: ["both legs", "both feet", "both my legs", "both my feet", "both of my legs", "legs and feet"]),
        DangerConcept(name: "fever", phrases: [
            "fever", "feverish", "high temperature", "a temperature", "running a temperature", "temperature of",
            "high temp", "a temp", "chills", "shivering", "shivers", "the shivers", "shivery", "rigors", "night sweats",
            "burning up", "hot and cold", "feverishness",
        ], blockers: ["cold weather", "chills me"]),
        DangerConcept(name: "spine", phrases: ["back", "spine", "spinal", "neck", "lower back", "lumbar", "backache"]),
        DangerConcept(name: "joint", phrases: ["joint", "joints", "knee", "hip", "ankle", "elbow", "wrist", "shoulder", "finger", "toe", "knuckle"]),
        DangerConcept(name: "inflamed", phrases: ["swollen", "swelling", "hot", "red", "redness", "warm", "puffy", "inflamed"]),
        DangerConcept(name: "fall", phrases: [
            "fell", "fall", "fallen", "falling", "fell over", "fell down", "tripped", "slipped", "crash", "crashed",
            "car accident", "accident", "collision", "hit by", "knocked down", "knocked over", "thrown off",
            "came off my bike", "landed on", "run over", "rear ended", "whiplash",
        ], blockers: [
            "fall asleep", "fell asleep", "falling asleep", "falls asleep", "in the fall", "last fall", "this fall",
            "fall apart", "falling apart", "fell apart", "fall behind", "fell behind", "fall for", "fell for",
            "fall back", "fell back asleep", "fall back asleep", "fall out", "fell out",
        ]),
        DangerConcept(name: "severe_injury", phrases: [
            "cant bear weight", "cannot bear weight", "cant put weight", "cant put any weight", "unable to bear weight",
            "unable to put weight", "cant walk", "cannot walk", "cant stand", "cannot stand", "unable to walk", "cant move",
            "bone", "broken", "broke", "fracture", "fractured", "deformed", "crack", "cracked", "snap", "snapped",
            "sticking out", "out of place", "dislocated", "back", "neck", "spine", "head", "hip", "hit my head",
            "knocked out", "passed out",
        ]),
        DangerConcept(name: "cancer_history", phrases: [
            "cancer", "tumour", "tumor", "tumours", "tumors", "chemo", "chemotherapy", "radiotherapy", "radiation therapy",
            "malignant", "malignancy", "lymphoma", "leukaemia", "leukemia", "myeloma", "metastases", "metastatic",
            "oncologist", "oncology",
        ], blockers: [
            "be cancer", "its cancer", "is cancer", "is it cancer", "about cancer", "of cancer", "be a tumour",
            "be a tumor", "its a tumour", "its a tumor", "cancer scare", "fear cancer", "cancer worry",
        ]),
        DangerConcept(name: "back_or_bone", phrases: ["back", "spine", "bone", "bones", "lower back", "neck", "rib", "ribs", "hip", "pain", "ache", "aches", "sore", "hurts"]),
        DangerConcept(name: "weight_loss", phrases: [
            "weight loss", "losing weight", "lost weight", "lost a lot of weight", "dropped weight", "weight has dropped",
            "weight dropping", "weight is dropping", "shed weight", "lost kilos", "lost pounds", "lost a stone",
        ]),
        DangerConcept(name: "lost_word", phrases: ["lost", "losing", "dropped", "shed", "dropping"]),
        DangerConcept(name: "weight_word", phrases: ["weight", "kilos", "kilo", "kg", "kgs", "pounds", "lbs", "stone", "stones"]),
        DangerConcept(name: "unexplained", phrases: [
            "without trying", "not trying", "unexplained", "for no reason", "no reason", "without dieting", "not dieting",
            "dont know why", "unintentional", "unintentionally", "havent been trying", "no idea why", "not on a diet",
            "havent changed my diet", "without meaning to",
        ]),
        DangerConcept(name: "chest", phrases: ["chest", "breastbone", "sternum", "heart"]),
        DangerConcept(name: "chest_symptom", phrases: [
            "pain", "pressure", "tight", "tightness", "squeezing", "squeeze", "heavy", "heaviness", "crushing", "ache",
            "aching", "hurts", "hurt", "discomfort", "elephant", "band",
        ]),
        DangerConcept(name: "cardiac_spread", phrases: [
            "arm", "left arm", "jaw", "breath", "breathless", "breathlessness", "short of breath", "shortness of breath",
            "cant breathe", "cannot breathe", "cant catch my breath", "hard to breathe", "struggling to breathe",
            "sweating", "sweaty", "clammy", "nausea", "nauseous", "faint", "dizzy", "lightheaded", "light headed",
        ]),
        DangerConcept(name: "heart_attack", phrases: ["heart attack", "having a heart attack"]),
        DangerConcept(name: "calf", phrases: ["calf", "calves", "lower leg", "leg", "legs", "shin"]),
        DangerConcept(name: "swollen", phrases: ["swollen", "swelling", "swell", "swells", "puffy", "puffed up", "bigger", "enlarged", "ballooned"]),
        DangerConcept(name: "red_warm", phrases: ["red", "redness", "warm", "hot", "warm to the touch", "hot to touch", "discoloured", "discolored", "purple", "reddish"]),
        DangerConcept(name: "clot", phrases: ["blood clot", "clot", "dvt", "thrombosis", "deep vein"]),
        DangerConcept(name: "headache", phrases: ["headache", "headaches", "head pain", "pain in my head", "head hurts", "head is killing", "migraine"]),
        DangerConcept(name: "sudden_severe", phrases: [
            "thunderclap", "worst ever", "worst of my life", "worst in my life", "worst i have ever", "worst ive ever",
            "like nothing before", "sudden", "suddenly", "out of nowhere", "exploding", "explosive", "explode",
            "like being hit", "worst headache", "never had one this bad",
        ]),
        DangerConcept(name: "worst_headache", phrases: ["worst headache", "thunderclap headache", "worst headache of my life", "worst ever headache"]),
        DangerConcept(name: "face", phrases: ["face", "mouth", "smile", "lip", "eyelid"]),
        DangerConcept(name: "droop", phrases: ["droop", "drooping", "droopy", "dropped", "sagging", "sags", "lopsided", "wont move", "fallen", "slack"]),
        DangerConcept(name: "speech", phrases: [
            "slurred", "slurring", "slurred speech", "speech is slurred", "cant speak", "cant get my words out",
            "words come out wrong", "trouble speaking", "cant talk properly", "speech is garbled", "garbled",
        ]),
        DangerConcept(name: "self_harm", phrases: [
            "kill myself", "killing myself", "end my life", "ending my life", "end it all", "take my own life",
            "want to die", "wanna die", "wish i was dead", "wish i were dead", "better off dead", "no reason to live",
            "dont want to live", "dont want to be alive", "dont want to be here anymore", "dont want to be here any more",
            "suicide", "suicidal", "self harm", "selfharm", "self harming", "hurt myself", "hurting myself",
            "harm myself", "harming myself", "cut myself", "cutting myself", "overdose", "not worth living",
            "life isnt worth living", "end myself", "off myself", "rather be dead", "want it all to end",
            "want to end it", "thinking of ending it", "ready to die", "better off without me", "better off if i was gone",
            "better off if i wasnt here", "better off if i were gone", "no point in living", "no point living",
            "no reason to go on", "dont want to wake up", "hope i dont wake up", "hope i never wake up",
            "wish i wouldnt wake up", "wish i didnt wake up", "rather not wake up", "put an end to it all", "end things",
            "dont want to be around", "not be around anymore", "disappear forever",
        ], blockers: ["die for", "dying for", "die laughing"]),
    ]

    static let rules: [DangerRule] = [
        DangerRule(category: .selfHarm, concepts: ["self_harm"]),
        DangerRule(category: .caudaEquina, concepts: ["bladder", "control_loss"]),
        DangerRule(category: .caudaEquina, concepts: ["bladder", "bladder_problem", "spine_context"]),
        DangerRule(category: .caudaEquina, concepts: ["saddle", "numb"]),
        DangerRule(category: .cardiac, concepts: ["heart_attack"]),
        DangerRule(category: .cardiac, concepts: ["chest", "chest_symptom", "cardiac_spread"]),
        DangerRule(category: .strokeHeadache, concepts: ["worst_headache"]),
        DangerRule(category: .strokeHeadache, concepts: ["headache", "sudden_severe"]),
        DangerRule(category: .strokeHeadache, concepts: ["speech"]),
        DangerRule(category: .strokeHeadache, concepts: ["face", "droop"]),
        DangerRule(category: .trauma, concepts: ["fall", "severe_injury"]),
        DangerRule(category: .neuroDeficit, concepts: ["foot_drop"]),
        DangerRule(category: .neuroDeficit, concepts: ["foot_word", "foot_drags"]),
        DangerRule(category: .neuroDeficit, concepts: ["weakness", "worsening", "limb"]),
        DangerRule(category: .neuroDeficit, concepts: ["both_legs", "numb"]),
        DangerRule(category: .infection, concepts: ["fever", "spine"]),
        DangerRule(category: .infection, concepts: ["fever", "joint", "inflamed"]),
        DangerRule(category: .dvt, concepts: ["clot", "calf"]),
        DangerRule(category: .dvt, concepts: ["calf", "swollen", "red_warm"]),
        DangerRule(category: .cancer, concepts: ["cancer_history", "back_or_bone"]),
        DangerRule(category: .cancer, concepts: ["weight_loss", "unexplained"]),
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
