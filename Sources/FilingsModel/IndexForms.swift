import Foundation

/// Which rows of an index are kept: the 8-K family (what `filings` watches) or every form.
public enum IndexForms: String, Codable, Sendable, CaseIterable {
    /// 8-K and 8-K/A, as `Filing.isCurrentReportForm` says.
    case currentReports = "8-K"
    /// Every row of the index.
    case all

    /// True when the form type `form` is kept.
    public func keeps(_ form: String) -> Bool {
        self == .all || Filing.isCurrentReportForm(form)
    }

    /// True when a quarter stored with these forms also holds every row `other` keeps.
    package func covers(_ other: IndexForms) -> Bool {
        self == .all || self == other
    }
}
