// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "yomitori",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "yomitori", targets: ["yomitori"]),
        .library(name: "YomitoriReader", targets: ["YomitoriReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
    ],
    targets: [
        // MARK: - C libraries
        /// libtesseract + Leptonica through their C APIs (capi.h, allheaders.h).
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]
        ),

        /// FreeType, for Japanese text in template previews.
        .systemLibrary(
            name: "CFreeType",
            pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]
        ),

        /// libdeflate, to inflate PNG scans in one call (far faster than zlib's streaming inflate).
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),

        /// Two GNU process-spawning calls (pipe2, addclosefrom) Swift's Glibc module leaves out.
        .target(name: "CSpawn"),
        /// Greyscale JPEG scans decoded by libjpeg straight into yomitori's buffer (error handling
        /// needs setjmp, hence a small C file rather than a bare module map).
        .target(name: "CJPEG", linkerSettings: [.linkedLibrary("jpeg")]),
        /// The library's own definition of a function the program also defines (dlsym RTLD_NEXT):
        /// shared by the three targets below, which take over a few of Tesseract's calls.
        .target(name: "CInterpose", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        /// Tesseract's in-memory PNG of every text line written stored instead of deflated, while a
        /// worker recognises (see the header). The program defines `png_set_compression_level`
        /// and must export it for Leptonica's call to reach it: the one unsafe flag (allowed in a
        /// root or local package), for GNU-style linkers; elsewhere the lines stay deflated.
        .target(
            name: "CLineImages",
            dependencies: ["CInterpose"],
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "--export-dynamic-symbol=png_set_compression_level"], .when(platforms: [.linux])),
            ]
        ),
        /// Tesseract's OpenMP regions run on the recognising worker's own thread, without a libgomp
        /// team per region (see the header): the four entry points Tesseract calls are defined by
        /// the program and exported, as for CLineImages.
        .target(
            name: "CSerialOpenMP",
            dependencies: ["CInterpose"],
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-Xlinker", "--export-dynamic-symbol=GOMP_parallel",
                        "-Xlinker", "--export-dynamic-symbol=GOMP_parallel_sections",
                        "-Xlinker", "--export-dynamic-symbol=GOMP_sections_next",
                        "-Xlinker", "--export-dynamic-symbol=GOMP_sections_end_nowait",
                    ],
                    .when(platforms: [.linux])
                ),
            ]
        ),
        /// Tesseract's legacy table of "universal" character ambiguities left unbuilt when a worker
        /// starts an LSTM-only engine (see the header): 70 % of an engine's start-up. The program
        /// defines the C++ method Tesseract calls and must export it, as for CLineImages.
        .target(
            name: "CUniversalAmbigs",
            dependencies: ["CInterpose"],
            linkerSettings: [
                .unsafeFlags(
                    ["-Xlinker", "--export-dynamic-symbol=_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_"],
                    .when(platforms: [.linux])
                ),
            ]
        ),

        // MARK: - Pure Swift core (no C dependency)
        /// Japanese text: NFKC, width and kana conversion, 和暦 dates, check digits.
        .target(name: "YomitoriText"),
        /// SHA-256 digests of scans and import files (swift-crypto), streamed.
        .target(name: "YomitoriHashing", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        /// Form templates: the model and its YAML loader with file:line diagnostics.
        /// Reading the YAML files people write (templates, jobs, mappings): typed values, key tables
        /// with "did you mean", and `file:line:column` diagnostics.
        .target(name: "YomitoriYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "YomitoriTemplate",
            dependencies: [
                "YomitoriText",
                "YomitoriYAML",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        /// What was read from a page and what was decided about it: the records that flow from
        /// reading to validation, export and the ledger.
        .target(name: "YomitoriResults", dependencies: ["YomitoriText", "YomitoriVision"]),
        /// Page images as pixels: registration, deskew, line removal, checkbox ink.
        .target(name: "YomitoriVision"),
        /// Decisions on what was read: normalisation, type checks and template rules make each field
        /// and page accepted, review or invalid, with reasons in Japanese and English.
        .target(name: "YomitoriValidation", dependencies: ["YomitoriText", "YomitoriTemplate", "YomitoriResults"]),

        // MARK: - Engine adapter (needs libtesseract / Leptonica)
        /// Decoding scans with Leptonica and recognising zones with libtesseract.
        .target(
            name: "YomitoriOCR",
            dependencies: ["CDeflate", "CJPEG", "CLineImages", "CSerialOpenMP", "CSpawn", "CTesseract", "CUniversalAmbigs", "YomitoriVision"]
        ),

        // MARK: - Pipeline
        /// File → pages → registered page → zones → field reads.
        .target(
            name: "YomitoriReader",
            dependencies: [
                "YomitoriText",
                "YomitoriTemplate",
                "YomitoriResults",
                "YomitoriValidation",
                "YomitoriVision",
                "YomitoriOCR",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        /// Template previews: registered zones and values drawn onto the scan (PNG).
        .target(
            name: "YomitoriPreview",
            dependencies: ["CFreeType", "CTesseract", "YomitoriOCR", "YomitoriResults", "YomitoriTemplate", "YomitoriVision"]
        ),

        /// Import files for back-office systems (CSV/TSV, JSON Lines, fixed-width, 全銀 総合振込) from
        /// accepted pages, written atomically with a report of every page that did not go in.
        .target(
            name: "YomitoriExport",
            dependencies: [
                "YomitoriText",
                "YomitoriResults",
                "YomitoriHashing",
                "YomitoriYAML",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        // MARK: - Jobs
        /// What was claimed, read, exported and routed, and when: a protocol and its SQLite store.
        .target(
            name: "YomitoriLedger",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        /// Job files, cron schedules, watched inboxes, claiming, locks and quarantine.
        .target(
            name: "YomitoriJobs",
            dependencies: [
                "YomitoriLedger",
                "YomitoriHashing",
                "YomitoriYAML",
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        /// Runs jobs: intake, read, validate, export, route, with the ledger recording each step.
        .target(
            name: "YomitoriRunner",
            dependencies: [
                "YomitoriJobs", "YomitoriLedger", "YomitoriReader", "YomitoriResults", "YomitoriTemplate",
                "YomitoriOCR", "YomitoriText", "YomitoriExport", "YomitoriVision",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: - Review station
        /// The review workflow over the ledger: queue, leases, validated corrections, double entry,
        /// approve/reject, users with bcrypt password hashes, and the append-only audit trail.
        .target(
            name: "YomitoriReview",
            dependencies: [
                "YomitoriLedger", "YomitoriResults", "YomitoriTemplate", "YomitoriText", "YomitoriValidation",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        /// The review station's web app (Hummingbird): sessions, CSRF, Japanese HTML pages, scan images.
        .target(
            name: "YomitoriReviewWeb",
            dependencies: [
                "YomitoriReview", "YomitoriResults", "YomitoriTemplate", "YomitoriValidation", "YomitoriOCR",
                "YomitoriPreview", "YomitoriVision", "YomitoriLedger",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: - CLI
        .executableTarget(
            name: "yomitori",
            dependencies: [
                "YomitoriReader",
                "YomitoriResults",
                "YomitoriTemplate",
                "YomitoriOCR",
                "YomitoriPreview",
                "YomitoriRunner",
                "YomitoriJobs",
                "YomitoriLedger",
                "YomitoriExport",
                "YomitoriValidation",
                "YomitoriReview",
                "YomitoriReviewWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: - Tests
        .testTarget(name: "YomitoriTextTests", dependencies: ["YomitoriText"]),
        .testTarget(name: "YomitoriHashingTests", dependencies: ["YomitoriHashing"]),
        .testTarget(name: "YomitoriTemplateTests", dependencies: ["FuzzSupport", "YomitoriTemplate", "YomitoriYAML"]),
        .testTarget(name: "YomitoriVisionTests", dependencies: ["YomitoriVision"]),
        .testTarget(
            name: "YomitoriValidationTests",
            dependencies: ["YomitoriValidation", "YomitoriResults", "YomitoriTemplate", "YomitoriText", "YomitoriVision"]
        ),
        .testTarget(
            name: "YomitoriOCRTests",
            dependencies: ["CLineImages", "CSerialOpenMP", "CTesseract", "CUniversalAmbigs", "FuzzSupport", "YomitoriOCR", "YomitoriVision"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "YomitoriReaderTests",
            dependencies: ["YomitoriReader", "YomitoriResults", "YomitoriOCR", "YomitoriTemplate", "YomitoriVision", "YomitoriText"],
            resources: []
        ),
        .testTarget(name: "YomitoriLedgerTests", dependencies: ["YomitoriLedger"]),
        .testTarget(name: "YomitoriJobsTests", dependencies: ["FuzzSupport", "YomitoriJobs", "YomitoriHashing", "YomitoriLedger", "YomitoriYAML"]),
        .testTarget(
            name: "YomitoriReviewTests",
            dependencies: ["YomitoriReview", "YomitoriReviewWeb", "YomitoriLedger", "YomitoriResults", "YomitoriTemplate",
                           "YomitoriValidation", "YomitoriVision", "YomitoriText", "YomitoriOCR", "YomitoriPreview",
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        /// End-to-end: runs the built `yomitori` binary and checks stdout, stderr, files and exit codes.
        .testTarget(name: "YomitoriCLITests", dependencies: ["yomitori", "WebDriverSupport", "YomitoriLedger"]),
        /// A small W3C WebDriver client: chromedriver and headless Chromium as child processes, for the
        /// review station's browser tests (no Selenium).
        .target(name: "WebDriverSupport", path: "Tests/WebDriverSupport"),
        .testTarget(name: "WebDriverSupportTests", dependencies: ["WebDriverSupport"]),
        /// Deterministic damage (bytes, YAML text) for the fuzz tests of decoders and parsers.
        .target(name: "FuzzSupport", dependencies: ["YomitoriYAML"], path: "Tests/FuzzSupport"),
        .testTarget(
            name: "YomitoriExportTests",
            dependencies: ["FuzzSupport", "YomitoriExport", "YomitoriHashing", "YomitoriYAML", "YomitoriResults", "YomitoriText", "YomitoriVision",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["Golden"]
        ),
    ]
)

for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
