import Foundation

/// What to look for: the person's words, the frame around them, and which kind of note
/// the answer wants.
public struct RetrievalRequest: Sendable {
    public var text: String
    public var frame: Frame
    public var preferredKind: NoteKind?
    /// When set, only these kinds of note are returned.
    public var onlyKinds: Set<NoteKind>?
    /// Passage ids already shown.
    public var excluding: Set<String>
    public var limit: Int
    /// "What is X?": a note's opening paragraph, which introduces its subject, ranks higher.
    public var prefersDefinitions = false
    /// What the conversation is about (the last answer's request): its words join the
    /// query at `contextWeight`, so a follow-up that names nothing new is read against it.
    public var context = ""

    public init(text: String, frame: Frame = Frame(), preferredKind: NoteKind? = nil, onlyKinds: Set<NoteKind>? = nil,
                excluding: Set<String> = [], limit: Int = 5, prefersDefinitions: Bool = false) {
        self.prefersDefinitions = prefersDefinitions
        self.text = text
        self.frame = frame
        self.preferredKind = preferredKind
        self.onlyKinds = onlyKinds
        self.excluding = excluding
        self.limit = limit
    }
}

/// A passage chosen for an answer, with its note's title and its score.
public struct RetrievedPassage: Sendable, Equatable {
    public var passage: Passage
    public var title: String
    public var kind: NoteKind
    public var score: Double
}

/// Ranked passages and the query terms that drove the ranking (for `/why`).
public struct RetrievalResult: Sendable, Equatable {
    public var passages: [RetrievedPassage]
    public var terms: [String]
}

/// BM25 retrieval over the corpus, with the frame expanding the query: a body part
/// brings in the muscles that refer pain there, a trigger and a quality their own words.
/// Notes about the frame's regions and of the kind the intent wants rank higher, and
/// near-duplicate passages are shown once.
public struct Retriever: Sendable {
    public let corpus: Corpus
    public let index: PassageIndex
    let tokenizer: Tokenizer
    /// Each note's muscle names as stem lists: a note about a muscle the person names
    /// ("my hamstring") ranks higher.
    let noteMuscles: [[[String]]]
    /// Every muscle name of the corpus once, to tell whether a query can earn the boost.
    let muscleNames: [[String]]
    /// Flat list of (note index, passage index within note), aligned with the index.
    let locations: [(note: Int, passage: Int)]
    /// The kind of each passage, in `locations` order (see `passageKinds`).
    let kinds: [NoteKind]
    /// Location value -> weighted muscle-name stems of the notes about that region. Each
    /// note's main muscle gets the same total weight however many words its name has.
    let regionMuscles: [String: [(stem: String, weight: Float)]]
    /// The passages split into sentences with their terms, for excerpts.
    let splits = PassageSplits()
    /// Flat index position of each passage, by its id.
    let positions: [String: Int]

    // Weights chosen on the relevance set (`painchat eval --retrieval`, README).
    public static let titleWeight: Float = 4
    /// Passages sharing more than this share of their distinct words are near-duplicates.
    static let dupThreshold = 0.6
    /// Total query weight of one region muscle's name.
    public static let expansionWeight: Float = 0.2
    public static let kindBoost: Double = 1.2
    public static let definitionBoost: Double = 1.3
    public static let namedMuscleBoost: Double = 1.4
    /// How much each part of the frame a note's front matter matches adds to its fit
    /// (`noteFit`): its regions (shared among them: a note on few places is more
    /// specific), what brings the pain on, what eases it, what it feels like.
    public static let regionFit: Double = 1.0
    public static let triggerFit: Double = 0.3
    public static let easesFit: Double = 0.3
    public static let qualityFit: Double = 0.3
    /// Query weight of the words of the conversation's topic.
    static let contextWeight: Float = 0.4
    /// Query weight of the words of a body part from the frame.
    static let locationWeight: Float = 0.3
    /// Query weight of the words of a trigger or quality from the frame.
    static let activityWeight: Float = 0.5

