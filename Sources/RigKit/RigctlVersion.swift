/// The version `rigctl --version` prints and build logs record.
public enum RigctlVersion {
    public static let current = "0.1.0"
}
