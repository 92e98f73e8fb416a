import Foundation

/// Writing an engine to the cache and reading it back: the trained classifier, the
/// lexicons, the corpus and its index, in `BinaryWriter`'s layout.
extension PainChat {
    static let magic = "PCENGIN2"

    func write(to w: inout BinaryWriter, key: UInt64) {
        w.string(PainChat.magic)
        w.uint64(key)
        let classifier = understanding.classifier
        w.strings(classifier.classes.map(\.rawValue))
        w.vectorizer(classifier.vectorizer)
        w.model(classifier.model)
        let domain = classifier.domain.stems.sorted { $0.key < $1.key }
        w.strings(domain.map(\.key))
        w.strings(domain.map(\.value.rawValue))
        w.strings(classifier.domain.familiar.sorted())
        w.strings(classifier.spellingWords.map(\.word))
        w.int32s(classifier.spellingWords.map { Int32(clamping: $0.count) })

        w.int(lexicons.count)
        for lexicon in lexicons {
            w.string(lexicon.slot.rawValue)
            w.string(lexicon.file)
            w.strings(lexicon.entries.map(\.value))
            w.strings(lexicon.entries.map(\.phrase))
            w.int32s(lexicon.entries.map { Int32(clamping: $0.line) })
        }
        let slotWords = understanding.slots.words.lists
        w.int(slotWords.count)
        for list in slotWords { w.strings(list) }

        let corpus = retriever.corpus
        w.int(corpus.notes.count)
        for note in corpus.notes {
            w.strings([note.id, note.title, note.kind.rawValue, note.file])
            w.strings(note.regions)
            w.strings(note.muscles)
            w.strings(note.triggers)
            w.strings(note.eases)
            w.strings(note.qualities)
            w.strings(note.sources)
            w.int(note.passages.count)
            for p in note.passages {
                w.int(p.number)
                w.string(p.text)
                w.bool(p.heading != nil)
                w.string(p.heading ?? "")
                w.int(p.line)
            }
        }

        let index = retriever.index
        let terms = index.termIDs.sorted { $0.value < $1.value }
        w.strings(terms.map(\.key))
        w.int32s(index.postingStart)
        w.int32s(index.postingPassage)
        w.floats(index.postingImpact)
        w.floats(index.idf)
        w.floats(index.lengthNorm)

        let regions = retriever.regionMuscles.sorted { $0.key < $1.key }
        w.int(regions.count)
        for (region, stems) in regions {
            w.string(region)
            w.strings(stems.map(\.stem))
            w.floats(stems.map(\.weight))
        }
        w.strings(knownWords.sorted())

        let net = understanding.net
        w.strings(net.classes.map { $0?.rawValue ?? "" })
        w.vectorizer(net.vectorizer)
        w.model(net.model)

        let roles = understanding.slots.roles
        w.bool(roles != nil)
        if let roles {
            let vocabulary = roles.vocabulary.sorted { $0.value < $1.value }
            w.uint64s(vocabulary.map(\.key))
            w.model(roles.model)
            w.strings(roles.people.sorted())
        }
    }

