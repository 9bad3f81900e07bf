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

@Suite struct GPUNameTests {
    @Test func vendorAndBrandWordsDoNotMatter() {
        #expect(GPUName.normalize("NVIDIA GeForce RTX 3090") == "RTX 3090")
        #expect(GPUName.normalize("GeForce RTX 3090") == "RTX 3090")
        #expect(GPUName.normalize("RTX 3090") == "RTX 3090")
        #expect(GPUName.normalize("  nvidia   geforce rtx 3090 ") == "RTX 3090")
    }

    @Test func hyphensUnderscoresAndMarksBecomeSpaces() {
        #expect(GPUName.normalize("NVIDIA A100-SXM4-80GB") == "A100 SXM4 80GB")
        #expect(GPUName.normalize("A100_SXM4_80GB") == "A100 SXM4 80GB")
        #expect(GPUName.normalize("NVIDIA(R) GeForce(TM) RTX 4090") == "RTX 4090")
        #expect(GPUName.normalize("Tesla V100-SXM2-16GB") == "V100 SXM2 16GB")
    }

    @Test func keepsWordsThatNameTheModel() {
        #expect(GPUName.normalize("NVIDIA GeForce RTX 5090 D") == "RTX 5090 D")
        #expect(GPUName.normalize("NVIDIA RTX A5000") == "RTX A5000")
        #expect(GPUName.normalize("AMD Instinct MI100") == "INSTINCT MI100")
        #expect(GPUName.normalize("AMD Radeon RX 7900 XTX") == "RX 7900 XTX")
        #expect(GPUName.normalize("") == "")
    }
}
