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
    /// AMD's signing key, its amdgpu and ROCm apt repositories of one release, and their apt preference.
    case rocmRepository(ROCmInstall)
    /// `amdgpu-dkms` and the `rocm` meta package from AMD's repositories, held.
    case rocmPackages(ROCmInstall)
    /// The user (the one who ran `sudo`, or the connecting one) joins these groups.
    case userGroups([String])
    /// Held packages (`apt-mark hold`), so unattended-upgrades leaves them alone.
    case aptHold([String])
    /// A modprobe.d file that blacklists a module, then the initramfs rebuilt (`NouveauBlacklist`).
    case modprobeBlacklist(SystemFile)
    /// The NVIDIA DKMS module built for the running and the newest kernel (headers, then `dkms autoinstall -k`).
    case dkmsModules
    /// `/usr/local/cuda` pointed at the spec's toolkit with `update-alternatives --set cuda`.
    case cudaDefault(CUDADefault)
    /// Persistence mode and power limit, applied at boot by a systemd unit.
    case gpuSettings(GPUSettingsUnit)
    /// Homebrew formulae and casks from a generated Brewfile (`brew bundle`), as the user: macOS.
    case brewBundle(Brewfile)
    /// The shared Python environment (`python:`), made with uv.
    case pythonEnvironment(PythonEnvironment)
    /// A third-party apt repository: its key and its `signed-by` sources file.
    case aptSource(AptSource)
    /// Packages installed and their service enabled and started (Docker Engine).
    case packagedService(PackagedService)
    /// Existing users added to a group (`docker`).
    case groupMembers(GroupMembers)
    /// A package that brings a docker runtime, the runtime configured and docker restarted.
    case dockerRuntime(DockerRuntime)
    /// The theme files of the user's home (`ThemeRenderer`), written without losing user content.
    case dotfiles([RenderedFile])
    /// The static hostname and its `127.0.1.1` line in `/etc/hosts`.
    case hostname(String)
    /// Something a person must do (a BIOS setting); shown as a checklist item.
    case manual(ChecklistItem)
    /// Tells the person to reboot when the installed NVIDIA kernel module is not the loaded one.
    case rebootNotice
}
