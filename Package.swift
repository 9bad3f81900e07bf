// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rigctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rigctl", targets: ["rigctl"]),
        // libFuzzer targets: scripts/fuzz builds this with -sanitize=fuzzer and links a driver.
        .library(name: "RigFuzz", type: .dynamic, targets: ["RigFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(name: "rigctl", dependencies: ["RigCLI"]),
        .target(
            name: "RigCLI",
            dependencies: [
                "RigSpec", "RigKit", "RigSystem", "RigProbe", "RigTheme", "RigAudit", "RigFit", "RigPlan", "RigEmit", "RigBuildLog", "RigApply", "RigRemote",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // YAML is read by the system libyaml (Debian/Ubuntu: libyaml-dev: /usr/include/yaml.h and
        // libyaml.a). It is linked statically (RigSpec's linker setting names libyaml.a), so a release
        // binary runs where the package is not installed; no pkg-config here, or its `-lyaml` would
        // bring back the shared library first (README, "Building").
        // On macOS (not yet built there: README, "The Mac") Homebrew's libyaml in /opt/homebrew, linked as -lyaml.
        .systemLibrary(name: "CYAML", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        // Text helpers (trimming, paths, printf numbers, JSON) that need no Foundation: see ImportPolicyTests.
        .target(name: "RigText"),
        .target(name: "RigSpec", dependencies: ["CYAML", "RigText"],
                swiftSettings: [.unsafeFlags(["-Xcc", "-I/opt/homebrew/include"], .when(platforms: [.macOS]))],
                linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libyaml.a"], .when(platforms: [.linux])),
                                 .unsafeFlags(["-L/opt/homebrew/lib", "-lyaml"], .when(platforms: [.macOS]))]),
        .target(name: "RigSystem", dependencies: ["RigText"], path: "Sources/RigKit/System"),
        .target(name: "RigProbe", dependencies: ["RigSpec", "RigSystem"], path: "Sources/RigKit/Probe"),
        .target(name: "RigTheme", dependencies: ["RigSpec", "RigSystem"], path: "Sources/RigKit/Theme"),
        .target(name: "RigAudit", dependencies: ["RigSpec", "RigSystem", "RigProbe"], path: "Sources/RigKit/Audit"),
        .target(name: "RigFit", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigAudit"], path: "Sources/RigKit/Fit"),
        .target(name: "RigPlan", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigTheme", "RigAudit"], path: "Sources/RigKit/Plan"),
        .target(name: "RigEmit", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigTheme", "RigAudit", "RigPlan"], path: "Sources/RigKit/Emit"),
        .target(name: "RigBuildLog", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigAudit", "RigPlan"], path: "Sources/RigKit/BuildLog"),
        .target(name: "RigApply", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigTheme", "RigAudit", "RigPlan", "RigEmit", "RigBuildLog"], path: "Sources/RigKit/Apply"),
        .target(name: "RigRemote", dependencies: ["RigSpec", "RigSystem"], path: "Sources/RigKit/Remote"),
        .target(name: "RigKit", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigTheme", "RigAudit", "RigFit", "RigPlan", "RigEmit", "RigBuildLog", "RigApply", "RigRemote"], path: "Sources/RigKit/Pipeline"),
        .target(name: "RigFuzz", dependencies: ["RigSpec", "RigSystem", "RigProbe", "RigTheme"]),
        .testTarget(name: "RigSpecTests", dependencies: ["RigSpec", "RigText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RigKitTests", dependencies: ["RigKit", "RigFuzz", "RigSpec", "RigSystem", "RigProbe", "RigTheme", "RigAudit", "RigFit", "RigPlan", "RigEmit", "RigBuildLog", "RigApply", "RigRemote"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RigCLITests", dependencies: ["RigCLI", "RigKit", "RigSpec", "RigSystem", "RigProbe", "RigTheme", "RigAudit", "RigFit", "RigPlan", "RigEmit", "RigBuildLog", "RigApply", "RigRemote", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    ]
)
