import Testing
@testable import RigSystem
@testable import RigProbe

@Suite struct AMDSMIProberTests {
    private func amdGPU(_ machine: inout FakeSystem, bus: String, device: String) {
        machine.directories["/sys/bus/pci/devices", default: []].append(bus)
        machine.files["/sys/bus/pci/devices/\(bus)/class"] = "0x038000\n"
        machine.files["/sys/bus/pci/devices/\(bus)/vendor"] = "0x1002\n"
        machine.files["/sys/bus/pci/devices/\(bus)/device"] = "\(device)\n"
    }

    /// The MI210 capture has no `bus.bdf`: the one GPU of device 0x740f takes its record.
    @Test func mi210ByDeviceIDWithoutBusID() async throws {
        var machine = FakeSystem()
        amdGPU(&machine, bus: "0000:c1:00.0", device: "0x740f")
        machine.commands[AMDSMIProber.argv] = .output(try Fixture.text("tools/17_amd_smi/static_mi210_gpu_data.json"))
        let gpu = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value?.first)
        #expect(gpu.model == .value("AMD Instinct MI210"))
        #expect(gpu.gfxTarget == .value("gfx90a"))
        #expect(gpu.vramBytes == .value(65520 * 1_048_576))
        #expect(gpu.powerLimitWatts == .value(300))
    }

    /// Two GPUs of one device id and records without bus ids: no guessing which is which.
    @Test func twoSameCardsWithoutBusIDsStayUnmatched() async throws {
        var machine = FakeSystem()
        amdGPU(&machine, bus: "0000:c1:00.0", device: "0x740f")
        amdGPU(&machine, bus: "0000:c2:00.0", device: "0x740f")
        machine.commands[AMDSMIProber.argv] = .output(try Fixture.text("tools/17_amd_smi/static_mi210_list.json"))
        let gpus = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value)
        #expect(gpus.count == 2)
        #expect(gpus.allSatisfy { $0.powerLimitWatts.reason?.contains("amd-smi does not list") == true })
        #expect(gpus.allSatisfy { $0.gfxTarget?.value == nil })
    }

    /// No amd-smi (ROCm before 6): rocm-smi answers, with its GFX Version.
    @Test func fallsBackToRocmSMI() async throws {
        var machine = FakeSystem()
        amdGPU(&machine, bus: "0000:07:00.0", device: "0x73df")
        machine.commands[RocmSMIProber.argv] = .output(try Fixture.text("tools/12_rocm_smi/rx6700xt_rocm6.1.2_json.txt"))
        let gpu = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value?.first)
        #expect(gpu.model == .value("Navi 22 [Radeon RX 6700/6700 XT / 6800M]"))
        #expect(gpu.gfxTarget == .value("gfx1031"))
        #expect(gpu.powerLimitWatts == .value(211))
    }

    /// amd-smi printing something else (the truncated real paste) also falls back, and says why.
    @Test func unreadableAMDSMIFallsBackAndSaysWhy() async throws {
        var machine = FakeSystem()
        amdGPU(&machine, bus: "0000:03:00.0", device: "0x747e")
        machine.commands[AMDSMIProber.argv] = .output(try Fixture.text("tools/17_amd_smi/rx7800xt_gpu_data_truncated.txt"))
        let gpu = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value?.first)
        #expect(gpu.powerLimitWatts == .unknown("rocm-smi not installed"))
        let reason = try #require(gpu.gfxTarget?.reason)
        #expect(reason.contains("amd-smi printed no JSON rigctl knows"))
    }

    /// The kernel's KFD topology gives the target with no ROCm tool at all; NVIDIA GPUs get no gfx fact.
    @Test func kfdTopologyWithoutTools() async throws {
        var machine = FakeSystem()
        amdGPU(&machine, bus: "0000:86:00.0", device: "0x744c")
        machine.directories["/sys/class/kfd/kfd/topology/nodes"] = ["0", "1"]
        machine.files["/sys/class/kfd/kfd/topology/nodes/0/properties"] = "cpu_cores_count 16\ngfx_target_version 0\nlocation_id 0\ndomain 0\n"
        machine.files["/sys/class/kfd/kfd/topology/nodes/1/properties"] = try Fixture.text("tools/18_kfd_topology/rx7900xtx_node1_properties.txt")
        machine.directories["/sys/bus/pci/devices", default: []].append("0000:01:00.0")
        machine.files["/sys/bus/pci/devices/0000:01:00.0/class"] = "0x030000\n"
        machine.files["/sys/bus/pci/devices/0000:01:00.0/vendor"] = "0x10de\n"
        let gpus = try #require(await ProbeRunner.probe([.gpus], on: machine).gpus?.value)
        #expect(gpus.first { $0.vendor == "amd" }?.gfxTarget == .value("gfx1100"))
        #expect(gpus.first { $0.vendor == "nvidia" }?.gfxTarget == nil)
    }
}
