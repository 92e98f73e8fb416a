import Foundation
import PainChatKit

// painchat-bench: speed and memory of painchat's parts, printed as one JSON object.
//
//   painchat-bench turns [--turns N]                 whole conversation turns, bundled data
//   painchat-bench classify [--n N]                  one-utterance intent classification
//   painchat-bench retrieval --corpus DIR --queries FILE [--k 10]
//                                                    index build, query latency, peak memory
//
// Timings are per call with a monotonic clock; percentiles are nearest-rank. Run each
// mode in its own process so peak resident memory (VmHWM) belongs to that mode.

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
}

/// Peak resident set size of this process in MiB, from /proc/self/status.
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

/// Current resident set size in MiB (VmRSS).
func currentMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
    }
    return 0
}

func option(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("painchat-bench: \(message)\n".utf8))
    exit(2)
}

func projectRoot() -> URL {
    var dir = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<6 {
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Intents").path) { return dir }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}

func emit(_ fields: [(String, Any)]) {
    let body = fields.map { key, value -> String in
        switch value {
        case let d as Double: return "\"\(key)\":\(String(format: "%.3f", d))"
        case let i as Int: return "\"\(key)\":\(i)"
        default: return "\"\(key)\":\"\(value)\""
        }
    }
    print("{" + body.joined(separator: ",") + "}")
}

/// Realistic conversations, cycled to make many turns.
let conversations: [[String]] = [
    ["why does my hip knot come back when I walk", "sitting for a few minutes helps", "no", "tell me more", "what's your source?"],
    ["my neck gets stiff after a day at the computer", "heat helps a bit", "no", "are there stretches that help?", "thanks"],
    ["hi", "my lower back hurts when I bend over", "not sure", "nope", "could it be a slipped disc?", "bye"],
    ["my right calf cramps when I run", "what is a trigger point?", "stretching", "no none of those", "tell me more"],
    ["sharp pain in my shoulder reaching overhead for 3 weeks, about 6/10", "ice", "no", "do I need an x-ray?"],
    ["I'm so sick of this pain", "my jaw aches when I chew", "why do you ask?", "resting it", "no"],
    ["asdf", "tell me a joke", "my knee hurts going down stairs", "just tell me"],
]

let args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first else { fail("give a mode: turns, classify or retrieval") }
let root = projectRoot()

switch mode {
case "turns":
    let turns = Int(option("--turns", args) ?? "") ?? 5000
    let engine = (try? PainChat.load(bundle: PainChat.Bundle(root: root))) ?? { fail("cannot load bundled data") }()
    var timings: [Double] = []
    timings.reserveCapacity(turns)
    var done = 0
    var c = 0
    while done < turns {
        var state = ConversationState()
        for utterance in conversations[c % conversations.count] where done < turns {
            let start = now()
            let (next, reply) = engine.respond(to: utterance, in: state)
            timings.append(Double(now() - start) / 1000)
            state = next
            done += 1
            if reply.parts.isEmpty { fail("empty reply") }
        }
        c += 1
    }
    timings.sort()
    emit([("mode", "turns"), ("turns", turns), ("p50_us", percentile(timings, 50)), ("p99_us", percentile(timings, 99)),
          ("max_us", timings.last ?? 0), ("peak_mib", peakMemoryMiB())])

case "classify":
    let n = Int(option("--n", args) ?? "") ?? 5000
    let engine = (try? PainChat.load(bundle: PainChat.Bundle(root: root))) ?? { fail("cannot load bundled data") }()
    let utterances = conversations.flatMap { $0 } + ReplyRenderer.examples
    let classifier = engine.understanding.classifier
    var timings: [Double] = []
    timings.reserveCapacity(n)
    var sink = 0
    for i in 0..<n {
        let text = utterances[i % utterances.count]
        let start = now()
        let prediction = classifier.classify(text)
        timings.append(Double(now() - start) / 1000)
        sink &+= prediction.ranking.count
    }
    timings.sort()
    emit([("mode", "classify"), ("n", n), ("p50_us", percentile(timings, 50)), ("p99_us", percentile(timings, 99)), ("check", sink % 7)])

case "retrieval":
    guard let corpusPath = option("--corpus", args) else { fail("retrieval needs --corpus DIR") }
    guard let queriesPath = option("--queries", args),
          let queryText = try? String(contentsOfFile: queriesPath, encoding: .utf8) else { fail("retrieval needs --queries FILE") }
    let k = Int(option("--k", args) ?? "") ?? 10
    let queries = queryText.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    let loadStart = now()
    let corpus: Corpus
    do { corpus = try CorpusLoader.load(from: [URL(fileURLWithPath: corpusPath)]) } catch { fail("\(error.localizedDescription)") }
    let loadSeconds = Double(now() - loadStart) / 1e9
    let tokenizer = Tokenizer()
    let buildStart = now()
    let retriever = Retriever(corpus: corpus, tokenizer: tokenizer)
    let buildSeconds = Double(now() - buildStart) / 1e9
    var timings: [Double] = []
    var found = 0
    // --rounds N repeats the queries, for profiling the query path alone.
    let rounds = max(1, Int(option("--rounds", args) ?? "") ?? 1)
    for (i, query) in Array(repeating: queries, count: rounds).joined().enumerated() {
        let request = RetrievalRequest(text: query, limit: k)
        let start = now()
        let result = retriever.retrieve(request)
        let elapsed = Double(now() - start) / 1000
        if i >= 10 { timings.append(elapsed) } // the first few warm caches
        found += result.passages.count
    }
    timings.sort()
    emit([("mode", "retrieval"), ("passages", corpus.passageCount), ("queries", queries.count),
          ("load_s", loadSeconds), ("build_s", buildSeconds), ("p50_us", percentile(timings, 50)),
          ("p99_us", percentile(timings, 99)), ("peak_mib", peakMemoryMiB()), ("results", found)])

case "fuzz":
    // Hostile input through whole turns and through classification: no crash, no hang,
    // and nothing that could drive a terminal in what painchat writes.
    let n = Int(option("--n", args) ?? "") ?? 100_000
    let seed = UInt64(option("--seed", args) ?? "") ?? 1
    let engine = (try? PainChat.load(bundle: PainChat.Bundle(root: root))) ?? { fail("cannot load bundled data") }()
    var generator = HostileInput(seed: seed)
    let renderer = ReplyRenderer()
    var state = ConversationState()
    var slowest = 0.0
    var unsafe = 0
    let start = now()
    for i in 0..<n {
        let input = generator.next()
        let t0 = now()
        // classify cuts its input like the chat does
        _ = engine.understanding.analyse(String(input.prefix(PainChat.maximumInputLength)))
        let (next, reply) = engine.respond(to: input, in: state)
        let text = renderer.render(reply)
        let elapsed = Double(now() - t0) / 1e6
        if elapsed > 200 {
            FileHandle.standardError.write(Data("slow (\(Int(elapsed)) ms) input #\(i) of \(input.unicodeScalars.count) scalars: \(String(input.prefix(60)).debugDescription)\n".utf8))
        }
        slowest = max(slowest, elapsed)
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x7f...0x9f).contains($0.value) || $0 == "\u{1b}" }) {
            unsafe += 1
            if unsafe <= 3 { FileHandle.standardError.write(Data("unsafe output for input #\(i)\n".utf8)) }
        }
        // A fresh conversation now and then, so every policy branch keeps being reached.
        state = (i % 50 == 49 || next.ended) ? ConversationState() : next
    }
    emit([("mode", "fuzz"), ("inputs", n), ("seed", Int(seed)), ("seconds", Double(now() - start) / 1e9),
          ("slowest_turn_ms", slowest), ("unsafe_outputs", unsafe)])
    if unsafe > 0 { exit(1) }

