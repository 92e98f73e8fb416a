import Foundation

/// Turns a typed `Reply` into text for a person. The only place painchat's wording lives.
public struct ReplyRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int = 80, color: Bool = false) {
        self.width = width
        self.color = color
    }

    /// Example questions offered after a fallback and in help.
    public static let examples = [
        "why does my hip knot come back when I walk",
        "my neck gets stiff after a day at the computer",
        "are there stretches for a tight calf?",
        "what is a trigger point?",
        "should I see a doctor about my back?",
    ]

    public func render(_ reply: Reply) -> String {
        reply.parts.map(render).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    func render(_ part: Reply.Part) -> String {
        switch part {
        case .greeting:
            return wrap("Hello. Tell me about the pain: where it is, what brings it on and what eases it, or ask me anything about muscle and joint pain.")
        case .thanks:
            return wrap("You're welcome. I hope it eases soon. Ask again any time.")
        case .acknowledgeVent:
            return wrap("I'm sorry it's wearing you down; living with pain is hard, and it makes sense to be fed up. Let's see what might help.")
        case .acknowledge:
            return wrap("Okay. Tell me more about the pain, or ask me something about it.")
        case .notedUnknown(let slot):
            return wrap(slot == .redFlags
                        ? "That's fine. If you notice any of those signs later, please get checked the same day."
                        : "That's fine, we can do without it.")
        case .question(let question):
            return wrap(questionText(question))
        case .answer(let answer):
            return renderAnswer(answer)
        case .urgent(let sign):
            return renderUrgent(sign)
        case .check(let check):
            return wrap((check.forSomeoneElse ? "About the person you mention: " : "") + check.question)
        case .fallback(let variant):
            return renderFallback(variant)
        case .outOfScope:
            return wrap("That's outside what I know: I only cover muscle and joint pain (where it hurts, what brings it on, what eases it, and when to see someone). For other health worries, a pharmacist or your doctor is the right person to ask.")
        case .offerToLook:
            return wrap("If you'd like me to look at your own pain, tell me where it hurts and what brings it on.")
        case .help:
            return renderHelp()
        case .whyAsked(let slot):
            return wrap(whyText(slot))
        case .sources(let entries):
            return renderSources(entries)
        case .noMore:
            return wrap("I have nothing more to add on that. You could ask about self-care, a particular muscle, or when to see someone.")
        case .nothingCited:
            return wrap("I haven't quoted anything yet. Once I answer, I'll list the notes and the published works behind them.")
        case .trace(let trace):
            return renderTrace(trace)
        case .reset:
            return wrap("Starting afresh: I've forgotten this conversation. Where does it hurt?")
        case .unknownCommand(let name):
            return wrap("I don't know the command \(Self.clean(name)). Commands: /help /why /sources /reset /quit.")
        case .truncated(let limit):
            return wrap("(That was very long, so I read only the first \(limit) characters.)")
        case .ended:
            return wrap("Take care. Goodbye.")
        }
    }

    // MARK: - Questions

    func questionText(_ question: Question) -> String {
        let pain = question.location.map { "the \(Self.display($0)) pain" } ?? "the pain"
        var text: String
        switch question.kind {
        case .slot(.location):
            text = "Where do you feel it most? For example your neck, low back, hip, knee or shoulder."
        case .slot(.trigger):
            text = "What brings on \(pain), or makes it worse? For example walking, sitting, lifting or sleeping on it."
        case .slot(.relief):
            text = "What eases \(pain), if anything? For example rest, changing position, heat, stretching or pressing on the sore spot."
        case .slot(let other):
            text = "Can you tell me about the \(other.rawValue.replacingOccurrences(of: "_", with: " "))?"
        case .screening:
            let signs = question.signs
            text = signs.count > 1
                ? "One safety check before I explain. Do you have any of these: " + signs.dropLast().joined(separator: ", ")
                    + ", or " + signs.last! + "?"
                : "One safety check before I explain. Do you have " + (signs.first ?? "any sign that worries you, such as new weakness, numbness, fever or chest pain") + "?"
        case .whichSign:
            text = "Which one? Tell me in your own words, for example \"I can't control my bladder\", \"I have a fever\" or \"I had a fall\"."
        }
        return question.isRepeat ? "Back to my question: " + text : text
    }

    func whyText(_ slot: SlotName?) -> String {
        switch slot {
        case .location?:
            return "Where it hurts tells me which muscles and joints are likely involved. Many muscles send pain away from themselves, so the place you feel it is the first clue."
        case .trigger?:
            return "What brings the pain on shows which muscles are being loaded, and a few patterns, like leg pain on walking that stops with rest, point to causes worth checking."
        case .relief?:
            return "What eases it helps tell muscle pain apart from nerve or circulation problems, and points to the self-care most likely to help you."
        case .redFlags?:
            return "A few rare signs mean pain needs a doctor quickly rather than self-care, so I check for them once before suggesting anything."
        default:
            return "I ask about where it hurts, what brings it on and what eases it because those three answers narrow down which muscles or joints are involved, and then I check once for signs that need a doctor."
        }
    }

    // MARK: - Answers

    func renderAnswer(_ answer: Answer) -> String {
        var blocks: [String] = []
        if answer.style == .full, let recap = Self.recap(answer.recap) {
            blocks.append(wrap("So far: " + recap + "."))
        }
        if !answer.explanations.isEmpty {
            let heading: String
            switch answer.style {
            case .more: heading = "More on this:"
            case .side(.askSelfCare): heading = "What you can try:"
            case .side: heading = "Here is what my notes say:"
            case .full: heading = "What may be going on (this can fit your description; it is not a diagnosis):"
            }
            blocks.append(heading)
            for cited in answer.explanations { blocks.append(renderPassage(cited)) }
        }
        if !answer.selfCare.isEmpty {
            blocks.append(answer.style == .full ? "Self-care you could try:" : "You could also try:")
            for cited in answer.selfCare { blocks.append(renderPassage(cited)) }
        }
        if answer.passages.isEmpty {
            blocks.append(wrap("I couldn't find anything in my notes that fits that. Try naming the body part or the activity that hurts."))
        }
        if !answer.professional.isEmpty {
            blocks.append(wrap("When to see someone: " + answer.professional.map(Self.advice).joined(separator: " ")))
            for cited in answer.professionalPassages { blocks.append(renderPassage(cited)) }
        }
        if answer.style == .full || answer.moreAvailable {
            blocks.append(wrap("Ask \"tell me more\" for more detail, or \"what's your source?\" for the references."))
        }
        return blocks.joined(separator: "\n\n")
    }

    func renderPassage(_ cited: CitedPassage) -> String {
        let marker = "[\(cited.number)] "
        let fits = cited.fits.isEmpty ? "" : "; fits: " + cited.fits.joined(separator: ", ")
        let citation = "(\(cited.passage.title), \(cited.id)\(fits))"
        return TextWrapper.wrap(marker + Self.clean(cited.shownText) + " " + citation,
                                width: width, indent: String(repeating: " ", count: marker.count))
    }

    static func advice(_ advice: ProfessionalAdvice) -> String {
        switch advice {
        case .walkingPainEasedByRest:
            return "Leg pain that comes on with walking and stops with rest is worth showing a doctor: it can come from narrowed arteries (vascular claudication) or a narrowed spinal canal, and both are checked simply."
        case .nerveSymptoms:
            return "Shooting, burning, tingling or numb feelings can mean a nerve is involved; see a doctor or physiotherapist if they spread, persist or come with weakness."
        case .longStanding(let days):
            return "It has been going on for about \(days >= 60 ? "\(days / 30) months" : "\(days / 7) weeks"), so a GP or physiotherapist review makes sense."
        case .severe(let intensity):
            return "Pain at \(intensity)/10 is a lot to live with: please get it assessed soon."
        case .screeningUnanswered:
            return "I haven't been able to check the warning signs with you: get checked the same day if you notice new bladder or bowel trouble, numbness around the groin, a leg getting weaker, fever, or chest pain."
        case .general:
            return "See a GP or physiotherapist if it is getting worse, hasn't improved after a few weeks of self-care, wakes you every night, or comes with new numbness, weakness, fever or feeling unwell."
        }
    }

    // MARK: - Urgent

    func renderUrgent(_ sign: DangerSign) -> String {
        var paragraphs = sign.advice
        if sign.forSomeoneElse, !paragraphs.isEmpty { paragraphs[0] = "For the person you are describing: " + paragraphs[0] }
        return paragraphs.map(wrap).joined(separator: "\n\n")
    }

    // MARK: - Other replies

    func renderFallback(_ variant: Int) -> String {
        let openings = [
            "Sorry, I didn't understand that.",
            "I'm not sure what you mean, sorry.",
            "I still didn't catch that. Let me suggest a different way in.",
        ]
        let opening = openings[variant % openings.count]
        let pick = [ReplyRenderer.examples[variant % ReplyRenderer.examples.count],
                    ReplyRenderer.examples[(variant + 2) % ReplyRenderer.examples.count]]
        return wrap(opening + " You could say something like: " + pick.map { "\"\($0)\"" }.joined(separator: " or ") + ".")
    }

    func renderHelp() -> String {
        var lines = [wrap("I'm painchat, an offline companion for muscle and joint pain. Tell me where it hurts, what brings it on and what eases it; I ask a few questions, check once for danger signs, then explain with quotes from my notes and suggest self-care. I don't diagnose and I'm not a substitute for a clinician.")]
        lines.append("Try:\n" + ReplyRenderer.examples.map { "  \($0)" }.joined(separator: "\n"))
        lines.append(wrap("Commands: /why (why I answered that way), /sources (references of the last answer), /reset (start over), /help, /quit."))
        return lines.joined(separator: "\n\n")
    }

    func renderSources(_ entries: [SourceEntry]) -> String {
        guard !entries.isEmpty else { return wrap("I haven't quoted anything yet.") }
        var lines = ["The last answer came from these notes:"]
        for entry in entries {
            lines.append(wrap("- \(Self.clean(entry.title)) (\(entry.noteID))"))
            for source in entry.sources { lines.append(TextWrapper.wrap("    " + Self.clean(source), width: width, indent: "    ")) }
        }
        return lines.joined(separator: "\n")
    }

    func renderTrace(_ trace: TurnTrace) -> String {
        var lines = ["Last turn: \"\(Self.clean(trace.utterance))\""]
        lines.append("Intent: \(trace.intent.rawValue)" + (trace.classifierFellBack ? " (classifier unsure)" : ""))
        lines.append("Ranking: " + trace.ranking.prefix(4).map { "\($0.intent.rawValue) \(String(format: "%.2f", $0.confidence))" }.joined(separator: ", "))
        if let danger = trace.danger { lines.append("Danger sign: \(danger.category.rawValue) (\(danger.level.rawValue)) from \"\(danger.evidence)\"") }
        let slots = SlotName.allCases.compactMap { slot -> String? in
            let values = trace.frame.values(of: slot)
            return values.isEmpty ? nil : "\(slot.rawValue)=\(values.joined(separator: ","))"
        }
        lines.append("Slots: " + (slots.isEmpty ? "none yet" : slots.joined(separator: " ")))
        if !trace.frame.unknown.isEmpty { lines.append("Unknown: " + trace.frame.unknown.map(\.rawValue).sorted().joined(separator: ", ")) }
        if !trace.retrievalTerms.isEmpty { lines.append("Retrieval terms: " + trace.retrievalTerms.joined(separator: ", ")) }
        // Each quoted passage's score (its words, times how well its note fits the frame).
        for cited in trace.cited {
            let fits = cited.fits.isEmpty ? "the question's words only" : cited.fits.joined(separator: ", ")
            lines.append("[\(cited.number)] \(cited.id) score \(String(format: "%.1f", cited.passage.score)); note fits: \(fits)")
        }
        return lines.map(wrap).joined(separator: "\n")
    }

    // MARK: - Helpers

    func wrap(_ text: String) -> String { TextWrapper.wrap(text, width: width) }

    static func display(_ value: String) -> String {
        switch value {
        case "low_back": return "lower back"
        case "upper_back": return "upper back"
        default: return value.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// A one-line recap of the frame ("knot in the right hip, brought on by walking, eased by sitting").
    public static func recap(_ frame: Frame) -> String? {
        var pieces: [String] = []
        let what = frame.quality.isEmpty ? "pain" : frame.quality.map(display).joined(separator: " and ")
        if frame.location.isEmpty {
            pieces.append(what)
        } else {
            let side = frame.side.map { $0 == "both" ? "both sides of the " : "\($0) " } ?? ""
            pieces.append("\(what) in the \(side)\(frame.location.map(display).joined(separator: " and "))")
        }
        let activities = frame.trigger.filter { $0 != "morning" }
        if !activities.isEmpty { pieces.append("brought on by " + activities.map(display).joined(separator: ", ")) }
        if frame.trigger.contains("morning") { pieces.append("worse in the mornings") }
        if frame.relief == ["nothing"] { pieces.append("nothing eases it yet") }
        else if !frame.relief.isEmpty { pieces.append("eased by " + frame.relief.map(display).joined(separator: ", ")) }
        if let intensity = frame.intensity { pieces.append("\(intensity)/10") }
        if let days = frame.durationDays {
            pieces.append(days <= 1 ? "since yesterday" : days < 14 ? "for \(days) days" : days < 60 ? "for about \(days / 7) weeks" : days < 730 ? "for about \(days / 30) months" : "for about \(days / 365) years")
        }
        if frame.isEmpty { return nil }
        return pieces.joined(separator: ", ")
    }

    /// Removes control characters and escape sequences so nothing from the input, corpus
    /// or intents can drive the terminal.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                if scalar == "\n" { out.append(" ") } else if scalar == "\t" { out.append(" ") }
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}
