import Testing
@testable import RigApply

/// Where a user who is not root locks: /run/rigctl is root's to make.
@Suite struct ApplyLockPathTests {
    @Test func aUsersLockIsInTheirRuntimeDirectory() {
        #expect(ApplyLock.userPath(runtimeDirectory: "/run/user/1000", uid: 1000) == "/run/user/1000/rigctl-apply.lock")
        #expect(ApplyLock.userPath(runtimeDirectory: "/run/user/1000/", uid: 1000) == "/run/user/1000/rigctl-apply.lock")
    }

    @Test func withoutOneItIsAPrivateDirectoryInTmp() {
        #expect(ApplyLock.userPath(runtimeDirectory: nil, uid: 1000) == "/tmp/rigctl-1000/apply.lock")
        #expect(ApplyLock.userPath(runtimeDirectory: "relative", uid: 7) == "/tmp/rigctl-7/apply.lock")
        #expect(ApplyLock.userPath(runtimeDirectory: "/run/../etc", uid: 7) == "/tmp/rigctl-7/apply.lock")
    }
}
