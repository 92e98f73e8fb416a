/// Everyday English words of five letters or more that are one typo away from a lexicon
/// word ("night"/"right", "sending"/"bending", "talked"/"walked"), so the typo corrector
/// never rewrites them, whatever the corpus happens to contain.
enum CommonWords {
    static let list: Set<String> = [
        "night", "nights", "might", "light", "sight", "fight", "eight", "weight", "height", "tight", "right",
        "sending", "lending", "pending", "mending", "tending", "talked", "talking", "walked", "balked", "stalking",
        "fitting", "hitting", "sifting", "gifting", "drifting", "seating", "beating", "heating", "eating", "meeting",
        "treating", "sating", "reading", "leading", "heading", "standing", "landing", "handing", "banding",
        "lifting", "living", "loving", "moving", "having", "giving", "waking", "making", "taking", "baking",
        "raking", "faking", "shaking", "staring", "sharing", "string", "strong", "stress", "dress", "press",
        "pressing", "dressing", "crossing", "bossing", "tossing", "chewing", "shewing", "viewing", "brewing",
        "coughing", "roughing", "laughing", "running", "cunning", "sunning", "gunning", "dunning", "stairs",
        "stars", "chairs", "shares", "stares", "snares", "scares", "spares", "flares", "twisting", "twisted",
        "listing", "lusting", "driving", "diving", "riving", "thriving", "striving", "bending", "binding",
        "finding", "minding", "winding", "grinding", "sitting", "setting", "getting", "letting", "betting",
        "wetting", "netting", "jetting", "petting", "vetting", "putting", "cutting", "hurting", "hunting",
        "shorts", "short", "sport", "sports", "court", "courts", "heart", "hearts", "earth", "world", "words",
        "worse", "horse", "nurse", "purse", "curse", "house", "mouse", "louse", "knees", "kneel", "still",
        "stiff", "stuff", "staff", "cliff", "spell", "smell", "small", "stall", "stalls", "shall", "shell",
        "there", "three", "these", "those", "where", "while", "which", "white", "write", "whole", "whose",
        "about", "above", "after", "again", "along", "among", "being", "below", "could", "every", "first",
        "found", "great", "never", "other", "place", "point", "right", "shown", "since", "their", "think",
        "today", "under", "until", "using", "would", "years", "young", "month", "months", "weeks", "hours",
        "hands", "lands", "bands", "sands", "wands", "walls", "calls", "falls", "halls", "balls", "tails",
        "cough", "tough", "rough", "dough", "bough", "trough", "though", "through", "thought", "fought",
        "bought", "brought", "caught", "taught", "sought", "raining", "training", "draining", "gaining",
        "scrolling", "strolling", "trolling", "rolling", "soles", "poles", "holes", "roles", "moles",
        "stood", "stoop", "flood", "blood", "brood", "seated", "heated", "treated", "cheated", "created",
        "shift", "shifts", "swift", "drift", "lifts", "gifts", "cramp", "clamp", "champ", "tramp", "stamp",
        "sharp", "shard", "share", "spare", "stare", "store", "shore", "snore", "score", "sword", "short",
        "numbers", "number", "lumber", "slumber", "plumber", "burning", "turning", "learning", "earning",
        "yearning", "churning", "spurning", "aching", "arching", "caching", "coaching", "poaching", "teaching",
        "reaching", "preaching", "breaching", "bleaching", "leaching",
    ]
}
