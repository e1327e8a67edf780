import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

@Suite("Config loading and checking")
struct ConfigLoaderTests {
    static let valid = """
        state: state/test.sqlite
        defaults:
          interval: 15m
        feeds:
          - name: wire
            url: https://news.example.org/rss
            tags: [syria, wire]
            language: en
          - name: local
            url: file:feeds/local.xml
            allow_file: true
            interval: 1h30m
            max_body: 2MB
        rules:
          - name: paris-talks
            query: 'Syria Israel Paris'
            tags: [syria]
            sinks: [console]
        sinks:
          - name: console
            type: stdout
            format: json
          - name: archive
            type: file
            path: alerts.jsonl
          - name: hook
            type: webhook
            url: https://hooks.example.org/herald
            timeout: 5s
        """

    @Test("a valid config is read with defaults applied and paths resolved against its folder")
    func valid() throws {
        let config = try ConfigLoader.parse(Self.valid, file: "/etc/herald/herald.yaml")
        #expect(config.state == "/etc/herald/state/test.sqlite")
        #expect(config.feeds.map(\.name) == ["wire", "local"])
        #expect(config.feeds[0].interval == .seconds(900))
        #expect(config.feeds[0].timeout == .seconds(30))
        #expect(config.feeds[0].tags == ["syria", "wire"])
        #expect(config.feeds[1].url == URL(fileURLWithPath: "/etc/herald/feeds/local.xml"))
        #expect(config.feeds[1].interval == .seconds(5400))
        #expect(config.feeds[1].maxBodyBytes == 2 << 20)
        #expect(config.rules[0].sinks == ["console"])
        #expect(config.sinks[0].kind == .stdout(format: .json))
        #expect(config.sinks[1].kind == .file(path: "/etc/herald/alerts.jsonl"))
        #expect(
            config.sinks[2].kind
                == .webhook(url: URL(string: "https://hooks.example.org/herald")!, timeout: .seconds(5)))
    }

    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.parse(yaml, file: "/tmp/h.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("an unknown key is an error with its path, line and the closest valid key")
    func unknownKey() {
        let found = problems(Self.valid.replacingOccurrences(of: "    interval: 1h30m", with: "    intervall: 1h30m"))
        #expect(found.count == 1)
        #expect(found.first?.path == "feeds[1].intervall")
        #expect(found.first?.line == 12)
        #expect(found.first?.message.contains("did you mean 'interval'?") == true)
        #expect(found.first?.description.hasPrefix("/tmp/h.yaml:12: feeds[1].intervall:") == true)
    }

    @Test("booleans are YAML 1.1's unquoted spellings (true, yes, on...); a quoted or other value is a problem")
    func booleans() throws {
        func yaml(_ value: String) -> String {
            Self.valid.replacingOccurrences(
                of: "    sinks: [console]", with: "    sinks: [console]\n    alert_on_edit: \(value)")
        }
        for value in ["true", "True", "TRUE", "yes", "Yes", "on", "ON"] {
            #expect(try ConfigLoader.parse(yaml(value), file: "/tmp/h.yaml").rules[0].alertOnEdit == true, "\(value)")
        }
        for value in ["false", "FALSE", "no", "No", "off", "Off"] {
            #expect(try ConfigLoader.parse(yaml(value), file: "/tmp/h.yaml").rules[0].alertOnEdit == false, "\(value)")
        }
        for value in ["'true'", "\"yes\"", "1", "tRue", "y", "enabled"] {
            let found = problems(yaml(value))
            #expect(found.map(\.path) == ["rules[0].alert_on_edit"], "\(value)")
            #expect(found.first?.message.contains("is not true or false") == true, "\(value)")
        }
    }

    @Test("retention: 30 days unless set, at least one day")
    func retention() throws {
        #expect(try ConfigLoader.parse(Self.valid, file: "/tmp/h.yaml").retention == .seconds(30 * 86_400))
        let set = try ConfigLoader.parse("retention: 90d\n" + Self.valid, file: "/tmp/h.yaml")
        #expect(set.retention == .seconds(90 * 86_400))
        let found = problems("retention: 2h\n" + Self.valid)
        #expect(found.map(\.path) == ["retention"])
        #expect(found.first?.line == 1)
    }

    @Test("every problem is reported at once")
    func manyProblems() {
        let yaml = """
            feeds:
              - name: wire
                url: ftp://news.example.org/rss
                interval: soon
            rules:
              - name: r
                query: x
                sinks: [consol]
            sinks:
              - name: console
                type: stdot
            """
        let paths = problems(yaml).map(\.path)
        #expect(paths == ["feeds[0].url", "feeds[0].interval", "sinks[0].type", "rules[0].sinks[0]"])
        let messages = problems(yaml).map(\.message)
        #expect(messages[2].contains("did you mean 'stdout'?"))
        #expect(messages[3].contains("did you mean 'console'?"))
    }

    @Test("file: URLs need allow_file")
    func fileNeedsAllow() {
        let found = problems(Self.valid.replacingOccurrences(of: "    allow_file: true\n", with: ""))
        #expect(found.map(\.path) == ["feeds[1].url"])
        #expect(found.first?.message.contains("allow_file") == true)
    }

    @Test("broken YAML names the line")
    func brokenYAML() {
        let found = problems("feeds:\n  - name: [unclosed\nrules: []\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("not valid YAML") == true)
        #expect(found.first?.line != nil)
    }

    @Test("missing sections and duplicate names are errors")
    func missingAndDuplicates() {
        #expect(problems("feeds: []\n").map(\.path) == ["sinks", "rules"])
        let duplicated = Self.valid.replacingOccurrences(of: "name: local", with: "name: wire")
        #expect(problems(duplicated).map(\.message) == ["the name 'wire' is used twice"])
    }

    @Test(
        "durations and sizes",
        arguments: [
            ("90s", 90), ("10m", 600), ("1h30m", 5400), ("2d", 172_800), ("45", 45),
        ])
    func durations(text: String, seconds: Int) {
        #expect(ConfigValues.duration(text) == .seconds(seconds))
    }

    @Test("bad durations are refused", arguments: ["", "m", "10x", "1.5h", "-3", "10m5"])
    func badDurations(text: String) {
        #expect(ConfigValues.duration(text) == nil)
    }

    @Test("state path precedence: option, config, STATE_DIRECTORY, ./state")
    func statePath() throws {
        let config = try ConfigLoader.parse(Self.valid, file: "/etc/herald/herald.yaml")
        var bare = config
        bare.state = nil
        #expect(
            StatePath.resolve(option: "/x.sqlite", config: config, environment: ["STATE_DIRECTORY": "/var/lib/herald"])
                == "/x.sqlite")
        #expect(
            StatePath.resolve(option: nil, config: config, environment: ["STATE_DIRECTORY": "/var/lib/herald"])
                == "/etc/herald/state/test.sqlite")
        #expect(
            StatePath.resolve(option: nil, config: bare, environment: ["STATE_DIRECTORY": "/var/lib/herald"])
                == "/var/lib/herald/herald.sqlite")
        #expect(StatePath.resolve(option: nil, config: bare, environment: [:]) == "state/herald.sqlite")
    }
}
