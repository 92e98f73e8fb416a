import Foundation
import Testing
@testable import PainChatKit

@Suite struct EngineCacheTests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("painchat-cache-test-\(UUID().uuidString)")
    }

    @Test func roundTripGivesTheSameConversation() throws {
        var writer = BinaryWriter()
        sharedEngine.write(to: &writer, key: 42)
        var reader = BinaryReader(writer.data)
        let restored = try PainChat(reading: &reader, key: 42, tokenizer: Tokenizer(), rulebook: rulebook)
        let script = ["why does my hip knot come back when I walk", "what is a trigger point?", "sitting helps", "no", "tell me more"]
        #expect(converse(script, engine: restored).replies == converse(script).replies)
        #expect(restored.understanding.classifier.classify("hi there") == sharedEngine.understanding.classifier.classify("hi there"))
        // The learned slot roles come back as they were trained.
        #expect(restored.understanding.slots.hasLearnedRoles)
        for text in ["my wife's knee is bad but my hip aches when I walk", "heat helps, stretching doesn't", "running late, neck stiff"] {
            #expect(restored.understanding.analyse(text).extraction == sharedEngine.understanding.analyse(text).extraction)
        }
        // The safety net comes back as it was trained.
        for text in DangerCheckTests.netOnlyCandidates {
            #expect(restored.understanding.analyse(text).suspicion == sharedEngine.understanding.analyse(text).suspicion)
        }
    }

    @Test func aRulebookWithOtherCategoriesNeedsANewNet() throws {
        var writer = BinaryWriter()
        sharedEngine.write(to: &writer, key: 42)
        var reader = BinaryReader(writer.data)
        var fewer = rulebook
        fewer.categories.removeLast()
        #expect(throws: BinaryReader.Corrupt.self) { try PainChat(reading: &reader, key: 42, tokenizer: Tokenizer(), rulebook: fewer) }
    }

    @Test func corruptOrForeignCachesAreRejected() {
        var writer = BinaryWriter()
        sharedEngine.write(to: &writer, key: 42)
        var wrongKey = BinaryReader(writer.data)
        #expect(throws: BinaryReader.Corrupt.self) { try PainChat(reading: &wrongKey, key: 7, tokenizer: Tokenizer(), rulebook: rulebook) }
        var truncated = BinaryReader(writer.data.prefix(writer.data.count / 2))
        #expect(throws: BinaryReader.Corrupt.self) { try PainChat(reading: &truncated, key: 42, tokenizer: Tokenizer(), rulebook: rulebook) }
        var garbage = BinaryReader(Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        #expect(throws: BinaryReader.Corrupt.self) { try PainChat(reading: &garbage, key: 42, tokenizer: Tokenizer(), rulebook: rulebook) }
    }

    @Test func loadWritesACacheThenUsesIt() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = EngineCache(directory: directory)
        let bundle = PainChat.Bundle(root: projectRoot)
        _ = try PainChat.load(bundle: bundle, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(files[0]).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let key = try EngineSources.read(bundle).key
        #expect(cache.load(key: key, tokenizer: Tokenizer(), rulebook: rulebook) != nil)
        // A damaged cache file is ignored and the engine rebuilt.
        try Data("not an engine".utf8).write(to: directory.appendingPathComponent(files[0]))
        #expect(cache.load(key: key, tokenizer: Tokenizer(), rulebook: rulebook) == nil)
        _ = try PainChat.load(bundle: bundle, cache: cache)
        #expect(cache.load(key: key, tokenizer: Tokenizer(), rulebook: rulebook) != nil)
    }
}
