import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigAudit
@testable import RigEmit

/// Every tool rigctl runs, in every way a tool breaks, run for real as a process (a shell script
/// standing in for the tool): each case ends within its bound, leaves no process behind (checked
/// by a marker in the environment of everything the fake tool starts), and the fact the tool
/// feeds is `unknown` with the reason that is true.
/// Serialized: 64 cases at once on two cores would measure the scheduler, not the runner.
@Suite(.serialized) struct ProbeFaultMatrixTests {
    /// Short for the faults that wait for it; generous for the others, so that a loaded test
    /// machine cannot make the runner's own deadline pass for a tool that did not hang.
    static func timeout(for fault: Fault) -> Duration {
        [.hung, .hungGrandchild, .closesOutputAndHangs].contains(fault) ? .milliseconds(400) : .seconds(5)
    }

    /// A tool, the facts it feeds, and how to read the affected fact's reason.
    struct Tool: Sendable, CustomStringConvertible {
        var program: String
        var wanted: Set<FactGroup>
        /// Files the probe reads besides the tool (a GPU in sysfs, root for dmidecode, …).
        var files: [String: String] = [:]
        var directories: [String: [String]] = [:]
        /// Output a real tool of this kind might print, with numbers that fit no integer.
        var hugeNumbers: String
        /// The reason of the fact this tool feeds; nil when that fact is known.
        var reason: @Sendable (Facts) -> String?
        var description: String { program }
    }

    static let nvidiaGPU: [String: String] = [
        "/sys/bus/pci/devices/0000:01:00.0/class": "0x030000\n",
        "/sys/bus/pci/devices/0000:01:00.0/vendor": "0x10de\n",
        "/sys/bus/pci/devices/0000:01:00.0/device": "0x2204\n",
    ]
    static let amdGPU: [String: String] = [
        "/sys/bus/pci/devices/0000:03:00.0/class": "0x030000\n",
        "/sys/bus/pci/devices/0000:03:00.0/vendor": "0x1002\n",
        "/sys/bus/pci/devices/0000:03:00.0/device": "0x744c\n",
    ]
    static let huge = "99999999999999999999"

    static let tools: [Tool] = [
        Tool(program: "nvidia-smi", wanted: [.gpus, .cuda], files: nvidiaGPU, directories: ["/sys/bus/pci/devices": ["0000:01:00.0"]],
             hugeNumbers: "index, pci.bus_id, name, memory.total [MiB], power.limit [W]\n0, 00000000:01:00.0, X, \(huge) MiB, \(huge)\(huge) W\n",
             reason: { $0.gpus?.value?.first?.vramBytes.reason }),
        Tool(program: "lspci", wanted: [.gpus], files: amdGPU, directories: ["/sys/bus/pci/devices": ["0000:03:00.0"]],
             hugeNumbers: "Slot:\t\(huge):\(huge):00.0\nClass:\tVGA compatible controller [0300]\nDevice:\tX [\(huge)]\n",
             reason: { facts in
                 // The AMD GPU from sysfs is never dropped, whatever lspci does.
                 guard let gpu = facts.gpus?.value?.first(where: { $0.busID == "0000:03:00.0" }) else { return "GPU MISSING" }
                 return gpu.model.reason
             }),
        Tool(program: "rocm-smi", wanted: [.gpus], files: amdGPU, directories: ["/sys/bus/pci/devices": ["0000:03:00.0"]],
             hugeNumbers: #"{"card0": {"PCI Bus": "0000:03:00.0", "VRAM Total Memory (B)": "\#(huge)", "Max Graphics Package Power (W)": "1e400"}}"#,
             reason: { $0.gpus?.value?.first?.powerLimitWatts.reason }),
        Tool(program: "lsblk", wanted: [.storage],
             hugeNumbers: #"{"blockdevices": [{"name": "sda", "type": "disk", "size": \#(huge)\#(huge)}]}"#,
             reason: { $0.storage?.reason }),
        Tool(program: "dmidecode", wanted: [.memory], files: ["/proc/self/status": "Uid:\t0\t0\t0\t0\n", "/proc/meminfo": "MemTotal: 1024 kB\n"],
             hugeNumbers: "Handle 0x0040, DMI type 17, 92 bytes\nMemory Device\n\tSize: \(huge) GB\n\tLocator: A1\n",
             reason: { $0.memory?.dimms.reason }),
        Tool(program: "lscpu", wanted: [.cpu], files: ["/proc/cpuinfo": "processor\t: 0\n"],
             hugeNumbers: #"{"lscpu": [{"field": "Model name:", "data": ""}, {"field": "Socket(s):", "data": "\#(huge)"}, {"field": "Core(s) per socket:", "data": "\#(huge)"}]}"#,
             reason: { $0.cpu?.sockets.reason }),
        Tool(program: "nvcc", wanted: [.cuda],
             hugeNumbers: "Cuda compilation tools, release \(huge).\(huge), V\(huge)\n",
             reason: { $0.cuda?.nvcc.reason }),
        Tool(program: "dpkg-query", wanted: [.packages],
             hugeNumbers: "\(huge)\n\(huge)\n",
             reason: { $0.packages?.reason }),
    ]

