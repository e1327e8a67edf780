import Foundation
import HeraldDaemon
import Testing

@Suite("Process memory")
struct ProcessMemoryTests {
    #if canImport(Glibc)
        @Test("with the mmap threshold fixed, a block of twice its size is mapped even after a larger one was freed")
        func fixedThreshold() throws {
            ProcessMemory.fixMmapThreshold()
            // glibc's own rule would now raise its threshold to this block's size, so that the next
            // block below it came from an arena.
            let large = try #require(malloc(8 << 20))
            memset(large, 1, 8 << 20)
            #expect(ProcessMemory.isMapped(large))
            free(large)
            let block = try #require(malloc(2 * ProcessMemory.mmapThreshold))
            defer { free(block) }
            #expect(ProcessMemory.isMapped(block))
            let small = try #require(malloc(4096))
            defer { free(small) }
            #expect(!ProcessMemory.isMapped(small))
        }
    #endif
}
