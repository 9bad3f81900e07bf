import RigText

/// Reads `Facts` straight from the JSON bytes, for `audit`, which reads a facts file per machine:
/// no `JSONValue` tree, no `Decoder` existentials, keys compared as bytes.
///
/// It decodes exactly what `JSONValueDecoder` decodes, to the same value, and gives up where it
/// gives up (a repeated key, an integer written `8.0`, a null for a value, a missing key) and on
/// any key it cannot compare as bytes. `Facts.decode` then falls back to the Codable path, so every
/// result and every error stays JSONDecoder's.
enum FactsReader {
    static func facts(_ bytes: [UInt8]) throws -> Facts {
        var json = JSONReader(bytes: bytes)
        let facts = try Facts(reading: &json)
        try json.finish()
        return facts
    }
}

/// A type `FactsReader` decodes from JSON as its synthesized `Decodable` conformance does.
protocol FactsReadable {
    init(reading json: inout JSONReader) throws
}

extension JSONReader {
    /// An object's members: `member` gets the index in `keys` of each known key; other keys are
    /// skipped (still checked as JSON); a key written twice is unsupported.
    mutating func readMembers(_ keys: [StaticString], _ member: (inout JSONReader, Int) throws -> Void) throws {
        var seen: UInt64 = 0
        var others: [Range<Int>] = []
        try readObject { json, key in
            if let index = keys.firstIndex(where: { json.bytes(key, are: $0) }) {
                guard seen & 1 << index == 0 else { throw JSONPull.Unsupported() }
                seen |= 1 << index
                try member(&json, index)
            } else {
                guard !others.contains(where: { json.bytes(key, equal: $0) }) else { throw JSONPull.Unsupported() }
                others.append(key)
                _ = try json.value()
            }
        }
    }

    /// As `decodeIfPresent` reads a value that is there: null is nil.
    mutating func readOptional<T: FactsReadable>(_ type: T.Type) throws -> T? {
        try takeNull() ? nil : T(reading: &self)
    }
}

/// A key the synthesized decoder requires: absent is unsupported (JSONDecoder reports it).
private func required<T>(_ value: T?) throws -> T {
    guard let value else { throw JSONPull.Unsupported() }
    return value
}

extension String: FactsReadable {
    init(reading json: inout JSONReader) throws { self = try json.readString() }
}

extension Bool: FactsReadable {
    init(reading json: inout JSONReader) throws { self = try json.readBool() }
}

extension Int: FactsReadable {
    init(reading json: inout JSONReader) throws { self = try JSONValueDecoder.integer(.number(json.readNumber()), as: Int.self) }
}

extension UInt64: FactsReadable {
    init(reading json: inout JSONReader) throws { self = try JSONValueDecoder.integer(.number(json.readNumber()), as: UInt64.self) }
}

extension Double: FactsReadable {
    init(reading json: inout JSONReader) throws { self = try JSONValueDecoder.floatingPoint(.number(json.readNumber()), as: Double.self) }
}

extension Array: FactsReadable where Element: FactsReadable {
    init(reading json: inout JSONReader) throws {
        var items: [Element] = []
        try json.readArray { json in items.append(try Element(reading: &json)) }
        self = items
    }
}

/// `Fact`'s keys: a generic type has no stored static properties, and a computed list was built on every read.
private let factKeys: [StaticString] = ["value", "unknown"]

extension Fact: FactsReadable where Value: FactsReadable {

    /// As `init(from:)`: an unknown reason wins and the value is then not decoded, so a value that
    /// does not decode is skipped and counts only when there is no reason.
    init(reading json: inout JSONReader) throws {
        var value: Value?
        var reason: String?
        try json.readMembers(factKeys) { json, key in
            if key == 1 {
                reason = try json.readOptional(String.self)
                return
            }
            let start = json.offset
            do {
                value = try Value(reading: &json)
            } catch {
                json.offset = start
                _ = try json.value()
            }
        }
        if let reason {
            self = .unknown(reason)
        } else {
            self = .value(try required(value))
        }
    }
}

extension Facts: FactsReadable {
    static let keys: [StaticString] = [
        "format", "os", "hostname", "cpu", "memory", "gpus", "nvidiaDriver", "cuda", "storage", "board", "firmware",
        "packages", "driverHealth", "python", "containers", "rocm", "chip", "casks",
    ]

