import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder of static pages served on a free loopback port by Python's `http.server` (a child process,
/// killed by `stop()`): something real for the WebDriver client to browse before the review station exists.
final class StaticSite: @unchecked Sendable {
    let folder: URL
    let port: Int
    private let process: Process

    var base: String { "http://127.0.0.1:\(port)" }

    init(pages: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("static-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, html) in pages {
            try html.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: " port ") {
                found = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
            if found == nil { usleep(50_000) }
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "python3 http.server did not start"])
        }
        port = found
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }

    /// A form with two inputs and the review station's keys: Tab/Enter move on, Enter in the last input or
    /// Ctrl+Enter submits, F9 goes to the reason. Key presses are logged into `#log`.
    static let keyboardPage = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>キー操作</title></head>
        <body>
        <form id="page-form" action="done.html" method="get">
          <input id="a" name="a"><input id="b" name="b"><input id="reason" name="reason">
          <button id="go" type="submit">承認</button>
        </form>
        <ol id="log"></ol>
        <script>
        const order = ["a", "b"];
        document.addEventListener("keydown", (e) => {
          const li = document.createElement("li");
          li.textContent = (e.ctrlKey ? "Ctrl+" : "") + e.key;
          document.getElementById("log").appendChild(li);
          const i = order.indexOf(document.activeElement.id);
          if (e.key === "F9") { e.preventDefault(); document.getElementById("reason").focus(); }
          else if (e.key === "Enter" && (e.ctrlKey || i === order.length - 1)) {
            e.preventDefault(); document.getElementById("page-form").submit();
          } else if (e.key === "Enter" && i >= 0) {
            e.preventDefault(); document.getElementById(order[i + 1]).focus();
          }
        });
        document.cookie = "visited=" + Date.now() + "; SameSite=Strict";
        </script>
        </body></html>
        """

    static let donePage = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>完了</title></head>
        <body><p id="done">送信しました</p></body></html>
        """
}