    init(reading r: inout BinaryReader, key: UInt64, tokenizer: Tokenizer, rulebook: DangerRulebook) throws {
        typealias Corrupt = BinaryReader.Corrupt
        guard try r.string() == PainChat.magic, try r.uint64() == key else { throw Corrupt() }
        let classes = try r.strings().map { name -> Intent in
            guard let intent = Intent(rawValue: name) else { throw Corrupt() }
            return intent
        }
        let vectorizer = try r.vectorizer()
        let model = try r.model(classes: classes.count, features: vectorizer.featureCount)
        var domain = DomainVocabulary()
        let domainStems = try r.strings(), domainTags = try r.strings()
        guard domainStems.count == domainTags.count else { throw Corrupt() }
        for (stem, tag) in zip(domainStems, domainTags) {
            guard let t = DomainVocabulary.Tag(rawValue: tag) else { throw Corrupt() }
            domain.stems[stem] = t
        }
        domain.familiar = Set(try r.strings())
        let spellingText = try r.strings(), spellingCounts = try r.int32s()
        guard spellingText.count == spellingCounts.count else { throw Corrupt() }
        let spellingWords = zip(spellingText, spellingCounts).map { (word: $0, count: Int($1)) }

        var lexicons: [SlotLexicon] = []
        for _ in 0..<(try r.count()) {
            guard let slot = SlotName(rawValue: try r.string()) else { throw Corrupt() }
            let file = try r.string()
            let values = try r.strings(), phrases = try r.strings(), lines = try r.int32s()
            guard values.count == phrases.count, phrases.count == lines.count else { throw Corrupt() }
            let entries = (0..<values.count).map { SlotLexicon.Entry(value: values[$0], phrase: phrases[$0], line: Int(lines[$0])) }
            lexicons.append(SlotLexicon(slot: slot, entries: entries, file: file))
        }
        let slotWords = try SlotWords(lists: try (0..<(try r.count())).map { _ in try r.strings() })

        var notes: [Note] = []
        for _ in 0..<(try r.count()) {
            let head = try r.strings()
            guard head.count == 4, let kind = NoteKind(rawValue: head[2]) else { throw Corrupt() }
            let regions = try r.strings(), muscles = try r.strings(), triggers = try r.strings()
            let eases = try r.strings(), qualities = try r.strings(), sources = try r.strings()
            var passages: [Passage] = []
            for _ in 0..<(try r.count()) {
                let number = try r.int(), text = try r.string(), hasHeading = try r.bool(), heading = try r.string(), line = try r.int()
                passages.append(Passage(noteID: head[0], number: number, text: text, heading: hasHeading ? heading : nil, line: line))
            }
            notes.append(Note(id: head[0], title: head[1], kind: kind, regions: regions, muscles: muscles, triggers: triggers,
                              eases: eases, qualities: qualities, sources: sources, file: head[3], passages: passages))
        }
        let corpus = Corpus(notes: notes)

        let termNames = try r.strings()
        let index = try PassageIndex(terms: termNames, postingStart: try r.int32s(), postingPassage: try r.int32s(),
                                     postingImpact: try r.floats(), idf: try r.floats(), lengthNorm: try r.floats())
        guard index.passageCount == corpus.passageCount else { throw Corrupt() }
        var regionMuscles: [String: [(stem: String, weight: Float)]] = [:]
        for _ in 0..<(try r.count()) {
            let region = try r.string(), stems = try r.strings(), weights = try r.floats()
            guard stems.count == weights.count else { throw Corrupt() }
            regionMuscles[region] = Array(zip(stems, weights)).map { (stem: $0.0, weight: $0.1) }
        }
        let knownWords = Set(try r.strings())
        let netClasses = try r.strings().map { $0.isEmpty ? nil : DangerCategory($0) }
        // A rulebook whose categories changed since the net was trained needs a new net.
        guard netClasses == [nil] + rulebook.categories.map(\.name) else { throw Corrupt() }
        let netVectorizer = try r.vectorizer()
        let netModel = try r.model(classes: netClasses.count, features: netVectorizer.featureCount)
        var roles: SlotRoleModel? = nil
        if try r.bool() {
            let keys = try r.uint64s()
            let model = try r.model(classes: SlotRole.allCases.count, features: max(1, keys.count))
            let vocabulary = Dictionary(keys.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
            roles = SlotRoleModel(vocabulary: vocabulary, model: model, people: Set(try r.strings()))
        }
        guard r.isAtEnd else { throw Corrupt() }
        let net = DangerNet(vectorizer: netVectorizer, model: netModel, classes: netClasses, options: .init())
        let classifier = IntentClassifier(tokenizer: tokenizer, domain: domain, options: .init(), vectorizer: vectorizer,
                                          model: model, classes: classes, spellingWords: spellingWords, realWords: knownWords)
        let retriever = Retriever(corpus: corpus, tokenizer: tokenizer, index: index, regionMuscles: regionMuscles)
        var slots = SlotExtractor(lexicons: lexicons, tokenizer: tokenizer, words: slotWords)
        slots.roles = roles
        self.init(classifier: classifier, lexicons: lexicons, slots: slots,
                  danger: DangerSignDetector(rulebook: rulebook, tokenizer: tokenizer), net: net, retriever: retriever,
                  knownWords: knownWords)
    }
}

extension IntentClassifier {
    init(tokenizer: Tokenizer, domain: DomainVocabulary, options: Options, vectorizer: TfidfVectorizer,
         model: SoftmaxRegression, classes: [Intent], spellingWords: [(word: String, count: Int)], realWords: Set<String>) {
        self.tokenizer = tokenizer
        self.domain = domain
        self.options = options
        self.vectorizer = vectorizer
        self.model = model
        self.classes = classes
        self.spellingWords = spellingWords
        self.realWords = realWords
        spelling = IntentClassifier.spellingCorrector(spellingWords, tokenizer: tokenizer, realWords: realWords)
    }
}

extension BinaryWriter {
    mutating func vectorizer(_ vectorizer: TfidfVectorizer) {
        int(vectorizer.charSizes.lowerBound)
        int(vectorizer.charSizes.upperBound)
        int(vectorizer.wordFeatureCount)
        let vocabulary = vectorizer.vocabulary.sorted { $0.key < $1.key }
        uint64s(vocabulary.map(\.key))
        int32s(vocabulary.map(\.value))
        floats(vectorizer.idf)
    }

