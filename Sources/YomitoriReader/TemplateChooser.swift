import Foundation
import YomitoriTemplate
public import YomitoriValidation
public import YomitoriVision

/// Finds which template page a scan shows and registers the scan to it, cheapest test first.
///
/// Registering by marks costs about a millisecond; registering by the printed ruling costs tens.
/// So the chooser goes in stages and stops at the first stage that yields a page scoring at least
/// ``minimumMatchScore``:
/// 1. every template page with registration marks, by its marks (pages with the same marks share
///    one search), scored against its reference image;
/// 2. template pages without marks, by content;
/// 3. template pages whose marks were not found, by content (a marks form with a damaged mark);
/// 4. the pages of stages 2 and 3 again, by content with the skew searched up to
///    ``ContentRegistration/widestSkewDegrees`` instead of ``ContentRegistration/usualSkewDegrees``
///    (a sheet laid crooked on the glass; only pages nothing else matched pay for the wider
///    search: a page of no known form, tried four ways round, took 422 ms instead of 382 ms).
///
/// Then, when even the best match is poor, region by region: a sheet that slipped in the feeder
/// or curled fits no single registration (``refinedLocally(_:on:)``).
///
/// Within the stage that decides, the highest match score wins, as when every template is tried;
/// ``Choice/registered`` keeps the others, for ``FormReader`` to check form markers when pages
/// share their ruling.
/// A page no template matches is an outcome (``Choice/best`` below the minimum or `nil`), not a
/// thrown error.
public struct TemplateChooser: Sendable {
    /// One registration tried, for diagnostics and benchmarks.
    public struct Attempt: Sendable {
        public var template: String
        public var pageIndex: Int
        /// `marks`, `content`, or `failed`.
        public var method: String
        /// Match score when registered, else `nil`.
        public var score: Double?
        public var marksSeconds = 0.0
        public var contentSeconds = 0.0
        public var scoreSeconds = 0.0
        /// Whether the mark search was shared with an earlier template page with the same marks.
        public var sharedMarks = false
        public var seconds: Double { marksSeconds + contentSeconds + scoreSeconds }
    }

    /// The outcome of choosing: the best registration found and every attempt made.
    public struct Choice: Sendable {
        public typealias Registered = (template: PreparedTemplate, pageIndex: Int, registration: RegistrationResult)
        /// Every registration made, highest match score first (ties in the order tried): the
        /// reader checks form markers down this list when several pages share their ruling.
        public var registered: [Registered] = []
        /// The highest match score (the first tried of equal ones).
        public var best: Registered? { registered.first }
        /// Highest match score per template id among the attempts (0 when it could not be registered).
        public var scores: [String: Double]
        /// Why registrations failed, per template, for the error text (no page content).
        public var problems: [String]
        public var attempts: [Attempt]
    }

    public let templates: [PreparedTemplate]
    /// Lowest match score for a page to be taken as a template's form (ends the search early).
    public var minimumMatchScore: Double

    public init(templates: [PreparedTemplate], minimumMatchScore: Double = DecisionPolicy.defaultMinimumMatchScore) {
        self.templates = templates
        self.minimumMatchScore = minimumMatchScore
    }

    private struct Slot {
        var template: PreparedTemplate
        var pageIndex: Int
        var registrar: PageRegistrar
        var marksKey: MarksKey?
    }

    private struct RulingKey: Hashable {
        var pageWidthMM: Double
        var maxSkewDegrees: Double
    }

    private struct MarksKey: Hashable {
        var marks: [RectMM]
        var width: Double, height: Double
    }

    /// Chooses by the stages above; then, when the best match is under ``wellMatchedScore``,
    /// looks for regions of the page lying off the registration (``refinedLocally(_:on:)``).
    public func choose(_ scan: GrayImage) -> Choice {
        refinedLocally(chooseRegistering(scan), on: scan)
    }

    /// A best match score at or above which the page is taken to lie as its registration puts
    /// it. Pages of the right form score 0.88 or more when flat (the holdouts, clean and
    /// degraded); a sheet that slipped in the feeder or curled by a millimetre, 0.23–0.84.
    public static let wellMatchedScore = 0.85
    /// Local shifts are kept only when they raise a match score by this much…
    public static let localShiftGain = 0.05
    /// …and to this. With shifts, slipped and curled pages of the right form scored 0.88–0.99;
    /// pages of another form gained at most 0.19, and none reached 0.58.
    public static let localShiftScore = 0.75
    /// Registrations scoring under this are not tried with local shifts when no page decided:
    /// pages of other forms and upside-down pages score 0.1–0.5 against the sample templates;
    /// a page curled by a millimetre, 0.23 or more.
    public static let localShiftFloor = 0.2

    /// Tries local shifts (``ContentRegistration/localShifts(scan:transform:)``) for the
    /// registration taken, when it scores under ``wellMatchedScore``; when none reached
    /// ``minimumMatchScore``, for every registration scoring ``localShiftFloor`` or more, so a
    /// slipped page of the form can still be chosen. A registration keeps the shifts and their
    /// score when they raise its score by ``localShiftGain`` and to ``localShiftScore``; zones
    /// are then cut shifted. Flat pages pay nothing (about 2 ms a registration tried).
    func refinedLocally(_ choice: Choice, on scan: GrayImage) -> Choice {
        guard let best = choice.best, best.registration.matchScore < Self.wellMatchedScore else { return choice }
        let decided = decides(choice, slotCount: templates.reduce(0) { $0 + $1.registrars.count })
        var choice = choice
        var refined: [Choice.Registered] = []
        for (index, entry) in choice.registered.enumerated() {
            var entry = entry
            let tried = decided ? index == 0 : entry.registration.matchScore >= Self.localShiftFloor
            if tried, let content = entry.template.registrars[entry.pageIndex].content {
                let shifts = content.localShifts(scan: scan, transform: entry.registration.transform)
                let score = content.matchScore(scan: scan, transform: entry.registration.transform, shifts: shifts)
                if score >= max(Self.localShiftScore, entry.registration.matchScore + Self.localShiftGain) {
                    entry.registration.matchScore = score
                    entry.registration.localShifts = shifts
                    choice.scores[entry.template.id] = max(choice.scores[entry.template.id] ?? 0, score)
                }
            }
            let place = refined.firstIndex { $0.registration.matchScore < entry.registration.matchScore } ?? refined.endIndex
            refined.insert(entry, at: place)
        }
        choice.registered = refined
        return choice
    }

