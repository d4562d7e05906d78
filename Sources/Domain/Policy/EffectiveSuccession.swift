/// 接续生效: how a new period of a dated value (a rule version, a policy row) takes over from those of the same
/// rule and scope: the one in force when it starts ends the day before, so no two are ever in force on one day. A
/// period that starts on or after the new start cannot be ended before it begins: it must be withdrawn or ended
/// first, and the new one is refused with that said.
public enum EffectiveSuccession {
    /// One existing period of the group; `from` nil for "always", `to` nil for "until further notice".
    public struct Period<ID: Hashable & Sendable>: Sendable {
        public let id: ID
        public let from: CivilDate?
        public let to: CivilDate?

        public init(id: ID, from: CivilDate?, to: CivilDate?) {
            self.id = id
            self.from = from
            self.to = to
        }
    }

    /// The new last day of each existing period that a new one starting on `start` cuts short.
    public static func endings<ID>(
        of existing: [Period<ID>], forNewStartingOn start: CivilDate
    ) -> Result<[ID: CivilDate], SuccessionError> {
        let dayBefore = start.adding(days: -1)
        var endings: [ID: CivilDate] = [:]
        for period in existing {
            if let from = period.from, from >= start { return .failure(.laterPeriodExists(from: from)) }
            if let to = period.to, to < start { continue }
            endings[period.id] = dayBefore
        }
        return .success(endings)
    }
}

/// Why a new period was refused; `message` says it in Chinese.
public enum SuccessionError: Error, Hashable, Sendable, CustomStringConvertible {
    case laterPeriodExists(from: CivilDate)

    public var message: String {
        switch self {
        case .laterPeriodExists(let from): "同一范围已有自 \(from) 起生效的记录，请先撤回或结束该记录，再新增更早开始的记录"
        }
    }

    public var description: String { message }
}
