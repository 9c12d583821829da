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
        // libxml2's HTML and XML parsers (web pages, RSS/Atom feeds).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // zlib, for gzip-compressed web archives (.warc.gz).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libcurl, for `claims ingest URL` (HTTPS, redirects, timeouts, a size limit); linked
        // dynamically, so the release binary keeps its static Swift runtime (FoundationNetworking
        // would need libcurl's development files at link time as well).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .target(
            name: "ClaimsStore",
            dependencies: ["CSQLite", "CLibXML2", "CZlib", "CCurl"]
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
