/// The component schemas of the OpenAPI document, one per DTO in `API`.
enum OpenAPISchemas {
    private static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([("type", .string("object")), ("properties", .object(properties)), ("required", .array(required.map(JSONValue.string)))])
    }

    private static let string: JSONValue = .object([("type", .string("string"))])
    private static let integer: JSONValue = .object([("type", .string("integer"))])
    private static let boolean: JSONValue = .object([("type", .string("boolean"))])
    private static let nullableString: JSONValue = .object([("type", .array([.string("string"), .string("null")]))])
    private static let nullableInteger: JSONValue = .object([("type", .array([.string("integer"), .string("null")]))])
    private static func array(of item: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", item)]) }

    static let all: [(String, JSONValue)] = [
        ("Error", object([("error", object([("code", string), ("message", string)], required: ["code", "message"]))], required: ["error"])),
        ("TokenRequest", object([("username", string), ("password", string)], required: ["username", "password"])),
        ("TokenResponse", object([("token", string), ("expiresAt", string), ("user", OpenAPIDocument.ref("Me"))], required: ["token", "expiresAt", "user"])),
        ("Me", object([("id", string), ("username", string), ("displayName", string), ("role", string), ("roleLabel", string), ("areaCode", string), ("department", nullableString)],
                      required: ["id", "username", "displayName", "role", "roleLabel", "areaCode"])),
        ("HouseholdSummary", object([("id", string), ("householdNumber", string), ("headName", string), ("villageCode", string), ("groupCode", nullableString),
                                    ("gridCode", nullableString), ("householdType", string), ("monitoringStatus", string), ("memberCount", integer)],
                                   required: ["id", "householdNumber", "headName", "villageCode", "householdType", "monitoringStatus", "memberCount"])),
        ("HouseholdPage", object([("items", array(of: OpenAPIDocument.ref("HouseholdSummary"))), ("total", integer), ("limit", integer), ("offset", integer)],
                                required: ["items", "total", "limit", "offset"])),
        ("Member", object([("id", string), ("name", string), ("relation", string), ("sex", string), ("birthDate", string), ("idNumber", string),
                          ("labourCapacity", string), ("health", .object([("type", .array([.string("array"), .string("null")])), ("items", string)])),
                          ("education", string), ("schoolStatus", nullableString)],
                         required: ["id", "name", "relation", "sex", "birthDate", "idNumber", "labourCapacity", "education"])),
        ("Income", object([("periodStart", string), ("periodEnd", string), ("netIncome", integer), ("perCapitaNet", integer), ("memberCount", integer)],
                         required: ["periodStart", "periodEnd", "netIncome", "perCapitaNet", "memberCount"])),
        ("HouseholdDetail", object([("household", OpenAPIDocument.ref("HouseholdSummary")), ("alleviatedYear", nullableInteger), ("phone", nullableString),
                                   ("address", string), ("bankAccount", nullableString), ("revealed", boolean),
                                   ("members", array(of: OpenAPIDocument.ref("Member"))), ("incomes", array(of: OpenAPIDocument.ref("Income")))],
                                  required: ["household", "address", "revealed", "members", "incomes"])),
        ("Area", object([("code", string), ("name", string), ("level", string), ("parentCode", nullableString), ("codeSystem", string),
                        ("households", nullableInteger), ("people", nullableInteger)], required: ["code", "name", "level", "codeSystem"])),
        ("AreaDetail", object([("area", OpenAPIDocument.ref("Area")), ("children", array(of: OpenAPIDocument.ref("Area")))], required: ["area", "children"])),
        ("OpenAPI", .object([("type", .string("object"))])),
    ]
}
