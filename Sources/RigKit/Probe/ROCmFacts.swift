import RigSpec

/// ROCm on the machine (`ROCmProber`).
package struct ROCmFacts: Sendable, Equatable, Codable {
    /// The installed ROCm release, `6.2.4` (from `/opt/rocm/.info/version`).
    package var release: Fact<String> = .notProbed
    /// The loaded amdgpu-dkms module's version (`/sys/module/amdgpu/version`), e.g. `6.8.5`.
    package var amdgpuModule: Fact<String> = .notProbed
    package init() {}
}
