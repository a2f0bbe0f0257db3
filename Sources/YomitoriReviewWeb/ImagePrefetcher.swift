import ServiceLifecycle
import YomitoriReview

/// Renders the page a reviewer will most likely open next while they work on the current one,
/// so that after approving, the next page's scan and crops come from the cache at once.
///
/// A service of the station's application (structured: it ends with the server); requests beyond
/// the last few are dropped, since only the next page matters.
final class ImagePrefetcher: Service, Sendable {
    struct Request: Sendable {
        var view: ReviewPageView
        var page: Int
    }

    private let images: PageImages
    private let stream: AsyncStream<Request>
    private let continuation: AsyncStream<Request>.Continuation

    init(images: PageImages) {
        self.images = images
        (stream, continuation) = AsyncStream.makeStream(of: Request.self, bufferingPolicy: .bufferingNewest(2))
    }

    func enqueue(_ request: Request) {
        continuation.yield(request)
    }

    func run() async throws {
        for await request in stream.cancelOnGracefulShutdown() {
            _ = try? await images.rendered(request.view, page: request.page)
        }
    }
}
