@preconcurrency import CReadline
import Foundation

/// What one read from the terminal produced.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-C: the line was cleared; keep going.
    case interrupted
    /// Ctrl-D on an empty line, or end of input.
    case endOfInput
}

/// GNU readline behind a small Swift surface: a prompt with line editing, history kept in a
/// file, and Tab completion of a fixed set of words. The only code in painchat that
/// touches readline or C pointers.
public final class LineEditor {
    private let historyFile: String?

    /// Read by readline's C callbacks, which cannot capture Swift context.
    nonisolated(unsafe) static var completionWords: [String] = []
    nonisolated(unsafe) static var interruptFlag: sig_atomic_t = 0
    /// Set by SIGTERM or SIGHUP: save history and leave.
    nonisolated(unsafe) static var terminateFlag: sig_atomic_t = 0
    /// True while readline owns the terminal; a Ctrl-C outside it ends the program.
    nonisolated(unsafe) static var reading: sig_atomic_t = 0
    nonisolated(unsafe) static var historyPath: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var completionIndex = 0

    /// - Parameters:
    ///   - historyFile: loaded now and written by `saveHistory()`; nil keeps no history.
    ///   - completions: words Tab completes at the start of the line (e.g. `/help`).
    public init(name: String, historyFile: String?, completions: [String]) {
        self.historyFile = historyFile
        LineEditor.completionWords = completions
        painchat_rl_set_name(strdup(name))
        painchat_rl_set_completion(LineEditor.complete)
        // readline's own signal handling re-raises SIGINT and kills the process before
        // history is saved; we handle SIGINT ourselves and clear the line from the hook.
        painchat_rl_set_catch_signals(0)
        painchat_rl_set_signal_event_hook(LineEditor.signalHook)
        signal(SIGINT) { _ in
            if LineEditor.reading == 0 { LineEditor.terminateFlag = 1 } else { LineEditor.interruptFlag = 1 }
        }
        signal(SIGTERM) { _ in LineEditor.terminateFlag = 1 }
        signal(SIGHUP) { _ in LineEditor.terminateFlag = 1 }
        LineEditor.historyPath = historyFile.map { strdup($0) }
        using_history()
        if let historyFile {
            // ENOENT on the first run is expected; any other failure only loses old history.
            _ = read_history(historyFile)
        }
    }

    /// Reads one line with the prompt.
    public func readLine(prompt: String) -> LineInput {
        LineEditor.interruptFlag = 0
        if LineEditor.terminateFlag != 0 { return .endOfInput }
        LineEditor.reading = 1
        let raw = readline(prompt)
        LineEditor.reading = 0
        if LineEditor.terminateFlag != 0 { if let raw { free(raw) }; return .endOfInput }
        guard let raw else {
            if LineEditor.interruptFlag != 0 { LineEditor.interruptFlag = 0; return .interrupted }
            return .endOfInput
        }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return .line(line)
    }

    /// Writes the history file (owner-only permissions are set by the caller's directory
    /// and re-applied here).
    @discardableResult
    public func saveHistory(limit: Int32 = 1000) -> Bool {
        guard let historyFile else { return true }
        let result = write_history(historyFile)
        history_truncate_file(historyFile, limit)
        chmod(historyFile, 0o600)
        return result == 0
    }

    /// Whether a termination signal (or a Ctrl-C outside the prompt) has asked to leave.
    public static var terminationRequested: Bool { terminateFlag != 0 }

    /// Called by readline while it waits for input when a signal has arrived.
    private static let signalHook: @convention(c) () -> Int32 = {
        if LineEditor.terminateFlag != 0 {
            // Leave from inside readline: restore the terminal, keep the history, exit.
            rl_cleanup_after_signal()
            if let path = LineEditor.historyPath {
                write_history(path)
                chmod(path, 0o600)
            }
            _exit(0)
        }
        if LineEditor.interruptFlag != 0 {
            LineEditor.interruptFlag = 0
            rl_free_line_state()
            rl_replace_line("", 0)
            rl_crlf()
            rl_on_new_line()
            rl_redisplay()
        }
        return 0
    }

    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        painchat_rl_set_completion_over(1)
        guard start == 0 else { return nil }
        return rl_completion_matches(text, LineEditor.generator)
    }

    private static let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { text, state in
        if state == 0 { LineEditor.completionIndex = 0 }
        let prefix = text.map { String(cString: $0) } ?? ""
        while LineEditor.completionIndex < LineEditor.completionWords.count {
            let word = LineEditor.completionWords[LineEditor.completionIndex]
            LineEditor.completionIndex += 1
            if word.hasPrefix(prefix) { return strdup(word) }
        }
        return nil
    }
}
