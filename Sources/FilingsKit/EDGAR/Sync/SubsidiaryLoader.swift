import FilingsModel
import Foundation

/// Fetches the subsidiaries a company lists in Exhibit 21 of its latest 10-K and stores them as names
/// its notices may carry. Once per 10-K: a stored list from the same filing is not fetched again.
struct SubsidiaryLoader {
    let context: FilingsContext
    let feed: FeedDefinition

    /// What the load found.
    enum Outcome: Equatable {
        /// The subsidiaries of this 10-K were already stored.
        case current(count: Int)
        /// Read from the 10-K's Exhibit 21 and stored.
        case stored(count: Int, accession: String)
        /// The 10-K has no Exhibit 21 (many small companies have no subsidiaries to list).
        case noExhibit(accession: String)
        /// The company has filed no 10-K.
        case noAnnualReport
    }

    /// Reads Exhibit 21 of `annual` (the company's latest 10-K) unless it is already stored.
    func load(cik: Int64, annual: SubmissionFiling?) async throws -> Outcome {
        guard let annual else {
            // A list read with no 10-K in it (EDGAR's recent list is capped) leaves the stored subsidiaries standing.
            let stored = try context.store.subsidiaries(cik: cik).count
            return stored > 0 ? .current(count: stored) : .noAnnualReport
        }
        if try context.store.subsidiaryAccession(cik: cik) == annual.accession {
            let count = try context.store.subsidiaries(cik: cik).count
            return count > 0 ? .current(count: count) : .noExhibit(accession: annual.accession)
        }
        let indexURL = try FilingURL.index(feed: feed, cik: cik, accession: annual.accession)
        guard case .fetched(let page, _) = try await context.fetcher.fetch(indexURL, expecting: .html, sec: true) else {
            throw EDGARSyncError.missingDocument(url: indexURL.absoluteString)
        }
        guard let exhibit = FilingIndexPage.parse(String(decoding: page, as: UTF8.self)).exhibit21 else {
            try context.store.replaceSubsidiaries(cik: cik, names: [], accession: annual.accession, filedOn: annual.filingDate)
            return .noExhibit(accession: annual.accession)
        }
        let url = try FilingURL.document(feed: feed, cik: cik, accession: annual.accession, fileName: exhibit.fileName)
        guard case .fetched(let body, _) = try await context.fetcher.fetch(url, expecting: .html, sec: true) else {
            throw EDGARSyncError.missingDocument(url: url.absoluteString)
        }
        let names = Exhibit21.subsidiaries(String(decoding: body, as: UTF8.self))
        try context.store.replaceSubsidiaries(cik: cik, names: names, accession: annual.accession, filedOn: annual.filingDate)
        return .stored(count: names.count, accession: annual.accession)
    }
}
