import Vapor

extension Application {
    private struct SharedKey<Value: Sendable>: StorageKey {}

    /// One object of this type per application, made on first use. Call it once from `configure`, before requests run
    /// in parallel, so that it is never made twice.
    func shared<Value: AnyObject & Sendable>(_ make: () -> Value) -> Value {
        if let existing = storage[SharedKey<Value>.self] { return existing }
        let made = make()
        storage[SharedKey<Value>.self] = made
        return made
    }
}
