import Testing
import YomitoriText

/// The normalised value, or the error code.
func outcome(_ result: Result<String, FormatError>) -> String {
    switch result {
    case .success(let value): value
    case .failure(let error): "error:\(error.code.rawValue)"
    }
}

@Suite("MyNumber 個人番号")
struct MyNumberTests {
    @Test(arguments: [
        ("123456789018", "123456789018"),
        ("621498320257", "621498320257"),
        ("987654321093", "987654321093"),
        ("111111111118", "111111111118"),
        ("100000000030", "100000000030"),
        ("6214 9832 0257", "621498320257"),
        ("6214-9832-0257", "621498320257"),
        ("６２１４\u{3000}９８３２\u{3000}０２５７", "621498320257"),
        ("123456789012", "error:checkDigitMismatch"),
        ("621498320258", "error:checkDigitMismatch"),
        ("6214 9832 025X", "error:invalidCharacter"),
        ("12345678901", "error:wrongLength"),
        ("1234567890123", "error:wrongLength"),
        ("000000000000", "error:reservedValue"),
        ("", "error:empty"),
        (" - ", "error:empty"),
    ])
    func validate(input: String, expected: String) {
        #expect(outcome(MyNumber.validate(input)) == expected)
        #expect(MyNumber.isValid(input) == !expected.hasPrefix("error:"))
    }

    @Test(arguments: [("12345678901", 8), ("62149832025", 7), ("98765432109", 3), ("11111111111", 8), ("10000000003", 0), ("00000000000", 0)])
    func checkDigit(base: String, digit: Int) {
        #expect(MyNumber.checkDigit(for: base) == digit)
    }

    @Test func checkDigitRejectsMalformedBase() {
        #expect(MyNumber.checkDigit(for: "1234567890") == nil)
        #expect(MyNumber.checkDigit(for: "1234567890a") == nil)
        #expect(MyNumber.checkDigit(for: "１２３４５６７８９０１") == nil)
    }

    @Test func masked() {
        #expect(MyNumber.masked("621498320257") == "********0257")
        #expect(MyNumber.masked("6214 9832 0257") == "********0257")
        #expect(MyNumber.masked("123") == "***")
        #expect(MyNumber.masked("") == "")
    }

    @Test func errorsNeverContainTheNumber() {
        for input in ["621498320258", "6214 9832 025X", "12345678901"] {
            guard case .failure(let error) = MyNumber.validate(input) else {
                Issue.record("must fail")
                continue
            }
            #expect(!error.description.contains("6214"))
            #expect(!error.description.contains("2345"))
        }
    }
}

@Suite("CorporateNumber 法人番号")
struct CorporateNumberTests {
    @Test(arguments: [
        ("7123456789012", "7123456789012"),
        ("5835678256246", "5835678256246"),
        ("4011001098993", "4011001098993"),
        ("1180301018771", "1180301018771"),
        ("7000012050002", "7000012050002"),
        ("8000020130001", "8000020130001"),
        ("5-8356-7825-6246", "5835678256246"),
        ("５８３５６７８２５６２４６", "5835678256246"),
        ("2835678256246", "error:checkDigitMismatch"),
        ("0123456789012", "error:checkDigitMismatch"),
        ("9000000000000", "error:reservedValue"),
        ("123456789012", "error:wrongLength"),
        ("71234567890123", "error:wrongLength"),
        ("T7123456789012", "error:invalidCharacter"),
    ])
    func validate(input: String, expected: String) {
        #expect(outcome(CorporateNumber.validate(input)) == expected)
        #expect(CorporateNumber.isValid(input) == !expected.hasPrefix("error:"))
    }

    @Test(arguments: [("123456789012", 7), ("835678256246", 5), ("011001098993", 4), ("180301018771", 1), ("000000000000", 9)])
    func checkDigit(base: String, digit: Int) {
        #expect(CorporateNumber.checkDigit(for: base) == digit)
    }

    @Test func checkDigitIsNeverZero() {
        for n in stride(from: 0, to: 1_000_000_000_000, by: 7_919_113_333) {
            let base = String(n).leftPadded(to: 12)
            #expect((1...9).contains(CorporateNumber.checkDigit(for: base) ?? 0))
        }
        #expect(CorporateNumber.checkDigit(for: "12345") == nil)
    }
}

