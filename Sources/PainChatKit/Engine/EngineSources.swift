import Foundation

/// The files an engine is built from, and a key that changes whenever any of them or the
/// program does (path, size or modification time), for the engine cache.
struct EngineSources {
    var files: [String]
    var key: UInt64

    /// Bump when the cache layout or anything trained changes meaning.
    static let formatVersion = "painchat-engine-11"

    static func read(_ bundle: PainChat.Bundle) throws -> EngineSources {
        let fm = FileManager.default
        func list(_ dir: URL, _ suffix: String) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
                .map { dir.appendingPathComponent($0).path }
        }
        var files = list(bundle.intents, ".txt") + list(bundle.intents.appendingPathComponent("slots"), ".yaml")
            + list(bundle.danger, ".yaml") + list(bundle.danger.appendingPathComponent("examples"), ".txt")
            + list(bundle.slotExamples, ".txt")
        for corpus in bundle.corpora { files += try CorpusLoader.markdownFiles(in: corpus) }
        files.append(bundle.dictionary) // installing or updating the word list changes the engine
        var hash = TermHasher.hash(tag: 0, formatVersion.utf8)
        // The program itself: a rebuilt or upgraded painchat may read the same files
        // differently, so it never trusts an engine an older build trained.
        for file in ["/proc/self/exe"] + files {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            for b in file.utf8 { hash = TermHasher.mix(hash, b) }
            for value in [UInt64(info.st_size), UInt64(info.st_mtim.tv_sec), UInt64(info.st_mtim.tv_nsec), UInt64(info.st_ino)] {
                for shift in stride(from: 0, to: 64, by: 8) { hash = TermHasher.mix(hash, UInt8((value >> UInt64(shift)) & 0xff)) }
            }
        }
        return EngineSources(files: files, key: hash)
    }
}

/// A folder of built engines, so painchat starts without retraining when `Intents/` and
/// `Corpus/` have not changed. It holds only what is derived from those files, never
/// anything typed in a conversation. A cache that cannot be read is ignored and rebuilt.
public struct EngineCache: Sendable {
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `$XDG_CACHE_HOME/painchat`, else `~/.cache/painchat`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return URL(fileURLWithPath: xdg).appendingPathComponent("painchat") }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/painchat")
    }

    func file(for key: UInt64) -> URL { directory.appendingPathComponent(String(format: "engine-%016llx.bin", key)) }

    func load(key: UInt64, tokenizer: Tokenizer, rulebook: DangerRulebook) -> PainChat? {
        guard let data = try? Data(contentsOf: file(for: key), options: .mappedIfSafe) else { return nil }
        var reader = BinaryReader(data)
        return try? PainChat(reading: &reader, key: key, tokenizer: tokenizer, rulebook: rulebook)
    }

    /// Writes the engine atomically with owner-only permissions, and removes caches of
    /// older versions of the same files. Failure only costs the next start its speed.
    func save(_ engine: PainChat, key: UInt64) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var writer = BinaryWriter()
            engine.write(to: &writer, key: key)
            let target = file(for: key)
            let temporary = directory.appendingPathComponent(".engine-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
            guard fm.createFile(atPath: temporary.path, contents: writer.data, attributes: [.posixPermissions: 0o600]) else { return }
            if rename(temporary.path, target.path) != 0 { try? fm.removeItem(at: temporary) }
            // Keep the four most recent engines (different --corpus sets each get one).
            let others = ((try? fm.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [])
                .filter { $0.lastPathComponent.hasPrefix("engine-") && $0.pathExtension == "bin" }
                .sorted { (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) ?? .distantPast
                    > (try? $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) ?? .distantPast }
            for old in others.dropFirst(4) { try? fm.removeItem(at: old) }
        } catch {
            return
        }
    }
}
