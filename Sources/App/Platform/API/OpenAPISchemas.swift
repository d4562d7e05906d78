/// The component schemas of the OpenAPI document, one per DTO in `API`.
enum OpenAPISchemas {
    private static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([
            ("type", .string("object")), ("properties", .object(properties)),
            ("required", .array(required.map(JSONValue.string))),
        ])
    }

    private static let string: JSONValue = .object([("type", .string("string"))])
    private static let integer: JSONValue = .object([("type", .string("integer"))])
    private static let boolean: JSONValue = .object([("type", .string("boolean"))])
    private static let nullableString: JSONValue = .object([("type", .array([.string("string"), .string("null")]))])
    private static let nullableInteger: JSONValue = .object([("type", .array([.string("integer"), .string("null")]))])
    private static func array(of item: JSONValue) -> JSONValue {
        .object([("type", .string("array")), ("items", item)])
    }

    static let all: [(String, JSONValue)] = [
        (
            "Error",
            object(
                [
                    (
                        "error",
                        object(
                            [
                                ("code", string), ("message", string),
                                (
                                    "problems",
                                    array(
                                        of: object(
                                            [("field", string), ("message", string)], required: ["field", "message"]))
                                ),
                                ("rows", array(of: OpenAPIDocument.ref("ImportProblem"))),
                            ], required: ["code", "message"])
                    )
                ], required: ["error"])
        ),
        ("TokenRequest", object([("username", string), ("password", string)], required: ["username", "password"])),
        (
            "TokenResponse",
            object(
                [("token", string), ("expiresAt", string), ("user", OpenAPIDocument.ref("Me"))],
                required: ["token", "expiresAt", "user"])
        ),
        (
            "Me",
            object(
                [
                    ("id", string), ("username", string), ("displayName", string), ("role", string),
                    ("roleLabel", string), ("areaCode", string), ("department", nullableString),
                ],
                required: ["id", "username", "displayName", "role", "roleLabel", "areaCode"])
        ),
        (
            "HouseholdSummary",
            object(
                [
                    ("id", string), ("householdNumber", string), ("headName", string), ("villageCode", string),
                    ("groupCode", nullableString),
                    ("gridCode", nullableString), ("householdType", string), ("monitoringStatus", string),
                    ("memberCount", integer),
                ],
                required: [
                    "id", "householdNumber", "headName", "villageCode", "householdType", "monitoringStatus",
                    "memberCount",
                ])
        ),
        (
            "HouseholdPage",
            object(
                [
                    ("items", array(of: OpenAPIDocument.ref("HouseholdSummary"))), ("total", integer),
                    ("limit", integer), ("offset", integer),
                ],
                required: ["items", "total", "limit", "offset"])
        ),
        (
            "Member",
            object(
                [
                    ("id", string), ("name", string), ("relation", string), ("sex", string), ("birthDate", string),
                    ("idNumber", string),
                    ("labourCapacity", string),
                    ("health", .object([("type", .array([.string("array"), .string("null")])), ("items", string)])),
                    ("education", string), ("schoolStatus", nullableString),
                ],
                required: ["id", "name", "relation", "sex", "birthDate", "idNumber", "labourCapacity", "education"])
        ),
        (
            "Income",
            object(
                [
                    ("periodStart", string), ("periodEnd", string), ("netIncome", integer), ("perCapitaNet", integer),
                    ("memberCount", integer),
                ],
                required: ["periodStart", "periodEnd", "netIncome", "perCapitaNet", "memberCount"])
        ),
        (
            "HouseholdDetail",
            object(
                [
                    ("household", OpenAPIDocument.ref("HouseholdSummary")), ("alleviatedYear", nullableInteger),
                    ("phone", nullableString),
                    ("address", string), ("bankAccount", nullableString), ("revealed", boolean),
                    ("members", array(of: OpenAPIDocument.ref("Member"))),
                    ("incomes", array(of: OpenAPIDocument.ref("Income"))),
                ],
                required: ["household", "address", "revealed", "members", "incomes"])
        ),
        (
            "Area",
            object(
                [
                    ("code", string), ("name", string), ("level", string), ("parentCode", nullableString),
                    ("codeSystem", string),
                    ("households", nullableInteger), ("people", nullableInteger),
                ], required: ["code", "name", "level", "codeSystem"])
        ),
        (
            "AreaDetail",
            object(
                [("area", OpenAPIDocument.ref("Area")), ("children", array(of: OpenAPIDocument.ref("Area")))],
                required: ["area", "children"])
        ),
        ("OpenAPI", .object([("type", .string("object"))])),
        ("Empty", .object([("type", .string("null")), ("description", .string("无内容（204）"))])),
        ("LastDay", object([("lastDay", string)], required: ["lastDay"])),
        (
            "RuleProposal",
            object(
                [("kind", string), ("parameter", string), ("value", string), ("effectiveFrom", string)],
                required: ["kind", "parameter", "value", "effectiveFrom"])
        ),
        (
            "ScreeningRule",
            object(
                [
                    ("id", string), ("kind", string), ("kindLabel", string), ("version", integer),
                    ("parameters", .object([("type", .string("object")), ("additionalProperties", integer)])),
                    ("effectiveFrom", nullableString), ("effectiveTo", nullableString), ("scope", nullableString),
                    ("enabled", boolean),
                ],
                required: ["id", "kind", "kindLabel", "version", "parameters", "enabled"])
        ),
        (
            "ScreeningRules",
            object(
                [("versions", array(of: OpenAPIDocument.ref("ScreeningRule"))), ("repairs", array(of: string))],
                required: ["versions", "repairs"])
        ),
        (
            "ScreeningRun",
            object(
                [
                    ("id", string), ("startedAt", string), ("finishedAt", nullableString), ("dryRun", boolean),
                    ("areaCode", string),
                    ("households", integer), ("hits", integer), ("newLeads", integer), ("corroborated", integer),
                    ("attached", integer),
                    ("settled", integer), ("status", string), ("error", nullableString),
                    (
                        "perVillage",
                        .object([
                            ("type", .string("object")),
                            (
                                "additionalProperties",
                                .object([("type", .string("object")), ("additionalProperties", integer)])
                            ),
                        ])
                    ),
                ],
                required: [
                    "id", "startedAt", "dryRun", "areaCode", "households", "hits", "newLeads", "corroborated",
                    "attached", "settled", "status", "perVillage",
                ])
        ),
        (
            "DryRunComparison",
            object(
                [
                    ("kind", string), ("version", integer),
                    ("parameters", .object([("type", .string("object")), ("additionalProperties", integer)])),
                    ("baseline", .object([("type", .string("object")), ("additionalProperties", integer)])),
                    ("trial", .object([("type", .string("object")), ("additionalProperties", integer)])),
                    ("villageNames", .object([("type", .string("object")), ("additionalProperties", string)])),
                ],
                required: ["kind", "version", "parameters", "baseline", "trial", "villageNames"])
        ),
        (
            "PolicyRow",
            object(
                [
                    ("id", string), ("parameter", string), ("scope", nullableString), ("scopeName", string),
                    ("effectiveFrom", string),
                    ("effectiveTo", nullableString), ("value", string), ("source", string),
                    ("createdBy", nullableString), ("inForceToday", boolean),
                ],
                required: ["id", "parameter", "scopeName", "effectiveFrom", "value", "source", "inForceToday"])
        ),
        ("PolicyRows", array(of: OpenAPIDocument.ref("PolicyRow"))),
        (
            "MonitoringLineRequest",
            object(
                [
                    ("scope", nullableString), ("effectiveFrom", string), ("effectiveTo", nullableString),
                    ("amountYuan", string), ("source", string),
                ],
                required: ["effectiveFrom", "amountYuan", "source"])
        ),
        (
            "LeadDeadlineRequest",
            object(
                [
                    ("scope", nullableString), ("effectiveFrom", string), ("effectiveTo", nullableString),
                    ("source", string),
                    (
                        "channels",
                        .object([
                            ("type", .string("object")),
                            (
                                "additionalProperties",
                                object(
                                    [
                                        ("total", nullableString), ("village", string), ("township", string),
                                        ("county", string),
                                    ], required: ["village", "township", "county"])
                            ),
                        ])
                    ),
                    ("dueSoonPercent", integer), ("dueSoonHours", integer), ("quietPeriodDays", nullableInteger),
                ],
                required: ["effectiveFrom", "source", "channels", "dueSoonPercent", "dueSoonHours"])
        ),
        (
            "DepartmentPush",
            object(
                [
                    ("kind", string),
                    ("records", array(of: .object([("type", .string("object")), ("additionalProperties", string)]))),
                    ("reference", string),
                ],
                required: ["kind", "records"])
        ),
        (
            "DepartmentBatch",
            object(
                [
                    ("id", string), ("kind", string), ("status", string), ("rowCount", integer), ("newEvents", integer),
                    ("repeatedEvents", integer),
                    ("matched", integer), ("unmatched", integer),
                    ("problems", array(of: OpenAPIDocument.ref("ImportProblem"))),
                ],
                required: [
                    "id", "kind", "status", "rowCount", "newEvents", "repeatedEvents", "matched", "unmatched",
                    "problems",
                ])
        ),
        (
            "Lead",
            object(
                [
                    ("id", string), ("householdID", string), ("riskType", string), ("channel", string),
                    ("state", string), ("receivedAt", string),
                    ("stepDueAt", string), ("dueAt", string), ("urgency", nullableString), ("sourceCount", integer),
                    ("outcomeReason", nullableString),
                ],
                required: [
                    "id", "householdID", "riskType", "channel", "state", "receivedAt", "stepDueAt", "dueAt",
                    "sourceCount",
                ])
        ),
        (
            "LeadPage",
            object(
                [
                    ("items", array(of: OpenAPIDocument.ref("Lead"))), ("total", integer), ("limit", integer),
                    ("offset", integer),
                ], required: ["items", "total", "limit", "offset"])
        ),
        ("LeadAction", object([("action", string), ("text", string), ("reference", string)], required: ["action"])),
        (
            "IncomeRequest",
            object(
                [
                    ("year", string),
                    (
                        "amounts",
                        .object([
                            ("type", .string("object")), ("additionalProperties", string),
                            (
                                "description",
                                .string(
                                    "元，键为 wage business property transfer productionCosts medicalSelfPay schooling disasterLoss otherRigidSpending"
                                )
                            ),
                        ])
                    ),
                ],
                required: ["year", "amounts"])
        ),
        (
            "VisitRequest",
            object(
                [("visitedOn", string), ("findings", string), ("risks", array(of: string)), ("riskNote", string)],
                required: ["visitedOn", "findings"])
        ),
        (
            "Visit",
            object(
                [
                    ("id", string), ("visitedOn", string), ("visitorName", string), ("findings", string),
                    ("risks", array(of: string)), ("riskNote", string),
                ],
                required: ["id", "visitedOn", "visitorName", "findings", "risks", "riskNote"])
        ),
        (
            "GuaranteeRequest",
            object(
                [
                    ("kind", string), ("assessedOn", string), ("secured", boolean), ("housingGrade", string),
                    (
                        "water",
                        object(
                            [
                                ("enoughQuantity", boolean), ("qualityTested", boolean), ("convenient", boolean),
                                ("reliable", boolean),
                            ],
                            required: ["enoughQuantity", "qualityTested", "convenient", "reliable"])
                    ), ("note", string),
                ],
                required: ["kind", "assessedOn"])
        ),
        (
            "Guarantee",
            object(
                [
                    ("id", string), ("kind", string), ("assessedOn", string), ("secured", boolean),
                    ("housingGrade", nullableString), ("note", string),
                ],
                required: ["id", "kind", "assessedOn", "secured", "note"])
        ),
        (
            "ImportProblem",
            object(
                [("row", integer), ("column", string), ("value", string), ("reason", string)],
                required: ["row", "column", "value", "reason"])
        ),
        (
            "ImportBatch",
            object(
                [
                    ("id", string), ("fileName", string), ("status", string), ("encoding", nullableString),
                    ("rowCount", integer),
                    ("newHouseholds", integer), ("changedHouseholds", integer), ("unchangedHouseholds", integer),
                    ("newMembers", integer),
                    ("changedMembers", integer), ("problemCount", integer),
                    ("problems", array(of: OpenAPIDocument.ref("ImportProblem"))),
                    ("notes", array(of: string)), ("createdAt", nullableString), ("committedAt", nullableString),
                ],
                required: ["id", "fileName", "status", "rowCount", "problemCount", "problems", "notes"])
        ),
        (
            "QualityReport",
            object(
                [
                    ("counts", .object([("type", .string("object")), ("additionalProperties", integer)])),
                    ("total", integer),
                    (
                        "findings",
                        array(
                            of: object(
                                [
                                    ("householdID", string), ("householdNumber", string), ("rule", string),
                                    ("ruleLabel", string),
                                    ("memberName", nullableString), ("detail", string),
                                ], required: ["householdID", "householdNumber", "rule", "ruleLabel", "detail"]))
                    ),
                ],
                required: ["counts", "total", "findings"])
        ),
    ]
}
