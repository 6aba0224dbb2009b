import Foundation

/// The EDGAR file types `filings import` understands.
public enum EDGARFileKind: String, Sendable, CaseIterable {
    /// `master.idx` (daily or quarterly).
    case masterIndex
    /// `form.idx` (daily or quarterly).
    case formIndex
    /// `company.idx` (daily or quarterly).
    case companyIndex
    /// `data.sec.gov/submissions/CIK##########.json`.
    case submissions
    /// `CIK##########-submissions-NNN.json`.
    case submissionsPage
    /// `company_tickers.json`.
    case tickers
    /// `company_tickers_exchange.json`.
    case tickersExchange
}
