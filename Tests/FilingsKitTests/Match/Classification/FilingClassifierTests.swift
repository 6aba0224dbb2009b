import Testing
@testable import FilingsKit
@testable import FilingsModel

/// Each phrase rule on sentences written for the test, positive and negative.
@Suite struct FilingClassifierTests {
    @Test func everyPhrasePatternCompiles() {
        let patterns = (ClassificationPhrases.departures + ClassificationPhrases.appointments + ClassificationPhrases.compensation).map(\.pattern)
            + ClassificationPhrases.layoffs + ClassificationPhrases.closures + ClassificationPhrases.restructurings
            + ClassificationPhrases.roles.map(\.pattern)
            + [ClassificationPhrases.conditional, ClassificationPhrases.biography, ClassificationPhrases.retirementPlanWords, ClassificationPhrases.layoffNegatives]
        for pattern in patterns {
            #expect(SentenceText.regex(pattern) != nil, "\(pattern)")
        }
        let reader = PersonnelReader()
        #expect(reader.departureRules.count == ClassificationPhrases.departures.count)
        #expect(reader.name != nil && reader.honorific != nil && reader.passive != nil && reader.organizationAfter != nil)
        let workforce = WorkforceReader()
        #expect(workforce.layoffs.count == ClassificationPhrases.layoffs.count)
        #expect(workforce.headcount != nil && workforce.totalBefore != nil && workforce.percentage != nil && workforce.range != nil)
        #expect(ItemSections.modernHeading != nil && ItemSections.legacyHeading != nil && ItemSections.endMarkers != nil)
        #expect(SentenceText.effectiveDate != nil && SentenceText.departureDate != nil)
    }

    func classify(_ code: String, _ text: String, exhibits: [String] = []) -> [ClassifiedEvent] {
        FilingClassifier.classify(itemCodes: [code], sections: [ItemSection(code: code, heading: "", text: text)], exhibits: exhibits)
    }

    @Test(arguments: [
        "On March 1, 2023, Jane Doe notified the Company of her decision to resign as Chief Financial Officer, effective March 31, 2023.",
        "Jane Doe, the Company's Chief Financial Officer, resigned effective March 31, 2023.",
        "Jane Doe will retire as Chief Financial Officer effective March 31, 2023.",
        "Jane Doe will step down as Chief Financial Officer, effective March 31, 2023.",
        "The Board accepted the resignation of Jane Doe as Chief Financial Officer, effective March 31, 2023.",
        "Jane Doe transitioned from the role of Chief Financial Officer, effective March 31, 2023.",
    ])
    func departures(sentence: String) throws {
        let events = classify("5.02", sentence)
        let departure = try #require(events.first { $0.kind == .departure })
        #expect(departure.person == "Jane Doe")
        #expect(departure.role == "CFO")
        #expect(departure.effectiveDate == "2023-03-31")
        #expect(departure.quote == sentence)
        #expect(!events.contains { $0.kind == .compensation })
    }

    @Test func summaryReadsAsOneLine() throws {
        let event = try #require(classify("5.02", "Jane Doe resigned as Chief Financial Officer, effective March 31, 2023.").first)
        #expect(event.summary == "Jane Doe resigned as Chief Financial Officer, effective 2023-03-31")
    }

    @Test func directorNotStandingForReelection() throws {
        let event = try #require(classify("5.02", "On May 1, 2024, John Roe informed the Board that he will not stand for re-election as a director at the 2024 annual meeting.").first)
        #expect(event.kind == .departure)
        #expect(event.person == "John Roe")
        #expect(event.role == "director")
    }

    @Test(arguments: [
        ("The Board appointed Maria Lopez as Chief Operating Officer, effective June 1, 2024.", "COO"),
        ("Maria Lopez was elected to the Board of Directors, effective June 1, 2024.", "director"),
        ("The Company named Maria Lopez General Counsel, effective June 1, 2024.", "General Counsel"),
    ])
    func appointments(sentence: String, role: String) throws {
        let event = try #require(classify("5.02", sentence).first)
        #expect(event.kind == .appointment)
        #expect(event.person == "Maria Lopez")
        #expect(event.role == role)
        #expect(event.effectiveDate == "2024-06-01")
    }

