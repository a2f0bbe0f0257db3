/// What starts a job.
public enum Trigger: Sendable, Equatable {
    /// `yomitori serve` watches the inbox and processes files as they become complete.
    case watch
    /// `yomitori serve` runs the job on this schedule (`trigger: {schedule: "*/10 8-18 * * 1-5"}`).
    case schedule(CronSchedule)
    /// Only when someone runs `yomitori run <job>` (from cron, a script or by hand).
    case manual
}
