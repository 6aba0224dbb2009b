/// The US states and territories by postal code, for saying where a WARN notice was filed.
public enum USState {
    /// The state's name for its postal code (`WA` → `Washington`); the code itself when unknown.
    public static func name(_ code: String) -> String {
        names[code.uppercased()] ?? code.uppercased()
    }

    /// The postal code of a state WARN source (`wa-warn` → `WA`), nil for other sources.
    public static func code(of source: Source) -> String? {
        guard source.rawValue.hasSuffix("-warn") else { return nil }
        let code = source.rawValue.dropLast("-warn".count).uppercased()
        return code.count == 2 ? code : nil
    }

    static let names: [String: String] = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
        "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
        "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
        "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
        "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island", "SC": "South Carolina",
        "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
        "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    ]
}

extension Source {
    /// True for a US state's WARN notices (`ca-warn`, `wa-warn`).
    public var isStateWarn: Bool { USState.code(of: self) != nil }
}
