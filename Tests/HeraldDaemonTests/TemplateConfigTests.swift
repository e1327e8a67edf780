import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// `template:` and `template_file:` in the config, and a templated message over a real socket.
@Suite("Sink template config")
struct TemplateConfigTests {
    static func config(_ sink: String) -> String {
        """
        feeds: []
        rules: []
        sinks:
          - name: news-chat
            type: webhook
            url: https://hooks.slack.com/services/T1/B2/XXXXXXXX
        \(sink)
        """
    }

    @Test("an inline template is read and kept with the sink")
    func inline() throws {
        let config = try ConfigLoader.parse(
            Self.config("    template: \"*{{title}}* · {{outlet}}\""), file: "/tmp/herald.yaml")
        #expect(config.sinks.first?.template == "*{{title}}* · {{outlet}}")
        #expect(config.sinks.first?.templateFile == nil)
    }

    @Test("a broken inline template is a config error naming the sink, the key, the line and the column")
    func brokenInline() {
        let yaml = Self.config(
            """
                template: |
                  *{{title}}*
                  {{#story}}{{story.sources}} outlets
            """)
        do {
            _ = try ConfigLoader.parse(yaml, file: "/tmp/herald.yaml")
            Issue.record("a template with an unclosed section was accepted")
        } catch {
            let text = error.description
            #expect(text.contains("/tmp/herald.yaml:"), "\(text)")
            #expect(text.contains("sinks[0].template"), "\(text)")
            #expect(text.contains("sink 'news-chat'"), "\(text)")
            #expect(text.contains("template line 2, column 1: the section {{#story}} is never closed"), "\(text)")
        }
    }

    @Test("template_file is read relative to the config file; its errors point into the template file")
    func templateFile() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(
            atPath: workspace.path("templates"), withIntermediateDirectories: true)
        try "<b>{{title}}</b>\n{{summary}}\n".write(
            toFile: workspace.path("templates/tg.mustache"), atomically: true, encoding: .utf8)
        let yaml = Self.config("    template_file: templates/tg.mustache")
        let config = try ConfigLoader.parse(yaml, file: workspace.path("herald.yaml"))
        #expect(config.sinks.first?.template == "<b>{{title}}</b>\n{{summary}}\n")
        #expect(config.sinks.first?.templateFile == workspace.path("templates/tg.mustache"))

        try "fine\n{{/title}}\n".write(
            toFile: workspace.path("templates/tg.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try ConfigLoader.parse(yaml, file: workspace.path("herald.yaml"))
            Issue.record("a broken template file was accepted")
        } catch {
            let text = error.description
            #expect(text.contains(workspace.path("templates/tg.mustache") + ":2:"), "\(text)")
            #expect(text.contains("sinks[0].template_file: sink 'news-chat': template line 2, column"), "\(text)")
        }
        do {
            _ = try ConfigLoader.parse(
                Self.config("    template_file: templates/missing.mustache"), file: workspace.path("herald.yaml"))
            Issue.record("a missing template file was accepted")
        } catch {
            #expect(error.description.contains("cannot read the template file"), "\(error)")
            #expect(error.description.contains(workspace.path("templates/missing.mustache")), "\(error)")
        }
    }

    @Test("template and template_file together, a template on a file sink or on stdout json, are refused")
    func refused() {
        let cases = [
            Self.config("    template: \"{{title}}\"\n    template_file: t.mustache"),
            Self.config("  - name: out\n    type: file\n    path: a.jsonl\n    template: \"{{title}}\""),
            Self.config("  - name: out\n    type: stdout\n    format: json\n    template: \"{{title}}\""),
        ]
        for (index, yaml) in cases.enumerated() {
            do {
                _ = try ConfigLoader.parse(yaml, file: "/tmp/herald.yaml")
                Issue.record("case \(index) was accepted")
            } catch {
                #expect(error.problems.count == 1, "\(error)")
            }
        }
        let stdout = Self.config("  - name: out\n    type: stdout\n    template: \"{{title}}\"")
        #expect((try? ConfigLoader.parse(stdout, file: "/tmp/herald.yaml")) != nil)
    }

