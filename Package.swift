// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "filings",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "filings", targets: ["filings"]),
        .library(name: "FilingsKit", targets: ["FilingsKit", "FilingsModel", "FilingsFormats", "FilingsHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlibShim", providers: [.apt(["zlib1g-dev"])]),
        // libcurl's headers only: the library itself is loaded with dlopen on the first request.
        .target(name: "CCurl"),
        // The two byte scans that set the pace of an 8-K import, vectorized where the CPU allows.
        .target(name: "CByteScan"),
        // The layers, each a target so that the compiler refuses an arrow that points up
        // (docs/architecture.md): domain values at the bottom, file formats and HTTP above them,
        // then FilingsKit (sources, matching, the store, the use cases, rendering).
        .target(name: "FilingsModel"),
        .target(
            name: "FilingsFormats",
            dependencies: [
                "FilingsModel",
                "CZlibShim",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "FilingsHTTP", dependencies: ["FilingsFormats", "CCurl"]),
        .target(
            name: "FilingsKit",
            dependencies: [
                "FilingsModel",
                "FilingsFormats",
                "FilingsHTTP",
                "CByteScan",
                "CZlibShim",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "filings",
            dependencies: [
                "FilingsKit",
                "FilingsModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: the loopback server and mirrors, the test clock, the corpus and
        // the fixtures, the process runners. Plain imports only, so that it builds in any configuration.
        .target(
            name: "FilingsTestSupport",
            dependencies: [
                "FilingsKit",
                "FilingsModel",
                "FilingsFormats",
                "FilingsHTTP",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/FilingsTestSupport"
        ),
        // The library's tests, in folders that mirror Sources/.
        .testTarget(
            name: "FilingsKitTests",
            dependencies: [
                "FilingsKit",
                "FilingsModel",
                "FilingsFormats",
                "FilingsHTTP",
                "FilingsTestSupport",
                "filings",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Tests that run the built binary, the cron script, msmtp or python, as a user would.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "FilingsKit",
                "FilingsModel",
                "FilingsHTTP",
                "FilingsTestSupport",
                "filings",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
