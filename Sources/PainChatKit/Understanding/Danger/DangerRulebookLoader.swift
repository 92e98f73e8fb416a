import Foundation
import Yams

/// Reads `Intents/danger/` (`concepts.yaml`, `rules.yaml`, `categories.yaml`,
/// `words.yaml`) into a `DangerRulebook`, checking every reference: a rule naming an
/// unknown concept, a misspelt flag or a body part that is no `location` value is a
/// `file:line` problem with the fix. `load` throws the first problem; `read` collects
/// them all for `painchat lint`.
public enum DangerRulebookLoader {
    public static let files = ["concepts.yaml", "rules.yaml", "categories.yaml", "words.yaml"]

    public static func load(from directory: URL) throws -> DangerRulebook {
        let (rulebook, problems) = read(from: directory)
        if let first = problems.first { throw first }
        guard let rulebook else {
            throw DataError(file: directory.path, problem: "the danger rules could not be read", fix: "run `painchat lint`")
        }
        return rulebook
    }

    public static func read(from directory: URL) -> (DangerRulebook?, [DataError]) {
        var reader = Reader()
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let concepts = reader.document(path("concepts.yaml")).map { reader.concepts($0, file: path("concepts.yaml")) } ?? []
        let categories = reader.document(path("categories.yaml")).map { reader.categories($0, file: path("categories.yaml")) }
        let words = reader.document(path("words.yaml")).map { reader.words($0, file: path("words.yaml")) } ?? DangerRulebook.Words()
        let known = Set(concepts.map(\.name))
        let categoryNames = Set(categories?.list.map(\.name) ?? [])
        let (rules, answers) = reader.document(path("rules.yaml"))
            .map { reader.rules($0, file: path("rules.yaml"), concepts: known, categories: categoryNames) } ?? ([], [])
        // A concept no rule uses is switched off without anyone noticing.
        let used = Set(rules.flatMap(\.concepts) + answers.map(\.concept))
        for concept in concepts where !used.contains(concept.name) {
            reader.problem(path("concepts.yaml"), concept.line, "concept '\(concept.name)' is used by no rule",
                           "use it in a rule of rules.yaml, or delete it")
        }
        guard reader.problems.isEmpty, let categories else { return (nil, reader.problems) }
        return (DangerRulebook(concepts: concepts, rules: rules, screeningAnswers: answers, categories: categories.list,
                               words: words, actNow: categories.actNow, noSelfCare: categories.noSelfCare), [])
    }

    /// Collects problems while reading the four files.
    struct Reader {
        var problems: [DataError] = []
        static let locations = Set(SlotName.location.canonicalValues)

        mutating func problem(_ file: String, _ line: Int?, _ problem: String, _ fix: String) {
            problems.append(DataError(file: file, line: line, problem: problem, fix: fix))
        }

        mutating func document(_ file: String) -> Node? {
            let text: String
            do { text = try IntentExamples.readText(file) } catch let error as DataError {
                problems.append(DataError(file: file, problem: error.problem + " (the danger rules need it)", fix: error.fix))
                return nil
            } catch { return nil }
            do {
                guard let node = try Yams.compose(yaml: text), node.mapping != nil else {
                    problem(file, 1, "is not a YAML mapping", "write `name:` keys as in the file's header comment")
                    return nil
                }
                return node
            } catch let error as YamlError {
                problem(file, SlotLexicon.yamlLine(error), "is not valid YAML (\(SlotLexicon.yamlSummary(error)))",
                        "check the indentation and brackets near that line")
                return nil
            } catch {
                problem(file, nil, "is not valid YAML", "check the file's syntax")
                return nil
            }
        }

        static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

        /// A list of plain texts, lowercased.
        mutating func texts(_ node: Node, _ file: String, _ what: String) -> [String] {
            guard let sequence = node.sequence else {
                problem(file, Reader.line(node), "\(what) is not a list", "write it as [a, b, c]")
                return []
            }
            return sequence.compactMap { item in
                guard let text = item.string?.trimmingCharacters(in: .whitespaces), !text.isEmpty, item.sequence == nil,
                      item.mapping == nil else {
                    problem(file, Reader.line(item), "an empty or non-text entry in \(what)", "write each entry as plain text")
                    return nil
                }
                return text.lowercased()
            }
        }

        mutating func text(_ node: Node?, _ file: String, _ what: String, at line: Int) -> String? {
            guard let node else {
                problem(file, line, "\(what) is missing", "add `\(what): ...`")
                return nil
            }
            guard let text = node.string, node.sequence == nil, node.mapping == nil, !text.isEmpty else {
                problem(file, Reader.line(node), "\(what) is not a text", "write it as one quoted sentence")
                return nil
            }
            return text
        }

