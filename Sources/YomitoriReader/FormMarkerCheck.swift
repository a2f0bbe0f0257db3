import YomitoriOCR
import YomitoriVision
public import YomitoriTemplate
import YomitoriText

/// Whether text read from a form-marker zone shows the marker's text.
///
/// Forms of one office often share their ruling (転入届 and 転出届, 様式第5号 and 様式第6号): the
/// ruling registers a page to either template equally well, and only the printed title tells
/// them apart. The match is therefore strict where those titles differ:
/// - both texts are compared after NFKC with white space removed (titles printed with wide
///   letter spacing, 転 入 届, read with or without the spaces);
/// - the marker may appear anywhere in what was read (a zone drawn a little large picks up a
///   subtitle or a bracket);
/// - up to ``allowedEdits(for:)`` characters may be misread, dropped or added — none for a
///   marker of up to four characters, so 転入届 never matches 転出届 — and never a digit:
///   様式第5号 does not match 様式第6号 or 様式第15号.
public enum FormMarkerMatch {
    /// Edits allowed for a marker of this many characters (after normalising): 0 up to 4, then
    /// one more per four characters (住民票の写し等交付請求書, 12 characters: 2).
    public static func allowedEdits(for count: Int) -> Int {
        max(0, (count - 1) / 4)
    }

    /// The marker text as compared: NFKC, white space removed.
    public static func normalised(_ s: String) -> [Character] {
        Array(JapaneseText.nfkc(s).filter { !$0.isWhitespace })
    }

    /// Whether `read` contains `expected` with at most ``allowedEdits(for:)`` non-digit edits.
    public static func matches(expected: String, read: String) -> Bool {
        let pattern = normalised(expected), text = normalised(read)
        guard !pattern.isEmpty else { return false }
        let allowed = allowedEdits(for: pattern.count)
        return distance(pattern, within: text, giveUpAbove: allowed) <= allowed
    }

    /// The fewest edits turning `pattern` into some run of `text` (approximate substring match:
    /// the run may start and end anywhere). An edit that touches a digit costs more than
    /// `giveUpAbove`, so no allowed match changes a number.
    static func distance(_ pattern: [Character], within text: [Character], giveUpAbove limit: Int) -> Int {
        let expensive = limit + 1
        func cost(_ c: Character) -> Int { c.isASCII && c.isNumber ? expensive : 1 }
        // previous[j]: edits for the pattern so far against a run of text ending at j; a run may
        // start anywhere, so the empty pattern costs nothing at every j.
        var previous = [Int](repeating: 0, count: text.count + 1)
        var current = previous
        for p in pattern {
            current[0] = previous[0] + cost(p)
            for (j, t) in text.enumerated() {
                let substitute = previous[j] + (p == t ? 0 : max(cost(p), cost(t)))
                let dropped = previous[j + 1] + cost(p)  // in the marker, not read
                let added = current[j] + cost(t)  // read, not in the marker
                current[j + 1] = min(substitute, dropped, added)
            }
            swap(&previous, &current)
        }
        return previous.min() ?? pattern.count
    }
}

/// Looks for a template page's form marker on a registered scan: cuts its zone, cleans it as a
/// field zone is cleaned, and reads it with the Japanese model, then with the second Japanese
/// model if the first read does not show the marker. One recognition for a page of the form
/// (two when the first read misses), both counted as recognition time; on a page registered
/// region by region, two more with the zone grown when those miss.
struct FormMarkerReader {
    /// The models a marker is read with, in order; the second only when installed.
    static let languages = (first: "jpn", second: RecognitionProfile.secondJapaneseModel)

    let engines: EngineSet

    func found(_ marker: FormMarker, cutter: ZoneCutter) throws -> Bool {
        if try found(marker, cutter: cutter, padding: 0) { return true }
        // On a page registered region by region, a title above the table, far from any rule,
        // may take its neighbours' shift and be cut a millimetre off: look once more around it.
        guard cutter.shifts != nil else { return false }
        return try found(marker, cutter: cutter, padding: ContentRegistration.localShiftMM)
    }

    private func found(_ marker: FormMarker, cutter: ZoneCutter, padding: Double) throws -> Bool {
        let (zone, _) = cutter.cut(marker.zone, padding: padding)
        guard let image = ZonePreparation.prepare(zone).image else { return false }
        DebugZones.save(image, "form_marker")
        // A title may be spread over more than one line, or share its zone with a subtitle.
        let first = try engines.engine(for: Self.languages.first)
        if FormMarkerMatch.matches(expected: marker.text, read: first.recognize(image, mode: .singleBlock, detail: .text).text) {
            return true
        }
        guard let second = try? engines.engine(for: Self.languages.second) else { return false }
        return FormMarkerMatch.matches(expected: marker.text, read: second.recognize(image, mode: .singleBlock, detail: .text).text)
    }
}

/// For `yomitori template check`: each page's form marker looked for on that page's reference
/// image (the blank form), as it will be looked for on scans. A zone drawn beside the printed
/// title, or a text typed otherwise than printed, would send every page of the form to the error
/// folder as another form; this says so before the first scan.
public enum FormMarkerAudit {
    public struct Finding: Sendable, Equatable {
        /// Page index in the template.
        public var page: Int
        public var marker: String
        public var found: Bool
    }

    /// One finding per page with both a form marker and a reference image.
    /// - Throws: ``OCRError`` when a reference image cannot be read or the Japanese model is missing.
    public static func check(_ template: Template, engines: EngineSet = EngineSet()) throws -> [Finding] {
        var findings: [Finding] = []
        for (index, page) in template.pages.enumerated() {
            guard let marker = page.formMarker, let path = template.resolvedReferenceImage(for: page) else { continue }
            let reference = try ScanFile(path: path).page(0)
            let ppm = reference.dpi > 0 ? reference.dpi / 25.4 : Double(reference.width) / page.size.width
            let cutter = ZoneCutter(page: reference, transform: AffineTransform(a: ppm, b: 0, c: 0, d: ppm, tx: 0, ty: 0))
            let found = try FormMarkerReader(engines: engines).found(marker, cutter: cutter)
            findings.append(Finding(page: index, marker: marker.text, found: found))
        }
        return findings
    }
}
