import ArgumentParser
import Foundation
import PainChatKit

/// `painchat test`: runs `.dialog` scripts through the real engine.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run scripted conversations (.dialog files).")

    @OptionGroup var data: DataOptions

    @Argument(help: "Scripts or folders of scripts (default: Tests/Dialogues).")
    var paths: [String] = []

    func run() throws {
        let root = try ProjectRoot.locate()
        let targets = paths.isEmpty ? [root.appendingPathComponent("Tests/Dialogues").path] : paths
        let files = try DialogFiles.collect(targets)
        let runner = DialogRunner(engine: try data.loadEngine())
        var passed = 0, failed = 0
        for file in files {
            // Each script is a fresh conversation with a fresh, private data directory.
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("painchat-test-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: scratch) }
            let name = URL(fileURLWithPath: file).lastPathComponent
            do {
                let result = runner.run(try DialogScript.load(path: file))
                if result.passed {
                    passed += 1
                    Console.write("PASS \(name)\n")
                } else {
                    failed += 1
                    Console.write("FAIL \(name)\n" + result.failures.map { "  \($0)\n" }.joined())
                }
            } catch let error as DataError {
                failed += 1
                Console.write("FAIL \(name)\n  \(error.errorDescription ?? "")\n")
            }
        }
        Console.write("\(passed) passed, \(failed) failed\n")
        if failed > 0 { throw CommandFailure(code: 1) }
    }
}

/// Expands paths to `.dialog` files: files as given, folders to their scripts by name.
enum DialogFiles {
    static func collect(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataError(file: path, problem: "not found", fix: "pass .dialog files or folders that contain them")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".dialog") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
