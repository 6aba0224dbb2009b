import FilingsModel
import Foundation

extension FilingsContext {
    /// Every name the company `cik` is known by, as stored: EDGAR's, its brand, the watch's aliases, its subsidiaries.
    func knownNames(cik: Int64) throws -> [KnownName] {
        CompanyNames.names(
            company: try store.company(cik: cik), watch: try store.watch(cik: cik), subsidiaries: try store.subsidiaries(cik: cik))
    }
}
