/// 户信息: the household's own fields as the registry file carries them, repeated on each member row.
public struct HouseholdFields: Sendable, Hashable {
    /// 户编号: the national household number, digits only.
    public var number: String
    public var villageCode: AreaCode
    public var groupCode: AreaCode?
    public var gridCode: AreaCode?
    public var type: HouseholdType
    /// 脱贫年度: only for 脱贫户, the year the household was lifted out of poverty (2013–2020).
    public var alleviatedYear: Int?
    public var phone: String?
    public var address: String
    /// 一卡通账号: the account subsidies are paid into.
    public var bankAccount: String?

    public init(
        number: String, villageCode: AreaCode, groupCode: AreaCode? = nil, gridCode: AreaCode? = nil,
        type: HouseholdType, alleviatedYear: Int? = nil, phone: String? = nil, address: String,
        bankAccount: String? = nil
    ) {
        self.number = number
        self.villageCode = villageCode
        self.groupCode = groupCode
        self.gridCode = gridCode
        self.type = type
        self.alleviatedYear = alleviatedYear
        self.phone = phone
        self.address = address
        self.bankAccount = bankAccount
    }
}
