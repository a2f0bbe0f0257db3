import Foundation
import YomitoriLedger
import YomitoriResults
import YomitoriReview
import YomitoriTemplate
import YomitoriText
import YomitoriVision

/// The station's HTML pages (Japanese), per the review-station contract: element ids and classes
/// are what the browser tests and the keyboard script rely on.
enum ReviewPages {
    static func login(error: String?) -> String {
        let message = error.map { "<p class=\"error\">\(HTML.escape($0))</p>" } ?? ""
        return HTML.page(title: "ログイン", user: nil, csrf: nil, body: """
            <h1>読取 確認ステーション</h1>
            \(message)
            <form id="login-form" method="post" action="/login">
            <p><label for="username">ユーザー名</label><br><input id="username" name="username" autocomplete="username" autofocus></p>
            <p><label for="password">パスワード</label><br><input id="password" name="password" type="password" autocomplete="current-password"></p>
            <p><button id="login" type="submit">ログイン</button></p>
            </form>
            """)
    }

    static func queue(_ entries: [ReviewQueueEntry], job: String?, session: Session, now: Date) -> String {
        var rows = ""
        for entry in entries {
            let name = (entry.originalPath as NSString).lastPathComponent
            let holder = entry.leasedBy.map { $0 == session.user ? "" : "\($0) が作業中" } ?? ""
            rows += """
                <tr class="queue-item" data-page="\(HTML.escape(entry.key.inputID)):\(entry.key.page)" data-job="\(HTML.escape(entry.job))">\
                <td class="job"><a href="/queue?job=\(HTML.escape(entry.job.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))">\(HTML.escape(entry.job))</a></td><td class="file">\(HTML.escape(name))</td>\
                <td class="page-number">\(entry.key.page + 1)</td><td class="age">\(age(since: entry.claimedAt, now: now))</td>\
                <td class="holder">\(HTML.escape(holder))</td>\
                <td><a class="open" href="\(pagePath(entry.key))">確認する</a></td></tr>

                """
        }
        let empty = entries.isEmpty ? "<p id=\"queue-empty\">確認待ちのページはありません。</p>" : ""
        let filter = job.map { "（業務: \(HTML.escape($0))）<a href=\"/queue\">すべて表示</a>" } ?? ""
        return HTML.page(title: "確認待ち一覧", user: session.user, csrf: session.csrf, admin: session.role == .administrator, body: """
            <h1>確認待ち一覧 \(filter)</h1>
            <p>\(entries.count) ページ。古い順に表示しています。</p>
            <table id="queue"><thead><tr><th>業務</th><th>ファイル</th><th>頁</th><th>待ち時間</th><th>作業中</th><th></th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            \(empty)
            """)
    }