        mutating func integer(_ node: Node, _ file: String, _ what: String) -> Int? {
            guard let text = node.string, let value = Int(text), value >= 1 else {
                problem(file, Reader.line(node), "\(what) is not a whole number of at least 1", "write e.g. `\(what): 8`")
                return nil
            }
            return value
        }

        mutating func unknownKeys(_ mapping: Node.Mapping, allowed: [String], _ file: String, _ owner: String) {
            for (key, _) in mapping where !allowed.contains(key.string ?? "") {
                problem(file, Reader.line(key), "'\(key.string ?? "?")' is not a field of \(owner)",
                        "use one of: \(allowed.joined(separator: " "))" + Reader.suggestion(key.string ?? "", among: allowed))
            }
        }

        /// ", or did you mean 'bladder'?" when a name is one or two edits from a known one.
        static func suggestion(_ name: String, among known: some Sequence<String>) -> String {
            let best = known.map { ($0, editDistance(Array(name.utf8), Array($0.utf8), limit: 3)) }
                .filter { $0.1 <= 2 }.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            return best.map { " (did you mean '\($0.0)'?)" } ?? ""
        }

        // MARK: concepts.yaml

        mutating func concepts(_ root: Node, file: String) -> [DangerRulebook.Concept] {
            var concepts: [DangerRulebook.Concept] = []
            for (key, value) in root.mapping! {
                let line = Reader.line(key)
                guard let name = key.string, name.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                    problem(file, line, "'\(key.string ?? "?")' is not a concept name", "use lower-case words joined by _")
                    continue
                }
                guard let fields = value.mapping else {
                    problem(file, line, "concept '\(name)' has no fields", "give it `phrases: [...]`")
                    continue
                }
                unknownKeys(fields, allowed: ["phrases", "blockers", "number_at_least", "decimal_at_least", "flags", "over_unless_now", "cancelled_by",
                                              "from_frame"],
                            file, "a concept")
                var concept = DangerRulebook.Concept(name: name, line: line)
                if let node = fields["phrases"] { concept.phrases = texts(node, file, "phrases") }
                if let node = fields["blockers"] { concept.blockers = texts(node, file, "blockers") }
                if let node = fields["over_unless_now"] { concept.overUnlessNow = texts(node, file, "over_unless_now") }
                if let node = fields["cancelled_by"] { concept.cancelledBy = texts(node, file, "cancelled_by") }
                if let node = fields["number_at_least"] { concept.numberAtLeast = integer(node, file, "number_at_least") }
                if let node = fields["decimal_at_least"] { concept.decimalAtLeast = integer(node, file, "decimal_at_least") }
                if let node = fields["flags"] {
                    for (flag, item) in zip(texts(node, file, "flags"), node.sequence ?? []) {
                        guard let known = DangerRulebook.Concept.Flag(rawValue: flag) else {
                            let names = DangerRulebook.Concept.Flag.allCases.map(\.rawValue)
                            problem(file, Reader.line(item), "'\(flag)' is not a concept flag",
                                    "use one of: \(names.joined(separator: " "))" + Reader.suggestion(flag, among: names))
                            continue
                        }
                        concept.flags.insert(known)
                    }
                }
                if let node = fields["from_frame"] {
                    for (place, item) in zip(texts(node, file, "from_frame"), node.sequence ?? []) where !Reader.locations.contains(place) {
                        problem(file, Reader.line(item), "'\(place)' is not a location value of SPEC §3",
                                "use one of: \(SlotName.location.canonicalValues.joined(separator: " "))"
                                    + Reader.suggestion(place, among: Reader.locations))
                    }
                    concept.fromFrame = texts(node, file, "from_frame").filter(Reader.locations.contains)
                }
                if concept.phrases.isEmpty && concept.numberAtLeast == nil {
                    problem(file, line, "concept '\(name)' has no phrases", "list them as `phrases: [a, b]`, or give `number_at_least`")
                }
                if concepts.contains(where: { $0.name == name }) {
                    problem(file, line, "concept '\(name)' is defined twice", "merge the two into one")
                }
                concepts.append(concept)
            }
            return concepts
        }

        // MARK: rules.yaml

