import Testing
import YomitoriVision

@Suite("Quarter turns: an upside-down or sideways page made upright, pixel for pixel")
struct TurnTests {
    /// 3 wide, 2 high:
    ///     1 2 3
    ///     4 5 6
    static let image = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6], dpi: 300)

    @Test("90°, 180° and 270° clockwise move each pixel where a turned sheet puts it")
    func turns() {
        let right = Self.image.turned(clockwise: 90)
        // Clockwise: the left column, bottom up, becomes the top row.
        #expect(right.width == 2 && right.height == 3)
        #expect(right.pixels == [4, 1, 5, 2, 6, 3])
        let over = Self.image.turned(clockwise: 180)
        #expect(over.width == 3 && over.height == 2)
        #expect(over.pixels == [6, 5, 4, 3, 2, 1])
        let left = Self.image.turned(clockwise: 270)
        #expect(left.width == 2 && left.height == 3)
        #expect(left.pixels == [3, 6, 2, 5, 1, 4])
        #expect([right, over, left].allSatisfy { $0.dpi == 300 })
    }

    @Test("A full turn, no turn and opposite turns give the image back", arguments: [0, 360, -360, 720])
    func identity(degrees: Int) {
        #expect(Self.image.turned(clockwise: degrees) == Self.image)
    }

    @Test("Turns add up: 90° four times, 90° then 270°, −90° as 270°")
    func composition() {
        var image = GrayImage(width: 5, height: 3, pixels: (0..<15).map { UInt8($0 * 7) })
        let start = image
        for _ in 0..<4 { image = image.turned(clockwise: 90) }
        #expect(image == start)
        #expect(start.turned(clockwise: 90).turned(clockwise: 270) == start)
        #expect(start.turned(clockwise: 90).turned(clockwise: 90) == start.turned(clockwise: 180))
        #expect(start.turned(clockwise: -90) == start.turned(clockwise: 270))
    }
}
