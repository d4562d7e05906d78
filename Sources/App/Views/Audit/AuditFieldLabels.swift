import Domain

/// Chinese names for the fields of audit snapshots, and readable values for coded fields, so a history reads
/// "角色：村两委 → 乡镇审核" rather than raw keys.
enum AuditFieldLabels {
    static let names: [String: String] = [
        "username": "用户名", "display_name": "姓名", "role": "角色", "area_code": "所属区划", "department": "部门",
        "phone": "电话", "is_active": "启用", "code": "代码", "name": "名称", "level": "层级", "parent_code": "上级代码",
        "code_system": "代码体系", "household_number": "户编号", "village_code": "村", "group_code": "村民小组",
        "grid_code": "网格", "head_name": "户主", "household_type": "户类型", "alleviated_year": "脱贫年度",
        "member_count": "人口", "address": "住址", "bank_account": "一卡通账号", "monitoring_status": "监测状态",
        "id_number": "身份证号", "public_welfare_job": "公益岗位", "minimum_living": "低保", "extreme_poverty": "特困",
        "medical_insured": "医保", "pension_insured": "养老保险", "labour_capacity": "劳动能力", "relation": "与户主关系", "health": "健康状况", "disability_grade": "残疾等级",
    ]

    static func name(_ field: String) -> String { names[field] ?? field }

    static func value(_ raw: String, field: String) -> String {
        switch field {
        case "role": return Role(rawValue: raw)?.label ?? raw
        case "department": return Department(rawValue: raw)?.label ?? raw
        case "level": return AreaLevel(rawValue: raw)?.label ?? raw
        case "household_type": return HouseholdType(rawValue: raw)?.label ?? raw
        case "monitoring_status": return HouseholdMonitoringStatus(rawValue: raw)?.label ?? raw
        default: return raw
        }
    }
}