        mutating func rules(_ root: Node, file: String, concepts known: Set<String>, categories: Set<DangerCategory>)
            -> ([DangerRulebook.Rule], [DangerRulebook.ScreeningAnswer]) {
            let fields = root.mapping!
            unknownKeys(fields, allowed: ["rules", "screening_answers"], file, "rules.yaml")
            func concept(_ node: Node) -> String? {
                guard let name = node.string, known.contains(name) else {
                    problem(file, Reader.line(node), "unknown concept '\(node.string ?? "?")'",
                            "define it in concepts.yaml, or use a concept defined there" + Reader.suggestion(node.string ?? "", among: known))
                    return nil
                }
                return name
            }
            func category(_ node: Node?, at line: Int) -> DangerCategory? {
                guard let name = node?.string else {
                    problem(file, line, "the category is missing", "add `category: NAME` (a key of categories.yaml)")
                    return nil
                }
                guard categories.contains(DangerCategory(name)) || categories.isEmpty else {
                    let names = categories.map(\.rawValue).sorted()
                    problem(file, Reader.line(node!), "unknown category '\(name)'",
                            "use a category of categories.yaml: \(names.joined(separator: " "))" + Reader.suggestion(name, among: names))
                    return nil
                }
                return DangerCategory(name)
            }
            var rules: [DangerRulebook.Rule] = []
            for node in fields["rules"]?.sequence ?? [] {
                let line = Reader.line(node)
                guard let rule = node.mapping else {
                    problem(file, line, "a rule is not a mapping", "write `- {category: NAME, all: [concept, ...]}`")
                    continue
                }
                unknownKeys(rule, allowed: ["category", "all", "within", "in_order", "level", "reason"], file, "a rule")
                guard let name = category(rule["category"], at: line) else { continue }
                guard let all = rule["all"]?.sequence, !all.isEmpty else {
                    problem(file, line, "the rule has no concepts", "add `all: [concept, ...]`")
                    continue
                }
                let names = all.compactMap(concept)
                guard names.count == all.count else { continue }
                var parsed = DangerRulebook.Rule(category: name, concepts: names, line: line)
                if let node = rule["within"] { parsed.within = integer(node, file, "within") }
                if let node = rule["in_order"] { parsed.inOrder = node.bool ?? false }
                if let node = rule["level"] {
                    guard let level = UrgencyLevel(rawValue: node.string ?? "") else {
                        problem(file, Reader.line(node), "'\(node.string ?? "?")' is not a level", "use emergency or same_day")
                        continue
                    }
                    parsed.level = level
                }
                if let node = rule["reason"] { parsed.reason = text(node, file, "reason", at: line) }
                rules.append(parsed)
            }
            if rules.isEmpty { problem(file, 1, "no rules", "list them under `rules:`") }
            var answers: [DangerRulebook.ScreeningAnswer] = []
            for node in fields["screening_answers"]?.sequence ?? [] {
                let line = Reader.line(node)
                guard let answer = node.mapping, let conceptNode = answer["concept"] else {
                    problem(file, line, "a screening answer needs a concept", "write `- {concept: NAME, category: NAME, strength: strong}`")
                    continue
                }
                unknownKeys(answer, allowed: ["concept", "category", "strength"], file, "a screening answer")
                guard let name = concept(conceptNode), let category = category(answer["category"], at: line) else { continue }
                let strength = answer["strength"]?.string ?? ""
                guard ["strong", "weak"].contains(strength) else {
                    problem(file, line, "strength '\(strength)' is neither strong nor weak", "write `strength: strong` or `strength: weak`")
                    continue
                }
                answers.append(DangerRulebook.ScreeningAnswer(concept: name, category: category, strong: strength == "strong", line: line))
            }
            return (rules, answers)
        }

        // MARK: categories.yaml

        mutating func categories(_ root: Node, file: String)
            -> (list: [DangerRulebook.Category], actNow: [UrgencyLevel: String], noSelfCare: String) {
            let fields = root.mapping!
            unknownKeys(fields, allowed: ["act_now", "no_self_care", "categories"], file, "categories.yaml")
            var actNow: [UrgencyLevel: String] = [:]
            for level in UrgencyLevel.allCases {
                actNow[level] = text(fields["act_now"]?.mapping?[level.rawValue], file, "act_now: \(level.rawValue)", at: 1)
            }
            let noSelfCare = text(fields["no_self_care"], file, "no_self_care", at: 1) ?? ""
            var list: [DangerRulebook.Category] = []
            guard let categories = fields["categories"]?.mapping else {
                problem(file, 1, "there is no `categories:` mapping", "add `categories:` with one entry per category")
                return ([], actNow, noSelfCare)
            }
            for (key, value) in categories {
                let line = Reader.line(key)
                guard let name = key.string, let entry = value.mapping else {
                    problem(file, line, "a category without fields", "give it level, reason, source and check")
                    continue
                }
                unknownKeys(entry, allowed: ["level", "reason", "source", "check", "reply", "screening"], file, "a category")
                let levelName = entry["level"]?.string ?? ""
                guard let level = UrgencyLevel(rawValue: levelName) else {
                    problem(file, line, "category '\(name)' has level '\(levelName)'", "use `level: emergency` or `level: same_day`")
                    continue
                }
                let reason = text(entry["reason"], file, "reason", at: line) ?? ""
                let source = text(entry["source"], file, "source", at: line) ?? ""
                let check = text(entry["check"], file, "check", at: line) ?? ""
                let reply = entry["reply"].map { node in
                    (node.sequence ?? []).compactMap { text($0, file, "reply", at: Reader.line($0)) }
                } ?? []
                var screening: [DangerRulebook.ScreeningItem] = []
                for item in entry["screening"]?.sequence ?? [] {
                    guard let fields = item.mapping, let wording = text(fields["ask"], file, "ask", at: Reader.line(item)) else { continue }
                    unknownKeys(fields, allowed: ["ask", "fits", "unknown_place"], file, "a screening sign")
                    let fits = fields["fits"].map { texts($0, file, "fits") } ?? []
                    for place in fits where !Reader.locations.contains(place) {
                        problem(file, Reader.line(item), "'\(place)' is not a location value of SPEC §3",
                                "use one of: \(SlotName.location.canonicalValues.joined(separator: " "))"
                                    + Reader.suggestion(place, among: Reader.locations))
                    }
                    screening.append(DangerRulebook.ScreeningItem(wording: wording, fits: Set(fits),
                                                                  unknownPlace: fields["unknown_place"]?.bool ?? false))
                }
                list.append(DangerRulebook.Category(name: DangerCategory(name), level: level, reason: reason, source: source,
                                                    check: check, reply: reply, screening: screening, line: line))
            }
            return (list, actNow, noSelfCare)
        }

