/// Building HTML by hand: every value goes through ``escape(_:)``. Styles and script are served
/// by the station itself (`/assets/…`), never inline, so the Content-Security-Policy can forbid
/// inline script and every other origin.
enum HTML {
    /// Text safe inside element content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A whole page: `<html lang="ja">`, UTF-8, the station's styles, and an optional script.
    static func page(title: String, user: String?, csrf: String?, admin: Bool = false, body: String) -> String {
        var header = ""
        if let user, let csrf {
            header = """
                <header><span class="brand">読取 確認ステーション</span>
                <nav><a href="/queue">確認待ち一覧</a>\(admin ? " <a href=\"/admin/audit\">監査ログ</a>" : "")</nav>
                <span class="user">\(escape(user))</span>
                <form id="logout-form" method="post" action="/logout"><input type="hidden" name="csrf" value="\(escape(csrf))"><button id="logout" type="submit">ログアウト</button></form>
                </header>
                """
        }
        return """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) - 読取 確認</title>
            <link rel="stylesheet" href="/assets/review.css">
            <script src="/assets/review.js" defer></script>
            </head>
            <body>
            \(header)
            <main>
            \(body)
            </main>
            </body>
            </html>
            """
    }

    /// `/assets/review.css`.
    static let style = """
        body{font-family:"Noto Sans CJK JP","IPAexGothic",sans-serif;margin:0;background:#f5f5f2;color:#222}
        header{display:flex;gap:1em;align-items:center;background:#234;color:#fff;padding:.4em 1em}
        header a{color:#fff} header .brand{font-weight:bold} header form{margin-left:auto}
        main{padding:1em}
        .error,.field-error{color:#b00;font-weight:bold}
        #conflict{background:#fee;border:2px solid #b00;padding:1em}
        table{border-collapse:collapse;background:#fff} td,th{border:1px solid #ccc;padding:.3em .6em}
        .layout{display:flex;gap:1em;align-items:flex-start}
        .scan{position:relative;flex:0 0 45%;border:1px solid #999;background:#fff}
        .scan img{width:100%;display:block}
        .zone-box{position:absolute;border:3px solid #e33;background:rgba(255,60,60,.12)}
        .zone-box.current{border-color:#06c;background:rgba(0,100,255,.18)}
        .fields{flex:1}
        .field{background:#fff;border:1px solid #ccc;margin:0 0 .6em;padding:.5em}
        .field.doubtful{border-left:6px solid #e33}
        .field.accepted{border-left:6px solid #3a3;color:#555}
        .field .label{font-weight:bold} .crop{max-width:100%;display:block;border:1px solid #ddd;margin:.3em 0}
        .field input{font-size:1.3em;width:95%;padding:.2em}
        .reasons{margin:.2em 0;color:#a40}
        .keys{color:#555;font-size:.9em}
        button{font-size:1.1em;padding:.3em 1em}
        """
}
