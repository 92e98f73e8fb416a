import Foundation

/// A question with the notes that should answer it (`Tests/Relevance/questions.tsv`).
public struct RelevanceJudgement: Sendable {
    public var question: String
    public var notes: [String]
    public var line: Int
}

/// hit@1, hit@3 and MRR of retrieval over a relevance set: a hit is a passage from one
/// of the notes judged relevant.
public struct RetrievalEvaluation: Sendable {
    public struct Outcome: Sendable {
        public var judgement: RelevanceJudgement
        /// Note ids of the ranked passages.
        public var ranked: [String]
        /// 1-based rank of the first relevant passage, if any in the list.
        public var firstHit: Int?
    }

    public var outcomes: [Outcome]

    public func hit(at k: Int) -> Double {
        Double(outcomes.filter { ($0.firstHit ?? .max) <= k }.count) / Double(max(1, outcomes.count))
    }

    public var meanReciprocalRank: Double {
        outcomes.reduce(0) { $0 + ($1.firstHit.map { 1 / Double($0) } ?? 0) } / Double(max(1, outcomes.count))
    }

    /// Reads `question<TAB>note,note` lines (a header line and `#` comments are skipped).
    public static func load(path: String, corpus: Corpus) throws -> [RelevanceJudgement] {
        let text = try IntentExamples.readText(path)
        var judgements: [RelevanceJudgement] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || (offset == 0 && line.hasPrefix("question\t")) { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2 else {
                throw DataError(file: path, line: offset + 1, problem: "expected question<TAB>notes",
                                fix: "separate the question and the comma-separated note ids with one tab")
            }
            let notes = columns[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = notes.first(where: { corpus.note($0) == nil }) {
                throw DataError(file: path, line: offset + 1, problem: "no note '\(unknown)' in the corpus",
                                fix: "use note ids (Corpus file names without .md)")
            }
            judgements.append(RelevanceJudgement(question: String(columns[0]), notes: notes, line: offset + 1))
        }
        return judgements
    }

    public static func run(_ judgements: [RelevanceJudgement], engine: PainChat, depth: Int = 10) -> RetrievalEvaluation {
        RetrievalEvaluation(outcomes: judgements.map { judgement in
            let ranked = engine.search(judgement.question, limit: depth).passages.map(\.passage.noteID)
            let first = ranked.firstIndex(where: judgement.notes.contains).map { $0 + 1 }
            return Outcome(judgement: judgement, ranked: ranked, firstHit: first)
        })
    }
}
