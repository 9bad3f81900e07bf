import Foundation
import Testing

/// `rigctl render --install` killed with SIGKILL at random points, round after round, over the hostile
/// home: every file is at all times one of the states a complete install can leave (the user's own bytes
/// included), links stay links, the 0600 file stays 0600, every backup holds one of those states, and once
/// an install completes no temporary file is left.
@Suite struct InstallKillTests {
    /// SplitMix64: the same kill points on every run of the test.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// At least this many rounds, and more (up to `maximumRounds`) until `minimumKills` kills have landed
    /// mid-run: under load a sleep oversleeps and a kill can land after the install has finished.
    let rounds = 80
    let maximumRounds = 400
    let minimumKills = 20
    /// The files whose contents are checked, relative to the home, read through their links.
    let paths = [".bashrc", ".config/rigctl/theme.sh", ".tmux.conf", ".config/rigctl/tmux.conf", ".vimrc",
                 ".vim/colors/rigctl.vim", HostileHome.settingsPath]

    /// A repository of two machines whose themes differ (the accent), so every round changes files.
    func machines() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-kill-repo-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory + "/machines", withIntermediateDirectories: true)
        for (name, accent) in [("a", "#c678dd"), ("a2", "#ff79c6")] {
            try """
                version: 1
                hostname: box-\(name)
                role: desktop
                os: { distro: ubuntu, release: "24.04" }
                theme: { background: "#2c001e", foreground: "#f2e6ee", accent: "\(accent)" }

                """.write(toFile: directory + "/machines/\(name).yaml", atomically: true, encoding: .utf8)
        }
        return directory
    }

    func arguments(_ machine: String, _ repository: String, _ home: HostileHome) -> [String] {
        ["render", machine, "--repo", repository, "--install", "--home", home.home]
    }

    /// How many write(2) calls the process has made (0 when it cannot be read, or it is gone).
    static func writeCalls(_ pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("syscw:") }) else { return 0 }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
    }

    /// What each file holds in `home`; nil where it is not there.
    func snapshot(_ home: HostileHome) -> [String: Data?] {
        Dictionary(uniqueKeysWithValues: paths.map { ($0, try? home.bytes($0)) })
    }

    @Test func killedInstallsLeaveEveryFileWholeAndNoTemporaryFiles() throws {
        let machines = try machines()
        defer { try? FileManager.default.removeItem(atPath: machines) }

        // Every state a complete install can leave, from the user's own files through a, a2, a then a2, a2 then a.
        var valid: [String: Set<Data?>] = [:]
        var fullRun = Double.infinity
        for sequence in [[], ["a"], ["a2"], ["a", "a2"], ["a2", "a"]] {
            let home = try HostileHome()
            defer { home.remove() }
            for machine in sequence {
                let start = Date()
                let result = try Subprocess.run(Subprocess.rigctl, arguments(machine, machines, home))
                #expect(result.status == 0, "\(result.output)")
                fullRun = min(fullRun, Date().timeIntervalSince(start))
            }
            for (path, data) in snapshot(home) { valid[path, default: []].insert(data) }
        }

        let home = try HostileHome()
        defer { home.remove() }
        var random = SeededRandom(state: 12)
        var killed = 0
        var leftTemporaries = 0
        var killedAfterWriting = 0
        let window = UInt32(max(fullRun, 0.01) * 1_000_000)
        var round = 0
        while round < rounds || (killed < minimumKills && round < maximumRounds) {
            defer { round += 1 }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Subprocess.rigctl)
            process.arguments = arguments(round % 2 == 0 ? "a" : "a2", machines, home)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let before = snapshot(home)
            try process.run()
            if round % 2 == 0 {
                // A random point in the run (the fastest complete run of the same command).
                usleep(UInt32.random(in: 0...window, using: &random))
            } else {
                // A random point once the install has begun writing: it stages every file (one write(2) or more
                // each, and an fsync) before it renames any. Before that the process makes one or two writes of its own (the
                // runtime's event descriptors), so a count of 3 (/proc/PID/io, syscw) starts the window.
                let deadline = Date().addingTimeInterval(10)
                while process.isRunning, Self.writeCalls(process.processIdentifier) < 3, Date() < deadline {}
                usleep(UInt32.random(in: 0...40_000, using: &random))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal {
                killed += 1
                if snapshot(home) != before { killedAfterWriting += 1 }
            }

            for (path, data) in snapshot(home) {
                #expect(valid[path]?.contains(data) == true, "round \(round): \(path) is not a state an install leaves")
            }
            #expect(home.link(".bashrc") == "dotfiles/bashrc", "round \(round)")
            #expect(home.link(HostileHome.settingsPath) == "../../../dotfiles/vscode-settings.json", "round \(round)")
            #expect(home.link(".tmux.conf") == "dotfiles/tmux.conf", "round \(round)")
            #expect(try home.mode("dotfiles/vscode-settings.json") == 0o600, "round \(round)")
            for backup in home.backups(of: ".bashrc") + home.backups(of: HostileHome.settingsPath) {
                let data = try Data(contentsOf: URL(fileURLWithPath: backup))
                #expect(valid[".bashrc"]!.contains(data) || valid[HostileHome.settingsPath]!.contains(data), "round \(round): \(backup)")
            }
            if !home.temporaries().isEmpty { leftTemporaries += 1 }
        }
        #expect(killed >= minimumKills, "the kills landed after the end of the runs (\(killed) of \(round) killed)")

        // One complete install afterwards: the user's bytes are all there, and no temporary file is left.
        let final = try Subprocess.run(Subprocess.rigctl, arguments("a", machines, home))
        #expect(final.status == 0, "\(final.output)")
        #expect(home.temporaries() == [], "left after a complete install: \(home.temporaries())")
        #expect(try home.bytes(".bashrc").starts(with: HostileHome.bashrc))
        #expect(try home.bytes(".vimrc").starts(with: HostileHome.vimrc))
        // ~/.bashrc changed once (its block is the same for both machines): every backup of it is the user's own file.
        #expect(!home.backups(of: ".bashrc").isEmpty)
        for backup in home.backups(of: ".bashrc") { #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == HostileHome.bashrc) }
        #expect(home.backups(of: HostileHome.settingsPath).contains { (try? Data(contentsOf: URL(fileURLWithPath: $0))) == HostileHome.settingsBytes })
        print("InstallKillTests: \(killed) of \(round) runs killed (fastest full run \(Int(fullRun * 1000)) ms), "
              + "\(killedAfterWriting) of them after some files were written; \(leftTemporaries) left a temporary file until the next install")
    }
}