    init(reading json: inout JSONReader) throws {
        var format: Int?
        var facts = Facts()
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: format = try Int(reading: &json)
            case 1: facts.os = try json.readOptional(OSFacts.self)
            case 2: facts.hostname = try json.readOptional(Fact<String>.self)
            case 3: facts.cpu = try json.readOptional(CPUFacts.self)
            case 4: facts.memory = try json.readOptional(MemoryFacts.self)
            case 5: facts.gpus = try json.readOptional(Fact<[GPUFacts]>.self)
            case 6: facts.nvidiaDriver = try json.readOptional(NvidiaDriverFacts.self)
            case 7: facts.cuda = try json.readOptional(CUDAFacts.self)
            case 8: facts.storage = try json.readOptional(Fact<[DiskFacts]>.self)
            case 9: facts.board = try json.readOptional(BoardFacts.self)
            case 10: facts.firmware = try json.readOptional(FirmwareFacts.self)
            case 11: facts.packages = try json.readOptional(Fact<[PackageFacts]>.self)
            case 12: facts.driverHealth = try json.readOptional(DriverHealthFacts.self)
            case 13: facts.python = try json.readOptional(PythonFacts.self)
            case 14: facts.containers = try json.readOptional(ContainerFacts.self)
            case 15: facts.rocm = try json.readOptional(ROCmFacts.self)
            case 16: facts.chip = try json.readOptional(ChipFacts.self)
            default: facts.casks = try json.readOptional(Fact<[PackageFacts]>.self)
            }
        }
        facts.format = try required(format)
        self = facts
    }
}

extension OSFacts: FactsReadable {
    static let keys: [StaticString] = ["id", "version", "prettyName", "kernel", "architecture"]

    init(reading json: inout JSONReader) throws {
        var facts: [Fact<String>?] = [nil, nil, nil, nil, nil]
        try json.readMembers(Self.keys) { json, key in facts[key] = try Fact(reading: &json) }
        self.init()
        (id, version, prettyName, kernel, architecture) = try (required(facts[0]), required(facts[1]), required(facts[2]), required(facts[3]), required(facts[4]))
    }
}

extension CPUFacts: FactsReadable {
    static let keys: [StaticString] = ["vendor", "model", "sockets", "cores", "threads", "maxFrequencyMHz", "virtualization"]

    init(reading json: inout JSONReader) throws {
        var vendor, model, virtualization: Fact<String>?
        var sockets, cores, threads: Fact<Int>?
        var maxFrequencyMHz: Fact<Double>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: vendor = try Fact(reading: &json)
            case 1: model = try Fact(reading: &json)
            case 2: sockets = try Fact(reading: &json)
            case 3: cores = try Fact(reading: &json)
            case 4: threads = try Fact(reading: &json)
            case 5: maxFrequencyMHz = try Fact(reading: &json)
            default: virtualization = try Fact(reading: &json)
            }
        }
        self.init()
        (self.vendor, self.model, self.sockets, self.cores) = try (required(vendor), required(model), required(sockets), required(cores))
        (self.threads, self.maxFrequencyMHz, self.virtualization) = try (required(threads), required(maxFrequencyMHz), required(virtualization))
    }
}

extension MemoryFacts: FactsReadable {
    static let keys: [StaticString] = ["totalBytes", "dimms", "slots"]

    init(reading json: inout JSONReader) throws {
        var totalBytes: Fact<UInt64>?
        var dimms: Fact<[DIMMFacts]>?
        var slots: Fact<Int>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: totalBytes = try Fact(reading: &json)
            case 1: dimms = try Fact(reading: &json)
            default: slots = try Fact(reading: &json)
            }
        }
        self.init()
        (self.totalBytes, self.dimms, self.slots) = try (required(totalBytes), required(dimms), required(slots))
    }
}

extension DIMMFacts: FactsReadable {
    static let keys: [StaticString] = ["locator", "sizeBytes", "type", "ratedSpeedMTs", "configuredSpeedMTs"]

    init(reading json: inout JSONReader) throws {
        var locator, type: String?
        var sizeBytes: UInt64?
        var ratedSpeedMTs, configuredSpeedMTs: Int?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: locator = try String(reading: &json)
            case 1: sizeBytes = try UInt64(reading: &json)
            case 2: type = try json.readOptional(String.self)
            case 3: ratedSpeedMTs = try json.readOptional(Int.self)
            default: configuredSpeedMTs = try json.readOptional(Int.self)
            }
        }
        self.init(locator: try required(locator), sizeBytes: try required(sizeBytes), type: type,
                  ratedSpeedMTs: ratedSpeedMTs, configuredSpeedMTs: configuredSpeedMTs)
    }
}

