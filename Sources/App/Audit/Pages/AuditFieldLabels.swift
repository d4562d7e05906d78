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
        "medical_insured": "医保", "pension_insured": "养老保险", "labour_capacity": "劳动能力", "relation": "与户主关系",
        "health": "健康状况", "disability_grade": "残疾等级",
        "sex": "性别", "birth_date": "出生日期", "ethnicity": "民族", "education": "文化程度", "school_status": "在校状况",
        "work_place": "务工地点", "work_months": "务工月数", "departed_on": "减员日期", "departure_reason": "减员原因",
        "period": "期间", "wage": "工资性收入", "business": "生产经营性收入", "property": "财产性收入", "transfer": "转移性收入",
        "production_costs": "生产经营费用", "medical_self_pay": "医疗自付支出", "schooling_cost": "教育支出",
        "disaster_loss": "灾害损失", "other_rigid": "其他刚性支出", "net_income": "家庭纯收入", "per_capita_net": "人均纯收入",
        "locked": "登录锁定", "failed_logins": "登录失败次数", "state": "状态", "opinion": "意见", "channel": "渠道", "risk": "风险类型",
        "reporter": "报告人", "description": "说明", "effective_from": "生效日期", "every_days": "间隔天数", "parameters": "参数",
        "scope": "范围",
    ]

    /// Fields holding an amount in fen, shown in yuan.
    static let amountsInFen: Set<String> = [
        "wage", "business", "property", "transfer", "production_costs", "medical_self_pay", "schooling_cost",
        "disaster_loss",
        "other_rigid", "net_income", "per_capita_net",
    ]

    /// Fields holding an area code, shown with the area's name.
    static let areaFields: Set<String> = ["area_code", "village_code", "group_code", "grid_code", "parent_code"]

    /// What the records of each kind are called in the log.
    static func entityName(_ entityType: String) -> String {
        [
            "household": "农户", "area": "区划", "user": "用户", "risk_lead": "风险线索", "department_batch": "部门数据批次",
            "import_batch": "导入批次", "registry": "登记表", "screening_rule": "筛查规则", "screening_run": "筛查",
            "exchange_cadence": "数据交换周期", "member": "成员",
        ][entityType] ?? entityType
    }

    static func name(_ field: String) -> String { names[field] ?? field }

    static func value(_ raw: String, field: String) -> String {
        switch field {
        case "role": return Role(rawValue: raw)?.label ?? raw
        case "department": return Department(rawValue: raw)?.label ?? raw
        case "level": return AreaLevel(rawValue: raw)?.label ?? raw
        case "household_type": return HouseholdType(rawValue: raw)?.label ?? raw
        case "monitoring_status": return HouseholdMonitoringStatus(rawValue: raw)?.label ?? raw
        case "sex": return Sex(rawValue: raw)?.label ?? raw
        case "relation": return RelationToHead(rawValue: raw)?.label ?? raw
        case "education": return Education(rawValue: raw)?.label ?? raw
        case "school_status": return SchoolStatus(rawValue: raw)?.label ?? raw
        case "labour_capacity": return LabourCapacity(rawValue: raw)?.label ?? raw
        case "health":
            return raw.split(separator: ",").map { HealthCondition(rawValue: String($0))?.label ?? String($0) }.joined(
                separator: "、")
        case "state": return LeadState(rawValue: raw)?.label ?? raw
        case "channel": return LeadChannel(rawValue: raw)?.label ?? raw
        case "risk": return RiskType(rawValue: raw)?.label ?? raw
        case _ where amountsInFen.contains(field): return Int64(raw).map { DisplayFormat.yuan(fen: $0) } ?? raw
        default: return raw
        }
    }
}