    static func age(since: Date, now: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(since) / 60))
        if minutes < 60 { return "\(minutes)分" }
        if minutes < 48 * 60 { return "\(minutes / 60)時間" }
        return "\(minutes / 1440)日"
    }

    static func pagePath(_ key: PageKey) -> String {
        "/pages/\(key.inputID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? key.inputID)/\(key.page)"
    }

    /// The page view. `typed` and `problems` come back after a refused approval (422).
    static func page(
        _ view: ReviewPageView, image: PageImages.Rendered?, session: Session,
        typed: [String: String] = [:], problems: [String: [String]] = [:], retype: Set<String> = [],
        rejectError: String? = nil
    ) -> String {
        let base = pagePath(view.key)
        let name = (view.originalPath as NSString).lastPathComponent
        var boxes = ""
        if let image {
            for field in view.doubtfulFields {
                let z = field.zone
                // Percentages of the scan; the script places the box (inline styles are not allowed).
                func pct(_ v: Int, _ total: Int) -> String { String(format: "%.3f", Double(v) * 100 / Double(max(1, total))) }
                boxes += "<div class=\"zone-box\" data-field=\"\(HTML.escape(field.name))\" data-box=\"\(pct(z.x, image.width)) \(pct(z.y, image.height)) \(pct(z.width, image.width)) \(pct(z.height, image.height))\"></div>\n"
            }
        }
        var doubtful = ""
        for field in view.doubtfulFields {
            let spec = view.spec(field.name)
            let label = spec.map { $0.label.isEmpty ? field.name : "\($0.label)（\(field.name)）" } ?? field.name
            let doubleEntry = view.isDoubleEntry(field.name)
            let shown = field.sensitive ? field.masked() : field
            let readValue = doubleEntry ? "（二重入力: 読取値は表示しません）" : (shown.value.map { $0.isEmpty ? "（空欄）" : $0.string } ?? "（読めず）")
            let reasons = field.reasons.map { "<li>\(HTML.escape($0.ja))</li>" }.joined()
            let errors = (problems[field.name] ?? []).map {
                "<p class=\"field-error\" data-field=\"\(HTML.escape(field.name))\">\(HTML.escape($0))</p>"
            }.joined()
            let value: String = if retype.contains(field.name) || doubleEntry && typed[field.name] == nil {
                ""
            } else {
                typed[field.name] ?? field.value?.string ?? ""
            }
            doubtful += """
                <div class="field doubtful" data-field="\(HTML.escape(field.name))">
                <div class="label">\(HTML.escape(label))</div>
                <img class="crop" src="\(base)/crops/\(HTML.escape(field.name)).png" alt="\(HTML.escape(label))の読取範囲">
                <div>読取値: <span class="read-value">\(HTML.escape(readValue))</span></div>
                <ul class="reasons">\(reasons)</ul>
                \(errors)
                <input name="field.\(HTML.escape(field.name))" value="\(HTML.escape(value))" autocomplete="off"\(doubleEntry ? " data-double-entry" : "")>
                </div>

                """
        }
        var accepted = ""
        for field in view.acceptedFields {
            let spec = view.spec(field.name)
            let label = spec.map { $0.label.isEmpty ? field.name : "\($0.label)（\(field.name)）" } ?? field.name
            let shown = field.sensitive ? field.masked() : field
            let value = (shown.normalized ?? shown.value).map { $0.isEmpty ? "（空欄）" : $0.string } ?? "（空欄）"
            let errors = (problems[field.name] ?? []).map {
                "<p class=\"field-error\" data-field=\"\(HTML.escape(field.name))\">\(HTML.escape($0))</p>"
            }.joined()
            accepted += "<div class=\"field accepted\" data-field=\"\(HTML.escape(field.name))\"><span class=\"label\">\(HTML.escape(label))</span>: <span class=\"value\">\(HTML.escape(value))</span>\(errors)</div>\n"
        }
        let pageReasons = view.read.reasons.map { "<li>\(HTML.escape($0.ja))</li>" }.joined()
        let lease = view.heldBy.map { "<p id=\"lease-warning\" class=\"error\">\(HTML.escape($0)) さんがこのページを開いています。</p>" } ?? ""
        let closed = view.isWaiting ? "" : "<p id=\"conflict\">このページはすでに処理されています。<a href=\"/queue\">一覧へ戻る</a></p>"
        let rejectMessage = rejectError.map { "<p class=\"field-error\" data-field=\"reason\">\(HTML.escape($0))</p>" } ?? ""
        let csrf = HTML.escape(session.csrf)
        return HTML.page(title: "確認: \(name)", user: session.user, csrf: session.csrf, admin: session.role == .administrator, body: """
            \(closed)\(lease)
            <h1>\(HTML.escape(name)) <small>\(view.key.page + 1) ページ目・業務 \(HTML.escape(view.job))・様式 \(HTML.escape(view.read.template))</small></h1>
            \(pageReasons.isEmpty ? "" : "<ul class=\"reasons page-reasons\">\(pageReasons)</ul>")
            <p class="keys">Tab / Enter: 次の項目 ・ 最後の項目で Enter または Ctrl+Enter: 承認 ・ F9: 差し戻し理由へ（Enter で差し戻し）</p>
            <div class="layout">
            <div class="scan"><img id="page-image" src="\(base)/image.png" alt="登録済みのスキャン画像">
            \(boxes)</div>
            <div class="fields">
            <form id="page-form" method="post" action="\(base)/approve">
            <input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="version" value="\(view.version)">
            \(doubtful)
            <p><button id="approve" type="submit">承認する（Ctrl+Enter）</button></p>
            </form>
            <h2>読取済みの項目</h2>
            \(accepted)
            <form id="reject-form" method="post" action="\(base)/reject">
            <input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="version" value="\(view.version)">
            <p><label for="reject-reason">差し戻し理由（F9）</label><br><input id="reject-reason" name="reason" autocomplete="off">
            <button id="reject" type="submit">差し戻す</button></p>
            \(rejectMessage)
            </form>
            </div>
            </div>
            """)
    }

    static func conflict(session: Session, next: PageKey?) -> String {
        let link = next.map { "<a id=\"next\" href=\"\(pagePath($0))\">次のページへ</a>" } ?? "<a id=\"next\" href=\"/queue\">一覧へ戻る</a>"
        return HTML.page(title: "処理済み", user: session.user, csrf: session.csrf, admin: session.role == .administrator, body: """
            <p id="conflict">このページは他の確認者がすでに処理したか、表示後に変更されました。保存していません。</p>
            <p>\(link)</p>
            """)
    }

    static func message(_ title: String, _ text: String, session: Session?) -> String {
        HTML.page(title: title, user: session?.user, csrf: session?.csrf, body: "<h1>\(HTML.escape(title))</h1><p class=\"error\">\(HTML.escape(text))</p><p><a href=\"/queue\">一覧へ戻る</a></p>")
    }

    static func audit(_ entries: [AuditEntry], session: Session) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = JapaneseDate.japanStandardTime
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var rows = ""
        for e in entries {
            let page = e.page.map { "\($0.inputID):\($0.page)" } ?? ""
            rows += """
                <tr class="audit-entry"><td class="time">\(formatter.string(from: e.time))</td><td class="user">\(HTML.escape(e.user))</td>\
                <td class="page">\(HTML.escape(page))</td><td class="field">\(HTML.escape(e.field ?? ""))</td>\
                <td class="from">\(HTML.escape(e.from ?? ""))</td><td class="to">\(HTML.escape(e.to ?? ""))</td>\
                <td class="action">\(HTML.escape(e.action))</td><td class="detail">\(HTML.escape(e.detail))</td></tr>

                """
        }
        return HTML.page(title: "監査ログ", user: session.user, csrf: session.csrf, admin: session.role == .administrator, body: """
            <h1>監査ログ（新しい順）</h1>
            <table id="audit"><thead><tr><th>日時</th><th>ユーザー</th><th>ページ</th><th>項目</th><th>変更前</th><th>変更後</th><th>操作</th><th>詳細</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            """)
    }
}
