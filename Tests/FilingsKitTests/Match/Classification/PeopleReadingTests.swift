import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The people of 5.02 events, read from filings we wrote for each rule (`Fixtures/documents/people/`).
@Suite struct PeopleReadingTests {
    func classify(_ fixture: String) throws -> [ClassifiedEvent] {
        let data = try SharedData.fixture("documents/people/\(fixture)")
        return FilingClassifier.classify(FilingText(submission: String(decoding: data, as: UTF8.self)))
    }

    func people(_ events: [ClassifiedEvent], _ kind: EventKind) -> [PersonChange] {
        events.filter { $0.kind == kind }.flatMap(\.people)
    }

    @Test func aNewOfficersPreviousEmployerIsNotADeparture() throws {
        let events = try classify("appointment-previous-employer.htm")
        let appointed = try #require(people(events, .appointment).first)
        #expect(appointed.name == "Dana K. Whitfield")
        #expect(appointed.role == "Executive Vice President and Chief Financial Officer")
        #expect(appointed.effective == "2023-09-05")
        #expect(appointed.change == .appointment)
        // She resigned from Pacific Rail Logistics and retired from Crescent Paper: neither is this company.
        let departed = people(events, .departure)
        #expect(departed.map(\.name) == ["Robert L. Ames"])
        let ames = try #require(departed.first)
        #expect(ames.reason == .retirement)
        #expect(ames.effective == "2023-09-05")
        #expect(ames.successor == "Dana K. Whitfield")
        #expect(!ames.interim)
        #expect(ames.quote.contains("will retire from the Company"))
    }

    @Test func aPronounInTheNextSentenceIsThePersonBefore() throws {
        let events = try classify("pronoun-across-sentences.htm")
        let departed = people(events, .departure)
        // "He will remain ... through his retirement" is Lindqvist's, not Ortiz's whose name stands nearer.
        #expect(departed.map(\.name) == ["Arthur P. Lindqvist"])
        let lindqvist = try #require(departed.first)
        #expect(lindqvist.role == "Chief Executive Officer")
        #expect(lindqvist.reason == .retirement)
        #expect(lindqvist.effective == "2018-06-30")
        let ortiz = try #require(people(events, .appointment).first { $0.name == "Helen M. Ortiz" })
        #expect(ortiz.role == "Lead Independent Director")
        #expect(ortiz.effective == "2018-03-15")
    }

    @Test func aLegacyItem5ResignationAndItem9HeadcountCutAreRead() throws {
        let data = try SharedData.fixture("documents/people/legacy-item5-item9.txt")
        let text = FilingText(submission: String(decoding: data, as: UTF8.self))
        #expect(text.sections.map(\.code) == ["legacy-5", "legacy-7", "legacy-9"])
        let events = FilingClassifier.classify(text)
        let brennan = try #require(people(events, .departure).first)
        #expect(brennan.name == "Walter J. Brennan")
        #expect(brennan.role == "President and Chief Executive Officer")
        #expect(brennan.reason == .resignation)
        #expect(brennan.effective == "2001-04-30")
        let layoff = try #require(events.first { $0.kind == .layoff })
        #expect(layoff.source == "legacy-9")
        #expect(layoff.employees == 140)
        #expect(layoff.percentage == 18)
    }

    @Test func anImpossibleDateIsRefusedNotGuessed() throws {
        let events = try classify("february-31.htm")
        let bell = try #require(people(events, .departure).first)
        #expect(bell.name == "Thomas R. Bell")
        #expect(bell.role == "Chief Operating Officer")
        #expect(bell.reason == .resignation)
        #expect(bell.effective == nil)
        #expect(events.first { $0.kind == .departure }?.effectiveDate == nil)
        #expect(SentenceText.isoDate("February 29, 2024") == "2024-02-29")
        #expect(SentenceText.isoDate("February 29, 2023") == nil)
        #expect(SentenceText.isoDate("4/31/2023") == nil)
    }

    @Test func aFractionOfTheWorkforceIsAPercentage() throws {
        let events = try classify("fractions.htm")
        let layoff = try #require(events.first { $0.kind == .layoff })
        #expect(layoff.percentage == 33.3)
        #expect(layoff.summary == "Workforce reduction of about 33.3% of employees")
    }

