// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "claims",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ClaimsStore", targets: ["ClaimsStore"]),
        .executable(name: "claims", targets: ["claims"]),
        .executable(name: "claims-bench", targets: ["claims-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite3"])]
        ),
        .target(
            name: "ClaimsStore",
            dependencies: ["CSQLite"]
        ),
        .executableTarget(
            name: "claims",
            dependencies: [
                "ClaimsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark (corpus generator + timing of the release `claims` binary and baselines);
        // ClaimsStore only, so it stays out of the main binary. See README "Benchmark".
        .executableTarget(
            name: "claims-bench",
            dependencies: ["ClaimsStore"]
        ),
        .testTarget(
            name: "ClaimsStoreTests",
            dependencies: ["ClaimsStore"],
            exclude: []
        ),
        .testTarget(
            name: "ClaimsCLITests",
            dependencies: ["ClaimsStore"]
        ),
    ]
)
