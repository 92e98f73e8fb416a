import Foundation

/// Loads `Corpus/` (and any `--corpus` folders) into a `Corpus`.
public enum CorpusLoader {
    /// Every `.md` file of the folders, in name order. A missing folder or a malformed note
    /// fails with the first problem; `lint` reports them all.
    public static func load(from directories: [URL]) throws -> Corpus {
        let (notes, problems) = try read(directories)
        if let first = problems.first { throw first }
        return Corpus(notes: notes)
    }

    /// All notes that parse, and every problem found, including duplicate note ids and titles.
    public static func read(_ directories: [URL]) throws -> (notes: [Note], problems: [DataError]) {
        var notes: [Note] = []
        var problems: [DataError] = []
        var titles: [String: String] = [:]
        var ids: [String: String] = [:]
        for directory in directories {
            for file in try markdownFiles(in: directory) {
                let id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let text: String
                do { text = try IntentExamples.readText(file) } catch let error as DataError {
                    problems.append(error); continue
                }
                let (note, found) = NoteParser.parse(text: text, id: id, file: file)
                problems += found
                guard let note else { continue }
                if let other = ids[id] {
                    problems.append(DataError(file: file, problem: "note id '\(id)' is also used by \(other)",
                                              fix: "rename one of the files"))
                    continue
                }
                if let other = titles[note.title.lowercased()] {
                    problems.append(DataError(file: file, line: 2, problem: "title '\(note.title)' is also used by \(other)",
                                              fix: "give each note its own title"))
                }
                ids[id] = file
                titles[note.title.lowercased()] = file
                notes.append(note)
            }
        }
        return (notes, problems)
    }

    static func markdownFiles(in directory: URL) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DataError(file: directory.path, problem: "corpus folder not found",
                            fix: "pass --corpus with an existing folder of .md notes")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw DataError(file: directory.path, problem: "corpus folder cannot be read", fix: "check its permissions")
        }
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }
            .sorted().map { directory.appendingPathComponent($0).path }
    }
}
