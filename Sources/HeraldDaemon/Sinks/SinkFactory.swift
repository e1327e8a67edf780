import Foundation
import HeraldCore
import HeraldHTTP

/// Live sinks from their config.
enum SinkFactory {
    /// The sink for `config`. Throws a `ConfigError` naming the sink for a target or secret Herald
    /// cannot use (the config reader checks the same things first, so this is rare).
    static func make(_ config: SinkConfig, file: String, client: HTTPClient) throws -> any AlertSink {
        let template = try config.template.map { source in
            do throws(TemplateSyntaxError) {
                return try MessageTemplate(source)
            } catch {
                throw ConfigError([
                    templateProblem(error, sink: config.name, file: file, templateFile: config.templateFile)
                ])
            }
        }
        switch config.kind {
        case .stdout(let format):
            return StdoutSink(name: config.name, format: format, template: template)
        case .file(let path):
            return FileSink(name: config.name, path: path)
        case .webhook(let url, let timeout):
            let target: WebhookTarget
            do {
                target = try WebhookTarget.parse(config.target ?? url.absoluteString)
            } catch {
                throw ConfigError([
                    ConfigProblem(file: file, path: "sinks.\(config.name).url", line: nil, message: "\(error)")
                ])
            }
            var signer: WebhookSigner?
            if let secret = config.signingSecret {
                switch WebhookSigner.make(secret: secret) {
                case .success(let value): signer = value
                case .failure(let error):
                    throw ConfigError([
                        ConfigProblem(
                            file: file, path: "sinks.\(config.name).signing_secret", line: nil,
                            message: "\(error)")
                    ])
                }
            }
            return WebhookSink(
                name: config.name, target: target, timeout: timeout, template: template, signer: signer,
                extraSecrets: config.secrets + (config.signingSecret.map { [$0] } ?? []), client: client)
        }
    }
}

extension SinkFactory {
    /// A template that does not compile, as a config problem: the sink, the file (the template's own
    /// when it has one, at the template's line) and the column.
    static func templateProblem(
        _ error: TemplateSyntaxError, sink: String, file: String, templateFile: String?, path: String? = nil,
        line: Int? = nil
    ) -> ConfigProblem {
        let key = path ?? "sinks.\(sink).\(templateFile == nil ? "template" : "template_file")"
        if let templateFile {
            return ConfigProblem(
                file: templateFile, path: key, line: error.line, message: "sink '\(sink)': \(error)")
        }
        return ConfigProblem(file: file, path: key, line: line, message: "sink '\(sink)': \(error)")
    }
}
