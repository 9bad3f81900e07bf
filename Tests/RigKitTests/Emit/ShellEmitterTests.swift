import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct ShellEmitterTests {
    static func script(_ spec: MachineSpec, dotfiles: [RenderedFile] = []) -> String {
        ShellEmitter().emit(Planner().plan(spec: spec, dotfiles: dotfiles))
    }

    /// The example machines plus the variants the goldens do not cover (Debian, pinned CUDA, proprietary driver).
    static var allVariants: [(String, String)] {
        var debian = PlanExamples.computeNode
        debian.os = .init(distro: .debian, release: "12")
        debian.drivers = .init(nvidia: .init(version: PlanExamples.constraint("570.124.06"), flavor: .proprietary),
                               cuda: PlanExamples.constraint("12.8.1"))
        var debianMinimum = debian
        debianMinimum.drivers?.nvidia = .init(version: PlanExamples.constraint(">=570"), flavor: .open)
        debianMinimum.containers = .init(engine: .docker, nvidiaToolkit: true, dockerUsers: ["me"])
        var containers = PlanExamples.computeNode
        containers.containers = .init(engine: .docker, nvidiaToolkit: true, dockerUsers: ["me", "ci-runner"])
        return [
            ("containers", script(containers)),
            ("workstation", script(PlanExamples.workstation, dotfiles: PlanExamples.dotfiles)),
            ("compute-node", script(PlanExamples.computeNode)),
            ("big-rig", script(PlanExamples.bigRig)),
            ("big-rig-pinned", script(PlanExamples.bigRigPinned)),
            ("debian-exact", script(debian)),
            ("debian-minimum", script(debianMinimum)),
            ("rocm-desktop-6.2.4", script(PlanExamples.rocmDesktop)),
            ("rocm-node", script(PlanExamples.rocmNode)),
        ] + ["dgx-spark", "rented-h100", "rocm-desktop", "instinct-node"].compactMap { name in
            // The committed arm64 and rented examples, as `rigctl plan --format shell` writes them (without dotfiles).
            (try? AuditSamples.machine(name)).map { (name, script($0)) }
        }
    }

    @Test func goldenScriptsOfTheExampleMachines() throws {
        try PlanGolden.check(Self.script(PlanExamples.workstation, dotfiles: PlanExamples.dotfiles), "shell/workstation.sh")
        try PlanGolden.check(Self.script(PlanExamples.computeNode), "shell/compute-node.sh")
        try PlanGolden.check(Self.script(PlanExamples.bigRig), "shell/big-rig.sh")
    }

    @Test func scriptsPassBashSyntaxCheckAndShellcheck() throws {
        #expect(Self.allVariants.map(\.0).contains("dgx-spark"))
        #expect(Self.allVariants.map(\.0).contains("rented-h100"))
        #expect(Self.allVariants.map(\.0).contains("rocm-desktop") && Self.allVariants.map(\.0).contains("instinct-node"))
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, script) in Self.allVariants {
            let file = directory.appendingPathComponent("\(name).sh")
            try script.write(to: file, atomically: true, encoding: .utf8)
            let syntax = try #require(try PlanTools.run("bash", ["-n", file.path]))
            #expect(syntax.status == 0, "bash -n \(name): \(syntax.output)")
            let lint = try #require(try PlanTools.run("shellcheck", ["--severity=style", "--shell=bash", file.path]))
            #expect(lint.status == 0, "shellcheck \(name):\n\(lint.output)")
        }
    }

    @Test func structureIsStrictModeOneFunctionPerStepAndMainInOrder() {
        let plan = Planner().plan(spec: PlanExamples.computeNode)
        let script = ShellEmitter().emit(plan)
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(script.contains("\nset -euo pipefail\n"))
        let calls = plan.steps.map { "  step_" + $0.id.replacingOccurrences(of: "-", with: "_") }.joined(separator: "\n")
        #expect(script.hasSuffix("main() {\n\(calls)\n}\n\nmain \"$@\"\n"))
        for step in plan.steps {
            #expect(script.contains("\nstep_\(step.id.replacingOccurrences(of: "-", with: "_"))() {\n"))
        }
    }

    @Test func exactPinsResolveTheAptVersionAndHold() {
        let script = Self.script(PlanExamples.bigRigPinned)
        #expect(script.contains("""
              if rig_package_installed 'nvidia-driver-570-open' '570.124.06-*' hold; then
            """))
        #expect(script.contains("""
              version="$(rig_apt_version 'nvidia-driver-570-open' '570.124.06-*')"
              rig_apt_install --allow-change-held-packages 'nvidia-driver-570-open='"${version}"
              apt-mark hold 'nvidia-driver-570-open'
            """))
        #expect(script.contains("rig_apt_install --allow-change-held-packages 'nvme-cli=2.9.1-3'\n  apt-mark hold 'nvme-cli'\n"))
    }

    @Test func manualStepsArePrintedAndVerifiedOnesSayOk() {
        let pending = Self.script(PlanExamples.computeNode)
        #expect(pending.contains("step_bios_xmp() {\n  echo 'manual: BIOS: set xmp to profile-1'\n}\n"))
        let plan = Planner().plan(spec: PlanExamples.computeNode, satisfied: ["bios.settings.secure-boot"])
        let done = ShellEmitter().emit(plan)
        #expect(done.contains("step_bios_secure_boot() {\n  echo 'ok: BIOS: set secure-boot to disabled'\n}\n"))
    }

    /// Runs only the dotfiles step of a generated script, twice, in a temporary HOME: the files it
    /// writes are byte for byte what `ThemeInstaller` (and so `rigctl apply`) writes.
    @Test func dotfilesStepIsIdempotentAndWritesWhatTheInstallerWrites() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let tricky = "# it's $(not run) and `not this` either\n\tindented\n"
        let files = PlanExamples.dotfiles + [RenderedFile(path: ".config/rigctl/tricky", installation: .wholeFile(tricky))]
        let userBashrc = "alias ll='ls -l'\nexport EDITOR=vim"
        try userBashrc.write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)

        let run = try runDotfilesStep(files, times: 2, home: home)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output == "done: Install \(files.count) dotfiles (theme)\nok: Install \(files.count) dotfiles (theme)\n")

        let bashrc = try String(contentsOf: home.appendingPathComponent(".bashrc"), encoding: .utf8)
        #expect(bashrc == (try PlanExamples.dotfile(".bashrc").installedText(over: userBashrc)))
        #expect(bashrc.hasPrefix("alias ll='ls -l'\nexport EDITOR=vim\n\n# >>> rigctl theme >>>\n"))
        for file in files {
            let text = try String(contentsOf: home.appendingPathComponent(file.path), encoding: .utf8)
            if file.path != ".bashrc" { #expect(text == file.freshContents, "\(file.path)") }
            #expect(try file.installedText(over: text) == text, "the installer finds \(file.path) current")
        }
        let backups = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasPrefix(".bashrc.rigctl-backup-") }
        #expect(backups.count == 1)
        if let backup = backups.first {
            #expect(try String(contentsOf: home.appendingPathComponent(backup), encoding: .utf8) == userBashrc)
        }
    }

    /// A settings file the user already has is left alone by the script (only `rigctl apply` merges).
    @Test func anExistingSettingsFileIsLeftAlone() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let settings = PlanExamples.dotfiles.filter { if case .jsonSettings = $0.installation { true } else { false } }
        #expect(settings.count == 1)
        let path = home.appendingPathComponent(settings[0].path)
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{ // mine\n}\n".write(to: path, atomically: true, encoding: .utf8)
        let run = try runDotfilesStep(settings, times: 1, home: home)
        #expect(run.output == "ok: Install 1 dotfile (theme)\n", "\(run.output)")
        #expect(try String(contentsOf: path, encoding: .utf8) == "{ // mine\n}\n")
    }

    /// A changed block replaces the old one in place; lines after it stay.
    @Test func aChangedBlockIsReplacedInPlace() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        try "before\n# >>> rigctl theme >>>\nold\n# <<< rigctl theme <<<\nafter\n"
            .write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)
        let files = [RenderedFile(path: ".bashrc", installation: .managedBlock(ManagedBlock(commentLeader: "#", body: "new\n")))]
        let run = try runDotfilesStep(files, times: 1, home: home)
        #expect(run.status == 0, "\(run.output)")
        #expect(try String(contentsOf: home.appendingPathComponent(".bashrc"), encoding: .utf8)
            == "before\n# >>> rigctl theme >>>\nnew\n# <<< rigctl theme <<<\nafter\n")
    }

    /// A block with a missing end marker is an error, as it is for the installer: the file is not touched.
    @Test func aDamagedBlockStopsTheStepAndKeepsTheFile() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let damaged = "before\n# >>> rigctl theme >>>\nold\nafter\n"
        try damaged.write(to: home.appendingPathComponent(".bashrc"), atomically: true, encoding: .utf8)
        let file = RenderedFile(path: ".bashrc", installation: .managedBlock(ManagedBlock(commentLeader: "#", body: "new\n")))
        #expect(throws: InstallError.self) { try file.installedText(over: damaged) }
        let run = try runDotfilesStep([file], times: 1, home: home)
        #expect(run.status != 0)
        #expect(run.output.contains("the rigctl block is damaged"), "\(run.output)")
        #expect(try String(contentsOf: home.appendingPathComponent(".bashrc"), encoding: .utf8) == damaged)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).sorted() == [".bashrc", "run.sh"])
    }

    /// A new ~/.vimrc starts with the preamble, as the installer writes it.
    @Test func aNewVimrcGetsThePreamble() throws {
        let home = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let vimrc = PlanExamples.dotfile(".vimrc")
        _ = try runDotfilesStep([vimrc], times: 1, home: home)
        #expect(try String(contentsOf: home.appendingPathComponent(".vimrc"), encoding: .utf8) == vimrc.freshContents)
    }

    private func runDotfilesStep(_ files: [RenderedFile], times: Int, home: URL) throws -> PlanTools.Result {
        let calls = String(repeating: "step_dotfiles\n", count: times)
        let script = Self.script(PlanExamples.workstation, dotfiles: files)
            .replacingOccurrences(of: "\nmain \"$@\"\n", with: "\n" + calls)
        let file = home.appendingPathComponent("run.sh")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try #require(try PlanTools.run("bash", [file.path], environment: ["HOME": home.path, "SUDO_USER": ""]))
    }
}
