import Foundation
import YomitoriVision

/// Developer aid: with `YOMITORI_DEBUG_ZONES=DIR` every prepared zone is written to DIR as PGM.
/// Off by default (zones hold personal data); never enable it on production data.
enum DebugZones {
    static let directory: String? = ProcessInfo.processInfo.environment["YOMITORI_DEBUG_ZONES"]

    static func save(_ image: GrayImage, _ name: String) {
        guard let directory else { return }
        var data = Data("P5\n\(image.width) \(image.height)\n255\n".utf8)
        data.append(contentsOf: image.pixels)
        try? data.write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(name).pgm"))
    }
}