@Suite("LocalGovernmentCode 地方公共団体コード")
struct LocalGovernmentCodeTests {
    @Test(arguments: ["010006", "130001", "011002", "141003", "131041", "131121", "131130", "134210", "401307", "472115"])
    func publishedCodes(code: String) {
        #expect(LocalGovernmentCode.validate(code) == .success(code))
        #expect(LocalGovernmentCode.checkDigit(for: String(code.prefix(5))) == Int(String(code.last ?? " ")))
    }

    @Test(arguments: [
        ("131040", "error:checkDigitMismatch"),
        ("131131", "error:checkDigitMismatch"),
        ("13104", "error:wrongLength"),
        ("481009", "error:invalidFormat"),
        ("001007", "error:invalidFormat"),
        ("１３１０４１", "131041"),
        ("13104-1", "131041"),
    ])
    func validate(input: String, expected: String) {
        #expect(outcome(LocalGovernmentCode.validate(input)) == expected)
    }
}

@Suite("PostalCode 郵便番号")
struct PostalCodeTests {
    @Test(arguments: [
        ("1234567", "1234567"),
        ("123-4567", "1234567"),
        ("〒123-4567", "1234567"),
        ("〒 123-4567", "1234567"),
        ("〒１２３－４５６７", "1234567"),
        ("１２３ー４５６７", "1234567"),
        ("123‐4567", "1234567"),
        ("123−4567", "1234567"),
        ("〶100-0001", "1000001"),
        ("12-34567", "error:invalidFormat"),
        ("123--4567", "error:invalidFormat"),
        ("123-456", "error:wrongLength"),
        ("12345678", "error:wrongLength"),
        ("T123-4567", "error:invalidCharacter"),
        ("〒", "error:empty"),
    ])
    func validate(input: String, expected: String) {
        #expect(outcome(PostalCode.validate(input)) == expected)
        #expect(PostalCode.isValid(input) == !expected.hasPrefix("error:"))
    }

    @Test func formatted() {
        #expect(PostalCode.formatted("〒１００００１３") == "100-0013")
        #expect(PostalCode.formatted("100-0013") == "100-0013")
        #expect(PostalCode.formatted("100") == nil)
    }
}

@Suite("PhoneNumber 電話番号")
struct PhoneNumberTests {
    @Test(arguments: [
        ("03-1234-5678", "03-1234-5678", PhoneNumber.Kind.landline),
        ("0312345678", "0312345678", .landline),
        ("011-234-5678", "011-234-5678", .landline),
        ("0467-12-3456", "0467-12-3456", .landline),
        ("09912-3-4567", "09912-3-4567", .landline),
        ("03(1234)5678", "03-1234-5678", .landline),
        ("(03)1234-5678", "03-1234-5678", .landline),
        ("03 1234 5678", "03-1234-5678", .landline),
        ("０３－１２３４－５６７８", "03-1234-5678", .landline),
        ("03−1234−5678", "03-1234-5678", .landline),
        ("03‐1234‐5678", "03-1234-5678", .landline),
        ("03ー1234ー5678", "03-1234-5678", .landline),
        ("03-12-345678", "0312345678", .landline),
        ("0312-345678", "0312345678", .landline),
        ("090-1234-5678", "090-1234-5678", .mobile),
        ("08012345678", "08012345678", .mobile),
        ("070-1234-5678", "070-1234-5678", .mobile),
        ("0901-234-5678", "09012345678", .mobile),
        ("050-1234-5678", "050-1234-5678", .ipPhone),
        ("0120-123-456", "0120-123-456", .tollFree),
        ("0120-12-3456", "0120-12-3456", .tollFree),
        ("0120123456", "0120123456", .tollFree),
        ("0800-123-4567", "0800-123-4567", .tollFree),
        ("0570-064-123", "0570-064-123", .navidial),
        ("+81 3-1234-5678", "03-1234-5678", .landline),
        ("+81 (0)90 1234 5678", "090-1234-5678", .mobile),
        ("+81-90-1234-5678", "090-1234-5678", .mobile),
    ])
    func valid(input: String, expected: String, kind: PhoneNumber.Kind) {
        #expect(PhoneNumber.validate(input) == .success(expected))
        #expect(PhoneNumber.kind(of: input) == kind)
        // The grouping kept is consistent; bare digits are the number unsplit or split oddly.
        let grouping = PhoneNumber.grouping(of: input)
        if expected.contains("-") {
            #expect(grouping == .consistent)
        } else {
            #expect(grouping == (input.contains(where: { !$0.isNumber }) ? .inconsistent : PhoneNumber.Grouping.none), "\(input)")
        }
    }

