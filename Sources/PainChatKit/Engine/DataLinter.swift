import Foundation

/// Checks everything a person may edit: notes, intent examples and slot lexicons.
public enum DataLinter {
    public struct Report: Sendable {
        public var problems: [DataError] = []
        public var notes = 0
        public var passages = 0
        public var examples = 0
        public var phrases = 0
        public var dangerConcepts = 0
        public var dangerRules = 0
        public var dangerExamples = 0
        public var slotExamples = 0
        /// Phrases the slot examples mark with a value that no lexicon phrase names
        /// (counted by `lintSlotExamples(_:extractor:)`, which needs the engine).
        public var slotPhrasesLexiconsMiss = 0
        /// Example signs (`~`) the rules do not name yet, and near misses (`?`) they still raise.
        public var dangerSignsRulesMiss = 0
        public var knownFalseAlarms = 0
    }

    /// Each category's examples file needs at least this many `+` lines and `-` twins.
    public static let minimumDangerExamples = (signs: 20, twins: 10)

    /// SPEC §2 asks for at least this many examples per intent.
    public static let minimumExamples = 30

    public static func lint(_ bundle: PainChat.Bundle) throws -> Report {
        var report = Report()
        let (notes, corpusProblems) = try CorpusLoader.read(bundle.corpora)
        report.problems += corpusProblems
        report.notes = notes.count
        report.passages = notes.reduce(0) { $0 + $1.passages.count }
        lintIntents(bundle.intents, into: &report)
        lintLexicons(bundle.intents.appendingPathComponent("slots"), into: &report)
        lintDangerRules(bundle.danger, into: &report)
        lintSlotExamples(bundle.slotExamples, into: &report)
        return report
    }

    /// The markup and values of `Intents/slots/examples/` (each problem at `file:line`),
    /// and no message written twice: a repeat weighs twice in training.
    static func lintSlotExamples(_ folder: URL, into report: inout Report) {
        let (examples, problems) = SlotExamples.read(from: folder)
        report.problems += problems
        report.slotExamples = examples.count
        var repeats = RepeatedExamples()
        for example in examples {
            if let problem = repeats.check(example.text, file: example.file, line: example.line) { report.problems.append(problem) }
        }
    }

    /// How many marked phrases of the slot examples no lexicon phrase names: wordings the
    /// lexicons could learn (`Intents/slots/<slot>.yaml`).
    public static func slotPhrasesLexiconsMiss(_ bundle: PainChat.Bundle, understanding: LanguageUnderstanding) -> Int {
        let (examples, _) = SlotExamples.read(from: bundle.slotExamples)
        let (_, alignment) = SlotRoleModel.samples(examples, extractor: understanding.slots) { text in
            let tokens = understanding.tokenizer.tokenize(text)
            return (tokens, understanding.slotStems(tokens))
        }
        return alignment.unknownToLexicon
    }

    /// The danger rulebook's references and the examples files' shape; running the
    /// examples needs the engine (`lintDangerExamples`).
    static func lintDangerRules(_ directory: URL, into report: inout Report) {
        let (rulebook, problems) = DangerRulebookLoader.read(from: directory)
        report.problems += problems
        guard let rulebook else { return }
        report.dangerConcepts = rulebook.concepts.count
        report.dangerRules = rulebook.rules.count
        let examplesDirectory = directory.appendingPathComponent("examples")
        let categories = rulebook.categories.map(\.name)
        let (examples, exampleProblems) = DangerExamples.read(from: examplesDirectory, categories: categories)
        report.problems += exampleProblems
        report.dangerExamples = examples.count
        report.dangerSignsRulesMiss = examples.filter { $0.mark == .mustReach }.count
        report.knownFalseAlarms = examples.filter { $0.mark == .knownFalseAlarm }.count
        for category in categories {
            let file = examplesDirectory.appendingPathComponent("\(category).txt").path
            let signs = examples.filter { $0.file == file && $0.category != nil }.count
            let twins = examples.filter { $0.file == file && $0.category == nil }.count
            let least = minimumDangerExamples
            if signs < least.signs || twins < least.twins {
                report.problems.append(DataError(file: file, problem: "\(signs) signs and \(twins) twins",
                                                 fix: "write at least \(least.signs) `+ ` messages and \(least.twins) `- ` near misses"))
            }
        }
        var repeats = RepeatedExamples()
        for example in examples {
            if let problem = repeats.check(example.text, file: example.file, line: example.line) { report.problems.append(problem) }
        }
    }