        // MARK: words.yaml

        mutating func words(_ root: Node, file: String) -> DangerRulebook.Words {
            let fields = root.mapping!
            var words = DangerRulebook.Words()
            let lists: [(String, WritableKeyPath<DangerRulebook.Words, [String]>)] = [
                ("resolved", \.resolved), ("turns_to_self", \.turnsToSelf), ("general_question_markers", \.generalQuestionMarkers),
                ("addressed_to_person", \.addressedToPerson), ("past_before_age", \.pastBeforeAge),
                ("past_before_decade", \.pastBeforeDecade),
                ("figurative", \.figurative), ("hypothetical", \.hypothetical), ("past_times", \.pastTimes),
                ("not_real", \.notReal), ("asked_about", \.askedAbout), ("denied_answers", \.deniedAnswers),
                ("improving", \.improving), ("someone_elses_after", \.someoneElsesAfter),
            ]
            let sets: [(String, WritableKeyPath<DangerRulebook.Words, Set<String>>)] = [
                ("now", \.now), ("negation_fillers", \.negationFillers), ("other_people", \.otherPeople), ("history_verbs", \.historyVerbs),
                ("third_person_subjects", \.thirdPersonSubjects), ("own_words", \.ownWords), ("linking_verbs", \.linkingVerbs),
                ("all_well", \.allWell), ("general_question_openers", \.generalQuestionOpeners), ("person_words", \.personWords),
                ("someone", \.someone), ("topic_turns", \.topicTurns), ("back_references", \.backReferences),
                ("ongoing_before", \.ongoingBefore), ("denial_tails", \.denialTails), ("bare_denials", \.bareDenials),
                ("seeming", \.seeming), ("pronouns", \.pronouns), ("reassuring", \.reassuring),
            ]
            let numbers: [(String, WritableKeyPath<DangerRulebook.Words, Int>)] = [
                ("resolved_reach", \.resolvedReach), ("explained_reach", \.explainedReach), ("owner_reach", \.ownerReach), ("not_real_reach", \.notRealReach),
                ("denial_reach", \.denialReach), ("improving_reach", \.improvingReach),
            ]
            unknownKeys(fields, allowed: lists.map(\.0) + sets.map(\.0) + numbers.map(\.0) + ["read_alike", "past_years"], file, "words.yaml")
            if let node = fields["past_years"] {
                let bounds = (node.sequence ?? []).compactMap { $0.string.flatMap(Int.init) }
                if bounds.count == 2, bounds[0] <= bounds[1] { words.pastYears = bounds[0]...bounds[1] } else {
                    problem(file, Reader.line(node), "past_years is not [first, last]", "write e.g. `past_years: [1950, 2025]`")
                }
            }
            for (key, path) in lists {
                guard let node = fields[key] else { problem(file, 1, "`\(key)` is missing", "add `\(key): [...]`"); continue }
                words[keyPath: path] = texts(node, file, key)
            }
            for (key, path) in sets {
                guard let node = fields[key] else { problem(file, 1, "`\(key)` is missing", "add `\(key): [...]`"); continue }
                words[keyPath: path] = Set(texts(node, file, key))
            }
            for (key, path) in numbers {
                guard let node = fields[key] else { problem(file, 1, "`\(key)` is missing", "add `\(key): N`"); continue }
                if let value = integer(node, file, key) { words[keyPath: path] = value }
            }
            for (from, to) in fields["read_alike"]?.mapping ?? [:] {
                guard let a = from.string?.lowercased(), let b = to.string?.lowercased() else { continue }
                words.readAlike[a] = b
            }
            return words
        }
    }
}
