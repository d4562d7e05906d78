import Testing
import Domain

@Suite("Lead workflow")
struct LeadWorkflowTests {
    @Test("a confirmed lead climbs village → township → county and is included")
    func happyPath() {
        // setup
        let steps: [(LeadAction, Role, LeadState)] = [
            (.villageConfirm(opinion: "入户核实属实"), .village, .awaitingTownshipRecheck),
            (.townshipConfirm(opinion: ""), .town, .awaitingCountyReview),
            (.countyInclude(opinion: "转识别认定"), .county, .included),
        ]
        var state = LeadState.initial
        for (action, role, expected) in steps {
            // act
            let next = LeadWorkflow.apply(action, to: state, by: role)
            // check
            #expect(next == .success(expected), "\(action)")
            state = (try? next.get()) ?? state
        }
        #expect(state.isTerminal && state.level == nil)
    }

    @Test(
        "the township and the county may reject with a reason, and the lead closes as rejected",
        arguments: [
            (
                LeadAction.townshipConfirmRejection(opinion: "同意村级意见"), LeadState.awaitingTownshipRejectionReview,
                Role.town
            ),
            (.townshipReject(reason: "核实已有保障"), .awaitingTownshipRecheck, .town),
            (.countyReject(reason: "比对发现财政供养人员"), .awaitingCountyReview, .county),
            (.countyReject(reason: "管理员代办"), .awaitingCountyReview, .admin),
        ])
    func rejections(action: LeadAction, state: LeadState, role: Role) {
        #expect(LeadWorkflow.apply(action, to: state, by: role) == .success(.rejected))
    }

    @Test("a lead can be merged at the level that holds it")
    func merge() {
        let action = LeadAction.mergeInto(leadOrCaseReference: "XS-2025-000123", reason: "同户同风险已有在办线索")
        #expect(LeadWorkflow.apply(action, to: .awaitingTownshipRecheck, by: .town) == .success(.merged))
        #expect(
            LeadWorkflow.apply(action, to: .awaitingTownshipRecheck, by: .village)
                == .failure(.roleNotAllowed(role: .village, level: .township)))
        let blank = LeadAction.mergeInto(leadOrCaseReference: "  ", reason: "重复")
        #expect(LeadWorkflow.apply(blank, to: .awaitingVillageCheck, by: .village) == .failure(.referenceMissing))
    }

    @Test(
        "refusals name the cause in Chinese",
        arguments: [
            (LeadAction.villageReject(reason: "  "), LeadState.awaitingVillageCheck, Role.village, "请填写理由"),
            (
                .villageReject(reason: String(repeating: "长", count: 501)), .awaitingVillageCheck, .village,
                "理由不能超过500个字，实际为501个字"
            ),
            (
                .villageConfirm(opinion: String(repeating: "长", count: 501)), .awaitingVillageCheck, .village,
                "意见不能超过500个字，实际为501个字"
            ),
            (.villageConfirm(opinion: ""), .awaitingVillageCheck, .grid, "网格员不能办理村级核实环节"),
            (.townshipConfirm(opinion: ""), .awaitingTownshipRecheck, .county, "县级农业农村部门不能办理乡镇复核环节"),
            (.countyInclude(opinion: ""), .awaitingTownshipRecheck, .county, "线索当前为“待乡镇复核”，不能执行“县级审核纳入”"),
            (.villageConfirm(opinion: ""), .included, .admin, "线索已办结（已纳入（转识别认定）），不能再办理"),
            (.countyReject(reason: "再次排除"), .rejected, .county, "线索已办结（已排除），不能再办理"),
            (.mergeInto(leadOrCaseReference: "XS-1", reason: "重复"), .merged, .admin, "线索已办结（已并入其他线索/案件），不能再办理"),
        ])
    func refusals(action: LeadAction, state: LeadState, role: Role, message: String) {
        let result = LeadWorkflow.apply(action, to: state, by: role)
        guard case .failure(let error) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(error.message == message)
    }

    @Test("a reason of exactly 500 characters is kept")
    func limit() {
        let action = LeadAction.villageReject(reason: String(repeating: "理", count: 500))
        #expect(
            LeadWorkflow.apply(action, to: .awaitingVillageCheck, by: .village)
                == .success(.awaitingTownshipRejectionReview))
    }

    @Test("a village's rejection is only proposed: the township confirms it or sends it back")
    func villageRejectionGoesToTownship() {
        let proposed = LeadWorkflow.apply(.villageReject(reason: "家庭收入稳定"), to: .awaitingVillageCheck, by: .village)
        #expect(proposed == .success(.awaitingTownshipRejectionReview))
        #expect(
            LeadWorkflow.apply(
                .townshipConfirmRejection(opinion: "同意"), to: .awaitingTownshipRejectionReview, by: .town)
                == .success(.rejected))
        #expect(
            LeadWorkflow.apply(
                .townshipReturnToVillage(opinion: "请再入户"), to: .awaitingTownshipRejectionReview, by: .town)
                == .success(.awaitingVillageCheck))
        #expect(
            LeadWorkflow.apply(
                .townshipConfirmRejection(opinion: ""), to: .awaitingTownshipRejectionReview, by: .village)
                == .failure(.roleNotAllowed(role: .village, level: .township)))
        #expect(
            LeadWorkflow.apply(.townshipConfirm(opinion: ""), to: .awaitingTownshipRejectionReview, by: .town)
                == .failure(.wrongStage(action: "乡镇复核通过", state: .awaitingTownshipRejectionReview)))
    }

    @Test(
        "every state × every action × every role: the legal steps are exactly the table's, all else refused with a reason"
    )
    func exhaustiveTransitions() {
        let actions: [LeadAction] = [
            .villageConfirm(opinion: "意见"), .villageReject(reason: "理由"), .townshipConfirm(opinion: "意见"),
            .townshipReject(reason: "理由"),
            .townshipConfirmRejection(opinion: "意见"), .townshipReturnToVillage(opinion: "意见"),
            .countyInclude(opinion: "意见"),
            .countyReject(reason: "理由"), .mergeInto(leadOrCaseReference: "L-1", reason: "理由"),
        ]
        let legal: [LeadState: [String: LeadState]] = [
            .awaitingVillageCheck: [
                "村级核实属实": .awaitingTownshipRecheck, "村级拟排除，报乡镇确认": .awaitingTownshipRejectionReview,
            ],
            .awaitingTownshipRecheck: ["乡镇复核通过": .awaitingCountyReview, "乡镇复核排除": .rejected],
            .awaitingTownshipRejectionReview: ["乡镇确认排除": .rejected, "乡镇退回村级重新核实": .awaitingVillageCheck],
            .awaitingCountyReview: ["县级审核纳入": .included, "县级审核排除": .rejected],
        ]
        for state in LeadState.allCases {
            for action in actions {
                for role in Role.allCases {
                    let result = LeadWorkflow.apply(action, to: state, by: role)
                    guard let level = state.level else {
                        #expect(result == .failure(.closed(state)), "\(state) \(action) \(role)")
                        continue
                    }
                    let expected = action.level == nil ? LeadState.merged : legal[state]?[action.label]
                    let allowed = LeadWorkflow.roles(for: level).contains(role)
                    switch result {
                    case .success(let next):
                        #expect(allowed && next == expected, "\(state) \(action) \(role) → \(next)")
                    case .failure(let error):
                        #expect(!allowed || expected == nil, "\(state) \(action) \(role) refused: \(error)")
                        #expect(!error.message.isEmpty)
                    }
                }
            }
        }
    }
}
