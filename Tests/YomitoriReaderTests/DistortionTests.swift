import Foundation
import Testing
import YomitoriOCR
import YomitoriReader
import YomitoriResults
import YomitoriTemplate
import YomitoriVision

/// The same filled form, rotated ±3°, shifted ±60 px and scaled ±3 %, must give the same values:
/// zones land on the right boxes whatever the scanner did.
@Suite("Registration: zones land on the right boxes under distortion (real Tesseract)", .serialized)
struct DistortionTests {
    static let distortions: [(name: String, degrees: Double, dx: Double, dy: Double, scale: Double)] = [
        ("rotate +3°", 3, 0, 0, 1),
        ("rotate -3°", -3, 0, 0, 1),
        ("shift +60,-60 px", 0, 60, -60, 1),
        ("shift -60,+60 px", 0, -60, 60, 1),
        ("scale 1.03", 0, 0, 0, 1.03),
        ("scale 0.97", 0, 0, 0, 0.97),
        ("all at once", 2.5, 45, -40, 1.025),
    ]

    /// Warps `image` as a scanner would: rotate about the centre, scale, shift (canvas kept).
    static func distort(_ image: GrayImage, degrees: Double, dx: Double, dy: Double, scale: Double) -> GrayImage {
        let c = Point(x: Double(image.width) / 2, y: Double(image.height) / 2)
        // forward: p' = R·S·(p − c) + c + d; warped() wants output → source, the inverse.
        let forward = AffineTransform.translation(x: c.x + dx, y: c.y + dy)
            .concatenating(after: AffineTransform.rotation(degrees * .pi / 180))
            .concatenating(after: AffineTransform.scale(scale))
            .concatenating(after: AffineTransform.translation(x: -c.x, y: -c.y))
        guard let inverse = forward.inverted else { return image }
        var out = image.warped(by: inverse, width: image.width, height: image.height)
        out.dpi = image.dpi
        return out
    }

    @Test("Marks (a, b) and printed ruling (c): same values at every distortion",
          arguments: ["a_juminhyo-clean-01.png", "b_jido_koza-clean-02.png", "c_tennyu-clean-01.png"])
    func sameValues(file: String) throws {
        let reader = try SampleCorpus.reader()
        let scan = try ScanFile(path: SampleCorpus.scans.appendingPathComponent(file).path).page(0)
        guard case .read(let reference) = reader.read(scan, id: PageID(file: file, page: 0)) else {
            Issue.record("\(file) not read undistorted")
            return
        }
        for d in Self.distortions {
            let warped = Self.distort(scan, degrees: d.degrees, dx: d.dx, dy: d.dy, scale: d.scale)
            guard case .read(let read) = reader.read(warped, id: PageID(file: file, page: 0)) else {
                Issue.record("\(file) \(d.name): not read")
                continue
            }
            #expect(read.template == reference.template, "\(file) \(d.name)")
            #expect(abs(read.registration.rotationDegrees - d.degrees) < 0.3, "\(file) \(d.name): rotation \(read.registration.rotationDegrees)")
            #expect(read.registration.residualMM < 0.5, "\(file) \(d.name): residual \(read.registration.residualMM)")
            var differing: [String] = []
            for field in reference.fields where read[field: field.name]?.value != field.value {
                differing.append("\(field.name): \(String(describing: field.value)) → \(String(describing: read[field: field.name]?.value))")
            }
            // Every tick, comb, date and phone must be identical; at most one free-text field may
            // come out differently (the engine is not deterministic across resampling).
            let strict = differing.filter { entry in
                let name = String(entry.prefix { $0 != ":" })
                let type = reference[field: name]?.type ?? ""
                return !["text", "katakana"].contains(type)
            }
            #expect(strict.isEmpty, "\(file) \(d.name): \(strict)")
            #expect(differing.count <= 1, "\(file) \(d.name): \(differing)")
        }
    }
}
