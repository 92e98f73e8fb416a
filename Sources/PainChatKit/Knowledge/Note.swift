/// What a note is for; the kind of note an answer prefers follows the intent.
public enum NoteKind: String, CaseIterable, Sendable, Codable {
    case explanation
    case selfCare = "self-care"
    case condition
    case safety
}

/// One paragraph of a note: the unit painchat quotes and cites as `note-id#n`.
public struct Passage: Sendable, Equatable {
    public var noteID: String
    /// 1-based position within the note.
    public var number: Int
    public var text: String
    /// The `##` heading the paragraph sits under, if any.
    public var heading: String?
    /// 1-based line of the paragraph in its file.
    public var line: Int

    public var id: String { "\(noteID)#\(number)" }
}

/// One Markdown note of `Corpus/` with its front matter (SPEC §6).
public struct Note: Sendable, Equatable {
    public var id: String
    public var title: String
    public var kind: NoteKind
    public var regions: [String]
    public var muscles: [String]
    public var triggers: [String]
    /// What eases the pain the note is about (slot `relief` values).
    public var eases: [String] = []
    /// What that pain feels like (slot `quality` values).
    public var qualities: [String] = []
    public var sources: [String]
    public var file: String
    public var passages: [Passage]
}

/// All notes painchat answers from, in a stable order (by note id).
public struct Corpus: Sendable {
    public var notes: [Note]
    private var noteIndex: [String: Int]

    public init(notes: [Note]) {
        self.notes = notes.sorted { $0.id < $1.id }
        noteIndex = Dictionary(self.notes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func note(_ id: String) -> Note? { noteIndex[id].map { notes[$0] } }

    public var passageCount: Int { notes.reduce(0) { $0 + $1.passages.count } }
}
