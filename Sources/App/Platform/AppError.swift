import Domain
import Vapor

/// Every refusal the application answers a person with, and its words in Chinese, in one place. The error
/// middleware shows `reason` on the page or in the API's `{"error": …}`; the status says what kind of refusal it is.
enum AppError: AbortError, Equatable {
    /// A record that does not exist or lies outside the user's area: the two answers are the same on purpose.
    case recordNotFound
    /// An area that does not exist or lies outside the user's area.
    case areaNotFound
    /// A screening run that does not exist or lies outside the user's area.
    case screeningRunNotFound
    /// A rule version that does not exist.
    case ruleVersionNotFound
    /// A rule version of a higher level (adjusted only there) or another area.
    case localRuleVersionNotFound
    /// A policy parameter name that is not one of the kept tables.
    case policyParameterNotFound
    /// A form draft already taken back or expired.
    case draftGone
    /// The user's role lacks the permission.
    case forbidden(Permission)
    /// A page that needs a signed-in user.
    case signInRequired
    /// An API call without a valid token.
    case tokenRequired
    /// An account whose area or department is missing.
    case accountIncomplete
    /// A web form without the session's anti-forgery token.
    case formExpired
    /// A web form sent from another origin.
    case foreignOrigin
    /// An area code that is not well formed.
    case malformedAreaCode(String)
    /// A file over the upload limit.
    case fileTooLarge(megabytes: Int)
    /// A file that is neither CSV nor xlsx.
    case unknownFileFormat(fileName: String)
    /// A file that could not be read.
    case unreadableFile(fileName: String, message: String)
    /// A file with nothing in it.
    case emptyFile(fileName: String)
    /// A number query parameter outside its range.
    case numberOutOfRange(name: String, range: ClosedRange<Int>)
    /// A household record that misses its members or head.
    case incompleteHousehold
    /// A change to a member who has left the household.
    case memberDeparted
    /// A stored lead state that is not one of the workflow's.
    case invalidLeadState
    /// A chosen monitoring contact who is not an active contact of the household's village.
    case notAContactOfTheVillage
    /// A cadence form without a department or a valid frequency.
    case cadenceIncomplete
    /// A household type filter that is not on the code list.
    case unknownHouseholdType(String)
    /// A monitoring status filter that is not on the code list.
    case unknownMonitoringStatus(String)
    /// A search text over its limit.
    case searchTooLong(maximum: Int)
    /// A guarantee kind that is not on the code list.
    case unknownGuaranteeKind(String)
    /// A level that cannot be added below this area.
    case levelNotAllowedHere
    /// Every code of a level below a parent is in use.
    case areaCodesExhausted(parentName: String, levelLabel: String)
    /// An area from the official code table, which the system does not change.
    case officialAreaReadOnly
    /// An export over the households allowed at once.
    case exportTooLarge(maximum: Int, households: Int)
    /// An xlsx export over a sheet's row limit.
    case sheetRowsExceeded(limit: Int, people: Int)
    /// An API upload without its file name.
    case fileNameMissing
    /// An API upload without a body.
    case emptyBody
    /// An import batch that is already committed (or holds problems) and cannot be committed.
    case batchNotCommittable(alreadyCommitted: Bool)
    /// A department push with no records or more than the limit.
    case recordCountOutOfRange(maximum: Int)
    /// The database driver does not speak SQL (never with the drivers Shouwang ships).
    case sqlUnavailable

    var status: HTTPResponseStatus {
        switch self {
        case .recordNotFound, .areaNotFound, .screeningRunNotFound, .ruleVersionNotFound, .localRuleVersionNotFound,
            .policyParameterNotFound, .draftGone:
            .notFound
        case .forbidden, .accountIncomplete, .formExpired, .foreignOrigin: .forbidden
        case .signInRequired, .tokenRequired: .unauthorized
        case .malformedAreaCode, .numberOutOfRange: .badRequest
        case .fileTooLarge: .payloadTooLarge
        case .unknownFileFormat, .unreadableFile, .emptyFile: .unprocessableEntity
        case .incompleteHousehold, .memberDeparted, .invalidLeadState, .areaCodesExhausted, .batchNotCommittable:
            .conflict
        case .notAContactOfTheVillage, .cadenceIncomplete: .unprocessableEntity
        case .unknownHouseholdType, .unknownMonitoringStatus, .searchTooLong, .unknownGuaranteeKind,
            .levelNotAllowedHere,
            .exportTooLarge, .sheetRowsExceeded, .fileNameMissing, .emptyBody, .recordCountOutOfRange:
            .badRequest
        case .officialAreaReadOnly: .forbidden
        case .sqlUnavailable: .internalServerError
        }
    }