extension GPUFacts: FactsReadable {
    static let keys: [StaticString] = [
        "busID", "vendor", "deviceID", "model", "vramBytes", "computeCapability", "gfxTarget", "powerLimitWatts",
        "defaultPowerLimitWatts", "persistenceMode", "bar1Bytes", "migEnabled", "pcieLink",
    ]

    init(reading json: inout JSONReader) throws {
        var busID, vendor: String?
        var deviceID, model, computeCapability, gfxTarget: Fact<String>?
        var vramBytes, bar1Bytes: Fact<UInt64>?
        var powerLimitWatts, defaultPowerLimitWatts: Fact<Double>?
        var persistenceMode, migEnabled: Fact<Bool>?
        var pcieLink: Fact<PCIeLinkFacts>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: busID = try String(reading: &json)
            case 1: vendor = try String(reading: &json)
            case 2: deviceID = try Fact(reading: &json)
            case 3: model = try Fact(reading: &json)
            case 4: vramBytes = try Fact(reading: &json)
            case 5: computeCapability = try Fact(reading: &json)
            case 6: gfxTarget = try json.readOptional(Fact<String>.self)
            case 7: powerLimitWatts = try Fact(reading: &json)
            case 8: defaultPowerLimitWatts = try Fact(reading: &json)
            case 9: persistenceMode = try Fact(reading: &json)
            case 10: bar1Bytes = try Fact(reading: &json)
            case 11: migEnabled = try Fact(reading: &json)
            default: pcieLink = try json.readOptional(Fact<PCIeLinkFacts>.self)
            }
        }
        self.init(busID: try required(busID), vendor: try required(vendor))
        (self.deviceID, self.model, self.vramBytes, self.computeCapability) = try (required(deviceID), required(model), required(vramBytes), required(computeCapability))
        (self.powerLimitWatts, self.defaultPowerLimitWatts) = try (required(powerLimitWatts), required(defaultPowerLimitWatts))
        (self.persistenceMode, self.bar1Bytes, self.migEnabled) = try (required(persistenceMode), required(bar1Bytes), required(migEnabled))
        (self.gfxTarget, self.pcieLink) = (gfxTarget, pcieLink)
    }
}

extension PCIeLinkFacts: FactsReadable {
    static let keys: [StaticString] = ["width", "maxWidth", "speedGTs", "maxSpeedGTs"]

    init(reading json: inout JSONReader) throws {
        var width, maxWidth: Int?
        var speedGTs, maxSpeedGTs: Double?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: width = try Int(reading: &json)
            case 1: maxWidth = try Int(reading: &json)
            case 2: speedGTs = try json.readOptional(Double.self)
            default: maxSpeedGTs = try json.readOptional(Double.self)
            }
        }
        self.init(width: try required(width), maxWidth: try required(maxWidth), speedGTs: speedGTs, maxSpeedGTs: maxSpeedGTs)
    }
}

extension NvidiaDriverFacts: FactsReadable {
    static let keys: [StaticString] = ["version", "flavor"]

    init(reading json: inout JSONReader) throws {
        var version, flavor: Fact<String>?
        try json.readMembers(Self.keys) { json, key in
            if key == 0 { version = try Fact(reading: &json) } else { flavor = try Fact(reading: &json) }
        }
        self.init()
        (self.version, self.flavor) = try (required(version), required(flavor))
    }
}

extension CUDAFacts: FactsReadable {
    static let keys: [StaticString] = ["toolkits", "nvcc", "driverSupports"]

    init(reading json: inout JSONReader) throws {
        var toolkits: Fact<[CUDAToolkitFacts]>?
        var nvcc, driverSupports: Fact<String>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: toolkits = try Fact(reading: &json)
            case 1: nvcc = try Fact(reading: &json)
            default: driverSupports = try Fact(reading: &json)
            }
        }
        self.init()
        (self.toolkits, self.nvcc, self.driverSupports) = try (required(toolkits), required(nvcc), required(driverSupports))
    }
}

extension CUDAToolkitFacts: FactsReadable {
    static let keys: [StaticString] = ["path", "version"]

