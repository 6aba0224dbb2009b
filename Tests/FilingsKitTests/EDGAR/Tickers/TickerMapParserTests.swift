import Foundation
import Testing

@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("Ticker map parser")
struct TickerMapParserTests {
    @Test("company_tickers.json shape, in key order, cik as number or string")
    func keyed() throws {
        let entries = try TickerMapParser.parse(try SharedData.fixture("edgar/company_tickers.json"), source: "t.json")
        #expect(
            entries == [
                TickerEntry(cik: 789_019, ticker: "MSFT", name: "MICROSOFT CORP"),
                TickerEntry(cik: 320_193, ticker: "AAPL", name: "Apple Inc."),
                TickerEntry(cik: 1_326_801, ticker: "META", name: "Meta Platforms, Inc."),
            ])
    }

    @Test("company_tickers_exchange.json shape, columns found by field name, null exchange")
    func columnar() throws {
        let entries = try TickerMapParser.parse(
            try SharedData.fixture("edgar/company_tickers_exchange.json"), source: "t.json")
        #expect(
            entries == [
                TickerEntry(cik: 1_045_810, ticker: "NVDA", name: "NVIDIA CORP", exchange: "Nasdaq"),
                TickerEntry(cik: 1_362_988, ticker: "AYR", name: "Aircastle LTD", exchange: nil),
                TickerEntry(cik: 1_005_284, ticker: "OLED", name: #"UNIVERSAL DISPLAY CORP \PA\"#, exchange: "Nasdaq"),
            ])
        let reordered =
            #"{"fields":["ticker","exchange","cik","name"],"data":[["NVDA","Nasdaq",1045810,"NVIDIA CORP"],["X"],[null,null,5,"Y"]]}"#
        let map = try TickerMapParser.map(Data(reordered.utf8), source: "t.json")
        #expect(map.entries == [TickerEntry(cik: 1_045_810, ticker: "NVDA", name: "NVIDIA CORP", exchange: "Nasdaq")])
        #expect(map.skippedCount == 2)
    }

    @Test("gzip input is read through Gzip")
    func gzip() throws {
        let plain = try SharedData.fixture("edgar/company_tickers.json")
        #expect(
            try TickerMapParser.parse(StoredGzip.encode(plain), source: "t.json.gz")
                == TickerMapParser.parse(plain, source: "t.json"))
    }

    @Test("other JSON is refused")
    func wrongShape() throws {
        for text in [#"{"0": 5}"#, #"{"fields":["name"],"data":[]}"#, "[]", "<html>"] {
            #expect(throws: EDGARFormatError.self, "\(text)") {
                try TickerMapParser.parse(Data(text.utf8), source: "t.json")
            }
        }
    }

    @Test("the real maps: current, with exchanges, and the older gzip snapshot")
    func realMaps() throws {
        if let url = SharedData.file("edgar/tickers/company_tickers.json") {
            let map = try TickerMapParser.map(Data(contentsOf: url), source: url.path)
            #expect(map.entries.count == 9_610)
            #expect(map.skippedCount == 0)
            #expect(map.entries.first == TickerEntry(cik: 789_019, ticker: "MSFT", name: "MICROSOFT CORP"))
            #expect(map.entries.contains(TickerEntry(cik: 1_326_801, ticker: "META", name: "Meta Platforms, Inc.")))
        }
        if let url = SharedData.file("edgar/tickers/company_tickers_exchange.json") {
            let map = try TickerMapParser.map(Data(contentsOf: url), source: url.path)
            #expect(map.entries.count == 10_069)
            #expect(map.skippedCount == 0)
            #expect(
                map.entries.first
                    == TickerEntry(cik: 1_045_810, ticker: "NVDA", name: "NVIDIA CORP", exchange: "Nasdaq"))
            #expect(map.entries.filter { $0.exchange == nil }.count == 166)
        }
        if let url = SharedData.file("edgar/tickers/company_tickers.older.json.gz") {
            let map = try TickerMapParser.map(Data(contentsOf: url), source: url.path)
            #expect(map.entries.count == 13_633)
            #expect(map.skippedCount == 0)
            #expect(map.entries.contains(TickerEntry(cik: 1_326_801, ticker: "FB", name: "Facebook Inc")))
            #expect(map.entries.last == TickerEntry(cik: 1_791_091, ticker: "HCCOU", name: "Healthcare Merger Corp."))
        }
    }
}
