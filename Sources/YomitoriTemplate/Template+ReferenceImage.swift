import Foundation

extension Template {
    /// The absolute path of a page's `reference_image`, or nil when the page has none.
    ///
    /// `RegistrationSpec.referenceImage` keeps the path as written in the template; this resolves a
    /// relative one against the directory of ``sourcePath`` (or the current directory when the
    /// template was not loaded from a file). Whether the file exists is checked when loading.
    public func resolvedReferenceImage(for page: TemplatePage) -> String? {
        guard let image = page.registration.referenceImage else { return nil }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let base = sourcePath.map { URL(fileURLWithPath: $0, relativeTo: cwd).deletingLastPathComponent() } ?? cwd
        return URL(fileURLWithPath: image, relativeTo: base).standardizedFileURL.path
    }
}
