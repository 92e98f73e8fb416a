extension Frame {
    /// The frame of one utterance on its own (`classify`, `search`, a "what is" question).
    public init(_ extraction: SlotExtraction) {
        self.init()
        apply(extraction)
    }

    /// Applies what one utterance said: negated mentions remove a value ("sitting doesn't
    /// help"), a correction replaces the body parts ("not my hip, my knee"), everything
    /// else is added.
    public mutating func apply(_ extraction: SlotExtraction) {
        for mention in extraction.mentions where mention.negated {
            remove(mention.value, from: mention.slot)
        }
        if extraction.isCorrection {
            for slot in [SlotName.location, .trigger, .relief] {
                let fresh = extraction.values(of: slot)
                if !fresh.isEmpty { clear(slot) }
            }
        }
        for mention in extraction.mentions where !mention.negated {
            add(mention.value, to: mention.slot)
        }
        // "lower down": the unspecified back was the low back.
        if let part = extraction.backPart, location.contains("back") { add(part, to: .location) }
        if extraction.switchesSide, let current = side, current != "both" {
            side = current == "left" ? "right" : "left"
        }
        if let intensity = extraction.intensity { self.intensity = intensity; unknown.remove(.intensity) }
        if let days = extraction.durationDays { durationDays = days; unknown.remove(.durationDays) }
    }
}
