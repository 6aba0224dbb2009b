import Foundation

/// The text of an 8-K kept as evidence once it has been read.
public struct FilingDocument: Codable, Sendable, Equatable {
    public var accession: String
    /// Where the full submission was read.
    public var url: String
    public var fetchedAt: Date
    /// Item code to section text (2.05, 5.02, 7.01, 8.01 only).
    public var sections: [String: String]
    /// The start of the press-release exhibits (EX-99).
    public var exhibitExcerpt: String?

    public init(accession: String, url: String, fetchedAt: Date, sections: [String: String], exhibitExcerpt: String?) {
        self.accession = accession
        self.url = url
        self.fetchedAt = fetchedAt
        self.sections = sections
        self.exhibitExcerpt = exhibitExcerpt
    }
}
