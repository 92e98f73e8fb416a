import Foundation
import Testing

/// Runs the built `painchat` binary the way a person or a script would.
@Suite(.serialized) struct BinaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `painchat` executable built beside this test bundle.
    static var binary: URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("painchat")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/painchat")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("painchat-e2e-\(UUID().uuidString)")
        env["PAINCHAT_HOME"] = scratch.appendingPathComponent("home").path
        env["XDG_CACHE_HOME"] = scratch.appendingPathComponent("cache").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func seedConversationThroughAPipe() throws {
        let run = try Self.run([], input: "why does my hip knot come back when I walk\nsitting for a few minutes helps\nno\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("What eases the hip pain"))
        #expect(run.stdout.range(of: "glute|trigger point", options: [.regularExpression, .caseInsensitive]) != nil)
        #expect(!run.stdout.contains("you>"), "no prompt on a pipe")
        #expect(!run.stdout.contains("\u{1b}["), "no escape codes on a pipe")
    }

    @Test func classifyJSONHasTheSpecShape() throws {
        let run = try Self.run(["classify", "--json", "why does my hip knot come back when I walk"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["intent"] as? String == "ask_cause")
        #expect(object["text"] as? String == "why does my hip knot come back when I walk")
        let slots = try #require(object["slots"] as? [String: Any])
        #expect(slots["location"] as? [String] == ["hip"])
        #expect(slots["trigger"] as? [String] == ["walking"])
        #expect(slots["side"] is NSNull)
        #expect(object["urgent"] is NSNull)
        #expect((object["ranking"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func classifyReadsOneUtterancePerLine() throws {
        let run = try Self.run(["classify", "--json"], input: "hi there\nI can't control my bladder\n")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let urgent = try #require(second["urgent"] as? [String: Any])
        #expect(urgent["category"] as? String == "cauda_equina")
        #expect(urgent["level"] as? String == "emergency")
    }

    @Test func searchJSON() throws {
        let run = try Self.run(["search", "--json", "-k", "3", "what is a trigger point"])
        #expect(run.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 3)
        #expect(array[0]["rank"] as? Int == 1)
        #expect((array[0]["passage"] as? String)?.contains("#") == true)
    }

    @Test func errorsAreOneLineAndExitTwo() throws {
        let missing = try Self.run(["search", "--corpus", "/nonexistent/notes", "knee"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/notes"))
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let flag = try Self.run(["classify", "--bogus"])
        #expect(flag.status == 2)
        #expect(flag.stderr.split(separator: "\n").count == 1)
    }

    @Test func dialogueTestCommandReportsCounts() throws {
        let run = try Self.run(["test"])
        #expect(run.stdout.range(of: "\\d+ passed, \\d+ failed", options: .regularExpression) != nil)
    }
}
