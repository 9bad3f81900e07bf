import Testing
@testable import RigSystem
@testable import RigProbe

/// The driver-health parsers on the real outputs in Fixtures/tools/14_driver_health (SOURCES.tsv says where each is from).
@Suite struct DriverHealthParserTests {
    @Test func dkmsThreeLayoutSkipsErrorLines() throws {
        let status = DKMSStatus.parse(try Fixture.text("tools/14_driver_health/dkms_status_v3_popos_two_kernels.txt"))
        #expect(status.entries.map(\.kernel) == ["6.12.10-76061203-generic", "6.16.3-76061603-generic"])
        #expect(status.entries.allSatisfy { $0.module == "nvidia" && $0.version == "570.172.08" && $0.isInstalled })
    }

    @Test func dkmsThreeLayoutWithAnotherModule() throws {
        let status = DKMSStatus.parse(try Fixture.text("tools/14_driver_health/dkms_status_v3_ubuntu_two_modules.txt"))
        #expect(status.entries.map(\.module) == ["nvidia", "rtl8852bu"])
        #expect(status.entries.first?.version == "535.86.05")
    }

    @Test func dkmsTwoLayout() throws {
        let status = DKMSStatus.parse(try Fixture.text("tools/14_driver_health/dkms_status_v2_ubuntu.txt"))
        #expect(status.entries == [.init(module: "nvidia", version: "460.91.03", kernel: "5.11.0-36-generic", state: "installed")])
    }

    @Test func dkmsAddedOnlyAndWarnings() {
        let status = DKMSStatus.parse("nvidia/570.172.08: added\nnvidia/570.172.08, 6.8.0-51-generic, x86_64: installed (WARNING! Diff between built and installed module!)\n")
        #expect(status.entries.map(\.kernel) == [nil, "6.8.0-51-generic"])
        #expect(status.entries.map(\.isInstalled) == [false, true])
        #expect(DKMSStatus.parse("garbage\n: \n,,: x\n").entries.isEmpty)
    }

    @Test func mokutil() throws {
        #expect(MokutilSBState.parse(try Fixture.text("tools/14_driver_health/mokutil_sb_state_enabled.txt")) == true)
        #expect(MokutilSBState.parse(try Fixture.text("tools/14_driver_health/mokutil_sb_state_disabled.txt")) == false)
        #expect(MokutilSBState.parse("This system doesn't support Secure Boot\n") == nil)
        #expect(MokutilSBState.saysNoEFI("EFI variables are not supported on this system\n"))
    }

    @Test func nvmlMismatch() throws {
        let text = try Fixture.text("tools/14_driver_health/nvidia_smi_mismatch_570.124.txt")
        #expect(NVMLLibrary.initializationError(text) == "Failed to initialize NVML: Driver/library version mismatch")
        #expect(NVMLLibrary.reportedLibraryVersion(text) == "570.124")
        let old = try Fixture.text("tools/14_driver_health/nvidia_smi_mismatch_no_library_line.txt")
        #expect(NVMLLibrary.reportedLibraryVersion(old) == nil)
        #expect(NVMLLibrary.initializationError("570.124.04\n") == nil)
    }

    @Test func nvmlLibraryFiles() {
        #expect(NVMLLibrary.versions(in: ["libnvidia-ml.so", "libnvidia-ml.so.1", "libnvidia-ml.so.570.133.07", "libnvidia-ml.so.570.124.06",
                                          "libnvidia-ml.so.x.y", "libc.so.6"]) == ["570.124.06", "570.133.07"])
    }

    @Test func modprobeBlacklist() {
        #expect(ModprobeConfig.blacklists("nouveau", in: "# keep it off\nblacklist nouveau\noptions nouveau modeset=0\n"))
        #expect(ModprobeConfig.blacklists("nouveau", in: "install nouveau /bin/false\n"))
        #expect(!ModprobeConfig.blacklists("nouveau", in: "# blacklist nouveau\noptions nouveau modeset=0\nblacklist nouveaufb\n"))
        #expect(ProcModules.names("nvidia_uvm 2076672 0 - Live 0x0 (OE)\nnouveau 3096576 1 - Live 0x0\n") == ["nvidia_uvm", "nouveau"])
    }

    @Test func kernelOrder() {
        #expect(KernelRelease.installed(fromBoot: ["vmlinuz", "vmlinuz.old", "vmlinuz-6.8.0-9-generic", "config-6.8.0-51-generic",
                                                   "vmlinuz-6.11.0-1-generic", "vmlinuz-6.8.0-51-generic"])
                == ["6.8.0-9-generic", "6.8.0-51-generic", "6.11.0-1-generic"])
        #expect(KernelRelease.precedes("6.8.0-51-generic", "6.8.0-51-lowlatency"))
        #expect(!KernelRelease.precedes("99999999999999999999999.0", "1.0"))
    }

    @Test func unattendedUpgradesSettings() {
        let auto = "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n"
        #expect(AptConf.value(of: "APT::Periodic::Unattended-Upgrade", in: auto) == "1")
        #expect(AptConf.value(of: "APT::Periodic::Unattended-Upgrade", in: "// APT::Periodic::Unattended-Upgrade \"1\";\n") == nil)
        let blacklist = """
            Unattended-Upgrade::Package-Blacklist {
                // "vim";
                "nvidia-";  # the driver
                "libnvidia-";
            };
            Unattended-Upgrade::Mail "root";
            """
        #expect(AptConf.list("Unattended-Upgrade::Package-Blacklist", in: blacklist) == ["nvidia-", "libnvidia-"])
    }
}
