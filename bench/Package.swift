// swift-tools-version:6.1

// The throughput benchmark of yomitori, kept out of users' builds: a separate package that depends
// on the main one by path. Run it from the repository root:
//
//   swift run -c release --package-path bench yomitori-bench --generate 36
//
// See bench/README.md for what it measures.

import PackageDescription

let package = Package(
    name: "yomitori-bench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "yomitori-bench", targets: ["yomitori-bench"]),
    ],
    dependencies: [
        .package(name: "yomitori", path: ".."),
    ],
    targets: [
        /// Hardware instruction counters (perf_event_open), an allocation counter and /proc readers.
        .target(name: "CBenchSupport"),
        .executableTarget(
            name: "yomitori-bench",
            dependencies: [
                "CBenchSupport",
                .product(name: "YomitoriReader", package: "yomitori"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
    ]
)