    @Test("The grouping of a number: none, one numbers of its kind are written with, or another")
    func grouping() {
        #expect(PhoneNumber.grouping(of: "0312345678") == PhoneNumber.Grouping.none)
        #expect(PhoneNumber.grouping(of: "03-1234-5678") == .consistent)
        #expect(PhoneNumber.grouping(of: "01456-2-1234") == .consistent, "a 5-digit 市外局番")
        #expect(PhoneNumber.grouping(of: "070-83183793") == .inconsistent, "a hyphen lost (070-8316-3793)")
        #expect(PhoneNumber.grouping(of: "042616-0527") == .inconsistent, "a hyphen lost (042-516-0527)")
        #expect(PhoneNumber.grouping(of: "090-1234-56-78") == .inconsistent)
        #expect(PhoneNumber.grouping(of: "090-1234-567") == nil, "not a number")
    }

    @Test(arguments: [
        ("0800123456", "error:invalidFormat"),
        ("0901234567", "error:invalidFormat"),
        ("0501234567", "error:invalidFormat"),
        ("02012345678", "error:invalidFormat"),
        ("06012345678", "error:invalidFormat"),
        ("03123456789", "error:invalidFormat"),
        ("0312345", "error:wrongLength"),
        ("090123456789", "error:wrongLength"),
        ("04992123456", "error:invalidFormat"),
        ("3-1234-5678", "error:invalidFormat"),
        ("0012345678", "error:invalidFormat"),
        ("03-1234-5678 内線12", "error:invalidCharacter"),
        ("", "error:empty"),
    ])
    func invalid(input: String, expected: String) {
        #expect(outcome(PhoneNumber.validate(input)) == expected)
        #expect(!PhoneNumber.isValid(input))
        #expect(PhoneNumber.kind(of: input) == nil)
    }
}

@Suite("EmailAddress メールアドレス")
struct EmailAddressTests {
    @Test(arguments: [
        ("yamada@example.jp", "yamada@example.jp"),
        ("Taro.Yamada+form@Example.CO.JP", "Taro.Yamada+form@example.co.jp"),
        ("ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ", "yamada@example.jp"),
        ("  yamada@example.jp\u{3000}", "yamada@example.jp"),
        ("a_b-c@mail.city.example.lg.jp", "a_b-c@mail.city.example.lg.jp"),
        ("yamada @example.jp", "error:invalidCharacter"),
        ("山田@example.jp", "error:invalidCharacter"),
        ("yamada..taro@example.jp", "error:invalidFormat"),
        (".yamada@example.jp", "error:invalidFormat"),
        ("yamada.@example.jp", "error:invalidFormat"),
        ("yamada@example..jp", "error:invalidFormat"),
        ("yamada@example", "error:invalidFormat"),
        ("yamada@example.j", "error:invalidFormat"),
        ("yamada@example.123", "error:invalidFormat"),
        ("yamada@-example.jp", "error:invalidFormat"),
        ("yamada@exa_mple.jp", "error:invalidFormat"),
        ("yamada", "error:invalidFormat"),
        ("yamada@@example.jp", "error:invalidFormat"),
        ("a@b@example.jp", "error:invalidFormat"),
        ("@example.jp", "error:invalidFormat"),
        ("yamada(at)example.jp", "error:invalidFormat"),
        ("", "error:empty"),
    ])
    func validate(input: String, expected: String) {
        #expect(outcome(EmailAddress.validate(input)) == expected)
        #expect(EmailAddress.isValid(input) == !expected.hasPrefix("error:"))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
