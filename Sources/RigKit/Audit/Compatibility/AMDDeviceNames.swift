import RigText
import RigSpec
import RigSystem
import RigProbe

/// Which AMD models a tool's name or a PCI device id can mean.
///
/// lspci and rocm-smi name an AMD GPU by its PCI database entry, a chip code name and the models that use
/// the chip: `Navi 31 [Radeon RX 7900 XT/7900 XTX]`, `Arcturus GL-XL [Instinct MI100]`; amd-smi prints
/// the model (`AMD Instinct MI210`). One device id can be several models (0x744c is both the RX 7900 XT
/// and XTX), so a GPU may be known only as one of a few.
package enum AMDDeviceNames {
    /// Models per PCI device id (vendor 0x1002), from the PCI ID database (pci.ids 2023.04.10, Debian package
    /// pci.ids 0.0~2023.04.11-1), spelled as the catalog names them. Only ids whose every model is listed.
    package static let pciDevices: [String: [String]] = [
        "0x738c": ["AMD Instinct MI100"],                              // Arcturus GL-XL [Instinct MI100]
        "0x7408": ["AMD Instinct MI250X"],                             // Aldebaran/MI200 [Instinct MI250X]
        "0x740c": ["AMD Instinct MI250X", "AMD Instinct MI250"],       // Aldebaran/MI200 [Instinct MI250X/MI250]
        "0x740f": ["AMD Instinct MI210"],                              // Aldebaran/MI200 [Instinct MI210]
        // Navi 31 [Radeon RX 7900 XT/7900 XTX]; later lspci also names the 7900 GRE and 7900M on this id
        // ("Navi 31 [Radeon RX 7900 XT/7900 XTX/7900 GRE/7900M]").
        "0x744c": ["AMD Radeon RX 7900 XT", "AMD Radeon RX 7900 XTX", "AMD Radeon RX 7900 GRE", "AMD Radeon RX 7900M"],
        // Navi 22 [Radeon RX 6700/6700 XT/6750 XT / 6800M/6850M XT]
        "0x73df": ["AMD Radeon RX 6700", "AMD Radeon RX 6700 XT", "AMD Radeon RX 6750 XT", "AMD Radeon RX 6800M", "AMD Radeon RX 6850M XT"],
        "0x73a1": ["AMD Radeon PRO V620"],                             // Navi 21 [Radeon Pro V620]
        "0x66af": ["AMD Radeon VII"],                                  // Vega 20 [Radeon VII]
        "0x66a1": ["AMD Radeon PRO VII", "AMD Instinct MI50"],         // Vega 20 [Radeon Pro VII/Radeon Instinct MI50 32GB]
    ]

    /// The models a database-style name lists: `Navi 31 [Radeon RX 7900 XT/7900 XTX]` → `Radeon RX 7900 XT`,
    /// `Radeon RX 7900 XTX`; `Aldebaran/MI200 [Instinct MI250X/MI250]` → `Instinct MI250X`, `Instinct MI250`.
    /// An alternative that is only a model number takes the words before the first one's number. A name
    /// without a bracket is itself.
    package static func models(inDatabaseName name: String) -> [String] {
        let text = name.trimmed(.whitespacesAndNewlines)
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "[") else { return [text] }
        let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let alternatives = inside.split(separator: "/").map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        guard let base = alternatives.first else { return [text] }
        let numberAt = base.firstIndex { $0.first?.isNumber == true } ?? max(0, base.count - 1)
        let prefix = Array(base[..<numberAt])
        return alternatives.prefix(16).map { (words: [String]) -> String in
            let onlyANumber = words.count == 1 || words[0].first?.isNumber == true
            if words == base || !onlyANumber { return words.joined(separator: " ") }
            return (prefix + words).joined(separator: " ")
        }
    }
}
