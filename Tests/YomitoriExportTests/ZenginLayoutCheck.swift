import Testing

/// An independent check of a 総合振込 file against the published layout (jp-formats §1.1–1.5),
/// written from the layout tables rather than from the writer's code.
enum ZenginLayoutCheck {
    /// Every record 120 bytes of JIS X 0201 single bytes, CRLF after each or no breaks at all,
    /// record types 1, 2…, 8, 9 in order, N items digits, trailer count and total right.
    static func check(
        _ bytes: [UInt8], lineBreaks: Bool, expectedTotal: Int?, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let stride = lineBreaks ? 122 : 120
        try #require(bytes.count % stride == 0, "length \(bytes.count) is not a multiple of \(stride)",
                     sourceLocation: sourceLocation)
        var records: [ArraySlice<UInt8>] = []
        var offset = 0
        while offset < bytes.count {
            let record = bytes[offset..<(offset + 120)]
            if lineBreaks {
                #expect(bytes[offset + 120] == 0x0D && bytes[offset + 121] == 0x0A, "no CRLF after record \(records.count + 1)",
                        sourceLocation: sourceLocation)
            }
            #expect(!record.contains(0x0D) && !record.contains(0x0A), "line break inside record \(records.count + 1)",
                    sourceLocation: sourceLocation)
            #expect(record.allSatisfy { (0x20...0x7E).contains($0) || (0xA1...0xDF).contains($0) },
                    "record \(records.count + 1) has a byte outside JIS X 0201", sourceLocation: sourceLocation)
            records.append(record)
            offset += stride
        }
        let kinds = records.map { Character(UnicodeScalar($0[$0.startIndex])) }
        try #require(kinds.count >= 4, sourceLocation: sourceLocation)
        #expect(kinds.first == "1" && kinds.dropFirst().dropLast(2).allSatisfy { $0 == "2" }
                && kinds[kinds.count - 2] == "8" && kinds.last == "9", "record types \(String(kinds))",
                sourceLocation: sourceLocation)

        func field(_ record: ArraySlice<UInt8>, _ from: Int, _ to: Int) -> String {
            String(decoding: record[(record.startIndex + from - 1)...(record.startIndex + to - 1)], as: UTF8.self)
        }
        func isDigits(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { ("0"..."9").contains($0) } }

        let header = records[0]
        for (from, to) in [(2, 3), (4, 4), (5, 14), (55, 58), (59, 62), (78, 80), (96, 96), (97, 103)] {
            #expect(isDigits(field(header, from, to)), "header \(from)–\(to) not digits", sourceLocation: sourceLocation)
        }
        #expect(field(header, 4, 4) == "0", "コード区分 must be 0 (JIS)", sourceLocation: sourceLocation)
        #expect(field(header, 104, 120).allSatisfy { $0 == " " }, sourceLocation: sourceLocation)

        var total = 0
        let data = records.dropFirst().dropLast(2)
        for record in data {
            for (from, to) in [(2, 5), (21, 23), (39, 42), (43, 43), (44, 50), (81, 90), (91, 91)] {
                #expect(isDigits(field(record, from, to)), "data \(from)–\(to) not digits", sourceLocation: sourceLocation)
            }
            let edi = field(record, 113, 113) == "Y"
            #expect(edi || isDigits(field(record, 92, 111)), "顧客コード not digits", sourceLocation: sourceLocation)
            #expect(["1", "2", "4", "9"].contains(field(record, 43, 43)), sourceLocation: sourceLocation)
            #expect(field(record, 114, 120).allSatisfy { $0 == " " }, sourceLocation: sourceLocation)
            let amount = Int(field(record, 81, 90)) ?? 0
            #expect(amount >= 1, "振込金額 must be at least 1", sourceLocation: sourceLocation)
            total += amount
        }
        let trailer = records[records.count - 2]
        #expect(Int(field(trailer, 2, 7)) == data.count, "合計件数 \(field(trailer, 2, 7)) ≠ \(data.count)",
                sourceLocation: sourceLocation)
        #expect(Int(field(trailer, 8, 19)) == total, "合計金額 \(field(trailer, 8, 19)) ≠ \(total)",
                sourceLocation: sourceLocation)
        if let expectedTotal { #expect(total == expectedTotal, sourceLocation: sourceLocation) }
        #expect(field(trailer, 20, 120).allSatisfy { $0 == " " }, sourceLocation: sourceLocation)
        #expect(field(records[records.count - 1], 2, 120).allSatisfy { $0 == " " }, sourceLocation: sourceLocation)
    }
}
