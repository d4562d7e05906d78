extension ScreeningEngine {
    /// Per-capita income of the last complete year strictly below the line, or below the line raised by the
    /// margin when a province also watches households just above it.
    static func incomeBelowLine(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        let year = date.year - 1
        guard let margin = parameter(.lineMarginPercent, of: rule), let line = facts.monitoringLine,
            let income = facts.perCapitaIncome[year]
        else { return nil }
        // Compared in hundredths of a fen, so a margin never needs rounding.
        let (incomeScaled, incomeOverflow) = income.fen.multipliedReportingOverflow(by: 100)
        let (lineScaled, lineOverflow) = line.fen.multipliedReportingOverflow(by: 100 + margin)
        guard !incomeOverflow, !lineOverflow, incomeScaled < lineScaled else { return nil }
        var values = ["年度": String(year), "人均纯收入": income.groupedYuan, "监测线": line.groupedYuan]
        var message = "人均纯收入 \(income.spokenYuan) 元，低于监测线 \(line.spokenYuan) 元"
        if margin > 0 {
            let raised = Money(fen: lineScaled / 100)
            values["上浮比例"] = "\(margin)%"
            values["比较线"] = raised.groupedYuan
            message += "上浮 \(margin)% 后的 \(raised.spokenYuan) 元"
        }
        return hit(rule, values, message, riskType: facts.incomeRiskCause)
    }

    /// Per-capita income fell by `dropPercent` or more from the year before (a threshold includes its figure). A year before with no
    /// positive income gives no base to fall from.
    static func sharpIncomeDrop(_ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate) -> RuleHit? {
        let year = date.year - 1
        guard let percent = parameter(.dropPercent, of: rule), let current = facts.perCapitaIncome[year],
            let previous = facts.perCapitaIncome[year - 1], previous > .zero
        else { return nil }
        let drop = previous.fen - current.fen
        let (dropScaled, dropOverflow) = drop.multipliedReportingOverflow(by: 100)
        let (baseScaled, baseOverflow) = previous.fen.multipliedReportingOverflow(by: percent)
        guard !dropOverflow, !baseOverflow, dropScaled >= baseScaled else { return nil }
        let share = percentText(drop, of: previous.fen)
        return hit(
            rule,
            [
                "年度": String(year), "人均纯收入": current.groupedYuan, "上年人均纯收入": previous.groupedYuan,
                "降幅": share, "阈值": "\(percent)%",
            ],
            "人均纯收入由 \(previous.spokenYuan) 元降至 \(current.spokenYuan) 元，下降 \(share)，达到 \(percent)%",
            riskType: facts.incomeRiskCause
        )
    }

    /// Essential spending of the last complete year strictly above the household's net income of the year before
    /// it (S2: 刚性支出超过上年度收入). The lead starts with the risk type of the largest spending item when the facts
    /// know it (medical: 因病, schooling: 因学, disaster: 因自然灾害), 其他 otherwise.
    static func rigidSpendingAboveIncome(
        _ rule: ScreeningRuleVersion, _ facts: HouseholdFacts, _ date: CivilDate
    ) -> RuleHit? {
        let year = date.year - 1
        guard let spending = facts.rigidSpending[year], let income = facts.netIncome[year - 1],
            spending > income
        else { return nil }
        return hit(
            rule,
            ["年度": String(year), "刚性支出": spending.groupedYuan, "上年家庭纯收入": income.groupedYuan],
            "刚性支出 \(spending.spokenYuan) 元，超过上年家庭纯收入 \(income.spokenYuan) 元",
            riskType: facts.largestRigidItem?.riskType
        )
    }
}

extension HouseholdFacts {
    /// The cause an income finding (below the line, a sharp fall) points at when the registry shows one: a household
    /// with no member able to work (`labourers` 0) lacks labour (缺劳动力). Nil otherwise, and the lead starts as 其他
    /// until the home check finds the cause. Read from the registry alone, so it holds as long as the hit does.
    public var incomeRiskCause: RiskType? {
        labourers == 0 ? .lackOfLabour : nil
    }
}
