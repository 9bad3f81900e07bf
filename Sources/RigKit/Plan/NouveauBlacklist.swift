import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// `/etc/modprobe.d/blacklist-nouveau.conf`, the file NVIDIA's installation guide has people write
/// ("Disabling Nouveau": `blacklist nouveau` and `options nouveau modeset=0`, then rebuild the
/// initramfs), so nouveau never takes the GPU on a boot where the NVIDIA module is missing.
package enum NouveauBlacklist {
    package static let file = SystemFile(path: "/etc/modprobe.d/blacklist-nouveau.conf", contents: """
        # Managed by rigctl: keep nouveau off the NVIDIA GPUs (drivers.nvidia).
        blacklist nouveau
        options nouveau modeset=0

        """)
}
