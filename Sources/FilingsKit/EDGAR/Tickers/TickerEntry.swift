import Foundation

/// One row of an SEC ticker map: a ticker symbol and the company it belongs to.
public struct TickerEntry: Sendable, Equatable {
    /// The company's Central Index Key.
    public var cik: Int64
    /// The ticker symbol, e.g. `MSFT`.
    public var ticker: String
    /// The company's name as the map gives it (`title` or `name`).
    public var name: String
    /// `Nasdaq`, `NYSE`, `OTC`, ... (only `company_tickers_exchange.json` has it; may be null there).
    public var exchange: String?

    /// Creates an entry from its fields.
    public init(cik: Int64, ticker: String, name: String, exchange: String? = nil) {
        self.cik = cik
        self.ticker = ticker
        self.name = name
        self.exchange = exchange
    }
}
