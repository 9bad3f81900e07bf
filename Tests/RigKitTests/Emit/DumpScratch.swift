import Testing
import Foundation
@testable import RigKit

@Test func dumpScratch() throws {
    try FileManager.default.createDirectory(atPath: "/tmp/pb", withIntermediateDirectories: true)
    for spec in PlanExamples.all {
        let plan = Planner().plan(spec: spec, dotfiles: spec.name == "workstation" ? PlanExamples.dotfiles : [])
        try ShellEmitter().emit(plan).write(toFile: "/tmp/sh/\(spec.name).sh", atomically: true, encoding: .utf8)
        try AnsibleEmitter().emit(plan, inInventory: spec.ssh != nil).write(toFile: "/tmp/pb/\(spec.name).yml", atomically: true, encoding: .utf8)
    }
    try InventoryEmitter().emit(PlanExamples.all).write(toFile: "/tmp/pb/inventory.yml", atomically: true, encoding: .utf8)
    try SiteEmitter().emit(PlanExamples.all).write(toFile: "/tmp/pb/site.yml", atomically: true, encoding: .utf8)
}