    init(reading json: inout JSONReader) throws {
        var path, version: String?
        try json.readMembers(Self.keys) { json, key in
            if key == 0 { path = try String(reading: &json) } else { version = try String(reading: &json) }
        }
        self.init(path: try required(path), version: try required(version))
    }
}

extension DiskFacts: FactsReadable {
    static let keys: [StaticString] = ["name", "model", "sizeBytes", "rotational", "transport"]

    init(reading json: inout JSONReader) throws {
        var name, model, transport: String?
        var sizeBytes: UInt64?
        var rotational: Bool?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: name = try String(reading: &json)
            case 1: model = try json.readOptional(String.self)
            case 2: sizeBytes = try UInt64(reading: &json)
            case 3: rotational = try json.readOptional(Bool.self)
            default: transport = try json.readOptional(String.self)
            }
        }
        self.init(name: try required(name), model: model, sizeBytes: try required(sizeBytes), rotational: rotational, transport: transport)
    }
}

extension BoardFacts: FactsReadable {
    static let keys: [StaticString] = ["vendor", "name", "biosVendor", "biosVersion", "biosDate"]

    init(reading json: inout JSONReader) throws {
        var facts: [Fact<String>?] = [nil, nil, nil, nil, nil]
        try json.readMembers(Self.keys) { json, key in facts[key] = try Fact(reading: &json) }
        self.init()
        (vendor, name, biosVendor, biosVersion, biosDate) = try (required(facts[0]), required(facts[1]), required(facts[2]), required(facts[3]), required(facts[4]))
    }
}

extension FirmwareFacts: FactsReadable {
    static let keys: [StaticString] = ["bootMode", "secureBoot", "iommu"]

    init(reading json: inout JSONReader) throws {
        var bootMode: Fact<String>?
        var secureBoot, iommu: Fact<Bool>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: bootMode = try Fact(reading: &json)
            case 1: secureBoot = try Fact(reading: &json)
            default: iommu = try Fact(reading: &json)
            }
        }
        self.init()
        (self.bootMode, self.secureBoot, self.iommu) = try (required(bootMode), required(secureBoot), required(iommu))
    }
}

extension PackageFacts: FactsReadable {
    static let keys: [StaticString] = ["name", "version"]

    init(reading json: inout JSONReader) throws {
        var name, version: String?
        try json.readMembers(Self.keys) { json, key in
            if key == 0 { name = try String(reading: &json) } else { version = try String(reading: &json) }
        }
        self.init(name: try required(name), version: try required(version))
    }
}

extension DriverHealthFacts: FactsReadable {
    static let keys: [StaticString] = [
        "userSpaceVersion", "nvml", "runningKernel", "installedKernels", "dkms", "nouveauLoaded", "nouveauBlacklist",
        "secureBoot", "moduleSigner", "heldPackages", "unattendedUpgrades", "unattendedBlacklist", "defaultCUDA",
    ]

    init(reading json: inout JSONReader) throws {
        var userSpaceVersion, nvml, runningKernel, nouveauBlacklist, moduleSigner, defaultCUDA: Fact<String>?
        var installedKernels, heldPackages, unattendedBlacklist: Fact<[String]>?
        var dkms: Fact<[DKMSModuleFacts]>?
        var nouveauLoaded, secureBoot, unattendedUpgrades: Fact<Bool>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: userSpaceVersion = try Fact(reading: &json)
            case 1: nvml = try Fact(reading: &json)
            case 2: runningKernel = try Fact(reading: &json)
            case 3: installedKernels = try Fact(reading: &json)
            case 4: dkms = try Fact(reading: &json)
            case 5: nouveauLoaded = try Fact(reading: &json)
            case 6: nouveauBlacklist = try Fact(reading: &json)
            case 7: secureBoot = try Fact(reading: &json)
            case 8: moduleSigner = try Fact(reading: &json)
            case 9: heldPackages = try Fact(reading: &json)
            case 10: unattendedUpgrades = try Fact(reading: &json)
            case 11: unattendedBlacklist = try Fact(reading: &json)
            default: defaultCUDA = try Fact(reading: &json)
            }
        }
        self.init()
        (self.userSpaceVersion, self.nvml, self.runningKernel, self.installedKernels) = try (required(userSpaceVersion), required(nvml), required(runningKernel), required(installedKernels))
        (self.dkms, self.nouveauLoaded, self.nouveauBlacklist, self.secureBoot) = try (required(dkms), required(nouveauLoaded), required(nouveauBlacklist), required(secureBoot))
        (self.moduleSigner, self.heldPackages, self.unattendedUpgrades) = try (required(moduleSigner), required(heldPackages), required(unattendedUpgrades))
        (self.unattendedBlacklist, self.defaultCUDA) = try (required(unattendedBlacklist), required(defaultCUDA))
    }
}

