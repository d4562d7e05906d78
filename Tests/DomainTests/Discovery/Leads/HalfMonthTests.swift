import Testing
@testable import Domain

@Suite struct HalfMonthTests {
    @Test func halvesRunFromTheFirstAndTheSixteenth() {
        let early = HalfMonth(containing: CivilDate("2026-02-15")!)
        #expect(early.first == CivilDate("2026-02-01")! && early.last == CivilDate("2026-02-15")!)
        let late = HalfMonth(containing: CivilDate("2026-02-16")!)
        #expect(late.first == CivilDate("2026-02-16")! && late.last == CivilDate("2026-02-28")!)
        #expect(late.label == "2026年2月下半月（16日–28日）")
        #expect(early.previous == HalfMonth(containing: CivilDate("2026-01-31")!))
        #expect(late.next.first == CivilDate("2026-03-01")!)
    }
}
