import Foundation
import Vapor

/// A JSON value, for documents whose shape is data (the OpenAPI description).
indirect enum JSONValue: Encodable, Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case let .string(value): var c = encoder.singleValueContainer(); try c.encode(value)
        case let .number(value): var c = encoder.singleValueContainer(); try c.encode(value)
        case let .bool(value): var c = encoder.singleValueContainer(); try c.encode(value)
        case let .array(values): var c = encoder.unkeyedContainer(); for value in values { try c.encode(value) }
        case let .object(pairs):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in pairs { try c.encode(value, forKey: Key(key)) }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

/// The OpenAPI 3.1 description of `/api/v1`, served at `GET /api/v1/openapi.json`. A test checks that its paths
/// and the registered routes are the same set.
enum OpenAPIDocument {
    struct Operation {
        let method: String
        let route: SiteRoute
        let summary: String
        let parameters: [JSONValue]
        let requestSchema: String?
        let responseSchema: String
        let authenticated: Bool

        /// The path as OpenAPI writes it: `{name}` for each parameter.
        var path: String {
            "/"
                + route.rawValue.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
        }
    }

    static let operations: [Operation] = [
        .init(
            method: "post", route: .apiToken, summary: "用用户名和密码换取访问令牌", parameters: [], requestSchema: "TokenRequest",
            responseSchema: "TokenResponse", authenticated: false),
        .init(
            method: "get", route: .apiMe, summary: "当前用户", parameters: [], requestSchema: nil, responseSchema: "Me",
            authenticated: true),
        .init(
            method: "get", route: .apiHouseholds, summary: "查询辖区内农户（分页）",
            parameters: [
                query("q", "姓名、身份证号或户编号"), query("area", "区划代码（须在辖区内）"), query("type", "户类型"),
                query("status", "监测状态"), query("limit", "每页条数 1–200，默认 50", type: "integer"),
                query("offset", "起始位置，默认 0", type: "integer"),
            ], requestSchema: nil, responseSchema: "HouseholdPage", authenticated: true),
        .init(
            method: "get", route: .apiHousehold, summary: "农户详情（个人信息默认脱敏）",
            parameters: [
                pathParameter("id", "农户 ID", format: "uuid"), query("reveal", "有权限的角色显示完整个人信息，并记录日志", type: "boolean"),
            ], requestSchema: nil, responseSchema: "HouseholdDetail", authenticated: true),
        .init(
            method: "get", route: .apiArea, summary: "区划及其下级区划的农户数", parameters: [pathParameter("code", "区划代码")],
            requestSchema: nil, responseSchema: "AreaDetail", authenticated: true),
        .init(
            method: "get", route: .apiHouseholdExport, summary: "导出农户登记表（每名成员一行；无完整查看权限时脱敏）",
            parameters: [
                query("format", "csv（默认）或 xlsx"), query("q", "姓名、身份证号或户编号"), query("area", "区划代码"),
                query("type", "户类型"), query("status", "监测状态"),
            ], requestSchema: nil, responseSchema: "File", authenticated: true),
        .init(
            method: "post", route: .apiIncomes, summary: "登记或更正一个年度的收支",
            parameters: [pathParameter("id", "农户 ID", format: "uuid")], requestSchema: "IncomeRequest",
            responseSchema: "Income", authenticated: true),
        .init(
            method: "post", route: .apiVisits, summary: "登记走访（可同时报告风险）",
            parameters: [pathParameter("id", "农户 ID", format: "uuid")], requestSchema: "VisitRequest",
            responseSchema: "Visit", authenticated: true),
        .init(
            method: "post", route: .apiGuarantees, summary: "登记两不愁三保障及饮水安全评估",
            parameters: [pathParameter("id", "农户 ID", format: "uuid")], requestSchema: "GuaranteeRequest",
            responseSchema: "Guarantee", authenticated: true),
        .init(
            method: "post", route: .apiImports, summary: "上传登记表并检查（请求体为文件内容），返回预览与逐行问题",
            parameters: [query("filename", "文件名，.csv 或 .xlsx")], requestSchema: "File", responseSchema: "ImportBatch",
            authenticated: true),
        .init(
            method: "get", route: .apiImportBatch, summary: "导入批次的预览或结果",
            parameters: [pathParameter("id", "批次 ID", format: "uuid")], requestSchema: nil,
            responseSchema: "ImportBatch", authenticated: true),
        .init(
            method: "post", route: .apiImportCommit, summary: "确认导入（全部成功或全部不导入）",
            parameters: [pathParameter("id", "批次 ID", format: "uuid")], requestSchema: nil,
            responseSchema: "ImportBatch", authenticated: true),
        .init(
            method: "get", route: .apiDataQuality, summary: "数据质量核查结果", parameters: [query("area", "区划代码")],
            requestSchema: nil, responseSchema: "QualityReport", authenticated: true),
        .init(
            method: "post", route: .apiDepartmentEvents, summary: "行业部门推送数据（逐条校验，整批接收或整批退回；重复数据不重复入库）", parameters: [],
            requestSchema: "DepartmentPush", responseSchema: "DepartmentBatch", authenticated: true),
        .init(
            method: "get", route: .apiLeads, summary: "风险线索台账（辖区内）",
            parameters: [
                query("state", "状态，或 open 表示办理中"), query("channel", "渠道"),
                query("urgency", "时限状态 onTime/dueSoon/overdue"),
                query("limit", "每页条数 1–500，默认 50", type: "integer"), query("offset", "起始位置", type: "integer"),
            ], requestSchema: nil, responseSchema: "LeadPage", authenticated: true),
        .init(
            method: "get", route: .apiLead, summary: "一条风险线索",
            parameters: [pathParameter("id", "线索 ID", format: "uuid")], requestSchema: nil, responseSchema: "Lead",
            authenticated: true),
        .init(
            method: "post", route: .apiLeadActions,
            summary:
                "办理线索：本级核实属实（confirm）、排除（reject，须理由；村级为拟排除，报乡镇确认）、乡镇确认排除（confirmRejection）或退回村级（returnToVillage）、并入本辖区另一条线索（merge，reference 为线索 ID）",
            parameters: [pathParameter("id", "线索 ID", format: "uuid")], requestSchema: "LeadAction",
            responseSchema: "Lead", authenticated: true),
        .init(
            method: "get", route: .apiScreeningRules, summary: "本辖区适用的筛查规则版本，及生效期冲突的处理", parameters: [],
            requestSchema: nil, responseSchema: "ScreeningRules", authenticated: true),
        .init(
            method: "post", route: .apiScreeningRules, summary: "启用一个规则版本（本辖区原生效版本于前一日结束；金额以元计）", parameters: [],
            requestSchema: "RuleProposal", responseSchema: "ScreeningRule", authenticated: true),
        .init(
            method: "post", route: .apiScreeningRuleWithdrawal, summary: "撤回尚未生效的规则版本（被其接续的版本恢复原生效期）",
            parameters: [pathParameter("id", "规则版本 ID", format: "uuid")], requestSchema: nil, responseSchema: "Empty",
            authenticated: true),
        .init(
            method: "post", route: .apiScreeningRuleEnd, summary: "结束规则版本（最后生效日不早于昨天）",
            parameters: [pathParameter("id", "规则版本 ID", format: "uuid")], requestSchema: "LastDay",
            responseSchema: "Empty", authenticated: true),
        .init(
            method: "post", route: .apiScreeningDryRuns, summary: "试算规则调整：现行与调整后各村命中户数（不产生线索）", parameters: [],
            requestSchema: "RuleProposal", responseSchema: "DryRunComparison", authenticated: true),
        .init(
            method: "post", route: .apiScreeningRuns, summary: "立即筛查本辖区并登记线索", parameters: [], requestSchema: nil,
            responseSchema: "ScreeningRun", authenticated: true),
        .init(
            method: "get", route: .apiScreeningRun, summary: "一个筛查批次的结果",
            parameters: [pathParameter("id", "批次 ID", format: "uuid")], requestSchema: nil,
            responseSchema: "ScreeningRun", authenticated: true),
        .init(
            method: "get", route: .apiPolicyRows, summary: "政策参数记录（monitoring-lines 监测线，lead-deadlines 线索办理时限；管理员）",
            parameters: [pathParameter("parameter", "monitoring-lines 或 lead-deadlines")], requestSchema: nil,
            responseSchema: "PolicyRows", authenticated: true),
        .init(
            method: "post", route: .apiPolicyMonitoringLines, summary: "新增监测线记录（同一范围原记录于前一日结束）", parameters: [],
            requestSchema: "MonitoringLineRequest", responseSchema: "PolicyRow", authenticated: true),
        .init(
            method: "post", route: .apiPolicyLeadDeadlines, summary: "新增线索办理时限记录（同一范围原记录于前一日结束）", parameters: [],
            requestSchema: "LeadDeadlineRequest", responseSchema: "PolicyRow", authenticated: true),
        .init(
            method: "post", route: .apiPolicyMonitoringLineEnd, summary: "结束一条监测线记录",
            parameters: [pathParameter("id", "记录 ID", format: "uuid")], requestSchema: "LastDay",
            responseSchema: "Empty", authenticated: true),
        .init(
            method: "post", route: .apiPolicyLeadDeadlineEnd, summary: "结束一条线索办理时限记录",
            parameters: [pathParameter("id", "记录 ID", format: "uuid")], requestSchema: "LastDay",
            responseSchema: "Empty", authenticated: true),
        .init(
            method: "get", route: .apiOpenAPI, summary: "本接口说明（OpenAPI 3.1）", parameters: [], requestSchema: nil,
            responseSchema: "OpenAPI", authenticated: false),
    ]