    enum Fault: String, CaseIterable, Sendable {
        case missing, hung, hungGrandchild, closesOutputAndHangs, endlessOutput, garbage, hugeNumbers, nonZeroExit

        /// The shell body of the fake tool; `nil` when the tool is not installed.
        func script(_ tool: Tool) -> String? {
            switch self {
            case .missing: return nil
            case .hung: return "exec sleep 300"
            case .hungGrandchild: return "setsid sleep 300 &\necho started\nexit 0"
            case .closesOutputAndHangs: return "exec >&- 2>&-\nsleep 300"
            case .endlessOutput: return "exec yes 'endless output line'"
            case .garbage: return "head -c 3000 /dev/urandom; printf '\\001\\033[2J\\r{{['"
            case .hugeNumbers: return "cat <<'HUGE'\n\(tool.hugeNumbers)\nHUGE"
            case .nonZeroExit: return "printf 'it broke\\r\\033[31m red\\n' >&2\nexit 3"
            }
        }

        /// Whether `reason` is the true one for this fault.
        func isTrue(_ reason: String, program: String) -> Bool {
            switch self {
            case .missing: return reason.contains("\(program) not installed")
            case .hung, .hungGrandchild, .closesOutputAndHangs: return reason.contains("timed out after 0.4 s")
            case .endlessOutput: return reason.contains("output over 16 MiB")
            case .garbage, .hugeNumbers: return !reason.isEmpty && !reason.contains("not probed")
            case .nonZeroExit:
                return reason.contains("\(program) exited with status 3: it broke") && !reason.contains("\u{1b}") && !reason.contains("\r")
            }
        }
    }

    /// Files from a fake machine; the tool under test runs for real from a script, every other tool is absent.
    struct Machine: System {
        var fake: FakeSystem
        var program: String
        var script: String?
        let live = LiveSystem()
        /// How long the longest run of the tool took, from spawn to its result (measured off the
        /// Swift task pool, so other suites' load on the pool does not count).
        let longest = Longest()
        func readFile(_ path: String) throws(SystemError) -> Data { try fake.readFile(path) }
        func listDirectory(_ path: String) throws(SystemError) -> [String] { try fake.listDirectory(path) }
        func fileExists(_ path: String) -> Bool { fake.fileExists(path) }
        func run(_ argv: [String], input: Data?, timeout: Duration) async -> CommandResult {
            guard argv.first == program, let script else { return CommandResult(outcome: .notFound) }
            longest.begin()
            let started = Monotonic.now
            // Through sh, not exec'd itself: a script just written can be ETXTBSY to exec while another
            // test's spawn, forked in between, still holds the writer's descriptor.
            let result = await live.run(["/bin/sh", script] + argv.dropFirst(), input: input, timeout: timeout)
            longest.record(Monotonic.now - started)
            return result
        }
        func writeFile(_ path: String, _ data: Data, mode: Int) throws(SystemError) { throw .readOnly(path) }
        func createDirectory(_ path: String) throws(SystemError) { throw .readOnly(path) }
        func removeFile(_ path: String) throws(SystemError) { throw .readOnly(path) }
        func environment(_ name: String) -> String? { nil }
    }