    /// Runs every danger example through the rules as painchat reads a first message: a
    /// `+` line must raise its category, a `-` twin nothing.
    public static func lintDangerExamples(_ bundle: PainChat.Bundle, understanding: LanguageUnderstanding) -> [DataError] {
        let rulebook = understanding.danger.rulebook
        let (examples, _) = DangerExamples.read(from: bundle.danger.appendingPathComponent("examples"),
                                                categories: rulebook.categories.map(\.name))
        var problems: [DataError] = []
        for example in examples {
            let analysis = understanding.analyse(example.text)
            let sign = analysis.danger
            switch (example.mark, example.category, sign) {
            case (.mustRaise, let wanted?, nil):
                problems.append(DataError(file: example.file, line: example.line, problem: "no rule raises \(wanted)",
                                          fix: "add the wording to a concept of concepts.yaml or a rule of rules.yaml (or mark the line `~ `)"))
            case (.mustRaise, let wanted?, let sign?) where sign.category != wanted:
                problems.append(DataError(file: example.file, line: example.line,
                                          problem: "raises \(sign.category) ('\(sign.evidence)'), not \(wanted)",
                                          fix: "make the rules of \(wanted) fire first, or move the line to \(sign.category).txt"))
            case (.mustReach, let wanted?, nil) where analysis.suspectedDanger == nil:
                problems.append(DataError(file: example.file, line: example.line,
                                          problem: "a sign of \(wanted) that gets neither an urgent reply nor a check question",
                                          fix: "add the wording to the rules and mark the line `+ `"))
            case (.mustNotRaise, nil, let sign?):
                problems.append(DataError(file: example.file, line: example.line,
                                          problem: "a twin raises \(sign.category) ('\(sign.evidence)')",
                                          fix: "add a blocker to the concept that matched, or reword the rule (or mark it `? `, a known false alarm)"))
            default:
                break
            }
        }
        return problems
    }

    static func lintIntents(_ directory: URL, into report: inout Report) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else {
            report.problems.append(DataError(file: directory.path, problem: "intents folder not found",
                                             fix: "create Intents/ with one <intent>.txt per intent"))
            return
        }
        var repeats = RepeatedExamples()
        var present: Set<Intent> = []
        for name in names.filter({ $0.hasSuffix(".txt") }).sorted() {
            let path = directory.appendingPathComponent(name).path
            guard let intent = Intent(rawValue: String(name.dropLast(4))) else {
                report.problems.append(DataError(file: path, problem: "'\(name)' is not an intent of SPEC §2",
                                                 fix: "rename it to <intent>.txt"))
                continue
            }
            present.insert(intent)
            guard let text = try? IntentExamples.readText(path) else {
                report.problems.append(DataError(file: path, problem: "cannot be read as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            let examples = IntentExamples.parse(text, intent: intent, file: path)
            report.examples += examples.count
            if examples.count < minimumExamples {
                report.problems.append(DataError(file: path, problem: "\(examples.count) examples",
                                                 fix: "write at least \(minimumExamples) varied examples"))
            }
            for example in examples {
                if let problem = repeats.check(example.text, file: path, line: example.line) { report.problems.append(problem) }
            }
        }
        for intent in Intent.allCases where !present.contains(intent) {
            report.problems.append(DataError(file: directory.appendingPathComponent("\(intent.rawValue).txt").path,
                                             problem: "missing", fix: "create it with one example utterance per line"))
        }
    }

    static func lintLexicons(_ directory: URL, into report: inout Report) {
        for slot in SlotName.lexical {
            let path = directory.appendingPathComponent("\(slot.rawValue).yaml").path
            do {
                let lexicon = try SlotLexicon.load(slot: slot, path: path)
                report.phrases += lexicon.entries.count
                var owner: [String: String] = [:]
                for entry in lexicon.entries {
                    if let other = owner[entry.phrase], other != entry.value {
                        report.problems.append(DataError(file: path, line: entry.line,
                                                         problem: "phrase '\(entry.phrase)' is listed under both \(other) and \(entry.value)",
                                                         fix: "keep it under one value"))
                    }
                    owner[entry.phrase] = entry.value
                }
                let values = Set(lexicon.entries.map(\.value))
                for value in slot.canonicalValues where !values.contains(value) {
                    report.problems.append(DataError(file: path, problem: "no phrases for \(slot.rawValue) value '\(value)'",
                                                     fix: "add `\(value):` with a list of phrases"))
                }
            } catch let error as DataError {
                report.problems.append(error)
            } catch {
                report.problems.append(DataError(file: path, problem: "cannot be read", fix: "check the file"))
            }
        }
    }

    /// Examples written twice across the files of one kind (compared `normalised`): a repeat
    /// weighs twice in training.
    struct RepeatedExamples {
        private var first: [String: String] = [:]

        /// The problem of `text` at `file:line` when it was written before.
        mutating func check(_ text: String, file: String, line: Int) -> DataError? {
            let key = DataLinter.normalised(text)
            if let other = first[key] {
                return DataError(file: file, line: line, problem: "duplicate example (also at \(other))", fix: "delete one, or reword it")
            }
            first[key] = "\((file as NSString).lastPathComponent):\(line)"
            return nil
        }
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " }
            .map(String.init).joined().split(separator: " ").joined(separator: " ")
    }
}
