// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rigctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rigctl", targets: ["rigctl"]),
    ],
    dependencies: [
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
        // YAML is read by the system libyaml (Debian/Ubuntu: libyaml-dev), so security updates reach it.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "RigSpec", dependencies: ["CYAML"]),
        .target(name: "RigKit", dependencies: ["RigSpec"]),
        .testTarget(name: "RigSpecTests", dependencies: ["RigSpec"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RigKitTests", dependencies: ["RigKit", "RigSpec"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RigCLITests", dependencies: ["RigCLI", "RigKit", "RigSpec"]),
    ]
)
