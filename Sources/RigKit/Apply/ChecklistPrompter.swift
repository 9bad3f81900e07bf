/// Asks a person whether a manual step (a BIOS setting) is done.
public protocol ChecklistPrompter: Sendable {
    /// true: confirmed; false: declined; nil: no answer (end of input).
    func confirm(_ item: ChecklistItem) async -> Bool?
}
