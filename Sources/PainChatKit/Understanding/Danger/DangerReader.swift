/// Reads a message as the danger checks do: typos mended more leniently than elsewhere (a
/// missed sign costs more than a false alarm, so four-letter words are corrected too:
/// "fevr"), and, for the safety net, the concepts the rules see in it.
public struct DangerReader: Sendable {
    public let tokenizer: Tokenizer
    public let detector: DangerSignDetector
    public let corrector: TypoCorrector

    public init(tokenizer: Tokenizer, detector: DangerSignDetector, knownWords: Set<String>) {
        self.tokenizer = tokenizer
        self.detector = detector
        corrector = TypoCorrector(targets: detector.vocabulary, knownWords: knownWords, minimumLength: 4)
    }

    /// The stems the danger rules match, typos mended.
    public func stems(for tokens: [Token]) -> [String] { corrector.stems(for: tokens) }

    /// The safety net's input: the tokens with their mended stems, and the concepts named.
    public func netInput(tokens: [Token], stems: [String]) -> (tokens: [Token], concepts: [String]) {
        (DangerReader.mended(tokens, stems: stems), detector.mentionedConcepts(tokens: tokens, stems: stems))
    }

    /// The tokens with their mended stems.
    static func mended(_ tokens: [Token], stems: [String]) -> [Token] {
        zip(tokens, stems).map { Token(text: $0.text, stem: $1, range: $0.range, startsClause: $0.startsClause) }
    }

    public func netInput(_ text: String) -> (tokens: [Token], concepts: [String]) {
        let tokens = tokenizer.tokenize(text)
        return netInput(tokens: tokens, stems: stems(for: tokens))
    }
}

extension DangerNet {
    /// The training messages: the danger examples (`+` as their category, `-` as none),
    /// the intent examples that are not `red_flag` (everyday pain talk, as none), and the
    /// `red_flag` examples a rule names (as the rule's category; the rest carry no
    /// category to learn).
    public static func samples(dangerExamples: [DangerExample], intentExamples: [IntentExample], detector: DangerSignDetector,
                               reader: DangerReader, lexicons: [SlotLexicon] = []) -> [Sample] {
        var samples: [Sample] = []
        for example in dangerExamples {
            let input = reader.netInput(example.text)
            samples.append(Sample(tokens: input.tokens, concepts: input.concepts, category: example.category))
        }
        for example in intentExamples {
            let tokens = reader.tokenizer.tokenize(example.text)
            let stems = reader.stems(for: tokens)
            let input = reader.netInput(tokens: tokens, stems: stems)
            if example.intent == .redFlag {
                guard let sign = detector.check(tokens: tokens, stems: stems) else { continue }
                samples.append(Sample(tokens: input.tokens, concepts: input.concepts, category: sign.category))
            } else {
                samples.append(Sample(tokens: input.tokens, concepts: input.concepts, category: nil))
            }
        }
        for text in everydayPain(lexicons) {
            let input = reader.netInput(text)
            samples.append(Sample(tokens: input.tokens, concepts: input.concepts, category: nil))
        }
        return samples
    }

    /// Plain pain talk built from the slot lexicons ("my lower back hurts", "my knee aches
    /// after gardening"), as none: most messages name a body part that danger examples
    /// name too, and without these the net would hear danger in the body part alone.
    /// Qualities that are part of a sign in some places (numbness, tingling) are left out.
    static func everydayPain(_ lexicons: [SlotLexicon]) -> [String] {
        func phrases(_ slot: SlotName, except: Set<String> = []) -> [String] {
            lexicons.first { $0.slot == slot }?.entries.filter { !except.contains($0.value) }.map(\.phrase) ?? []
        }
        let places = phrases(.location), triggers = phrases(.trigger), reliefs = phrases(.relief)
        let qualities = phrases(.quality, except: ["numbness", "tingling", "burning", "shooting"])
        guard !places.isEmpty, !triggers.isEmpty, !reliefs.isEmpty, !qualities.isEmpty else { return [] }
        var rng = SplitMix64(seed: 23)
        func any(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        var texts: [String] = []
        for place in places {
            texts += ["my \(place) hurts", "my \(place) is sore", "\(place) pain", "my \(place) aches after \(any(triggers))",
                      "\(any(reliefs)) helps my \(place)", "i have \(any(qualities)) in my \(place)"]
        }
        return texts
    }
}
