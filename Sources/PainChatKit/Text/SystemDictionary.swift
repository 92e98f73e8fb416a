import Foundation

/// The system's English word list (Debian's `wamerican`, at /usr/share/dict/words), read
/// only to keep the typo correctors off real words: "smiling" is not a misspelt
/// "soiling", nor "cancel" a misspelt "cancer". Without the list painchat still works,
/// guarded by the corpus's words and `CommonWords` alone.
public enum SystemDictionary {
    public static let defaultPath = "/usr/share/dict/words"

    /// The lower-case, letters-only words of the list at `path`; empty when it cannot be read.
    public static func words(at path: String = defaultPath) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let word = line.lowercased()
            return word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) ? word : nil
        }
    }
}
