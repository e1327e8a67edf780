import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where sink secrets (webhook URLs, tokens, signing secrets) come from, so they never need to sit in
/// the main config: `$CREDENTIALS_DIRECTORY/NAME` (systemd `LoadCredential=`), then the secrets file.
///
/// The secrets file (`secrets_file:` in the config) holds `NAME: value` lines (a flat YAML mapping)
/// and is refused when its mode lets group or others read it.
struct SecretStore: Sendable {
    var fileValues: [String: String] = [:]
    var credentialsDirectory: String?

    /// The value of `name`, or why there is none (never quoting a value).
    func value(_ name: String) -> Result<String, SecretError> {
        if let directory = credentialsDirectory {
            let path = (directory as NSString).appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: path) {
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { return .success(text) }
            }
        }
        if let value = fileValues[name], !value.isEmpty { return .success(value) }
        var places: [String] = []
        if credentialsDirectory != nil { places.append("$CREDENTIALS_DIRECTORY/\(name)") }
        places.append("the secrets file")
        return .failure(
            SecretError(message: "no secret named '\(name)' (looked in \(places.joined(separator: " and ")))"))
    }

    struct SecretError: Error, Sendable {
        var message: String
    }

    /// Reads a secrets file; refuses one that group or others may read.
    static func readFile(_ path: String) -> Result<[String: String], SecretError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(
                SecretError(message: "cannot read the secrets file \(path): \(String(cString: strerror(errno)))"))
        }
        guard info.st_mode & 0o044 == 0 else {
            let mode = String(info.st_mode & 0o777, radix: 8)
            return .failure(
                SecretError(
                    message:
                        "the secrets file \(path) is readable by group or others (mode \(mode)); run `chmod 600 \(path)`"
                ))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(SecretError(message: "cannot read the secrets file \(path)"))
        }
        var values: [String: String] = [:]
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(SecretError(message: "secrets file \(path) line \(index + 1): expected `NAME: value`"))
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[name] = value
        }
        return .success(values)
    }
}
