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

/// `drivers.rocm` planned the way AMD's Ubuntu native installation guide does it (see `ROCmInstall`).
@Suite struct ROCmPlanTests {
    @Test func theSpecReadsDriversROCm() throws {
        let spec = try AuditSamples.spec("""
            version: 1
            hostname: radeon
            os: { distro: ubuntu, release: "24.04" }
            parts:
              gpus: [{ model: AMD Radeon RX 7900 XTX }]
            drivers:
              rocm: "6.2.4"
            """)
        #expect(spec.drivers?.rocm == PlanExamples.constraint("6.2.4"))
        #expect(checkCompatibility(spec).isEmpty)
    }

    @Test func theStepsAreRepositoryPackagesAndGroupsInOrder() throws {
        let plan = Planner().plan(spec: PlanExamples.rocmDesktop)
        let ids = plan.steps.map(\.id)
        #expect(ids.contains("rocm-repository") && ids.contains("rocm") && ids.contains("rocm-groups"))
        let repositoryIndex = try #require(ids.firstIndex(of: "rocm-repository"))
        #expect(ids[repositoryIndex + 1] == "rocm")
        #expect(ids[repositoryIndex + 2] == "rocm-groups")
        #expect(!ids.contains("cuda-repository") && !ids.contains("nvidia-driver") && !ids.contains("reboot-notice"))
        #expect(plan.steps.filter { $0.id.hasPrefix("rocm") }.allSatisfy { $0.fixes == ["drivers.rocm"] && $0.needsRoot })
    }

    @Test func theRepositoryIsTheReleasesDirectoryForTheReleasesCodename() throws {
        let rocm = ROCmInstall(constraint: PlanExamples.constraint("6.2.4"), os: .init(distro: .ubuntu, release: "24.04"))
        #expect(rocm.release == "6.2.4")
        #expect(rocm.codename == "noble")
        #expect(rocm.sources.map(\.path) == ["/etc/apt/sources.list.d/amdgpu.list", "/etc/apt/sources.list.d/rocm.list"])
        #expect(rocm.sources[0].contents.contains(
            "deb [arch=amd64 signed-by=/etc/apt/keyrings/rocm.asc] https://repo.radeon.com/amdgpu/6.2.4/ubuntu noble main\n"))
        #expect(rocm.sources[1].contents.contains(
            "deb [arch=amd64 signed-by=/etc/apt/keyrings/rocm.asc] https://repo.radeon.com/rocm/apt/6.2.4 noble main\n"))
        #expect(rocm.preferences.path == "/etc/apt/preferences.d/rocm-pin-600")
        #expect(rocm.preferences.contents.contains("Package: *\nPin: release o=repo.radeon.com\nPin-Priority: 600\n"))
        #expect(rocm.packages == [AptPin(name: "amdgpu-dkms", hold: true), AptPin(name: "rocm", hold: true)])
        #expect(rocm.groups == ["render", "video"])
    }

    @Test(arguments: [("6.2", "6.2"), ("6.2.0", "6.2"), ("6.1.2", "6.1.2"), (">=6.2", "6.2"), ("6.2.4.1", "6.2.4")])
    func amdsDirectoryNames(written: String, directory: String) {
        #expect(ROCmInstall(constraint: PlanExamples.constraint(written), os: .init(distro: .ubuntu, release: "22.04")).release == directory)
    }

    @Test func popUsesUbuntusCodename() {
        let rocm = ROCmInstall(constraint: PlanExamples.constraint("6.1"), os: .init(distro: .pop, release: "22.04"))
        #expect(rocm.codename == "jammy")
        #expect(rocm.sources[1].contents.contains("https://repo.radeon.com/rocm/apt/6.1 jammy main"))
    }

    @Test func theShellStepsDownloadTheKeyWriteTheFilesInstallHoldAndJoinTheGroups() {
        let script = ShellEmitter().emit(Planner().plan(spec: PlanExamples.rocmDesktop))
        #expect(script.contains("curl -fsSL --proto '=https' -o \"${RIG_TMP}\" 'https://repo.radeon.com/rocm/rocm.gpg.key'"))
        #expect(script.contains("mv -f -- \"${RIG_TMP}\" '/etc/apt/keyrings/rocm.asc'"))
        #expect(script.contains("[[ -s '/etc/apt/keyrings/rocm.asc' ]]"))
        #expect(script.contains("rig_install_file '/etc/apt/sources.list.d/rocm.list'"))
        #expect(script.contains("rig_install_file '/etc/apt/preferences.d/rocm-pin-600'"))
        #expect(script.contains("rig_apt_install \"linux-headers-$(uname -r)\" \"linux-modules-extra-$(uname -r)\"\n"))
        #expect(script.contains("rig_apt_install --allow-change-held-packages 'amdgpu-dkms' 'rocm'"))
        #expect(script.contains("apt-mark hold 'amdgpu-dkms' 'rocm'"))
        #expect(script.contains("rig_package_installed 'amdgpu-dkms' hold"))
        #expect(script.contains("usermod -a -G 'render,video' \"${user}\""))
        #expect(script.contains("if rig_user_in_groups 'render' 'video'; then"))
    }

    @Test func thePlaybookDoesTheSameWithAnsiblesModules() {
        let playbook = AnsibleEmitter().emit(Planner().plan(spec: PlanExamples.rocmNode), inInventory: true)
        #expect(playbook.contains("ansible.builtin.get_url:"))
        #expect(playbook.contains("url: \"https://repo.radeon.com/rocm/rocm.gpg.key\""))
        #expect(playbook.contains("dest: \"/etc/apt/sources.list.d/amdgpu.list\""))
        #expect(playbook.contains("https://repo.radeon.com/amdgpu/6.1/ubuntu jammy main"))
        #expect(playbook.contains("- \"amdgpu-dkms\""))
        #expect(playbook.contains("- \"linux-headers-{{ rigctl_kernel_release.stdout }}\""))
        #expect(playbook.contains("register: \"rigctl_kernel_release\""))
        #expect(playbook.contains("selection: hold"))
        #expect(playbook.contains("ansible.builtin.user:"))
        #expect(playbook.contains("append: true"))
        #expect(playbook.contains("rigctl_user:"))
    }

    /// The user-groups guard, run for real: the current user is in its own primary group, not in a made-up one.
    @Test func theGroupsGuardReadsTheUsersGroups() throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("guard.sh")
        let script = ShellPrelude.text + """

            primary="$(id -gn)"
            rig_user_in_groups "${primary}" || exit 10
            if rig_user_in_groups "${primary}" rigctl-no-such-group; then exit 11; fi
            exit 0

            """
        try ("#!/usr/bin/env bash\nset -euo pipefail\n" + script).write(to: file, atomically: true, encoding: .utf8)
        let result = try #require(try PlanTools.run("bash", [file.path]))
        #expect(result.status == 0, "\(result.output)")
    }
}
