import Foundation

/// A problem in data the user can edit (`Intents/`, `Corpus/`, `.dialog` scripts) or in
/// a path given on the command line. Each names the file (and line) and the fix.
public struct DataError: LocalizedError, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var problem: String
    public var fix: String

    public init(file: String, line: Int? = nil, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    public var location: String { line.map { "\(file):\($0)" } ?? file }

    public var errorDescription: String? { "\(location): \(problem); \(fix)" }
}
