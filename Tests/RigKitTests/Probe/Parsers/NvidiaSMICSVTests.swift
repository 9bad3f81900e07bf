import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct NvidiaSMICSVTests {
    @Test func h100AllFieldsByName() throws {
        let csv = NvidiaSMICSV.parse(try Fixture.text("tools/02_nvidia_smi_csv/h100_80gb_590.48.01_allfields.txt"))
        let row = try #require(csv.rows.first)
        #expect(csv.rows.count == 1)
        #expect(row["name"] == "NVIDIA H100 80GB HBM3")
        #expect(row["driver_version"] == "590.48.01")
        #expect(row["pci.bus_id"] == "00000000:00:09.0")
        #expect(row["memory.total"].flatMap(Units.bytes) == mib(81559))
        #expect(row["compute_cap"] == "9.0")
        #expect(row["power.limit"].flatMap(Units.watts) == 700)
        #expect(row["power.default_limit"].flatMap(Units.watts) == 700)
        #expect(row["persistence_mode"] == "Enabled")
        #expect(row["mig.mode.current"] == "Disabled")
        // This branch has no kmd_version column at all.
        #expect(row["kmd_version"] == nil)
    }

    @Test func unavailableValuesReadAsNil() throws {
        let row = try #require(NvidiaSMICSV.parse(try Fixture.text("tools/02_nvidia_smi_csv/h100_80gb_590.48.01_allfields.txt")).rows.first)
        #expect(row.fields["display_mode"] == "[Requested functionality has been deprecated]")
        #expect(row["display_mode"] == nil)
        #expect(row.fields["vgpu_driver_capability.heterogenous_multivGPU"] == "[N/A]")
        #expect(row["vgpu_driver_capability.heterogenous_multivGPU"] == nil)
    }

    @Test func rtx4080SuperWithKMDVersionColumn() throws {
        let row = try #require(NvidiaSMICSV.parse(try Fixture.text("tools/02_nvidia_smi_csv/rtx4080super_595.71.05_allfields.txt")).rows.first)
        #expect(row["name"] == "NVIDIA GeForce RTX 4080 SUPER")
        #expect(row["kmd_version"] == "595.71.05")
        #expect(row["memory.total"].flatMap(Units.bytes) == mib(16376))
        #expect(row["compute_cap"] == "8.9")
        #expect(row["power.default_limit"].flatMap(Units.watts) == 320)
        #expect(row["persistence_mode"] == "Disabled")
        #expect(row["mig.mode.current"] == nil)
    }

    @Test func rtx2080SuperOnNewestBranch() throws {
        let row = try #require(NvidiaSMICSV.parse(try Fixture.text("tools/02_nvidia_smi_csv/rtx2080super_610.57.04_allfields.txt")).rows.first)
        #expect(row["name"] == "NVIDIA GeForce RTX 2080 SUPER")
        #expect(row["driver_version"] == "610.57.04")
        #expect(row["pci.bus_id"] == "00000000:0C:00.0")
        #expect(row["memory.total"].flatMap(Units.bytes) == mib(8192))
        #expect(row["compute_cap"] == "7.5")
        #expect(row["power.limit"].flatMap(Units.watts) == 250)
    }

    @Test func eightGPUsWithoutHeaderByQueryOrder() throws {
        let csv = NvidiaSMICSV.parse(try Fixture.text("tools/02_nvidia_smi_csv/8x_rtx5060ti_noheader_index_name_driver_mem.txt"),
                                     fields: ["index", "name", "driver_version", "memory.total [MiB]"])
        #expect(csv.rows.count == 8)
        #expect(csv.rows.map { $0["index"] } == (0..<8).map { String($0) })
        #expect(Set(csv.rows.map { $0["name"] }) == ["NVIDIA GeForce RTX 5060 Ti"])
        #expect(csv.rows[7]["driver_version"] == "580.159.03")
        #expect(csv.rows[3]["memory.total"].flatMap(Units.bytes) == mib(16311))
    }
}