case "typos":
    // Real words the typo correctors would rewrite: every word of a word list (one a
    // line, e.g. /usr/share/dict/words) that comes out with another word's stem.
    guard let listPath = option("--words", args),
          let list = try? String(contentsOfFile: listPath, encoding: .utf8) else { fail("typos needs --words FILE") }
    let engine = (try? PainChat.load(bundle: PainChat.Bundle(root: root))) ?? { fail("cannot load bundled data") }()
    let understanding = engine.understanding
    var rewritten = 0, checked = 0
    for word in Set(list.split(separator: "\n").map { $0.lowercased() }).sorted() where word.allSatisfy(\.isLetter) {
        let tokens = understanding.tokenizer.tokenize(word)
        guard tokens.count == 1, let token = tokens.first else { continue }
        checked += 1
        for (name, corrector) in [("slots", understanding.corrector), ("danger", understanding.dangerReader.corrector)] {
            let stem = corrector.stem(for: token)
            if stem != token.stem {
                rewritten += 1
                print("\(name)\t\(word)\t-> \(stem)")
            }
        }
    }
    emit([("mode", "typos"), ("words", checked), ("rewritten", rewritten)])

case "soak":
    // Resident memory over a long conversation: growth from turn 1,000 to the last.
    let turns = Int(option("--turns", args) ?? "") ?? 10_000
    let engine = (try? PainChat.load(bundle: PainChat.Bundle(root: root))) ?? { fail("cannot load bundled data") }()
    let script = conversations.flatMap { $0 }
    var state = ConversationState()
    var atThousand = 0.0
    for i in 1...turns {
        let (next, _) = engine.respond(to: script[i % script.count] + (i % 3 == 0 ? " \(i)" : ""), in: state)
        state = next.ended ? ConversationState() : next
        if i == 1000 { atThousand = currentMemoryMiB() }
    }
    let last = currentMemoryMiB()
    let growth = atThousand > 0 ? (last - atThousand) / atThousand : 0
    emit([("mode", "soak"), ("turns", turns), ("rss_at_1000_mib", atThousand), ("rss_at_end_mib", last),
          ("growth_percent", growth * 100)])
    if growth >= 0.10 { exit(1) }

default:
    fail("unknown mode '\(mode)': use turns, classify or retrieval")
}
