/// The danger-sign knowledge of `Intents/danger/` as typed values: concepts (phrases
/// naming one idea), rules (concepts that together name a sign), categories (how urgent,
/// why, what to say) and the word lists the engine reads messages with. The engine
/// (`DangerSignDetector`) has no branch on any of their names.
public struct DangerRulebook: Sendable {
    public struct Concept: Sendable, Equatable {
        public enum Flag: String, Sendable, CaseIterable {
            /// "barely" and "hardly" before it qualify the verb, not the body part.
            case bodyPart = "body_part"
            /// A mention near a `resolved` phrase is over ("fell off my bike as a kid").
            case canBeOver = "can_be_over"
            /// Said of someone else and told as history, it is their history, not a sign.
            case familyHistory = "family_history"
            /// Never read as a question about the signs in general.
            case takenAsSaid = "taken_as_said"
        }

        public var name: String
        public var phrases: [String] = []
        public var blockers: [String] = []
        /// Instead of phrases: any number at least this large.
        public var numberAtLeast: Int?
        /// Besides its phrases: a number written with one decimal place ("39.2") of at least
        /// this and below `decimalBelow`, as a temperature is.
        public var decimalAtLeast: Int?
        public var decimalBelow = 45
        public var flags: Set<Flag> = []
        /// More phrases that put a mention in the past, unless a `now` word is in its clause.
        public var overUnlessNow: [String] = []
        /// Phrases near a mention that explain it away ("slurring after five pints",
        /// "tripped but caught myself"), reaching as `resolved` does and across a "but"
        /// just before them.
        public var cancelledBy: [String] = []
        /// Body parts whose pain, told earlier in the conversation, establishes the concept.
        public var fromFrame: [String] = []
        public var line: Int = 0
    }

    public struct Rule: Sendable, Equatable {
        public var category: DangerCategory
        public var concepts: [String]
        /// The concepts must lie within this many words, first to last.
        public var within: Int?
        public var inOrder = false
        /// A level and reason more urgent than the category's.
        public var level: UrgencyLevel?
        public var reason: String?
        public var line: Int = 0
    }

    /// A concept that names a sign alone once the person answers the screening question
    /// (`strong`), or only after "which one?" (`weak`).
    public struct ScreeningAnswer: Sendable, Equatable {
        public var concept: String
        public var category: DangerCategory
        public var strong: Bool
        public var line: Int = 0
    }

    /// One sign as the screening question lists it, and the body parts it fits.
    public struct ScreeningItem: Sendable, Equatable {
        public var wording: String
        public var fits: Set<String>
        public var unknownPlace: Bool
    }

    public struct Category: Sendable, Equatable {
        public var name: DangerCategory
        public var level: UrgencyLevel
        public var reason: String
        /// The published page the level and wording were checked against.
        public var source: String
        public var check: String
        /// The urgent reply's paragraphs, when the category has its own.
        public var reply: [String]
        public var screening: [ScreeningItem]
        public var line: Int = 0
    }