    public init(corpus: Corpus, tokenizer: Tokenizer) {
        var words = CorpusWords()
        self.init(corpus: corpus, tokenizer: tokenizer, words: &words)
    }

    /// Builds the retriever and gathers the corpus's words and stems on the way (the
    /// typo corrector and the classifier want them), so the text is read once.
    init(corpus: Corpus, tokenizer: Tokenizer, words: inout CorpusWords) {
        self.corpus = corpus
        self.tokenizer = tokenizer
        var locations: [(Int, Int)] = []
        var regionMuscles: [String: [(stem: String, weight: Float)]] = [:]
        for (n, note) in corpus.notes.enumerated() {
            for p in note.passages.indices { locations.append((n, p)) }
            if note.kind == .explanation {
                let main = note.muscles.first.map { Retriever.terms($0, tokenizer) } ?? []
                // Only a note's main regions: a muscle that merely refers pain somewhere
                // would otherwise flood every query about that place.
                for region in note.regions.prefix(2) {
                    for stem in main where !(regionMuscles[region]?.contains { $0.stem == stem } ?? false) {
                        regionMuscles[region, default: []].append((stem, Retriever.expansionWeight / Float(main.count)))
                    }
                }
            }
        }
        let fixedLocations = locations
        let source = ParallelTermReader(count: locations.count) { position, reader, terms in
            let (n, p) = fixedLocations[position]
            let note = corpus.notes[n], passage = note.passages[p]
            reader.read(passage.text, weight: 1, into: &terms)
            if let heading = passage.heading { reader.read(heading, weight: 1, into: &terms) }
            reader.read(note.title, weight: Retriever.titleWeight, into: &terms)
            for muscle in note.muscles { reader.read(muscle, weight: 1, into: &terms) }
        }
        index = PassageIndex(count: locations.count, vocabulary: { source.vocabulary }) { source.terms(of: $0) }
        words = source.corpusWords
        self.locations = locations
        positions = Retriever.positions(corpus)
        kinds = Retriever.passageKinds(corpus)
        self.regionMuscles = regionMuscles
        noteMuscles = Retriever.muscleStems(corpus, tokenizer)
        muscleNames = Array(Set(noteMuscles.joined()))
    }

