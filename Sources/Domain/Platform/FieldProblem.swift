/// One thing wrong with submitted data: which field, and why, in words the person who typed it understands.
public struct FieldProblem: Sendable, Hashable, Codable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Every problem found in one submission; nothing is saved while there is one.
public struct FieldProblems: Error, Sendable, Hashable {
    public let problems: [FieldProblem]

    public init(problems: [FieldProblem]) { self.problems = problems }
}
