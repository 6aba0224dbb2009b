import FilingsModel
import Foundation

/// The phrase tables the classifier reads 8-K text with. Every rule is a plain regular
/// expression (case-insensitive) with the wording it stands for; change behaviour here.
public enum ClassificationPhrases {
    /// Where the person a phrase is about usually stands relative to it.
    public enum PersonSide: Sendable {
        /// "Jane Doe resigned", "Jane Doe was appointed".
        case before
        /// "the resignation of Jane Doe", "appointed Jane Doe".
        case after
    }

    /// One phrase rule: what it detects, its pattern, where the person is, and the verb used in summaries.
    public struct Rule: Sendable {
        /// The event kind the phrase signals.
        public let kind: EventKind
        /// The pattern, matched case-insensitively.
        public let pattern: String
        /// Where the person usually is (passive voice flips `.after` to `.before`).
        public let side: PersonSide
        /// The verb of the summary line: "resigned as", "was appointed".
        public let verb: String
    }

    /// Departures of officers and directors (Item 5.02(a)(b), legacy Item 6).
    public static let departures: [Rule] = [
        Rule(kind: .departure, pattern: #"notified[^.]{0,120}?\b(his|her|their) (decision|intention|intent|plan) (to|not to) (resign|retire|step down|leave|depart|stand|seek|transition)"#, side: .before, verb: "is leaving"),
        Rule(kind: .departure, pattern: #"\b(informed|advised|told)\b[^.]{0,80}?\b(his|her|their) (decision|intention|intent) to (resign|retire|step down|leave|depart)"#, side: .before, verb: "is leaving"),
        Rule(kind: .departure, pattern: #"\b(tendered|submitted|delivered|announced|accepted|received) (his|her|their|the)? ?(letter of )?resignation"#, side: .before, verb: "resigned"),
        Rule(kind: .departure, pattern: #"\b(resignation|departure|termination) of\b(?= (?-i:[A-Z]))"#, side: .after, verb: "is leaving"),
        Rule(kind: .departure, pattern: #"\b(resigned|resigns|resign|resigning)\b|(his|her|their|['’]s?) resignation\b"#, side: .before, verb: "resigned"),
        Rule(kind: .departure, pattern: #"\b(retired|retires|retiring|retire|retirement of|(his|her|their|['’]s?) retirement)\b"#, side: .before, verb: "is retiring"),
        Rule(kind: .departure, pattern: #"\b(step|steps|stepped|stepping) down\b"#, side: .before, verb: "is stepping down"),
        Rule(kind: .departure, pattern: #"\b(will not|would not|not to|decided not to|does not intend to|did not) (stand|seek|be nominated|run)( for)? (re-?election|reelection|another term)"#, side: .before, verb: "will not stand for re-election"),
        Rule(kind: .departure, pattern: #"\b(employment|service)s? (with the company )?(was |were |has been |will be )?(terminated|ended)\b|\bterminated (his |her |their )?employment\b|\bterminated (the )?(employment|services) of\b|\bwas terminated\b|\bremoved (him|her|them)? ?(from|as)\b"#, side: .before, verb: "was terminated"),
        Rule(kind: .departure, pattern: #"\b(will|to) (transition|move) (out of|from) (his|her|their|the) (role|roles|position|positions)\b|\btransition(ing|ed|s)? (out of|from) (the |his |her |their )?(role|roles|position|positions)\b|\btransitioned from\b"#, side: .before, verb: "is leaving"),
        Rule(kind: .departure, pattern: #"\b(will cease|ceased|will no longer serve|no longer serves|cease) (to serve )?(as|to be)\b|\bno longer (is|serves as)\b|\brelinquish(es|ed)?\b"#, side: .before, verb: "is leaving"),
        Rule(kind: .departure, pattern: #"\b(will depart|departed|(his|her|their) departure|(will|would|to) leave the (company|board)|left the company|leaving the company)\b"#, side: .before, verb: "is leaving"),
        Rule(kind: .departure, pattern: #"\b(passed away|died|death of)\b"#, side: .before, verb: "died"),
    ]

    /// Appointments and elections (Item 5.02(c)(d)).
    public static let appointments: [Rule] = [
        Rule(kind: .appointment, pattern: #"\b(appointed|appoints|appointment of|to appoint)\b"#, side: .after, verb: "was appointed"),
        Rule(kind: .appointment, pattern: #"\b(elected|election of(?= (?-i:[A-Z]))|to elect)\b(?! (not )?to (stand|seek|retire|resign|step|leave|defer|receive|participate|continue|take))(?! continuation)"#, side: .after, verb: "was elected"),
        Rule(kind: .appointment, pattern: #"\b(named|names)\b(?! executive)(?= (?-i:[A-Z][a-z]+ [A-Z])| as\b| to\b)"#, side: .after, verb: "was named"),
        Rule(kind: .appointment, pattern: #"\b(promoted|promotion of)\b"#, side: .after, verb: "was promoted to"),
        Rule(kind: .appointment, pattern: #"\b(became|will become|to become)\b(?= (the |its |our |the company's |a )?(?-i:[A-Z]))"#, side: .before, verb: "became"),
        Rule(kind: .appointment, pattern: #"\bwill (join|rejoin) the (company|board)\b|\bhas been hired\b|\bhired (as|to)\b"#, side: .before, verb: "joins as"),
    ]

    /// Compensatory arrangements (Item 5.02(e)).
    public static let compensation: [Rule] = [
        Rule(kind: .compensation, pattern: #"\b(approved|adopted|amended|entered into|granted|awarded|increased|established|set|determined|extended)\b.{0,160}?\b(compensation|consulting agreement|bonus|bonuses|award|awards|restricted stock|RSUs?|PSUs?|stock options?|performance (share|stock|unit)s?|base salary|base salaries|salary|salaries|incentive|severance|retention|employment agreement|offer letter|letter agreement|change[- ]in[- ]control|deferred compensation|equity)s?\b"#, side: .after, verb: "pay"),
        Rule(kind: .compensation, pattern: #"\b(compensation|bonus|incentive|severance|retention|equity|stock|salary)\b[^.]{0,120}?\b(plan|program|agreement|award|awards|grant|grants)\b[^.]{0,80}?\b(approved|adopted|amended|effective|granted)\b"#, side: .after, verb: "pay"),
    ]

    /// Workforce reductions (read in Items 2.05, 7.01, 8.01, legacy 5 and 9, and EX-99 exhibits).
    public static let layoffs: [String] = [
        #"\breduc(e|ed|es|ing|tion|tions)\b (in |of )?(the size of )?(its |our |the |their |the company's |company's )?(global |total |overall |current |salaried |corporate )?(workforce|work force|headcount|head count|employee base|staff|staffing|personnel|employees|positions|jobs)"#,
        #"\b(workforce|work force|headcount|staff|staffing|personnel|job|employee) (reduction|reductions|cuts|optimization)\b"#,
        #"\breduction[- ]in[- ]force\b|\bRIFs?\b"#,
        #"\blayoffs?\b|\blay[- ]offs?\b|\blay off\b|\blaid off\b|\blaying off\b"#,
        #"\b(positions|jobs|roles) (will be |were |are being |to be |have been |would be )?(eliminated|cut|affected|impacted)\b"#,
        #"\beliminat(e|ed|es|ing|ion of) (approximately |about |roughly |up to |nearly |an estimated |a total of )?[\d,.]+ ?(thousand )?(positions|jobs|roles|employees|people|full-time)"#,
        #"\belimination of (approximately |about |roughly |up to )?([\d,]+ )?(positions|jobs|roles)\b"#,
        #"\binvoluntary (termination|terminations|separation|separations)\b|\bseparat(e|ion of) (approximately |about )?[\d,]+ (employees|people)"#,
        #"\bcut(ting|s)? (approximately |about |roughly |nearly )?[\d,]+ (jobs|positions|employees|roles)"#,
        #"\b(impact|impacts|impacted|impacting|affect|affects|affected|affecting)\b[^.]{0,40}?\d[\d,]*\s+([A-Za-z\-]+\s+){0,4}?(employees|positions|jobs|roles|people|team members|workers)\b"#,
        #"\b(reduce|reduces|reduced|reducing|reduction|reductions)\b[^.]{0,60}?\b(workforce|work force|headcount|employees|positions|roles|jobs|team members|team)\b"#,
        #"\b(eliminate|eliminates|eliminated|eliminating|elimination)\b[^.]{0,60}?\b(positions|jobs|roles)\b"#,
        #"\btermination (benefits )?(to|of|for) (approximately |about |up to )?(\d[\d,]*|\d+(\.\d+)?%)"#,
        #"\b(eliminat(e|es|ed|ing)|cut(s|ting)?|lay(s|ing)? off|laid off|reduc(e|es|ed|ing))\b[^.]{0,30}?\b\#(fractionWords) of (its |our |the |their |the company['’]s |company['’]s )?([a-z\-]+ )?(workforce|work force|staff|headcount|employees|jobs|positions)\b"#,
    ]

    /// Fractions a filing may give a workforce cut in ("one-third of its workforce"), and their percentages.
    public static let fractions: [(pattern: String, percent: Double)] = [
        (#"two[- ]thirds"#, 66.7), (#"three[- ]quarters"#, 75), (#"(one|a)[- ]half|(?<!(first|second|back) )\bhalf"#, 50),
        (#"(one|a)[- ]third(?! quarter)"#, 33.3), (#"(one|a)[- ]quarter(?! of (the |fiscal |20|19))"#, 25),
        (#"(one|a)[- ]fifth"#, 20), (#"(one|a)[- ]tenth"#, 10),
    ]

    /// Any fraction of `fractions`, as one alternation.
    static let fractionWords = "(?:" + fractions.map(\.pattern).joined(separator: "|") + ")"

    /// Closures of sites, plants, stores and offices.
    public static let closures: [String] = [
        #"\b(clos(e|es|ed|ing)|closure of|shut ?down of|shutting down|shut down|wind down of|winding down) (of )?(its |our |the |their |a |certain |two |three |four |five |[0-9]+ )?[A-Za-z\-, ]{0,40}?\b(facility|facilities|plant|plants|site|sites|store|stores|office|offices|center|centers|centre|location|locations|mill|mills|factory|factories|warehouse|warehouses|campus|branch|branches|restaurants|hospital|operations)\b"#,
    ]

    /// Words of a committed exit plan (Item 2.05) without a stated workforce effect.
    public static let restructurings: [String] = [
        #"\brestructuring (plan|program|programme|initiative|actions?|activities)\b|\bexit (or|and) disposal\b|\bexit activities\b|\breorganization plan\b|\brealignment\b|\brestructur(e|ed|ing)\b"#,
    ]

    /// Sentences that only describe what would happen in some case (agreements, plans): never an event.
    public static let conditional = #"\buntil (his|her|their) (earlier )?(retirement|resignation|death)\b|\bin the event\b|\bif (he|she|they|the|his|her|mr|ms|mrs|dr|such|any|a|an)\b|\bupon (a|an|his|her|their|the executive's|any|such) (termination|resignation|retirement|qualifying|separation|death)|\bgood reason\b|\bwithout cause\b|\bfor cause\b|\bchange (in|of) control\b|\bqualifying termination\b|\bshould (he|she|they)\b|\bwould be entitled\b|\bin case of\b|\bretirement[- ]eligib|\bprior to (his|her|their) retirement\b|\bfollowing (a|an|his|her) (termination|resignation)\b"#

    /// Biographies ("was appointed Treasurer in January 2000", "has served as"): past career, not news.
    public static let biography = #"\b(in|since|from|until) ((January|February|March|April|May|June|July|August|September|October|November|December) )?(19|20)\d{2}\b(?!,)|\bhas served\b|\bpreviously served\b|\bserved as\b|\bprior to joining\b|\bjoined (the company|[A-Z][a-z]+) in\b"#

    /// Benefit-plan wording that contains "retire" but is about pay, removed before the departure rules run.
    public static let retirementPlanWords = #"\b(supplemental |executive |deferred )?retirement (plan|plans|benefit|benefits|savings|account|accounts|income|program|contribution|contributions|age|eligibility|eligible|treatment|provisions)\b|\bretirement[- ]eligible\b"#

    /// Sentences of safe-harbor boilerplate that list layoffs as a risk, not a fact.
    public static let layoffNegatives = #"forward-looking|risks? and uncertaint|factors that (could|may)|cautionary|\bno (layoffs|workforce reduction|reduction in (force|workforce))\b|\bwithout (any )?layoffs\b|\bnot (expect|anticipate|plan|intend) (to )?(any |make any |conduct any )?(layoffs|workforce reductions|job cuts|reductions in force)"#

    /// Offices, longest first; `short` is what `ClassifiedEvent.role` holds, `title` what summaries print.
    public static let roles: [(pattern: String, short: String, title: String)] = [
        (#"\bChief Executive Officer\b|\bCEO\b"#, "CEO", "Chief Executive Officer"),
        (#"\bChief Financial Officer\b|\bCFO\b"#, "CFO", "Chief Financial Officer"),
        (#"\bChief Operating Officer\b|\bCOO\b"#, "COO", "Chief Operating Officer"),
        (#"\bChief Accounting Officer\b"#, "Chief Accounting Officer", "Chief Accounting Officer"),
        (#"\bPrincipal Accounting Officer\b"#, "Principal Accounting Officer", "Principal Accounting Officer"),
        (#"\bPrincipal Financial Officer\b"#, "Principal Financial Officer", "Principal Financial Officer"),
        (#"\bPrincipal Executive Officer\b"#, "Principal Executive Officer", "Principal Executive Officer"),
        (#"\bChief Legal Officer\b"#, "Chief Legal Officer", "Chief Legal Officer"),
        (#"\bGeneral Counsel\b"#, "General Counsel", "General Counsel"),
        (#"\bChief Technology Officer\b|\bCTO\b"#, "CTO", "Chief Technology Officer"),
        (#"\bChief Information Officer\b"#, "CIO", "Chief Information Officer"),
        (#"\bChief (People|Human Resources|Personnel) Officer\b"#, "Chief People Officer", "Chief People Officer"),
        (#"\bChief [A-Z][a-z]+( [A-Z][a-z]+)? Officer\b"#, "chief officer", ""),
        (#"\bExecutive Chair(man|woman|person)?\b"#, "Executive Chair", "Executive Chair"),
        (#"\bLead (Independent )?Director\b"#, "Lead Independent Director", "Lead Independent Director"),
        (#"\bChair(man|woman|person)? of the Board\b|\bChair(man|woman|person)\b"#, "Chair", "Chair of the Board"),
        (#"\bExecutive Vice President\b"#, "Executive Vice President", "Executive Vice President"),
        (#"\bSenior Vice President\b"#, "Senior Vice President", "Senior Vice President"),
        (#"\bVice President\b"#, "Vice President", "Vice President"),
        (#"\b(Co-)?Presidents?\b"#, "President", "President"),
        (#"\bTreasurer\b"#, "Treasurer", "Treasurer"),
        (#"\bController\b"#, "Controller", "Controller"),
        (#"\b(Corporate )?Secretary\b"#, "Secretary", "Secretary"),
        (#"\b(independent |non-employee |Class [I]+ )?director\b(?! of)(?!s)|\bmember of the (Company['’]s )?Board\b|\b(to|from|on|join|joined|joins) the ([A-Z][A-Za-z]+(['’]s)? )?Board\b|\bBoard member\b"#, "director", "director"),
    ]

    /// Words that make a capitalized run a company, not a person ("Pericom Semiconductor Corporation").
    public static let organizationWords: Set<String> = [
        "Corporation", "Corp", "Inc", "Company", "Co", "LLC", "Ltd", "Group", "Holdings", "Bank", "Trust",
        "Technologies", "Platforms", "Systems", "Communications", "International", "Incorporated", "Limited",
        "Semiconductor", "Industries", "Foods", "Partners", "Capital", "Cloud", "Division", "Worldwide", "Healthcare",
        "Association", "University", "Fund", "Securities", "Markets", "Airlines", "Motors", "Energy", "Pharmaceuticals",
    ]

    /// Capitalized words that are never part of a person's name in these filings.
    public static let notNameWords: Set<String> = [
        "On", "The", "In", "As", "At", "By", "For", "From", "Effective", "Following", "Upon", "Under", "Pursuant",
        "Company", "Company's", "Board", "Directors", "Director", "Inc", "Inc.", "Corporation", "Corp", "Corp.",
        "Officer", "Chief", "President", "Executive", "Vice", "Senior", "Financial", "Operating", "Committee",
        "Compensation", "Chairman", "Chair", "General", "Counsel", "Item", "Form", "Agreement", "Plan", "Section",
        "Exhibit", "Securities", "Exchange", "Act", "Annual", "Meeting", "Stock", "Shareholders", "Stockholders",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Group", "Holdings", "LLC",
        "Bank", "Trust", "Technologies", "Platforms", "Systems", "International", "Incorporated", "Limited",
        "Accounting", "Principal", "Human", "Resources", "Legal", "Technology", "Information", "Audit", "Nominating",
        "Governance", "Corporate", "Independent", "Lead", "Current", "Report", "Registrant", "Order", "Award",
        "Restricted", "Performance", "Units", "Share", "Shares", "Equity", "Incentive", "Bonus", "Program",
        "Employment", "Letter", "Amended", "Restated", "Separation", "Release", "Transition", "Consulting",
        "United", "States", "New", "York", "Nasdaq", "NYSE", "Global", "Markets", "Services", "Products",
        "Operations", "Sales", "Marketing", "North", "America", "Americas", "Europe", "Asia", "Pacific", "Treasurer",
        "Controller", "Secretary", "Regulation", "Retirement", "Resignation", "Appointment", "Departure", "Election",
        "Certain", "Officers", "His", "Her", "Their", "Such", "Its", "Our", "We", "This", "That", "These", "Each",
        "Prior", "During", "After", "Before", "Since", "Also", "Additionally", "Further", "Furthermore", "There",
        "Salary", "Base", "Fiscal", "Year", "Target", "Name", "Title", "Compensatory", "Arrangements", "Amendment",
        "Communications", "Healthcare", "Division", "Firm", "Co-Presidents", "Named", "Effective Date", "Table",
        "Contents", "Number", "Options", "Date", "Mc", "Purchase", "Price", "Rights", "Agent", "Preferred", "Common", "Material", "Definitive",
    ]
}
