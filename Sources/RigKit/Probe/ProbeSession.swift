import RigSpec
import RigSystem
/// Where a command's facts come from: the live machine, a recorded host (`--replay DIR`), or the
/// live machine while it is being recorded (`--record DIR`). Every command that probes uses this.
package struct ProbeSession: Sendable {
    /// The system the probers read.
    package let system: any System
    private let recorder: RecordingSystem?
    private let recordDirectory: String?
    private let live: any System

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case replayAndRecord
        case replay(RecordedHost.LoadError)
        case record(SystemError)

        package var description: String {
            switch self {
            case .replayAndRecord: return "--replay and --record cannot be used together"
            case .replay(let error): return "cannot replay: \(error)"
            case .record(let error): return "cannot write the recording: \(error)"
            }
        }
    }

    package init(replay: String? = nil, record: String? = nil, live: any System = LiveSystem()) throws(Failure) {
        self.live = live
        switch (replay, record) {
        case (.some, .some):
            throw .replayAndRecord
        case (.some(let directory), nil):
            do { system = try ReplaySystem(directory: directory, storage: live) } catch { throw .replay(error) }
            recorder = nil
            recordDirectory = nil
        case (nil, .some(let directory)):
            let recorder = RecordingSystem(recording: live)
            self.recorder = recorder
            system = recorder
            recordDirectory = directory
        case (nil, nil):
            system = live
            recorder = nil
            recordDirectory = nil
        }
    }

    /// Probes `wanted`; when recording, writes the recorded host afterwards.
    package func probe(_ wanted: Set<FactGroup>, timeout: Duration = .seconds(5)) async throws(Failure) -> Facts {
        let facts = await ProbeRunner.probe(wanted, on: system, timeout: timeout)
        if let recorder, let recordDirectory {
            do { try recorder.save(to: recordDirectory, using: live) } catch { throw .record(error) }
        }
        return facts
    }
}
