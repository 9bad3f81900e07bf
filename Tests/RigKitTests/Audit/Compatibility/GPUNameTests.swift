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

    /// Plain ASCII names take a byte path; a "™" at the end (a space once normalized) sends the same
    /// words down the path for any text: both must agree.
    @Test func asciiNamesNormalizeAsAnyTextDoes() {
        let names = ["NVIDIA GeForce RTX 3090", "  nvidia\tgeforce--rtx__3090 ", "RTX NVIDIA 4090", "nvidia", "Tesla V100-SXM2-16GB",
                     "a100-sxm4-80gb", "Quadro RTX 8000", "-", "", "amd ati radeon", "corporation x", "H100 80GB HBM3", "rtx\u{7F}4090"]
        for name in names {
            #expect(GPUName.normalize(name) == GPUName.normalize(name + "™"), "\(name)")
        }
        #expect(GPUName.normalize("RTX NVIDIA 4090") == "RTX NVIDIA 4090")
        #expect(GPUName.normalize("nvidia tesla") == "")
    }
}
