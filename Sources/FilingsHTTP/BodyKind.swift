/// What a caller fetches, and so the largest body of it `filings` reads: a body over its kind's
/// cap stops the transfer as the bytes arrive, so a wrong URL or a hostile server costs an error
/// naming the cap, never the memory to hold what it sends.
///
/// Caps are ten times or more the largest real file of the kind seen (docs/faults.md lists them), so a
/// source that grows for years still fits.
public enum BodyKind: String, Sendable, CaseIterable {
    /// An EDGAR daily index (under 1 MiB).
    case dailyIndex
    /// An EDGAR quarterly index (about 50 MiB for every form; the transport's ceiling).
    case quarterlyIndex
    /// A JSON file of EDGAR's: submissions, their history pages, the ticker maps (a few MiB).
    case json
    /// A filing's full submission text, exhibits and encoded images included.
    case document
    /// A page of an Atom feed (EDGAR's latest filings: about 25 KiB).
    case feed
    /// A web page: a source's landing page, a listing page, a state's table.
    case page
    /// An Excel workbook (California's, a state's).
    case workbook
    /// A PDF report (California's yearly history: up to 4 MiB).
    case pdf
    /// A CSV or JSON data file: a state's WARN file, Eurofound's export (a few MiB).
    case dataFile

    /// The most bytes of this kind read, after gzip is decoded.
    public var cap: Int {
        switch self {
        case .quarterlyIndex: 512 << 20
        case .document: 128 << 20
        case .dailyIndex, .json, .workbook, .pdf, .dataFile: 64 << 20
        case .feed, .page: 16 << 20
        }
    }

    /// What the body must look like: an HTML body where data is expected is an error page.
    public var expectation: Expectation {
        switch self {
        case .dailyIndex, .quarterlyIndex: .index
        case .json: .json
        case .document: .text
        case .feed: .atom
        case .page: .html
        case .workbook: .workbook
        case .pdf: .pdf
        case .dataFile: .csv
        }
    }

    /// The kind in words, for messages: "a workbook".
    public var label: String {
        switch self {
        case .dailyIndex: "a daily index"
        case .quarterlyIndex: "a quarterly index"
        case .json: "a JSON file"
        case .document: "a filing's text"
        case .feed: "a feed page"
        case .page: "a web page"
        case .workbook: "a workbook"
        case .pdf: "a PDF"
        case .dataFile: "a data file (CSV or JSON)"
        }
    }

    /// The cap in words: "64 MiB".
    public var capText: String { "\(cap >> 20) MiB" }
}
