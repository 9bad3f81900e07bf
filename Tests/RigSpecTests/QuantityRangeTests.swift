import Testing
@testable import RigSpec

/// A number from a spec is checked where it is written: one too large for any machine (or
/// below one unit) is a located error, never a value that traps later in `plan` or `diff`.
@Suite struct QuantityRangeTests {
    func error(_ parts: String) -> String? {
        switch TestFixtures.load(TestFixtures.minimal + "\n" + parts) {
        case .success: return nil
        case .failure(let error): return error.description
        }
    }

    @Test func twentyDigitPowerLimitIsALocatedError() {
        let message = error("gpu-settings: { power-limit: 99999999999999999999 W }")
        #expect(message == "/specs/box.yaml:4:30: error: gpu-settings.power-limit: '99999999999999999999 W' is out of range: expected a power from 1 W to 1000 kW")
    }

    @Test func subWattPowerLimitIsAnError() {
        // It would round to `nvidia-smi --power-limit=0`.
        #expect(error("gpu-settings: { power-limit: 0.4 W }")?.contains("'0.4 W' is out of range") == true)
        #expect(error("gpu-settings: { power-limit: 0 W }")?.contains("'0 W' is out of range") == true)
    }

    @Test func twentyDigitMemorySpeedIsAnError() {
        let message = error("parts:\n  memory: { size: 32 GiB, speed: 99999999999999999999 MT/s }")
        #expect(message?.contains("parts.memory.speed: '99999999999999999999 MT/s' is out of range: expected a frequency from 1 Hz to 1000 GHz") == true)
    }

    @Test func hugeSizeAndPowerAreErrors() {
        #expect(error("parts:\n  gpus: [{ model: NVIDIA GeForce RTX 3090, vram: 4096 PiB }]")?.contains("out of range") == true)
        #expect(error("parts:\n  psu: { model: x, power: 1\(String(repeating: "0", count: 400)) W }")?.contains("out of range") == true)
    }

    @Test func realisticValuesStillLoad() throws {
        let spec = try TestFixtures.load(TestFixtures.minimal + """

        gpu-settings: { power-limit: 1 W }
        parts:
          memory: { size: 2 TiB, speed: 8000 MT/s }
          psu: { model: x, power: 2.4 kW }
        """).get()
        #expect(spec.gpuSettings?.powerLimit?.value == 1)
        #expect(spec.parts.memory?.size.value == 2_199_023_255_552)
    }

    @Test func wholeNumberTextNeverTraps() {
        #expect(350.0.wholeNumberText == "350")
        #expect(350.5.wholeNumberText == nil)
        #expect(1e30.wholeNumberText == nil)
        #expect(Double.infinity.wholeNumberText == nil)
        #expect(Double.nan.wholeNumberText == nil)
    }
}
