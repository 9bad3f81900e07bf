import Foundation
import Testing
import RigSpec

/// The example values must stay what `machines/*.yaml` say, or the goldens describe other machines.
@Suite struct PlanExamplesTests {
    @Test(arguments: PlanExamples.all)
    func mirrorsTheMachineFile(_ example: MachineSpec) throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let file = repository.appendingPathComponent(example.file).path
        var loaded: MachineSpec
        switch SpecLoader.fromDisk().load(file: file) {
        case .success(let spec): loaded = spec
        case .failure(let error):
            Issue.record("\(example.file) does not load: \(error.diagnostics.map(\.message))")
            return
        }
        loaded.file = example.file
        loaded.locations = example.locations
        #expect(loaded == example)
    }
}
