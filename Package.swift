// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "painchat",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "painchat", targets: ["painchat"]),
        .library(name: "PainChatKit", targets: ["PainChatKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // GNU readline, used only by the LineEditor module.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The Snowball stemmer (libstemmer has no pkg-config file).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "LineEditor",
            dependencies: ["CReadline"]
        ),
        .target(
            name: "PainChatKit",
            dependencies: ["CStemmer", "Yams"]
        ),
        .executableTarget(
            name: "painchat",
            dependencies: [
                "PainChatKit",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed and memory figures (Benchmarks/run.sh); not part of the tests.
        .executableTarget(
            name: "painchat-bench",
            dependencies: ["PainChatKit"],
            path: "Benchmarks/PainChatBench"
        ),
        .testTarget(
            name: "PainChatKitTests",
            dependencies: ["PainChatKit"]
        ),
        .testTarget(
            name: "PainChatEndToEndTests",
            dependencies: ["painchat"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
