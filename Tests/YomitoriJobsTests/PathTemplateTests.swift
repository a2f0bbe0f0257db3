import Foundation
import Testing
import YomitoriJobs

@Suite("Path templates")
struct PathTemplateTests {
    @Test("expands the standard variables")
    func expand() throws {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let moment = Date(timeIntervalSince1970: 1_748_736_000)  // 2025-06-01 09:00 JST
        let variables = PathTemplate.variables(job: "juminhyo", run: "r1", at: moment, in: tokyo,
                                               fileName: "scan 001.PDF", seq: 7)
        #expect(try PathTemplate.expand("/out/{job}/{date}/{job}_{date}_{seq}.csv", variables: variables)
            == "/out/juminhyo/20250601/juminhyo_20250601_007.csv")
        #expect(try PathTemplate.expand("{time}-{run}-{name}", variables: variables) == "090000-r1-scan 001")
        #expect(PathTemplate.variables(job: "j", run: "r", at: moment, in: tokyo, seq: 1234)["seq"] == "1234")
        #expect(try PathTemplate.variables(in: "./done/{date}/{name}") == ["date", "name"])
    }

    @Test("values never add or climb folders", arguments: [
        ("../../etc/passwd", "____etc_passwd"),
        ("a/b", "a_b"),
        ("..", "_"),
        (".hidden", "_hidden"),
        ("-rf", "_rf"),
        ("line\nbreak", "line_break"),
        ("tab\there", "tab_here"),
        ("a\\b", "a_b"),
        ("quote\"d <x>|y?*:z", "quote_d _x__y___z"),
        ("trailing. . ", "trailing"),
        ("", "_"),
        ("山田 太郎", "山田 太郎"),
    ])
    func sanitise(_ value: String, _ expected: String) throws {
        #expect(PathTemplate.sanitize(value) == expected)
        let expanded = try PathTemplate.expand("/done/{name}", variables: ["name": value])
        #expect(expanded == "/done/" + expected)
        #expect(!expanded.dropFirst("/done/".count).contains("/"))
    }

    @Test("long values are cut at a character boundary")
    func longValues() {
        let long = String(repeating: "住", count: 100)  // 300 bytes
        let cut = PathTemplate.sanitize(long)
        #expect(cut.utf8.count == 120)
        #expect(cut == String(repeating: "住", count: 40))
    }

    @Test("errors: no value, bad braces")
    func errors() {
        #expect(throws: PathTemplateError.self) { try PathTemplate.expand("{seq}", variables: ["job": "j"]) }
        #expect(throws: PathTemplateError.self) { try PathTemplate.expand("{job", variables: ["job": "j"]) }
        #expect(throws: PathTemplateError.self) { try PathTemplate.expand("job}", variables: ["job": "j"]) }
        #expect(throws: PathTemplateError.self) { try PathTemplate.variables(in: "{a b}") }
    }
}

@Suite("Local network addresses for notify: post")
struct LocalNetworkAddressTests {
    @Test("allowed", arguments: [
        "http://192.168.1.10/hook", "https://10.0.0.5:8443/x", "http://172.16.0.1/", "http://172.31.255.255/",
        "http://127.0.0.1:9000/", "http://[::1]:8080/", "http://[fd12:3456::1]/", "http://[::ffff:192.168.0.1]/",
        "http://kikan-gw/hook", "http://localhost:8080/",
    ])
    func allowed(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(LocalNetworkAddress.problem(with: url) == nil)
    }

    @Test("refused", arguments: [
        "http://8.8.8.8/", "http://172.32.0.1/", "http://192.169.0.1/", "https://hooks.example.jp/x",
        "http://192.168.1.10.nip.io/", "http://2130706433/", "http://0x7f000001/", "http://010.0.0.1/",
        "http://[2001:db8::1]/", "http://[::ffff:8.8.8.8]/", "ftp://192.168.1.10/", "file:///etc/passwd",
        "http://0.0.0.0/", "http://169.254.169.254/",
    ])
    func refused(_ text: String) throws {
        let url = try #require(URL(string: text))
        #expect(LocalNetworkAddress.problem(with: url) != nil)
    }
}

@Suite("File name patterns")
struct GlobPatternTests {
    @Test("matches", arguments: [
        ("*.pdf", "scan.pdf", true), ("*.pdf", "SCAN.PDF", true), ("*.pdf", "scan.pdf.part", false),
        ("*.tif", "scan.tiff", false), ("*.tif*", "scan.tiff", true), ("scan??.png", "scan01.png", true),
        ("scan??.png", "scan1.png", false), ("[ab]*.jpg", "b1.jpg", true), ("[!ab]*.jpg", "a1.jpg", false),
        ("[0-9]*.pdf", "7.pdf", true), ("*.pdf", ".hidden.pdf", false), ("*", "住民票 (1).pdf", true),
        ("?.pdf", "住.pdf", true), ("*.pdf", "-rf.pdf", true), ("*a*b*c", "xaxxbxxc", true), ("*a*b*c", "xaxxcxxb", false),
    ])
    func matching(_ pattern: String, _ name: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(name) == expected)
    }

    @Test("an unclosed set is reported")
    func problems() {
        #expect(GlobPattern.problem(in: "[ab*.pdf") != nil)
        #expect(GlobPattern.problem(in: "[ab]*.pdf") == nil)
    }
}