    @Test("a stdout sink with a template writes the template's text instead of its readable lines")
    func stdoutTemplate() async throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let sink = StdoutSink(
            name: "console", format: .text, template: try MessageTemplate("[{{rule}}] {{title}} <{{link}}>"),
            descriptor: fds[1])
        try await sink.deliver(
            Alert(id: "a1", rule: "talks", feed: "wire", title: "Talks\nresume", link: "https://wire.example.org/1"))
        close(fds[1])
        let written = FileHandle(fileDescriptor: fds[0]).readDataToEndOfFile()
        #expect(String(decoding: written, as: UTF8.self) == "[talks] Talks resume <https://wire.example.org/1>\n\n")
    }

    @Test("herald check warns about names that are not variables, with a suggestion")
    func unknownNames() throws {
        let yaml = Self.config(
            #"    template: "{{titel}} {{#story}}{{sources}} {{story.outlet}}{{/story}} {{{summary}}} {{#matched}}{{.}}{{/matched}}""#
        )
        let config = try ConfigLoader.parse(yaml, file: "/tmp/herald.yaml")
        #expect(
            config.templateWarnings == [
                "/tmp/herald.yaml: sink 'news-chat': template line 1, column 1: 'titel' is not a Herald variable and "
                    + "renders empty; did you mean 'title'?",
                "/tmp/herald.yaml: sink 'news-chat': template line 1, column 33: 'story.outlet' is not a Herald "
                    + "variable and renders empty; did you mean 'story.outlets'?",
            ])
    }

    @Test("a reload with a broken template is refused and the running template stays")
    func reloadRefusesBrokenTemplate() async throws {
        let workspace = try Workspace()
        var sink = SinkConfig(name: "out", kind: .stdout(format: .text), template: "{{title}}!")
        let config = HeraldConfig(file: workspace.path("h.yaml"), feeds: [], rules: [], sinks: [sink])
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        sink.template = "{{#title}}!"
        var broken = config
        broken.sinks = [sink]
        do {
            try herald.apply(broken)
            Issue.record("a broken template was applied")
        } catch {
            #expect("\(error)".contains("sink 'out': template line 1"), "\(error)")
        }
        let running = try #require(herald.current.sinks.first as? StdoutSink)
        #expect(running.template?.source == "{{title}}!")
        await herald.shutdown()
    }

    @Test("a templated ntfy message arrives over a real socket; a digest keeps its own format")
    func endToEnd() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 200), .respond(status: 200)])
        defer { receiver.stop() }
        let workspace = try Workspace()
        try "{{title}} <@U1> — {{#matched}}{{.}} {{/matched}}via {{outlet}}".write(
            toFile: workspace.path("ntfy.mustache"), atomically: true, encoding: .utf8)
        let yaml = """
            feeds: []
            rules: []
            sinks:
              - name: phone
                type: webhook
                url: ntfy://127.0.0.1:\(receiver.port)/herald
                template_file: ntfy.mustache
            """
        try yaml.write(toFile: workspace.path("herald.yaml"), atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: workspace.path("herald.yaml"))
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("state.sqlite")), logger: testLogger)
        let sink = try #require(herald.current.sinks.first)
        try await sink.deliver(
            Alert(
                id: "a1", rule: "talks", feed: "wire", source: "Levant Wire", title: "Talks @everyone resume",
                matchedTerms: ["Syria", "Paris"]))
        try await sink.deliverDigest([
            Alert(id: "d1", rule: "talks", feed: "wire", title: "First"),
            Alert(id: "d2", rule: "talks", feed: "wire", title: "Second"),
        ])
        await herald.shutdown()

        #expect(receiver.requests.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: receiver.requests[0].body) as? [String: Any])
        #expect(first["topic"] as? String == "herald")
        #expect(first["message"] as? String == "Talks @everyone resume <@U1> — Syria Paris via Levant Wire")
        let digest = try #require(try JSONSerialization.jsonObject(with: receiver.requests[1].body) as? [String: Any])
        #expect(digest["title"] as? String == "2 alerts")
        #expect((digest["message"] as? String)?.contains("• First") == true)
    }
}
