import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// A oneshot systemd unit that applies persistence mode and the power limit at every boot.
package struct GPUSettingsUnit: Sendable, Equatable {
    package var persistence: Bool?
    /// Applied to every NVIDIA GPU, in whole watts.
    package var powerLimitWatts: Int?

    package static let unitName = "rigctl-gpu-settings.service"

    package init(persistence: Bool?, powerLimitWatts: Int?) {
        self.persistence = persistence
        self.powerLimitWatts = powerLimitWatts
    }

    /// nil when the spec sets neither value.
    package init?(_ settings: MachineSpec.GPUSettings) {
        let watts = settings.powerLimit.map { Int($0.value.rounded()) }
        guard settings.persistence != nil || watts != nil else { return nil }
        self.init(persistence: settings.persistence, powerLimitWatts: watts)
    }

    /// The unit file under `/etc/systemd/system`.
    package var file: SystemFile {
        var exec: [String] = []
        if let persistence { exec.append("ExecStart=/usr/bin/nvidia-smi --persistence-mode=\(persistence ? 1 : 0)") }
        if let powerLimitWatts { exec.append("ExecStart=/usr/bin/nvidia-smi --power-limit=\(powerLimitWatts)") }
        return SystemFile(path: "/etc/systemd/system/\(Self.unitName)", contents: """
            # Managed by rigctl (gpu-settings).
            [Unit]
            Description=GPU settings from rigctl (persistence mode, power limit)
            After=systemd-modules-load.service

            [Service]
            Type=oneshot
            RemainAfterExit=yes
            \(exec.joined(separator: "\n"))

            [Install]
            WantedBy=multi-user.target

            """)
    }

    /// `persistence on, power limit 280 W`.
    package var summary: String {
        var parts: [String] = []
        if let persistence { parts.append("persistence \(persistence ? "on" : "off")") }
        if let powerLimitWatts { parts.append("power limit \(powerLimitWatts) W") }
        return parts.joined(separator: ", ")
    }
}
