import RigSpec
import RigSystem
/// Whole disks from `lsblk -J -b -o NAME,MODEL,SIZE,ROTA,TRAN,TYPE`.
package struct StorageProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.storage] }
    package var runsCommands: Bool { true }

    static let argv = ["lsblk", "-J", "-b", "-o", "NAME,MODEL,SIZE,ROTA,TRAN,TYPE"]

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        let result = await system.run(Self.argv, timeout: timeout)
        if let reason = result.failureReason(program: "lsblk") { return unavailable(reason) }
        let disks: Fact<[DiskFacts]>
        do {
            let found = try Lsblk.parse(result.stdout).disks
            if let bad = found.first(where: { $0.sizeBytes == nil }) {
                let name = UntrustedText.escaped(bad.name, limit: 40)
                let reason = bad.unreadableSize.map { "lsblk: the size of \(name) is not a byte count: \(UntrustedText.escaped($0, limit: 40))" }
                    ?? "lsblk reports no size for \(name)"
                return FactsUpdate { $0.storage = .unknown(reason) }
            }
            disks = .value(found.map { disk in
                DiskFacts(name: disk.name, model: disk.model, sizeBytes: disk.sizeBytes ?? 0, // never nil here: checked above
                          rotational: disk.rotational, transport: disk.transport)
            }.sorted { $0.name < $1.name })
        } catch {
            disks = .unknown("lsblk: \(error)")
        }
        return FactsUpdate { $0.storage = disks }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { $0.storage = .unknown(reason) }
    }
}