    mutating func model(_ model: SoftmaxRegression) {
        int(model.classCount)
        int(model.featureCount)
        floats(model.weights)
        floats(model.bias)
    }
}

extension BinaryReader {
    mutating func vectorizer() throws -> TfidfVectorizer {
        let lower = try int(), upper = try int()
        guard lower >= 1, upper >= lower else { throw Corrupt() }
        var vectorizer = TfidfVectorizer(charSizes: lower...upper)
        vectorizer.wordFeatureCount = try int()
        let keys = try uint64s(), values = try int32s()
        guard keys.count == values.count else { throw Corrupt() }
        vectorizer.vocabulary = Dictionary(zip(keys, values), uniquingKeysWith: { a, _ in a })
        vectorizer.idf = try floats()
        guard values.allSatisfy({ $0 >= 0 && Int($0) < vectorizer.idf.count }) else { throw Corrupt() }
        return vectorizer
    }

    mutating func model(classes: Int, features: Int) throws -> SoftmaxRegression {
        let classCount = try int(), featureCount = try int()
        let model = SoftmaxRegression(classCount: classCount, featureCount: featureCount, weights: try floats(), bias: try floats())
        guard classCount == classes, featureCount == features, model.weights.count == classCount * featureCount,
              model.bias.count == classCount else { throw Corrupt() }
        return model
    }
}

extension SoftmaxRegression {
    init(classCount: Int, featureCount: Int, weights: [Float], bias: [Float]) {
        self.classCount = classCount
        self.featureCount = featureCount
        self.weights = weights
        self.bias = bias
    }
}

extension PassageIndex {
    /// An index from its stored arrays, checked for consistency.
    init(terms: [String], postingStart: [Int32], postingPassage: [Int32], postingImpact: [Float], idf: [Float],
         lengthNorm: [Float]) throws {
        typealias Corrupt = BinaryReader.Corrupt
        guard postingStart.count == terms.count + 1, idf.count == terms.count, postingPassage.count == postingImpact.count,
              postingStart.first == 0, Int(postingStart.last ?? -1) == postingPassage.count,
              zip(postingStart, postingStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              postingPassage.allSatisfy({ $0 >= 0 && Int($0) < lengthNorm.count }) else { throw Corrupt() }
        self.init(count: 0, vocabulary: { [:] }) { _ in [] }
        termIDs = Dictionary(terms.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        self.postingStart = postingStart
        self.postingPassage = postingPassage
        self.postingImpact = postingImpact
        self.idf = idf
        self.lengthNorm = lengthNorm
        (termsStart, termsOf) = PassageIndex.passageTerms(postingStart: postingStart, postingPassage: postingPassage,
                                                          passages: lengthNorm.count)
    }
}
