import Foundation
import PainChatKit

/// Terminal facts and output helpers for the executable.
enum Console {
    static var stdinIsTerminal: Bool { isatty(0) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    static var useColor: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The width of the terminal on stdout, or 80 when it is not a terminal.
    static var width: Int {
        var size = winsize()
        if stdoutIsTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
            return min(Int(size.ws_col) - 1, 100)
        }
        return 80
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((ReplyRenderer.clean(message) + "\n").utf8))
    }

    /// Writes to stdout; returns false when stdout is closed (a pipe reader went away).
    @discardableResult
    static func write(_ text: String) -> Bool {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { Foundation.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