    var reason: String {
        switch self {
        case .recordNotFound: "未找到该记录。"
        case .areaNotFound: "未找到该区划，或不在您的管辖范围内。"
        case .screeningRunNotFound: "未找到该筛查批次。"
        case .ruleVersionNotFound: "未找到该规则版本。"
        case .localRuleVersionNotFound: "未找到本辖区的该规则版本（上级规则由上级调整）。"
        case .policyParameterNotFound: "没有这个政策参数（monitoring-lines 或 lead-deadlines）。"
        case .draftGone: "这份未保存的内容已取回过或已过期（保留 2 小时）。"
        case let .forbidden(permission): permission.refusal
        case .signInRequired: "请先登录。"
        case .tokenRequired: "需要有效的访问令牌（Authorization: Bearer …）。"
        case .accountIncomplete: "账号配置不完整，请联系管理员。"
        case .formExpired: "页面已过期或请求被篡改，未做任何修改。请刷新页面后重试。"
        case .foreignOrigin: "请求来源不明，已拒绝。请从本系统页面提交。"
        case let .malformedAreaCode(code): code.isEmpty ? "区划代码格式不正确。" : "区划代码 \(code) 格式不正确。"
        case let .fileTooLarge(megabytes): "文件超过 \(megabytes) MB，请分批导入。"
        case let .unknownFileFormat(fileName): "无法识别文件「\(fileName)」的格式，请上传 .csv 或 .xlsx 文件。"
        case let .unreadableFile(fileName, message): "文件「\(fileName)」无法读取：\(message)"
        case let .emptyFile(fileName): "文件「\(fileName)」是空的。"
        case let .numberOutOfRange(name, range): "参数 \(name) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。"
        case .incompleteHousehold: "该户登记数据不完整，请先核对成员。"
        case .memberDeparted: "该成员已减员，不能再修改。"
        case .invalidLeadState: "线索状态无效。"
        case .notAContactOfTheVillage: "所选人员不是本村在岗的监测联系人。"
        case .cadenceIncomplete: "请选择部门和频次：每隔 1–366 天、每周星期 1–7 或每月 1–31 日前。"
        case let .unknownHouseholdType(type): "户类型 \(type) 无效。"
        case let .unknownMonitoringStatus(status): "监测状态 \(status) 无效。"
        case let .searchTooLong(maximum): "搜索词过长（最多 \(maximum) 个字符）。"
        case let .unknownGuaranteeKind(raw): "保障类别「\(raw)」无效。"
        case .levelNotAllowedHere: "不能在该区划下新增这一层级。"
        case let .areaCodesExhausted(parentName, levelLabel): "「\(parentName)」下的\(levelLabel)代码已用完。"
        case .officialAreaReadOnly: "官方区划代码表中的区划不能在本系统修改。"
        case let .exportTooLarge(maximum, households): "一次最多导出 \(maximum) 户（本次 \(households) 户），请缩小范围后再导出。"
        case let .sheetRowsExceeded(limit, people): "xlsx 一个工作表最多 \(limit) 行，本次 \(people) 人：请改用 CSV，或缩小范围后再导出。"
        case .fileNameMissing: "请用查询参数 filename 给出文件名（.csv 或 .xlsx）。"
        case .emptyBody: "请求体为空：请直接发送文件内容。"
        case let .batchNotCommittable(alreadyCommitted): alreadyCommitted ? "该批次已经导入，不会重复导入。" : "该批次有问题，不能导入。"
        case let .recordCountOutOfRange(maximum): "records 应为 1–\(maximum) 条。"
        case .sqlUnavailable: "数据库驱动不支持 SQL。"
        }
    }
}

extension CurrentUser {
    /// Refuses with the permission's own words unless the user's role holds it.
    func require(_ permission: Permission) throws {
        guard role.may(permission) else { throw AppError.forbidden(permission) }
    }
}
