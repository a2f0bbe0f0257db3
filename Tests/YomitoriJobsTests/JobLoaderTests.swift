import YomitoriYAML
import Foundation
import Testing
import YomitoriJobs

@Suite("Job files: the examples")
struct ExampleJobTests {
    @Test("the example jobs load, with warnings only for what this machine lacks", arguments: [
        "juminhyo", "jido_koza", "tennyu",
    ])
    func exampleLoads(_ name: String) throws {
        let path = packageRoot + "/jobs/\(name).yaml"
        let report = JobLoader.report(path: path)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let allowed: Set<JobDiagnostic.Code> = [.missingInbox, .missingMapping, .invalidCommand]
        #expect(report.warnings.allSatisfy { allowed.contains($0.code) }, "\(report.warnings)")
        let job = try #require(report.job)
        #expect(job.id == name)
        #expect(job.templates.count == 1)
        #expect(job.templates.allSatisfy { $0.hasPrefix(packageRoot + "/samples/templates/") })
        #expect(job.steps.first?.step == .read)
        #expect(job.exports.count == 1)
    }

    @Test("the examples' triggers and intake rules")
    func exampleDetails() throws {
        let juminhyo = try JobLoader.load(path: packageRoot + "/jobs/juminhyo.yaml")
        #expect(juminhyo.trigger == .watch)
        #expect(juminhyo.intake == IntakeRules(settleSeconds: 5, marker: .none, poll: .auto, pollInterval: 10))
        #expect(juminhyo.workers == 2)
        #expect(juminhyo.steps.last == JobStep(.notify(.append("/var/log/yomitori/{job}.log")), when: .pageReview, line: 25))
        #expect(juminhyo.exports.first?.mapping == .file(packageRoot + "/samples/mappings/juminhyo_csv.yaml"))
        #expect(juminhyo.timeZone.identifier == "Asia/Tokyo")

        let koza = try JobLoader.load(path: packageRoot + "/jobs/jido_koza.yaml")
        #expect(koza.trigger == .schedule(try CronSchedule(parsing: "*/10 8-18 * * 1-5")))
        #expect(koza.intake.marker == .perFile("{name}.ok"))
        #expect(koza.work == "/srv/scans/.yomitori-work/jido_koza")  // the default: beside the inbox
        let run = koza.steps.first { $0.step.name == "run" }
        #expect(run?.when == .batchHasAccepted)
        #expect(run?.step == .run(RunConfig(command: "/usr/local/bin/notify-kikan",
                                            args: ["--job", "{job}", "--batch", "{seq}"], timeout: 30)))

        let tennyu = try JobLoader.load(path: packageRoot + "/jobs/tennyu.yaml")
        #expect(tennyu.intake.marker == .folder(".done"))
        #expect(tennyu.intake.poll == .always)
        #expect(tennyu.route?.folder(for: .failed) == "/mnt/fukushi-share/error")
        let transform = tennyu.steps.compactMap { if case .transform(let t) = $0.step { t } else { nil } }.first
        #expect(transform?.apply(to: ["name": "山田 太郎"]) == [
            "name": "山田 太郎", "office": "みどり市", "form": "転入届", "applicant_name": "山田 太郎",
        ])
    }

    @Test("checkAll reads a folder and reports a repeated job id")
    func checkAllFindsDuplicates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("t.yaml", "template: t\n")
        let job = "job: same\ninbox: ./in\ntrigger: manual\ntemplates: [t.yaml]\nsteps: [read]\n"
        try folder.write("a.yaml", job)
        try folder.write("b.yaml", job)
        try folder.write("notes.txt", "not a job")
        let all = JobLoader.checkAll(directory: folder.path)
        #expect(all.keys.sorted() == [folder.file("a.yaml"), folder.file("b.yaml"), folder.file("t.yaml")])
        #expect(all[folder.file("b.yaml")]?.contains { $0.code == .duplicateJob } == true)
        #expect(all[folder.file("a.yaml")]?.contains { $0.code == .duplicateJob } == false)
        #expect(all[folder.file("t.yaml")]?.contains { $0.code == .missingKey } == true)  // a template is not a job
    }
}
