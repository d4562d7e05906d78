import Fluent
import SQLKit

/// A section of work one task runs at a time: in this process through a queue, across processes on PostgreSQL
/// through an advisory lock (`key`) held by the session of the database handed in (a bulk connection).
struct ExclusiveSection: Sendable {
    let key: Int64
    private let queue = SerialQueue()

    init(key: Int64) {
        self.key = key
    }

    func run<T: Sendable>(on database: any Database, _ work: @escaping @Sendable () async throws -> T) async throws -> T
    {
        await queue.enter()
        let sql = try? database.sql
        let postgres = sql?.engine == .postgresql
        do {
            if postgres { try await sql?.raw("SELECT pg_advisory_lock(\(bind: key))").run() }
            let result = try await work()
            if postgres { try await sql?.raw("SELECT pg_advisory_unlock(\(bind: key))").run() }
            await queue.leave()
            return result
        } catch {
            if postgres { try? await sql?.raw("SELECT pg_advisory_unlock(\(bind: key))").run() }
            await queue.leave()
            throw error
        }
    }
}

/// Lets one task in at a time, the others waiting in order.
private actor SerialQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
