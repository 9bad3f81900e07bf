// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rigctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rigctl", targets: ["rigctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(name: "rigctl", dependencies: ["RigCLI"]),
        .target(
            name: "RigCLI",
            dependencies: [
                "RigSpec", "RigKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "RigSpec", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "RigKit", dependencies: ["RigSpec"]),
        .testTarget(name: "RigSpecTests", dependencies: ["RigSpec"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RigKitTests", dependencies: ["RigKit", "RigSpec"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RigCLITests", dependencies: ["RigCLI", "RigKit", "RigSpec"]),
    ]
)
