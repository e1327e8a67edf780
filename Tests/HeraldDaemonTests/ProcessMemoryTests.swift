import Foundation
import HeraldDaemon
import Testing

@Suite("Process memory")
struct ProcessMemoryTests {
    #if canImport(Glibc)
        /// Run in a fresh process: in the test run's own, other tests' freed blocks sit in the arenas,
        /// and malloc serves a block of any size from a free chunk big enough before it maps one.
        @Test("with the mmap threshold fixed, a 2 MB block is mapped even after a larger one was freed")
        func fixedThreshold() throws {
            guard ProcessInfo.processInfo.environment["HERALD_MALLOC_PROBE"] == "1" else {
                let child = Process()
                child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
                child.arguments = ["--testing-library", "swift-testing", "--filter", "ProcessMemoryTests"]
                child.environment = ProcessInfo.processInfo.environment.merging(["HERALD_MALLOC_PROBE": "1"]) { $1 }
                let output = Pipe()
                child.standardOutput = output
                child.standardError = output
                try child.run()
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                child.waitUntilExit()
                #expect(child.terminationStatus == 0, "\(text)")
                #expect(text.contains("Test run with 1 test"), "the probe did not run: \(text)")
                return
            }
            ProcessMemory.fixMmapThreshold()
            // glibc's own rule would now raise its threshold to this block's size, so that the next
            // block below it came from an arena.
            let large = try #require(malloc(8 << 20))
            memset(large, 1, 8 << 20)
            #expect(ProcessMemory.isMapped(large))
            free(large)
            // 2 MB, well above the threshold: malloc serves a block from a free chunk of the arena
            // that fits before it maps one, and the test binary's start leaves chunks of a few
            // hundred KB free (a 256 KB block came from one in 9 runs of 30).
            let block = try #require(malloc(16 * ProcessMemory.mmapThreshold))
            defer { free(block) }
            #expect(ProcessMemory.isMapped(block))
            let small = try #require(malloc(4096))
            defer { free(small) }
            #expect(!ProcessMemory.isMapped(small))
        }
    #endif
}