    static func positions(_ corpus: Corpus) -> [String: Int] {
        Dictionary(corpus.notes.flatMap(\.passages).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func muscleStems(_ corpus: Corpus, _ tokenizer: Tokenizer) -> [[[String]]] {
        corpus.notes.map { note in note.muscles.map { Retriever.terms($0, tokenizer) }.filter { !$0.isEmpty } }
    }

    /// A retriever over an index already built (read from the engine cache).
    init(corpus: Corpus, tokenizer: Tokenizer, index: PassageIndex, regionMuscles: [String: [(stem: String, weight: Float)]]) {
        self.corpus = corpus
        self.tokenizer = tokenizer
        self.index = index
        self.regionMuscles = regionMuscles
        positions = Retriever.positions(corpus)
        locations = corpus.notes.enumerated().flatMap { n, note in note.passages.indices.map { (n, $0) } }
        kinds = Retriever.passageKinds(corpus)
        noteMuscles = Retriever.muscleStems(corpus, tokenizer)
        muscleNames = Array(Set(noteMuscles.joined()))
    }

    /// Content stems of a text: stemmed tokens that are not stopwords or single letters.
    static func terms(_ text: String, _ tokenizer: Tokenizer) -> [String] {
        tokenizer.tokenize(text).filter { $0.text.utf8.count > 1 && !$0.isNumber && !Stopwords.words.contains($0.text) }.map(\.stem)
    }

    /// The passage behind a flat index position.
    public func passage(at position: Int) -> (note: Note, passage: Passage) {
        let (n, p) = locations[position]
        return (corpus.notes[n], corpus.notes[n].passages[p])
    }

    /// The weighted query: the person's words at full weight, the frame's expansions lighter.
    public func query(for request: RetrievalRequest) -> [(term: String, weight: Float)] {
        query(for: request, said: Retriever.terms(request.text, tokenizer))
    }

    /// The query from the person's own stems (`said`), already computed by the caller.
    func query(for request: RetrievalRequest, said: [String]) -> [(term: String, weight: Float)] {
        var weights: [String: Float] = [:]
        var order: [String] = []
        func add(_ stem: String, _ weight: Float) {
            if weights[stem] == nil { order.append(stem) }
            weights[stem] = max(weights[stem] ?? 0, weight)
        }
        for stem in said { add(stem, 1) }
        if !request.context.isEmpty {
            for stem in Retriever.terms(request.context, tokenizer) { add(stem, Retriever.contextWeight) }
        }
        let frame = request.frame
        for location in frame.location {
            for stem in Retriever.terms(location.replacingOccurrences(of: "_", with: " "), tokenizer) { add(stem, Retriever.locationWeight) }
            for (stem, weight) in regionMuscles[location] ?? [] { add(stem, weight) }
        }
        for trigger in frame.trigger {
            for stem in Retriever.terms(trigger.replacingOccurrences(of: "_", with: " "), tokenizer) { add(stem, Retriever.activityWeight) }
        }
        for quality in frame.quality {
            let words = quality == "knot" ? "knot trigger point" : quality
            for stem in Retriever.terms(words, tokenizer) { add(stem, Retriever.activityWeight) }
        }
        return order.map { ($0, weights[$0]!) }
    }

    public func retrieve(_ request: RetrievalRequest) -> RetrievalResult {
        // The person's words are stemmed once, for the query and for the named-muscle boost.
        let said = Retriever.terms(request.text, tokenizer)
        let query = self.query(for: request, said: said)
        let saidSet = Set(said)
        let ids = query.compactMap { term, weight in index.termID(term).map { ($0, weight) } }
        let ceiling = boostCeiling(request, said: saidSet)
        let passages = index.withScores(ids) { scored in
            rankExactly(scored, request: request, said: saidSet, ceiling: ceiling)
        }
        return RetrievalResult(passages: passages, terms: drivers(query))
    }

    /// Boosts and filters only a small pool of the best BM25 candidates, yet returns what
    /// ranking every scored passage would. A passage outside the pool scores at most the
    /// best BM25 score left outside times the largest boost (`ceiling`); once the answer's
    /// last passage beats that, nothing outside could have displaced it. Otherwise the
    /// pool grows to every passage that could, or (when filters and near-duplicates ate
    /// it) four times.
    func rankExactly(_ scored: ScoredPassages, request: RetrievalRequest, said: Set<String>,
                     ceiling: Double) -> [RetrievedPassage] {
        let hits = scored.hits
        var pool = max(40, request.limit * 16)
        var candidates = scored.best(pool)
        /// The best BM25 score of a passage left out of the pool.
        func bestLeftOut() -> Double {
            candidates.count < hits.count ? Double(candidates.lazy.map(\.score).min() ?? 0) : 0
        }
        var bestOutside = bestLeftOut()
        while true {
            let result = rank(candidates, request: request, said: said)
            if candidates.count >= hits.count { return result }
            if result.count >= request.limit, let last = result.last {
                if last.score > bestOutside * ceiling { return result }
                // Everything that could still beat the last passage, all at once.
                let floor = Float(last.score / ceiling)
                var outside: Float = 0
                candidates = hits.filter { hit in
                    if hit.score >= floor { return true }
                    outside = max(outside, hit.score)
                    return false
                }
                bestOutside = Double(outside)
            } else {
                pool *= 4
                candidates = scored.best(pool)
                bestOutside = bestLeftOut()
            }
        }
    }

    /// The kind of each passage: its note's, except that the "Self-care for ..." paragraph
    /// of a note on a muscle or condition suggests self-care as a self-care note does, so a
    /// forearm's own advice can be offered for forearm pain.
    static func passageKinds(_ corpus: Corpus) -> [NoteKind] {
        corpus.notes.flatMap { note in
            note.passages.map { passage in
                note.kind != .safety && (passage.text.hasPrefix("Self-care") || passage.text.hasPrefix("Self care"))
                    ? NoteKind.selfCare : note.kind
            }
        }
    }

    /// The most the boosts of `rank` can multiply one passage's BM25 score by, for this request.
    func boostCeiling(_ request: RetrievalRequest, said: Set<String>) -> Double {
        var ceiling = 1.0
        let frame = request.frame
        ceiling *= 1 + (frame.location.isEmpty ? 0 : Retriever.regionFit) + (frame.trigger.isEmpty ? 0 : Retriever.triggerFit)
            + (frame.relief.isEmpty ? 0 : Retriever.easesFit) + (frame.quality.isEmpty ? 0 : Retriever.qualityFit)
        if request.preferredKind != nil { ceiling *= Retriever.kindBoost }
        if request.prefersDefinitions { ceiling *= Retriever.definitionBoost }
        if muscleNames.contains(where: { $0.allSatisfy(said.contains) }) { ceiling *= Retriever.namedMuscleBoost }
        return ceiling
    }

    /// The query terms that weigh most, for `/why`.
    func drivers(_ query: [(term: String, weight: Float)]) -> [String] {
        let known = query.compactMap { term, weight in index.termID(term).map { (term, weight * index.idf(of: $0)) } }
        return known.sorted { $0.1 > $1.1 }.prefix(12).map(\.0)
    }

    /// How well note `n` fits the whole frame, from its front matter: 1 for no match, up
    /// to 1 + the sum of the fit weights when place, trigger, relief and quality all match.
    func noteFit(_ n: Int, _ frame: Frame) -> Double {
        let note = corpus.notes[n]
        var fit = 1.0
        if !frame.location.isEmpty, !note.regions.isEmpty {
            // What brings on or eases pain somewhere else says nothing about this person's.
            guard note.regions.contains(where: frame.location.contains) else { return fit }
            fit += Retriever.regionFit / Double(note.regions.count).squareRoot()
        }
        if !frame.trigger.isEmpty, note.triggers.contains(where: frame.trigger.contains) { fit += Retriever.triggerFit }
        if !frame.relief.isEmpty, note.eases.contains(where: frame.relief.contains) { fit += Retriever.easesFit }
        if !frame.quality.isEmpty, note.qualities.contains(where: frame.quality.contains) { fit += Retriever.qualityFit }
        return fit
    }

    /// Applies the boosts and filters to BM25 candidates and picks the passages to show.
    func rank(_ candidates: [PassageIndex.Hit], request: RetrievalRequest, said: Set<String>) -> [RetrievedPassage] {
        let frame = request.frame
        var rescored: [(position: Int, score: Double)] = []
        rescored.reserveCapacity(candidates.count)
        for hit in candidates {
            let (n, p) = locations[hit.passage]
            // Read the note in place: copying a Note per candidate costs more than scoring it.
            let kind = kinds[hit.passage]
            if let only = request.onlyKinds, !only.contains(kind) { continue }
            if !request.excluding.isEmpty && request.excluding.contains(corpus.notes[n].passages[p].id) { continue }
            var score = Double(hit.score) * noteFit(n, frame)
            // The boost goes by the note's own kind: a self-care note's advice is general and
            // outranks a muscle note's self-care paragraph unless the body part says otherwise.
            if let preferred = request.preferredKind, corpus.notes[n].kind == preferred { score *= Retriever.kindBoost }
            if request.prefersDefinitions && p == 0 { score *= Retriever.definitionBoost }
            if !said.isEmpty && noteMuscles[n].contains(where: { $0.allSatisfy(said.contains) }) {
                score *= Retriever.namedMuscleBoost
            }
            rescored.append((hit.passage, score))
        }
        rescored.sort { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        var chosen: [RetrievedPassage] = []
        var chosenPositions: [Int] = []
        for (position, score) in rescored where chosen.count < request.limit {
            // Near-duplicates (mostly the same words) are shown once.
            if chosenPositions.contains(where: { index.overlaps($0, position, moreThan: Retriever.dupThreshold) }) { continue }
            let (note, passage) = self.passage(at: position)
            chosen.append(RetrievedPassage(passage: passage, title: note.title, kind: kinds[position], score: score))
            chosenPositions.append(position)
        }
        return chosen
    }

}

/// Reads passages into term ids a block at a time, the block split across the machine's
/// cores, each worker with a `TermReader` (and stemmer) of its own: libstemmer is not
/// thread-safe, and one shared lock would serialise them. Blocks bound the memory held at
/// once. Workers number terms their own way; `terms(of:)`, called for the passages in
/// order, renumbers them so ids follow first appearance in the corpus, as a single
/// reader would number them.
final class ParallelTermReader: @unchecked Sendable {
    typealias Produce = @Sendable (Int, inout TermReader, inout [(Int32, Float)]) -> Void
    private let count: Int
    private let produce: Produce
    private var readers: [TermReader]
    /// Per reader: its id -> the corpus-wide id, or -1 before that term is first met.
    private var corpusID: [[Int32]]
    private(set) var vocabulary: [String: Int32] = [:]
    private var block: [[(Int32, Float)]] = []
    private var blockStart = 0
    static let blockSize = 4096

    init(count: Int, produce: @escaping Produce) {
        self.count = count
        self.produce = produce
        let cores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        // Small corpora are not worth the threads.
        let workers = count >= 2 * ParallelTermReader.blockSize ? cores : 1
        readers = (0..<workers).map { _ in TermReader(tokenizer: Tokenizer()) }
        corpusID = Array(repeating: [], count: workers)
    }

    /// The corpus-wide (term id, weight) pairs of passage `index`; ask in passage order.
    func terms(of index: Int) -> [(Int32, Float)] {
        if index >= blockStart + block.count || index < blockStart { fill(from: index) }
        let worker = (index - blockStart) % readers.count
        return block[index - blockStart].map { local, weight in
            let l = Int(local)
            if l >= corpusID[worker].count {
                corpusID[worker] += repeatElement(-1, count: l + 1 - corpusID[worker].count)
            }
            if corpusID[worker][l] < 0 {
                let stem = readers[worker].stems[l]
                if let known = vocabulary[stem] {
                    corpusID[worker][l] = known
                } else {
                    let id = Int32(vocabulary.count)
                    vocabulary[stem] = id
                    corpusID[worker][l] = id
                }
            }
            return (corpusID[worker][l], weight)
        }
    }

    /// The words and stems of everything read.
    var corpusWords: CorpusWords {
        var gathered = CorpusWords()
        for reader in readers {
            gathered.words.formUnion(reader.words)
            gathered.stems.formUnion(reader.stems)
        }
        return gathered
    }

    private func fill(from start: Int) {
        let end = min(count, start + ParallelTermReader.blockSize)
        let size = end - start
        var results = [[(Int32, Float)]](repeating: [], count: size)
        let produce = self.produce
        let parts = readers.count
        results.withUnsafeMutableBufferPointer { output in
            readers.withUnsafeMutableBufferPointer { workers in
                nonisolated(unsafe) let out = output
                nonisolated(unsafe) let readers = workers
                DispatchQueue.concurrentPerform(iterations: parts) { w in
                    var i = w
                    while i < size {
                        var terms: [(Int32, Float)] = []
                        produce(start + i, &readers[w], &terms)
                        out[i] = terms
                        i += parts
                    }
                }
            }
        }
        block = results
        blockStart = start
    }
}