    static func document() -> JSONValue {
        let grouped = Dictionary(grouping: operations, by: \.path)
        let paths: [(String, JSONValue)] = grouped.keys.sorted().map { path in
            (path, .object((grouped[path] ?? []).map { ($0.method, operationObject($0)) }))
        }
        return .object([
            ("openapi", .string("3.1.0")),
            (
                "info",
                .object([
                    ("title", .string("守望 Shouwang API")), ("version", .string("1")),
                    ("description", .string("防止返贫致贫动态监测和帮扶平台接口。所有数据按调用者的区划范围过滤。")),
                ])
            ),
            ("paths", .object(paths)),
            (
                "components",
                .object([
                    (
                        "securitySchemes",
                        .object([("bearer", .object([("type", .string("http")), ("scheme", .string("bearer"))]))])
                    ),
                    ("schemas", .object(OpenAPISchemas.all)),
                ])
            ),
        ])
    }

    private static func operationObject(_ operation: Operation) -> JSONValue {
        var fields: [(String, JSONValue)] = [("summary", .string(operation.summary))]
        if !operation.parameters.isEmpty { fields.append(("parameters", .array(operation.parameters))) }
        if let request = operation.requestSchema {
            fields.append(("requestBody", .object([("required", .bool(true)), ("content", jsonContent(request))])))
        }
        var responses: [(String, JSONValue)] = [
            ("200", .object([("description", .string("成功")), ("content", jsonContent(operation.responseSchema))]))
        ]
        responses.append(("400", errorResponse("请求格式不正确")))
        if operation.method == "post" {
            responses.append(("422", errorResponse("内容有问题，未做任何修改（problems 列出每个字段）")))
        }
        if operation.authenticated {
            responses.append(("401", errorResponse("缺少或无效的访问令牌")))
            responses.append(("403", errorResponse("角色无权执行此操作")))
            responses.append(("404", errorResponse("不存在或不在辖区内")))
            fields.append(("security", .array([.object([("bearer", .array([]))])])))
        }
        fields.append(("responses", .object(responses)))
        return .object(fields)
    }

    private static func jsonContent(_ schema: String) -> JSONValue {
        if schema == "File" {
            let binary: JSONValue = .object([
                ("schema", .object([("type", .string("string")), ("format", .string("binary"))]))
            ])
            return .object([
                ("text/csv", binary), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", binary),
            ])
        }
        return .object([("application/json", .object([("schema", ref(schema))]))])
    }

    private static func errorResponse(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("content", jsonContent("Error"))])
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/components/schemas/\(name)"))]) }

    private static func query(_ name: String, _ description: String, type: String = "string") -> JSONValue {
        .object([
            ("name", .string(name)), ("in", .string("query")), ("required", .bool(false)),
            ("description", .string(description)), ("schema", .object([("type", .string(type))])),
        ])
    }

    private static func pathParameter(_ name: String, _ description: String, format: String? = nil) -> JSONValue {
        var schema: [(String, JSONValue)] = [("type", .string("string"))]
        if let format { schema.append(("format", .string(format))) }
        return .object([
            ("name", .string(name)), ("in", .string("path")), ("required", .bool(true)),
            ("description", .string(description)), ("schema", .object(schema)),
        ])
    }

    static func response() throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(document())
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
