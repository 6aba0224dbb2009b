import FilingsModel
import Foundation

/// The names a watched company goes by in notices: its current name (dated from its last rename), former names, aliases.
public enum WatchNames {
    /// Names for `NoticeMatcher`; the current name only counts from the day the last former name ended.
    public static func names(company: Company?, watch: Watch?) -> [NoticeMatcher.Name] {
        var names: [NoticeMatcher.Name] = []
        if let company {
            let renamed = company.formerNames.compactMap { $0.to.map { String($0.prefix(10)) } }.max()
            names.append(NoticeMatcher.Name(company.name, since: renamed))
            names += company.formerNames.map { NoticeMatcher.Name($0.name) }
        } else if let watch {
            names.append(NoticeMatcher.Name(watch.name))
        }
        names += (watch?.aliases ?? []).map { NoticeMatcher.Name($0) }
        return names
    }
}