    /// The longest run, and the runs still going: on a loaded machine the probe's own deadline
    /// can abandon a prober before its command's timeout has killed the tool.
    final class Longest: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds = 0.0
        private var running = 0
        private var waiting: [CheckedContinuation<Void, Never>] = []
        func begin() { lock.withLock { running += 1 } }
        func record(_ value: Double) {
            let done: [CheckedContinuation<Void, Never>] = lock.withLock {
                seconds = max(seconds, value)
                running -= 1
                guard running == 0 else { return [] }
                defer { waiting = [] }
                return waiting
            }
            done.forEach { $0.resume() }
        }
        var value: Double { lock.withLock { seconds } }
        /// Returns once every run of the tool has ended (each ends at its timeout at the latest).
        func allEnded() async {
            await withCheckedContinuation { continuation in
                let now: Bool = lock.withLock {
                    if running == 0 { return true }
                    waiting.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }
    }

    /// Processes whose environment carries `marker` (the fake tool exports it to everything it starts).
    static func survivors(_ marker: String) -> [pid_t] {
        let needle = Data(marker.utf8)
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name in
            guard let pid = pid_t(name), let environment = FileManager.default.contents(atPath: "/proc/\(name)/environ") else { return nil }
            return environment.range(of: needle) != nil ? pid : nil
        }
    }

    @Test(arguments: tools, Fault.allCases)
    func faultEndsBoundedWithTheTrueReasonAndNoProcessLeft(tool: Tool, fault: Fault) async throws {
        let directory = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let marker = "RIGCTL_FAULT_MATRIX=\(UUID().uuidString)"
        var scriptPath: String?
        if let body = fault.script(tool) {
            let path = directory.appendingPathComponent(tool.program).path
            try "#!/bin/sh\nexport \(marker)\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o755)
            scriptPath = path
        }
        var fake = FakeSystem()
        fake.files = tool.files
        fake.directories = tool.directories
        let machine = Machine(fake: fake, program: tool.program, script: scriptPath)

        let facts = await ProbeRunner.probe(tool.wanted, on: machine, timeout: Self.timeout(for: fault))
        await machine.longest.allEnded()

        // The tool's own run ends at its timeout plus the teardown (0.4 s + well under a second on an
        // idle machine), not at the 300 s the fake tool sleeps: a tenth of that proves it was killed, not
        // waited out, even with a dozen compilers on two cores (10 s was seen). The probe's wall time is
        // not asserted: inside the full suite it mostly measures the other tests' load on the task pool.
        #expect(machine.longest.value < 30, "\(tool) \(fault): the tool ran \(machine.longest.value) s")
        #expect(Self.survivors(marker).isEmpty, "\(tool) \(fault): left processes \(Self.survivors(marker))")
        let json = String(decoding: try facts.jsonData(), as: UTF8.self)
        let reason = try #require(tool.reason(facts), "\(tool) \(fault): the fact is known: \(json)")
        #expect(fault.isTrue(reason, program: tool.program), "\(tool) \(fault): \(reason)")
        #expect(reason.utf8.count < 1000, "\(tool) \(fault): a \(reason.utf8.count)-byte reason")
    }
}

/// What the runner reports, case by case.
@Suite struct ProcessRunnerOutcomeTests {
    @Test func aSignalIsKilledNotAnExitStatus() async {
        let result = await LiveSystem().run(["sh", "-c", "kill -9 $$"], timeout: .seconds(5))
        #expect(result.outcome == .killed(signal: 9))
        #expect(result.failureReason(program: "sh") == "sh was killed by signal 9 (SIGKILL)")
    }

    @Test func aHugeStderrLineIsAShortReason() async {
        let result = await LiveSystem().run(["sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' x >&2; exit 1"], timeout: .seconds(10))
        #expect(result.outcome == .exited(1))
        let reason = result.failureReason(program: "tool") ?? ""
        #expect(reason.hasPrefix("tool exited with status 1: xxx"))
        #expect(reason.count < 250)
    }

    @Test func inputLargerThanAPipeIsFedWithoutBlocking() async {
        let input = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        let result = await LiveSystem().run(["wc", "-c"], input: input, timeout: .seconds(10))
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1000000")
    }
}
