import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

@Suite struct DigestRendererTests {
    let renderer = DigestRenderer(generatedAt: ReportSamples.generatedAt)
    let ordinary = [
        ReportSamples.japanese, ReportSamples.metaLayoff, ReportSamples.societeGenerale,
        ReportSamples.metaWarn, ReportSamples.metaDeparture,
    ]

    @Test func groupsByCIKThenNameNewestFirst() {
        let groups = CompanyDigest.group(ordinary)
        #expect(groups.map(\.company) == ["Meta Platforms, Inc.", "Société Générale", "株式会社東芝"])
        #expect(groups.map(\.cik) == [1_326_801, nil, nil])
        // The WARN row has no CIK but the same normalized name, so it joins Meta's group.
        #expect(groups[0].events.map(\.sourceRef) == ["warn-meta-menlo-park", "0001326801-24-000002", "0001326801-22-000129"])
    }

    @Test func aNameSharedByTwoCIKsDoesNotPickOne() {
        let a = ReportSamples.event("Acme Corp", cik: 1, .layoff, .sec8k, "2024-01-01", "a", .secItem)
        let b = ReportSamples.event("ACME CORP", cik: 2, .layoff, .sec8k, "2024-01-02", "b", .secItem)
        let warn = ReportSamples.event("Acme", cik: nil, .layoff, .caWarn, "2024-01-03", "w", .legalNotice)
        let groups = CompanyDigest.group([a, b, warn])
        #expect(groups.map(\.cik) == [nil, 2, 1])
        #expect(groups.map { $0.events.count } == [1, 1, 1])
    }

    @Test func textListsEachCompanyAndEventOnOneLine() {
        let expected = """
            filings digest (2026-11-27T05:50:00Z): 5 new events at 3 companies

            Meta Platforms, Inc. (CIK 1326801)
              2024-01-10  layoff          legal-notice   WARN: layoff at 1 Hacker Way, Menlo Park | 120 employees | https://edd.ca.gov/en/jobs_and_training/Layoff_Services_WARN
              2024-01-05  departure       sec-item       Item 5.02(b): a director will not stand for re-election | https://www.sec.gov/Archives/edgar/data/1326801/000132680124000002/0001326801-24-000002-index.htm
              2022-11-09  layoff          document-text  Item 7.01: Meta announces reduction of about 11,000 employees | 11,000 employees | https://www.sec.gov/Archives/edgar/data/1326801/000132680122000129/0001326801-22-000129-index.htm

            Société Générale
              2023-06-01  restructuring   media          ERM: restructuring in France, 900 jobs | 900 employees

            株式会社東芝
              2023-05-12  restructuring   media          ERM: 株式会社 restructuring

            """
        #expect(renderer.text(ordinary) == expected)
    }

    @Test func textOfNothingSaysSo() {
        #expect(renderer.text([]) == "filings digest (2026-11-27T05:50:00Z): no new events.\n")
    }

    @Test func textDefusesHostileNamesAndSummaries() {
        let text = renderer.text([ReportSamples.hostile, ReportSamples.metaLayoff])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "\(ReportSamples.hostileNameSafe) (CIK 999999)")
        #expect(lines[3] == "  2024-03-01  closure         sec-item       Closing site X-Injected: yes | https://example.com/x y")
        #expect(lines.count == 8)  // headline, 2 x (blank, company, event), final newline
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
    }

    @Test func jsonHasTheContractFieldsInDigestOrder() throws {
        let data = try renderer.json(ordinary + [ReportSamples.hostile])
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 6)
        let contract: Set = ["company", "cik", "kind", "source", "sourceRef", "date", "url", "summary", "strength", "historical", "employees"]
        for object in array {
            #expect(contract.isSubset(of: Set(object.keys)), "missing: \(contract.subtracting(object.keys))")
        }
        #expect(array.map { $0["sourceRef"] as? String } == [
            "0000999999-24-000001", "warn-meta-menlo-park", "0001326801-24-000002", "0001326801-22-000129", "erm-1234", "erm-5678",
        ])
        #expect(array[0]["company"] as? String == ReportSamples.hostileNameSafe)
        #expect(array[0]["cik"] as? Int == 999_999)
        #expect(array[0]["kind"] as? String == "closure")
        #expect(array[1]["cik"] is NSNull)  // absent CIK is null, not left out
        #expect(array[1]["source"] as? String == "ca-warn")
        #expect(array[1]["strength"] as? String == "legal-notice")
        #expect(array[1]["employees"] as? Int == 120)
        #expect(array[1]["historical"] as? Bool == false)
        #expect(array[2]["employees"] is NSNull)
        #expect(array[3]["date"] as? String == "2022-11-09")
        #expect(array[4]["company"] as? String == "Société Générale")
        #expect(array[4]["url"] is NSNull)
        #expect(array[5]["company"] as? String == "株式会社東芝")
        #expect(array[5]["summary"] as? String == "ERM: 株式会社 restructuring")
    }

    @Test func jsonKeysAreSortedAndTextIsSafe() throws {
        let data = try renderer.json([ReportSamples.hostile])
        let text = try #require(String(data: data, encoding: .utf8))
        let keys = text.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "\""), let close = line[line.index(after: open)...].firstIndex(of: "\"") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(keys == keys.sorted() && keys.count == 15)  // the contract's 12 fields, quote, matchedAs and people
        #expect(!text.contains("\\u001b") && !text.contains("\\r") && !text.unicodeScalars.contains("\u{202E}"))
        #expect(text.contains("\"url\" : \"https://example.com/x y\""))
    }

    @Test func jsonOfNothingIsAnEmptyArray() throws {
        let data = try renderer.json([])
        #expect(try JSONSerialization.jsonObject(with: data) as? [Any] != nil)
        #expect(try (JSONSerialization.jsonObject(with: data) as? [Any])?.isEmpty == true)
    }

    @Test func countsAreGroupedWithCommas() {
        #expect(DigestRenderer.count(1, "new event") == "1 new event")
        #expect(DigestRenderer.count(0, "new event") == "0 new events")
        #expect(DigestRenderer.count(1_234_567, "employee") == "1,234,567 employees")
        #expect(DigestRenderer.count(2, "company", plural: "companies") == "2 companies")
    }
}
