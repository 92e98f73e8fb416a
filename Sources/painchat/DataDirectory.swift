import Foundation
import PainChatKit

/// Where painchat keeps the person's own data (readline history): `--data-dir`, else
/// `PAINCHAT_HOME`, else `$XDG_DATA_HOME/painchat`, else `~/.local/share/painchat`.
/// Created owner-only (0700); files in it are 0600.
struct DataDirectory {
    let url: URL

    static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag) }
        if let home = environment["PAINCHAT_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("painchat")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/painchat")
    }

    /// Creates the folder if needed and tightens its permissions to 0700.
    static func prepare(_ url: URL) throws -> DataDirectory {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: url.path)
        } catch {
            throw DataError(file: url.path, problem: "cannot create the data directory",
                            fix: "pass --data-dir with a folder you can write, or set PAINCHAT_HOME")
        }
        return DataDirectory(url: url)
    }

    var historyFile: URL { url.appendingPathComponent("history") }
}
