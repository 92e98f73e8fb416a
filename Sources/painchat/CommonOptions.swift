import ArgumentParser
import Foundation
import PainChatKit

/// Options shared by every command that loads painchat's data.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: ArgumentHelp("Another folder of notes to answer from (repeatable).", valueName: "DIR"))
    var extraCorpora: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Rebuild the model and index instead of using the cache (also PAINCHAT_NO_CACHE=1).")
    var noCache = false

    @Option(name: .customLong("intents"), help: ArgumentHelp("Folder of intent examples and slot lexicons (default: the bundled Intents/).", valueName: "DIR"))
    var intents: String?

    /// The bundled data: `Intents/` and `Corpus/` of the painchat project.
    func bundle() throws -> PainChat.Bundle {
        let root = try ProjectRoot.locate()
        var bundle = PainChat.Bundle(root: root, extraCorpora: extraCorpora.map { URL(fileURLWithPath: $0) })
        if let intents { bundle.intents = URL(fileURLWithPath: intents) }
        for path in extraCorpora {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DataError(file: path, problem: "--corpus folder not found", fix: "pass an existing folder of .md notes")
            }
        }
        return bundle
    }

    /// The engine, read from the cache when `Intents/` and the corpora are unchanged.
    /// `allowCache: false` (e.g. `--no-history`) keeps nothing on disk.
    func loadEngine(allowCache: Bool = true) throws -> PainChat {
        let variable = ProcessInfo.processInfo.environment["PAINCHAT_NO_CACHE"] ?? ""
        let useCache = allowCache && !noCache && (variable.isEmpty || variable == "0")
        return try PainChat.load(bundle: bundle(), cache: useCache ? EngineCache(directory: EngineCache.defaultDirectory()) : nil)
    }
}

/// Finds the folder holding `Intents/` and `Corpus/`: `PAINCHAT_ROOT`, else upwards from
/// the executable (it lives in `.build/<config>/`), else upwards from the working directory.
enum ProjectRoot {
    static func locate() throws -> URL {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["PAINCHAT_ROOT"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            guard isRoot(url) else {
                throw DataError(file: explicit, problem: "PAINCHAT_ROOT has no Intents/ and Corpus/ folders",
                                fix: "point PAINCHAT_ROOT at the painchat project folder, or unset it")
            }
            return url
        }
        var starts: [URL] = []
        if let executable = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
        }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var candidate = start.standardizedFileURL
            for _ in 0..<8 {
                if isRoot(candidate) { return candidate }
                let parent = candidate.deletingLastPathComponent()
                if parent.path == candidate.path { break }
                candidate = parent
            }
        }
        throw DataError(file: fm.currentDirectoryPath, problem: "cannot find painchat's Intents/ and Corpus/ folders",
                        fix: "run painchat from its project folder or set PAINCHAT_ROOT to it")
    }

    static func isRoot(_ url: URL) -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        return fm.fileExists(atPath: url.appendingPathComponent("Intents").path, isDirectory: &isDirectory) && isDirectory.boolValue
            && fm.fileExists(atPath: url.appendingPathComponent("Corpus").path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