    @Test(arguments: [
        ("The Company will lay off half of its workforce.", 50.0),
        ("The plan eliminates one-half of the Company's staff.", 50.0),
        ("The Company will reduce its headcount by a quarter.", 25.0),
        ("The Company will eliminate roughly two-thirds of its workforce.", 66.7),
        ("The reduction affects about one quarter of our employees.", 25.0),
        ("The Company will reduce its workforce by a third.", 33.3),
    ])
    func fractionWords(sentence: String, percent: Double) throws {
        let reader = WorkforceReader()
        let event = try #require(reader.read([(source: "8.01", text: sentence)], isExitItem: false))
        #expect(event.kind == .layoff)
        #expect(event.percentage == percent)
    }

    @Test func aQuarterOfTheYearIsNotAShareOfTheWorkforce() throws {
        let reader = WorkforceReader()
        let event = try #require(
            reader.read([(source: "8.01", text: "The Company will reduce its workforce by 200 employees in the third quarter of the year.")], isExitItem: false))
        #expect(event.employees == 200)
        #expect(event.percentage == nil)
    }

    @Test func aDirectorWhoLeavesForNoStatedReasonSaysThereWasNoDisagreement() throws {
        let text = "On May 2, 2024, Carol Young informed the Board that she would leave the Board, effective May 31, 2024. "
            + "Ms. Young's decision was not the result of any disagreement with the Company."
        let events = FilingClassifier.classify(
            itemCodes: ["5.02"], sections: [ItemSection(code: "5.02", heading: "", text: text)], exhibits: [])
        let young = try #require(people(events, .departure).first)
        #expect(young.name == "Carol Young")
        #expect(young.reason == .noDisagreement)
        #expect(young.effective == "2024-05-31")
    }

    func section(_ text: String) -> [ClassifiedEvent] {
        FilingClassifier.classify(itemCodes: ["5.02"], sections: [ItemSection(code: "5.02", heading: "", text: text)], exhibits: [])
    }

    @Test func aDirectorLeavingForAnotherCompanyKeepsTheDateAndOfficeOfLeaving() throws {
        let events = section(
            "On May 3, 2024, following his appointment as Chief Executive Officer of Northwind Rail Corporation effective June 1, 2024, "
                + "Peter Q. Hale notified the Company that he was resigning, effective May 3, 2024, from the Acme Board of Directors. "
                + "On the same day, Laura N. Wynn notified the Company that she would not stand for re-election at the 2024 annual meeting.")
        let hale = try #require(people(events, .departure).first { $0.name == "Peter Q. Hale" })
        #expect(hale.role == "director")
        #expect(hale.effective == "2024-05-03")
        #expect(hale.reason == .resignation)
        let wynn = try #require(people(events, .departure).first { $0.name == "Laura N. Wynn" })
        #expect(wynn.reason == .notStandingForReelection)
        #expect(wynn.role == "director")
    }

    @Test func aSuccessionSentenceNamesTheSuccessor() throws {
        let events = section(
            "On March 4, 2024, the Company appointed Maya R. Stone as Chief Financial Officer, effective April 1, 2024. "
                + "Ms. Stone will be succeeding Owen T. Marsh as Chief Financial Officer. "
                + "The Company previously announced Mr. Marsh's intention to retire on or about June 30, 2024.")
        let marsh = try #require(people(events, .departure).first)
        #expect(marsh.name == "Owen T. Marsh")
        #expect(marsh.successor == "Maya R. Stone")
        #expect(marsh.effective == "2024-06-30")
    }

    @Test func anOfficerMovingToAnotherOfficeIsARoleChangeWithASuccessor() throws {
        let text = "On July 8, 2024, the Board appointed Jane Doe, currently the Company's Chief Operating Officer, as Chief Executive Officer, "
            + "effective August 1, 2024. John Roe will step down as Chief Executive Officer on August 1, 2024 and will become Executive Chair. "
            + "The Board appointed Sam Lee as interim Chief Operating Officer."
        let events = FilingClassifier.classify(
            itemCodes: ["5.02"], sections: [ItemSection(code: "5.02", heading: "", text: text)], exhibits: [])
        let roe = try #require(people(events, .departure).first { $0.name == "John Roe" })
        #expect(roe.change == .roleChange)
        #expect(roe.successor == "Jane Doe")
        #expect(!roe.interim)
        let lee = try #require(people(events, .appointment).first { $0.name == "Sam Lee" })
        #expect(lee.interim)
        #expect(lee.role == "Chief Operating Officer")
    }
}
