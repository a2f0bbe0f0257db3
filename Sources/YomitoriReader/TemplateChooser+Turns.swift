public import YomitoriVision
import YomitoriTemplate

extension TemplateChooser {
    /// A choice made on the scan turned clockwise by `degrees` (0 when the page was upright).
    public struct TurnedChoice: Sendable {
        public var choice: Choice
        /// The scan as registered: turned by `degrees`. Zones are cut from this image.
        public var image: GrayImage
        public var degrees: Int
        /// Every turn tried, in order (0 first).
        public var degreesTried: [Int]
    }

    /// A match score at or above which a page's orientation is not questioned. Upright pages of
    /// the right form score 0.76–1.00 (the samples, clean and degraded); upside-down pages score
    /// at most 0.45 against any of the three sample forms.
    public static let uprightScore = 0.7

    /// Chooses as ``choose(_:)`` does, and for a page that does not match well as it lies, tries it
    /// upside down and sideways too: a sheet fed the wrong way up into the scanner, or a portrait
    /// form laid landscape on the glass.
    ///
    /// The page as scanned is tried first; a turn is taken only when it reaches
    /// ``minimumMatchScore`` and beats the page as scanned, so a poor scan of an upright form is
    /// not turned by chance. Turns stop at the first that scores ``uprightScore``. A landscape
    /// scan of portrait forms (or the reverse) tries the quarter turns before the half turn.
    /// Upright pages pay nothing: pixels are turned only for a page that needs the tries.
    public func chooseTurning(_ scan: GrayImage) -> TurnedChoice {
        let asScanned = choose(scan)
        var tried = [0]
        if let best = asScanned.best, best.registration.matchScore >= Self.uprightScore {
            return TurnedChoice(choice: asScanned, image: scan, degrees: 0, degreesTried: tried)
        }
        let pages = templates.flatMap(\.template.pages)
        let scanLandscape = scan.width > scan.height
        let sideways = !pages.isEmpty && pages.allSatisfy { ($0.size.width > $0.size.height) != scanLandscape }
        var taken = TurnedChoice(choice: asScanned, image: scan, degrees: 0, degreesTried: tried)
        var takenScore = asScanned.best?.registration.matchScore ?? 0
        for degrees in sideways ? [90, 270, 180] : [180, 90, 270] {
            let image = scan.turned(clockwise: degrees)
            let choice = choose(image)
            tried.append(degrees)
            guard let score = choice.best?.registration.matchScore,
                  score >= minimumMatchScore, score > takenScore else { continue }
            taken = TurnedChoice(choice: choice, image: image, degrees: degrees, degreesTried: tried)
            takenScore = score
            if score >= Self.uprightScore { break }
        }
        taken.degreesTried = tried
        return taken
    }
}
