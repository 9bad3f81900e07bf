import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// What a step does, with the typed values its emitters need.
package enum StepKind: Sendable, Equatable {
    /// NVIDIA's CUDA apt repository, added by installing its `cuda-keyring` package.
    case aptRepository(CUDARepository)
    /// The shared stack's and the machine's own packages; pinned ones are held.
    case aptPackages([MachineSpec.AptPackage])
    case nvidiaDriver(NVIDIADriverInstall)
    case cudaToolkit(CUDAToolkitInstall)
    /// Held packages (`apt-mark hold`), so unattended-upgrades leaves them alone.
    case aptHold([String])
    /// A modprobe.d file that blacklists a module, then the initramfs rebuilt (`NouveauBlacklist`).
    case modprobeBlacklist(SystemFile)
    /// Persistence mode and power limit, applied at boot by a systemd unit.
    case gpuSettings(GPUSettingsUnit)
    /// Homebrew formulae and casks from a generated Brewfile (`brew bundle`), as the user: macOS.
    case brewBundle(Brewfile)
    /// The shared Python environment (`python:`), made with uv.
    case pythonEnvironment(PythonEnvironment)
    /// The theme files of the user's home (`ThemeRenderer`), written without losing user content.
    case dotfiles([RenderedFile])
    /// The static hostname and its `127.0.1.1` line in `/etc/hosts`.
    case hostname(String)
    /// Something a person must do (a BIOS setting); shown as a checklist item.
    case manual(ChecklistItem)
    /// Tells the person to reboot when the installed NVIDIA kernel module is not the loaded one.
    case rebootNotice
}