    @Test func oneFilingSeveralEvents() {
        let events = classify("5.02", "On January 5, 2024, Paul Smith resigned as Chief Executive Officer. The Board appointed Anna Berg as Chief Executive Officer, effective January 5, 2024.")
        #expect(events.map(\.kind) == [.departure, .appointment])
        #expect(events.map(\.person) == ["Paul Smith", "Anna Berg"])
    }

    @Test func payOnlyIsCompensationNeverDeparture() throws {
        let text = """
            (e) On February 1, 2024, the Compensation Committee approved the 2024 Annual Bonus Plan for the Company's executive officers.
            If Mr. Smith resigns for good reason or is terminated without cause, he will receive severance equal to one year of base salary.
            Participants who are retirement eligible keep their awards, and the Supplemental Retirement Plan was amended.
            """
        let events = classify("5.02", text)
        #expect(events.map(\.kind) == [.compensation])
        #expect(events.first?.quote.hasPrefix("(e) On February 1, 2024, the Compensation Committee approved") == true)
    }

    @Test func biographiesAreNotAppointments() {
        let events = classify("5.02", "Ms. Lopez was appointed Treasurer of Acme in January 2010 and has served in several roles since then.")
        #expect(!events.contains { $0.kind == .appointment })
    }

    @Test func namedExecutiveOfficersIsNotAnAppointment() {
        let events = classify("5.02", "The Committee approved base salaries for the Company's named executive officers as follows.")
        #expect(events.map(\.kind) == [.compensation])
    }

    @Test func layoffUnderRegulationFD() throws {
        let event = try #require(classify("7.01", "On January 18, 2023, the Company announced that it will reduce its workforce by approximately 10,000 employees, or about 5% of its total workforce.").first)
        #expect(event.kind == .layoff)
        #expect(event.employees == 10_000)
        #expect(event.percentage == 5)
        #expect(event.summary == "Workforce reduction of about 10,000 employees (5%)")
    }

    @Test func layoffInPressReleaseOfOtherEvents() throws {
        let events = classify("8.01", "The Company issued a press release, attached as Exhibit 99.1.", exhibits: ["Acme today said approximately 1,200 positions will be eliminated. Acme has approximately 80,000 employees."])
        let event = try #require(events.first)
        #expect(event.kind == .layoff)
        #expect(event.source == "EX-99")
        #expect(event.employees == 1_200)
    }

    @Test func totalHeadcountIsNotTheCut() throws {
        let event = try #require(classify("2.05", "The plan will eliminate approximately 300 positions, or 4% of its approximately 7,500 employees.").first)
        #expect(event.employees == 300)
        #expect(event.percentage == 4)
    }

    @Test func otherEventsWithoutLayoffsYieldNothing() {
        #expect(classify("8.01", "On March 8, 2024, the Company announced a quarterly dividend of $0.50 per share.").isEmpty)
        #expect(classify("7.01", "Risks include the effect of any future workforce reductions; these forward-looking statements speak only as of today.").isEmpty)
    }

    @Test func closuresAndExitPlans() throws {
        #expect(classify("8.01", "The Company will close its manufacturing plant in Dayton, Ohio by June 2025.").first?.kind == .closure)
        let exit = try #require(classify("2.05", "On May 2, 2025, the Board approved a restructuring plan to consolidate facilities.").first)
        #expect(exit.kind == .restructuring)
    }

    @Test func fivePointOhTwoWithoutTextIsAnOfficerChange() {
        let events = FilingClassifier.classify(itemCodes: ["5.02"], sections: [], exhibits: [])
        #expect(events.map(\.kind) == [.officerChange])
    }
}