    private func chooseRegistering(_ scan: GrayImage) -> Choice {
        var slots: [Slot] = []
        for t in templates {
            for (index, registrar) in t.registrars.enumerated() {
                let page = t.template.pages[index]
                let key = page.registration.marks.isEmpty
                    ? nil : MarksKey(marks: page.registration.marks, width: page.size.width, height: page.size.height)
                slots.append(Slot(template: t, pageIndex: index, registrar: registrar, marksKey: key))
            }
        }
        var choice = Choice(scores: [:], problems: [], attempts: [])
        func consider(_ slot: Slot, _ result: RegistrationResult, _ attempt: inout Attempt) {
            var result = result
            if let content = slot.registrar.content {
                let t0 = Self.now()
                result.matchScore = content.matchScore(scan: scan, transform: result.transform)
                attempt.scoreSeconds = Self.now() - t0
            }
            attempt.score = result.matchScore
            choice.scores[slot.template.id] = max(choice.scores[slot.template.id] ?? 0, result.matchScore)
            let place = choice.registered.firstIndex { $0.registration.matchScore < result.matchScore } ?? choice.registered.endIndex
            choice.registered.insert((slot.template, slot.pageIndex, result), at: place)
        }
        func failed(_ slot: Slot, _ error: any Error) {
            choice.problems.append("\(slot.template.id): \(error)")
            choice.scores[slot.template.id] = max(choice.scores[slot.template.id] ?? 0, 0)
        }
        func decided() -> Bool { decides(choice, slotCount: slots.count) }

        // Stage 1: marks.
        var marksResults: [MarksKey: Result<RegistrationResult, any Error>] = [:]
        var marksFailed: [Slot] = []
        for slot in slots {
            guard let marks = slot.registrar.marks, let key = slot.marksKey else { continue }
            var attempt = Attempt(template: slot.template.id, pageIndex: slot.pageIndex, method: "failed")
            let result: Result<RegistrationResult, any Error>
            if let known = marksResults[key] {
                result = known
                attempt.sharedMarks = true
            } else {
                let t0 = Self.now()
                result = Result(catching: { try marks.register(scan) })
                attempt.marksSeconds = Self.now() - t0
                marksResults[key] = result
            }
            switch result {
            case .success(let r):
                attempt.method = "marks"
                consider(slot, r, &attempt)
            case .failure(let error):
                if slot.registrar.content != nil { marksFailed.append(slot) } else { failed(slot, error) }
            }
            choice.attempts.append(attempt)
        }
        if decided() { return choice }

        // Stages 2 and 3: content, forms without marks first; stage 4: the same pages again with
        // the wide skew search, for a sheet laid crooked on the glass.
        let contentOnly = slots.filter { $0.registrar.marks == nil }
        // The scan's skew and rule profiles, found once per page width and skew range and shared
        // by every template of that paper size.
        var rulings: [RulingKey: ContentRegistration.ScanRuling] = [:]
        let usual = ContentRegistration.usualSkewDegrees
        let crooked = (contentOnly + marksFailed).filter { $0.registrar.content != nil }
        for (stage, maxSkew) in [(contentOnly, usual), (marksFailed, usual), (crooked, ContentRegistration.widestSkewDegrees)] {
            for slot in stage {
                var attempt = Attempt(template: slot.template.id, pageIndex: slot.pageIndex, method: "failed")
                guard let content = slot.registrar.content else {
                    failed(slot, RegistrationError(
                        code: .contentNotMatched, message: "the template has neither registration marks nor a reference image"))
                    choice.attempts.append(attempt)
                    continue
                }
                let t0 = Self.now()
                let key = RulingKey(pageWidthMM: content.pageWidthMM, maxSkewDegrees: maxSkew)
                let ruling = rulings[key] ?? ContentRegistration.ruling(of: scan, pageWidthMM: key.pageWidthMM, maxSkewDegrees: maxSkew)
                rulings[key] = ruling
                let result = Result(catching: { try content.register(scan, ruling: ruling) })
                attempt.contentSeconds = Self.now() - t0
                switch result {
                case .success(let r):
                    attempt.method = "content"
                    consider(slot, r, &attempt)
                case .failure(let error):
                    // A page the usual search could not register already has its problem noted.
                    if maxSkew == usual { failed(slot, error) }
                }
                choice.attempts.append(attempt)
            }
            if decided() { return choice }
        }
        return choice
    }

    /// Whether `choice` ends the search: a page registered with a template's only page, or one
    /// scoring ``minimumMatchScore``.
    private func decides(_ choice: Choice, slotCount: Int) -> Bool {
        guard let best = choice.best else { return false }
        return slotCount == 1 || best.registration.matchScore >= minimumMatchScore
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
