/// A target URL Herald cannot use: what is wrong, and an example of the right form.
///
/// Messages never quote the URL they reject, since its path or query usually holds the secret.
public struct TargetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// A well-formed URL of the kind that was meant, with placeholders for the secrets.
    public var example: String?

    public init(_ message: String, example: String? = nil) {
        self.message = message
        self.example = example
    }

    public var description: String { example.map { "\(message) (expected e.g. \($0))" } ?? message }
}