extension DKMSModuleFacts: FactsReadable {
    static let keys: [StaticString] = ["module", "version", "kernel", "state"]

    init(reading json: inout JSONReader) throws {
        var module, version, kernel, state: String?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: module = try String(reading: &json)
            case 1: version = try String(reading: &json)
            case 2: kernel = try json.readOptional(String.self)
            default: state = try String(reading: &json)
            }
        }
        self.init(module: try required(module), version: try required(version), kernel: kernel, state: try required(state))
    }
}

extension PythonFacts: FactsReadable {
    static let keys: [StaticString] = ["path", "interpreter", "torch", "torchCUDA", "cudaAvailable", "gpusVisible"]

    init(reading json: inout JSONReader) throws {
        var path: String?
        var interpreter, torch, torchCUDA: Fact<String>?
        var cudaAvailable: Fact<Bool>?
        var gpusVisible: Fact<Int>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: path = try String(reading: &json)
            case 1: interpreter = try Fact(reading: &json)
            case 2: torch = try Fact(reading: &json)
            case 3: torchCUDA = try Fact(reading: &json)
            case 4: cudaAvailable = try Fact(reading: &json)
            default: gpusVisible = try Fact(reading: &json)
            }
        }
        self.init()
        (self.path, self.interpreter, self.torch) = try (required(path), required(interpreter), required(torch))
        (self.torchCUDA, self.cudaAvailable, self.gpusVisible) = try (required(torchCUDA), required(cudaAvailable), required(gpusVisible))
    }
}

extension ContainerFacts: FactsReadable {
    static let keys: [StaticString] = ["dockerServer", "runtimes", "defaultRuntime", "nvidiaCTK", "dockerGroup"]

    init(reading json: inout JSONReader) throws {
        var dockerServer, defaultRuntime, nvidiaCTK: Fact<String>?
        var runtimes, dockerGroup: Fact<[String]>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: dockerServer = try Fact(reading: &json)
            case 1: runtimes = try Fact(reading: &json)
            case 2: defaultRuntime = try Fact(reading: &json)
            case 3: nvidiaCTK = try Fact(reading: &json)
            default: dockerGroup = try Fact(reading: &json)
            }
        }
        self.init()
        (self.dockerServer, self.runtimes, self.defaultRuntime) = try (required(dockerServer), required(runtimes), required(defaultRuntime))
        (self.nvidiaCTK, self.dockerGroup) = try (required(nvidiaCTK), required(dockerGroup))
    }
}

extension ROCmFacts: FactsReadable {
    static let keys: [StaticString] = ["release", "amdgpuModule"]

    init(reading json: inout JSONReader) throws {
        var release, amdgpuModule: Fact<String>?
        try json.readMembers(Self.keys) { json, key in
            if key == 0 { release = try Fact(reading: &json) } else { amdgpuModule = try Fact(reading: &json) }
        }
        self.init()
        (self.release, self.amdgpuModule) = try (required(release), required(amdgpuModule))
    }
}

extension ChipFacts: FactsReadable {
    static let keys: [StaticString] = ["model", "machine", "performanceCores", "efficiencyCores", "gpuCores", "metal"]

    init(reading json: inout JSONReader) throws {
        var model, machine, metal: Fact<String>?
        var performanceCores, efficiencyCores, gpuCores: Fact<Int>?
        try json.readMembers(Self.keys) { json, key in
            switch key {
            case 0: model = try Fact(reading: &json)
            case 1: machine = try Fact(reading: &json)
            case 2: performanceCores = try Fact(reading: &json)
            case 3: efficiencyCores = try Fact(reading: &json)
            case 4: gpuCores = try Fact(reading: &json)
            default: metal = try Fact(reading: &json)
            }
        }
        self.init()
        (self.model, self.machine, self.performanceCores) = try (required(model), required(machine), required(performanceCores))
        (self.efficiencyCores, self.gpuCores, self.metal) = try (required(efficiencyCores), required(gpuCores), required(metal))
    }
}
