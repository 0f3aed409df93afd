#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder listings read straight from the file system: every start lists the
/// bank folders to see whether the snapshot still describes them, and
/// Foundation's enumerator took about a millisecond of that for a few dozen files.
enum FolderListing {
    /// What `folder` holds (not `.` and `..`), each name with whether it is a
    /// folder (a symbolic link is not followed); nil when it cannot be read.
    static func entries(of folder: String) -> [(name: String, isFolder: Bool)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat(folder + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }

    /// Everything under `folder`, subfolders and their contents included, as
    /// paths relative to it (as `FileManager.enumerator(atPath:)` lists them).
    static func everything(under folder: String) -> [String] {
        var paths: [String] = []
        func walk(_ relative: String) {
            for entry in entries(of: relative.isEmpty ? folder : folder + "/" + relative) ?? [] {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                paths.append(path)
                if entry.isFolder { walk(path) }
            }
        }
        walk("")
        return paths
    }
}
