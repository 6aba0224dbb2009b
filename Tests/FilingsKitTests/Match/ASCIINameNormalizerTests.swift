import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The byte-level normalizer agrees with the general one (`CompanyName.words`) on every name it takes,
/// and leaves the others to it.
@Suite struct ASCIINameNormalizerTests {
    /// The general path, as `CompanyName.normalize` takes it for a name the byte-level one leaves.
    func general(_ name: String) -> String { CompanyName.words(name).joined(separator: " ") }

    @Test func craftedNamesNormalizeAsTheGeneralNormalizerDoes() {
        let names = [
            "UNIVERSAL DISPLAY CORP \\PA\\", "KENTUCKY BANCSHARES INC /KY/", "WALT DISNEY CO/", "AGILE GROUP, INC. / NV",
            "AT&T INC.", "JOHNSON & JOHNSON", "David&rsquo;s Bridal", "Procter &amp; Gamble Co", "Macy's, Inc.", "U.S. BANCORP \\DE\\",
            "The Boeing Company", "THE", "Inc", "L L C", "FOO/BAR", "FOO /ABCD", "A/B/CD", "X /DE / ", "  SPACED  NAME  /NY  ",
            "ESTÉE LAUDER COMPANIES INC", "Nestlé S.A.", "FOO & /DE/", "TWO WORDS SA", "ABC HOLDING CO LTD", "", "/DE/", "ab\\cd\\",
            "Smith John", "3M CO", "B. RILEY FINANCIAL, INC.", "AMERICAN EXPRESS CO /NY", "\tTAB\tNAME\t/CA/\t",
        ]
        for name in names {
            #expect(ASCIINameNormalizer.normalize(name) ?? general(name) == general(name), "\(name)")
        }
        // Names with entities or beyond ASCII go the general way.
        #expect(ASCIINameNormalizer.normalize("Procter &amp; Gamble Co") == nil)
        #expect(ASCIINameNormalizer.normalize("Nestlé S.A.") == nil)
        #expect(ASCIINameNormalizer.normalize("KENTUCKY BANCSHARES INC /KY/") == "kentucky bancshares")
    }

    /// The bulk writers normalize names end to end into one buffer, each after the one before.
    @Test func namesAppendedToOneBufferAreEachWhatNormalizeReturns() {
        let names = ["THE BOEING CO", "", "AT&T INC.", "Procter &amp; Gamble Co", "Nestlé S.A.", "INC", "3M CO", "X /DE / "]
        var buffer = Array("kept".utf8)
        var expected = "kept"
        for name in names {
            var bytes = name
            bytes.withUTF8 { CompanyName.normalize($0, appendingTo: &buffer) }
            expected += CompanyName.normalize(name)
        }
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
        #expect(expected == "keptboeingat and tprocter and gamblenestleinc3mx de")
    }

    @Test func everyNameOfTheRealIndexesNormalizesAsTheGeneralNormalizerDoes() throws {
        var checked = 0
        var fast = 0
        for url in SharedData.files(under: "edgar/index") where url.pathExtension == "idx" {
            let data = try Data(contentsOf: url)
            guard let (entries, _) = try? EDGARIndexParser.entries(data, source: url.path) else { continue }
            for name in Set(entries.map(\.companyName)) {
                if let byBytes = ASCIINameNormalizer.normalize(name) {
                    #expect(byBytes == general(name), "\(name) in \(url.lastPathComponent)")
                    fast += 1
                }
                checked += 1
            }
        }
        if SharedData.isAvailable { #expect(checked > 10_000 && fast > checked * 9 / 10) }
    }
}
