import Testing
import RigSpec
@testable import RigAudit

/// The rules run together share each spec's GPU lookups (`SpecLookups`), but only for the catalog they
/// were made in: a rule with a catalog of its own still judges by it.
@Suite struct SpecLookupsTests {
    @Test func aRuleWithItsOwnCatalogIsNotGivenAnothersLookups() {
        let spec = ExampleMachines.computeNode
        let empty = GPUCatalog(entries: [], families: [])
        let together = CompatibilityRules([UnknownGPU(), UnknownGPU(catalog: empty), UnknownGPU()]).check(spec, passes: true)
        #expect(together.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.ok, .ok, .unknown])
        #expect(together == checkCompatibility(spec, rules: [UnknownGPU(), UnknownGPU(catalog: empty), UnknownGPU()], passes: true))
        #expect(UnknownGPU(catalog: empty).check(spec).count == 1)
    }

    @Test func sharedLookupsAreTheSpecsOwn() {
        let spec = ExampleMachines.bigRig
        let lookups = SpecLookups(spec)
        let first = lookups.catalogedGPUs(.standard)
        #expect(first.map(\.gpu.model) == spec.parts.gpus.map(\.model))
        #expect(first.map(\.model?.name) == spec.catalogedGPUs(.standard).map(\.model?.name))
        #expect(lookups.catalogedGPUs(GPUCatalog(entries: [], families: [])).allSatisfy { $0.model == nil })
        #expect(lookups.catalogedGPUs(.standard).map(\.model?.name) == first.map(\.model?.name))
    }

    @Test func everyStandardRuleFindsTheSameWithSharedLookups() {
        for spec in [ExampleMachines.workstation, ExampleMachines.computeNode, ExampleMachines.bigRig,
                     ExampleMachines.bigRigOnePSU, ExampleMachines.blackwellOnCUDA124] {
            let lookups = SpecLookups(spec)
            for rule in CompatibilityCheck.standardRules {
                #expect(rule.check(spec, lookups: lookups) == rule.check(spec), "\(rule.id) on \(spec.name)")
            }
        }
    }
}
