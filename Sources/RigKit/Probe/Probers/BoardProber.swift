import RigSpec
import RigSystem
/// Board and BIOS from `/sys/class/dmi/id`, else `dmidecode -t 0 -t 2` when root.
/// Vendor placeholders ("To Be Filled By O.E.M.") read as unknown.
package struct BoardProber: Prober {
    package init() {}
    package var groups: Set<FactGroup> { [.board] }
    static let dmi = "/sys/class/dmi/id"

    package func probe(on system: any System, timeout: Duration) async -> FactsUpdate {
        if system.fileExists(Self.dmi) {
            func read(_ name: String) -> Fact<String> {
                switch system.readTextResult("\(Self.dmi)/\(name)") {
                case .success(let text): return Self.fact(text.trimmed, source: name)
                case .failure(let error): return .unknown(error.description)
                }
            }
            var board = BoardFacts()
            board.vendor = read("board_vendor")
            board.name = read("board_name")
            board.biosVendor = read("bios_vendor")
            board.biosVersion = read("bios_version")
            board.biosDate = read("bios_date")
            let result = board
            return FactsUpdate { $0.board = result }
        }
        guard system.isRoot() else {
            return unavailable("no \(Self.dmi) (no DMI tables: a VM or container?) and dmidecode needs root")
        }
        let result = await system.run(["dmidecode", "-t", "0", "-t", "2"], timeout: timeout)
        if let reason = result.failureReason(program: "dmidecode") { return unavailable("no \(Self.dmi); \(reason)") }
        let decoded = Dmidecode.parse(result.output)
        var board = BoardFacts()
        let noBoard = "dmidecode lists no base board (type 2)", noBIOS = "dmidecode lists no BIOS (type 0)"
        board.vendor = decoded.baseBoard.map { Self.fact($0.fields["Manufacturer"] ?? "", source: "Manufacturer") } ?? .unknown(noBoard)
        board.name = decoded.baseBoard.map { Self.fact($0.fields["Product Name"] ?? "", source: "Product Name") } ?? .unknown(noBoard)
        board.biosVendor = decoded.bios.map { Self.fact($0.fields["Vendor"] ?? "", source: "Vendor") } ?? .unknown(noBIOS)
        board.biosVersion = decoded.bios.map { Self.fact($0.fields["Version"] ?? "", source: "Version") } ?? .unknown(noBIOS)
        board.biosDate = decoded.bios.map { Self.fact($0.fields["Release Date"] ?? "", source: "Release Date") } ?? .unknown(noBIOS)
        let found = board
        return FactsUpdate { $0.board = found }
    }

    package func unavailable(_ reason: String) -> FactsUpdate {
        FactsUpdate { facts in
            facts.board?.vendor = .unknown(reason)
            facts.board?.name = .unknown(reason)
            facts.board?.biosVendor = .unknown(reason)
            facts.board?.biosVersion = .unknown(reason)
            facts.board?.biosDate = .unknown(reason)
        }
    }

    static func fact(_ value: String, source: String) -> Fact<String> {
        if value.isEmpty { return .unknown("\(source) is empty") }
        if Dmidecode.isPlaceholder(value) { return .unknown("\(source) is a firmware placeholder (\"\(value)\")") }
        return .value(value)
    }
}
