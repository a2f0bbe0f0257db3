import Foundation
import YomitoriLedger
import YomitoriOCR
import YomitoriPreview
import YomitoriResults
import YomitoriReview
import YomitoriVision

/// The scan of a page as the review station shows it: the whole page (halved, PNG) and the crops
/// of its fields' zones (full resolution, PNG).
///
/// Zones are recorded in scan pixels, so the page is decoded from its file again (no OCR, no
/// registration) — about a tenth of a second — once per page: the PNGs are kept in a small cache,
/// and a page's crops are cut in the same pass as its image.
actor PageImages {
    struct Rendered: Sendable {
        var width: Int
        var height: Int
        var page: Data
        var crops: [String: Data]
    }

    private var cache: [String: Rendered] = [:]
    private var order: [String] = []
    private let capacity: Int

    init(capacity: Int = 24) {
        self.capacity = capacity
    }

    /// The rendered page of `view` (from the cache when the same file and page were rendered
    /// before): its scan turned as it was read (a sheet scanned upside down is shown upright, and
    /// its zones are in the turned scan's pixels), and the crops of its doubtful fields.
    func rendered(_ view: ReviewPageView, page: Int) throws -> Rendered {
        let key = "\(view.filePath)#\(page)"
        if let hit = cache[key] { return hit }
        let scan = try ScanFile(path: view.filePath).page(page).turned(clockwise: view.read.registration.turnedDegrees ?? 0)
        var crops: [String: Data] = [:]
        for field in view.doubtfulFields {
            let margin = 12
            let zone = field.zone
            let rect = PixelRect(x: zone.x - margin, y: zone.y - margin, width: zone.width + 2 * margin, height: zone.height + 2 * margin)
            crops[field.name] = try PNGEncoder.encode(scan.cropped(to: rect))
        }
        let rendered = Rendered(width: scan.width, height: scan.height, page: try PNGEncoder.encode(Self.halved(scan)), crops: crops)
        cache[key] = rendered
        order.append(key)
        if order.count > capacity { cache[order.removeFirst()] = nil }
        return rendered
    }

    /// Half the size, each pixel the mean of four.
    static func halved(_ image: GrayImage) -> GrayImage {
        let w = image.width / 2, h = image.height / 2
        guard w > 0, h > 0 else { return image }
        var out = GrayImage(width: w, height: h, fill: 255, dpi: image.dpi / 2)
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<h {
                let r0 = 2 * y * image.width, r1 = r0 + image.width
                for x in 0..<w {
                    let sum = Int(src[r0 + 2 * x]) + Int(src[r0 + 2 * x + 1]) + Int(src[r1 + 2 * x]) + Int(src[r1 + 2 * x + 1])
                    out.pixels[y * w + x] = UInt8(sum / 4)
                }
            }
        }
        return out
    }
}
