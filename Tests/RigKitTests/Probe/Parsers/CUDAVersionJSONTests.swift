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

@Suite struct CUDAVersionJSONTests {
    @Test func toolkitWithoutBundledDriver() throws {
        let parsed = try #require(CUDAVersionJSON.parse(try Fixture.data("tools/05_nvcc_cuda_version/version_json_cuda_11.5.2_no_driver_entry.txt")))
        #expect(parsed.version == "11.5.2")
        #expect(parsed.nvccVersion == "11.5.119")
        #expect(parsed.bundledDriverVersion == nil)
    }

    @Test func oldVersionText() {
        #expect(CUDAVersionJSON.parseText("CUDA Version 10.1.243\n")?.version == "10.1.243")
        #expect(CUDAVersionJSON.parse(Data("[]".utf8)) == nil)
    }
}

import Foundation
