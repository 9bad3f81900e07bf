import RigSpec
import RigSystem

/// Installed Homebrew formulae and casks (`brew list --formula --versions`, `brew list --cask --versions`),
/// run as the user: Homebrew on Apple Silicon lives in /opt/homebrew (docs.brew.sh/Installation), whose
/// `bin` must be on PATH, as Homebrew's installer tells the user to arrange.
package struct BrewPackagesProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.packages] }
    package var runsCommands: Bool { true }
    package var platforms: Set<DistributionProfile.Platform> { [.macOS] }

    static let formulaArgv = ["brew", "list", "--formula", "--versions"]
    static let caskArgv = ["brew", "list", "--cask", "--versions"]

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        async let formulae = system.run(Self.formulaArgv, timeout: timeout)
        async let casks = system.run(Self.caskArgv, timeout: timeout)
        let listed = (Self.packages(await formulae), Self.packages(await casks))
        return FactsUpdate { facts in
            facts.packages = listed.0
            facts.casks = listed.1
        }
    }

    static func packages(_ result: CommandResult) -> Fact<[PackageFacts]> {
        if let reason = result.failureReason(program: "brew") { return .unknown(reason) }
        return Fact(BrewList.parse(result.output), else: "brew list printed nothing rigctl can read")
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.packages = .unknown(reason)
            facts.casks = .unknown(reason)
        }
    }
}
