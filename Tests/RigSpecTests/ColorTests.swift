import Testing
@testable import RigSpec

@Test func colorRoundTrip() {
    #expect(Color(hex: "#0B2540")?.hex == "#0b2540")
    #expect(Color(hex: "0b2540") == nil)
    #expect(Color(hex: "#0b254g") == nil)
}
