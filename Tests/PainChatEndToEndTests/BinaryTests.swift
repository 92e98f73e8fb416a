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

    static let sharedCache = FileManager.default.temporaryDirectory.appendingPathComponent("painchat-e2e-cache-\(getpid())")

    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("painchat-e2e-\(UUID().uuidString)")
    }

    /// A `painchat` process with pipes on all three streams and private data folders.
    static func process(_ arguments: [String], environment: [String: String] = [:]) -> (Process, Pipe, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        let scratch = scratch()
        env["PAINCHAT_HOME"] = scratch.appendingPathComponent("home").path
        // One engine cache for the whole suite: each run then starts in milliseconds.
        env["XDG_CACHE_HOME"] = sharedCache.path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        return (process, stdin, stdout, stderr)
    }

    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        let (process, stdin, stdout, stderr) = Self.process(arguments, environment: environment)
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

    @Test func noHistoryKeepsNothingOnDisk() throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Self.run(["--no-history"], input: "my knee hurts on stairs\n",
                               environment: ["PAINCHAT_HOME": dir.appendingPathComponent("home").path,
                                             "XDG_CACHE_HOME": dir.appendingPathComponent("cache").path])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("home/history").path))
    }

    @Test func engineCacheIsPrivate() throws {
        let dir = Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = dir.appendingPathComponent("cache")
        _ = try Self.run(["classify", "hello"], environment: ["XDG_CACHE_HOME": cache.path])
        let folder = cache.appendingPathComponent("painchat")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let fileMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.posixPermissions] as? NSNumber
            #expect(fileMode?.intValue == 0o600)
        }
    }

    @Test func malformedNoteIsOneLineNamingFileAndLine() throws {
        let dir = Self.scratch()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "---\ntitle: Broken\nkind: essay\nregions: [hip]\nsources: [x]\n---\nText.\n".write(
            to: dir.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let run = try Self.run(["search", "--corpus", dir.path, "knee"])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("broken.md:3"))
    }

    @Test func overlongInputIsCutWithANote() throws {
        let long = String(repeating: "my knee hurts ", count: 500)
        let run = try Self.run([], input: long + "\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("first 2000 characters"))
    }

    @Test func closedStdoutEndsQuietly() throws {
        // Our own writes into painchat's stdin fail once it has gone; that must not kill the test.
        signal(SIGPIPE, SIG_IGN)
        let (process, stdin, stdout, stderr) = Self.process(["classify", "--json"])
        try process.run()
        // Read one line, then go away like `head -1` does.
        let writer = Thread {
            let line = Data(String(repeating: "my back hurts when I bend\n", count: 20_000).utf8)
            try? stdin.fileHandleForWriting.write(contentsOf: line)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        var first = Data()
        while !first.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        try stdout.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(first.count > 0)
        #expect(process.terminationReason == .exit)
        #expect(stderr.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }
}
