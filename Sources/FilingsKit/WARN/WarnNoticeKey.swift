import FilingsModel
/// The stable natural key of a WARN row, identical across runs, machines and platforms.
public enum WarnNoticeKey {
    /// FNV-1a 64-bit of `source|company|notice|effective|received|site`, as 16 lowercase hex digits.
    ///
    /// The company is `CompanyName.normalize`d and the site lowercased with spaces collapsed, so
    /// re-typed punctuation or a trailing "Inc." in a later edition of the report keeps the key.
    public static func key(source: Source = .caWarn, company: String, noticeDate: String?, effectiveDate: String?, receivedDate: String?, site: String) -> String {
        let fields = [
            source.rawValue, CompanyName.normalize(company), noticeDate ?? "", effectiveDate ?? "", receivedDate ?? "",
            WarnText.collapse(site).lowercased(),
        ]
        return fnv1a64Hex(fields.joined(separator: "|"))
    }

    /// The same key made unique for the n-th (n >= 2) repetition of identical fields in one report.
    public static func disambiguated(_ key: String, employees: Int?, occurrence: Int) -> String {
        fnv1a64Hex("\(key)|\(employees.map(String.init) ?? "")|\(occurrence)")
    }

    /// The notices with keys made unique within one report: the second and later rows that repeat
    /// every key field (one letter, several counts for one city) get `disambiguated` keys, in report order.
    public static func uniquing(_ notices: [WarnNotice]) -> [WarnNotice] {
        var seen: [String: Int] = [:]
        return notices.map { notice in
            var notice = notice
            let occurrence = (seen[notice.key] ?? 0) + 1
            seen[notice.key] = occurrence
            if occurrence > 1 { notice.key = disambiguated(notice.key, employees: notice.employees, occurrence: occurrence) }
            return notice
        }
    }

    /// FNV-1a 64 over the UTF-8 bytes of `text`.
    public static func fnv1a64Hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
