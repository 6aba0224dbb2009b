import Foundation
import Testing

@testable import FilingsKit

/// The byte-level normalizer agrees with `CompanyName.normalize` on every name.
@Suite struct BackfillNameNormalizerTests {
    @Test func craftedNamesNormalizeAsTheGeneralNormalizerDoes() {
        let names = [
            "UNIVERSAL DISPLAY CORP \\PA\\", "KENTUCKY BANCSHARES INC /KY/", "WALT DISNEY CO/", "AGILE GROUP, INC. / NV",
            "AT&T INC.", "JOHNSON & JOHNSON", "David&rsquo;s Bridal", "Procter &amp; Gamble Co", "Macy's, Inc.", "U.S. BANCORP \\DE\\",
            "The Boeing Company", "THE", "Inc", "L L C", "FOO/BAR", "FOO /ABCD", "A/B/CD", "X /DE / ", "  SPACED  NAME  /NY  ",
            "ESTÉE LAUDER COMPANIES INC", "Nestlé S.A.", "FOO & /DE/", "TWO WORDS SA", "ABC HOLDING CO LTD", "", "/DE/", "ab\\cd\\",
            "Smith John", "3M CO", "B. RILEY FINANCIAL, INC.", "AMERICAN EXPRESS CO /NY", "\tTAB\tNAME\t/CA/\t",
        ]
        for name in names {
            #expect(BackfillNameNormalizer.normalize(name) == CompanyName.normalize(name), "\(name)")
        }
    }

    @Test func everyNameOfTheRealIndexesNormalizesAsTheGeneralNormalizerDoes() throws {
        var checked = 0
        for url in SharedData.files(under: "edgar/index") where url.pathExtension == "idx" {
            let data = try Data(contentsOf: url)
            guard let (entries, _) = try? EDGARIndexParser.entries(data, source: url.path) else { continue }
            for name in Set(entries.map(\.companyName)) {
                #expect(BackfillNameNormalizer.normalize(name) == CompanyName.normalize(name), "\(name) in \(url.lastPathComponent)")
                checked += 1
            }
        }
        if SharedData.isAvailable { #expect(checked > 10_000) }
    }
}
