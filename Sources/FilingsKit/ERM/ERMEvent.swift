import FilingsModel
/// One restructuring event of Eurofound's European Restructuring Monitor.
public struct ERMEvent: Codable, Sendable, Equatable {
    /// ERM factsheet number (natural key).
    public var id: String
    /// Date the restructuring was announced, ISO `YYYY-MM-DD`.
    public var announcementDate: String
    /// Country, or "European Union" / "World" for events spanning several.
    public var country: String
    /// Company as ERM names it.
    public var company: String
    /// Sector (NACE-based label).
    public var sector: String?
    /// "Internal restructuring", "Closure", "Business expansion", ...
    public var restructuringType: String?
    /// Signed change in jobs: negative for losses (`-490`), positive for creation (`+100`).
    public var employmentChange: Int?
    /// The factsheet page: site base + `/restructuring-events/detail/<id>`.
    public var url: String

    /// An event from its parts.
    public init(id: String, announcementDate: String, country: String, company: String, sector: String?,
                restructuringType: String?, employmentChange: Int?, url: String) {
        self.id = id
        self.announcementDate = announcementDate
        self.country = country
        self.company = company
        self.sector = sector
        self.restructuringType = restructuringType
        self.employmentChange = employmentChange
        self.url = url
    }

    /// True for job losses (a negative change).
    public var isJobLoss: Bool { (employmentChange ?? 0) < 0 }
}