    /// The word lists of `words.yaml`.
    public struct Words: Sendable, Equatable {
        public var resolved: [String] = []
        public var resolvedReach = 8
        public var explainedReach = 12
        /// Years that, after "in" ("in 2015"), put an event in the past like `resolved`.
        public var pastYears: ClosedRange<Int> = 1900...1900
        /// Phrases that, before a number, tell an age gone by ("when I was 12"), and before
        /// a decade ("in the 80s"), a decade gone by: as far in the past as `resolved`.
        public var pastBeforeAge: [String] = []
        public var pastBeforeDecade: [String] = []
        /// Phrases that say a sign's word is not meant literally ("figuratively speaking");
        /// they cancel it as `resolved` does.
        public var figurative: [String] = []
        /// Phrases that make a sign a "what if" ("go to A&E if I ever can't feel ..."); they
        /// cancel it as `resolved` does.
        public var hypothetical: [String] = []
        public var now: Set<String> = []
        /// Words that turn to another topic ("..., anyway my neck is stiff"): no marker
        /// reaches across them.
        public var topicTurns: Set<String> = []
        /// Words after a "but" that point back to what came before it ("but that all
        /// cleared up"): a marker after them reaches back across the "but".
        public var backReferences: Set<String> = []
        /// Times gone by ("last summer"), as far in the past as `resolved` unless a word of
        /// `ongoing_before` stands just before them ("since last summer", "over the last year").
        public var pastTimes: [String] = []
        public var ongoingBefore: Set<String> = []
        /// Words before a `cancelled_by` phrase that make it how a sign looks, not its cause.
        public var seeming: Set<String> = []
        /// Films, books, essays and the news: a sign told of them is nobody's, within
        /// `not_real_reach` words, up to a clause the person starts about themselves.
        public var notReal: [String] = []
        public var notRealReach = 14
        /// A question put to the person ("the physio asked if"), and the answers that deny
        /// it ("i dont", "i said no"): what lies between was asked about, not reported.
        public var askedAbout: [String] = []
        public var deniedAnswers: [String] = []
        /// Words that may follow a denied answer without making it something else ("i dont
        /// have any", not "i dont know").
        public var denialTails: Set<String> = []
        public var denialReach = 16
        /// A clause of only one of these just after a sign denies it ("foot drop? no, ...").
        public var bareDenials: Set<String> = []
        /// Words after a bare "no" that make it a denial ("no, just the ankle").
        public var reassuring: Set<String> = []
        /// Phrases that say a sign is getting better ("getting better every day"), within
        /// `improving_reach` words in its clause and not across "and".
        public var improving: [String] = []
        public var improvingReach = 5
        /// "foot drop is what my uncle had": after a sign and before another person, these
        /// make it theirs.
        public var someoneElsesAfter: [String] = []
        /// Words a negation reaches across without counting them ("no numbness in my groin").
        public var negationFillers: Set<String> = []
        public var otherPeople: Set<String> = []
        public var ownerReach = 12
        public var historyVerbs: Set<String> = []
        public var thirdPersonSubjects: Set<String> = []
        /// Words of `other_people` that only point at someone ("he", "they"): a sign they
        /// own is not set against the person's own body part.
        public var pronouns: Set<String> = []
        public var turnsToSelf: [String] = []
        public var ownWords: Set<String> = []
        public var readAlike: [String: String] = [:]
        public var linkingVerbs: Set<String> = []
        public var allWell: Set<String> = []
        public var generalQuestionOpeners: Set<String> = []
        public var personWords: Set<String> = []
        public var someone: Set<String> = []
        public var generalQuestionMarkers: [String] = []
        public var addressedToPerson: [String] = []
    }

    public var concepts: [Concept]
    public var rules: [Rule]
    public var screeningAnswers: [ScreeningAnswer]
    public var categories: [Category]
    public var words: Words
    /// What to do now, by level, for categories without a reply of their own.
    public var actNow: [UrgencyLevel: String]
    public var noSelfCare: String

    public func category(_ name: DangerCategory) -> Category? { categories.first { $0.name == name } }

    /// The sign to report when `rule` fired: its category's wording, or the rule's own.
    func sign(for rule: Rule, evidence: String, forSomeoneElse: Bool) -> DangerSign {
        sign(category: rule.category, level: rule.level, reason: rule.reason, evidence: evidence, forSomeoneElse: forSomeoneElse)
    }

    /// The sign of a category, as reported after "which one?" or a yes to a check question.
    public func sign(category name: DangerCategory, level: UrgencyLevel? = nil, reason: String? = nil, evidence: String,
                     forSomeoneElse: Bool = false) -> DangerSign {
        let category = self.category(name)
        let level = level ?? category?.level ?? .emergency
        let reason = reason ?? category?.reason ?? "this can be a sign that needs a doctor's examination"
        let advice = category.flatMap { $0.reply.isEmpty ? nil : $0.reply }
            ?? [actNow[level] ?? "", "Why: " + reason + ".", noSelfCare]
        return DangerSign(category: name, level: level, reason: reason, advice: advice, evidence: evidence,
                          forSomeoneElse: forSomeoneElse)
    }

    /// The signs the screening question lists for pain in `location`: a jaw is not asked
    /// about bladder control, a low back is. Without one known place, the signs marked
    /// `unknown_place`.
    public func screeningSigns(for location: String?) -> [String] {
        categories.flatMap(\.screening).filter { item in
            location.map(item.fits.contains) ?? item.unknownPlace
        }.map(\.wording)
    }

    /// The check question for a suspected category.
    func check(_ name: DangerCategory, utterance: String, confidence: Double, forSomeoneElse: Bool) -> DangerCheck {
        DangerCheck(category: name, question: category(name)?.check ?? "Is this new, and is it getting worse?",
                    utterance: utterance, confidence: confidence, forSomeoneElse: forSomeoneElse)
    }
}
