/// Reads pain intensity (0–10) and duration (in days) from tokens.
enum QuantityParser {
    static let unitDays: [String: Double] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14, "fortnights": 14,
        "month": 30, "months": 30, "mo": 30, "mos": 30, "year": 365, "years": 365, "yr": 365, "yrs": 365,
    ]
    static let vagueCounts: [String: Double] = ["few": 3, "several": 4, "couple": 2, "many": 5, "some": 3]
    static let frequencyWords: Set<String> = ["once", "twice", "thrice", "times", "per", "every", "each", "hours", "minutes", "mins"]
    static let intensityLeads: Set<String> = ["level", "rate", "rated", "rating", "score", "scored", "intensity", "severity"]
    static let notIntensityFollowers: Set<String> = ["out", "of", "times", "minutes", "mins", "hours", "hrs", "am", "pm", "oclock", "percent", "kg", "kilos", "pounds", "lbs", "miles", "km", "steps", "flights", "stairs", "years", "year", "days", "day", "weeks", "week", "months", "month", "yr", "yrs", "kids", "children"]

    /// Words after which a rating said again replaces the one before ("a 7 earlier, more
    /// like a 5 now", "an 8 this morning but 3 now").
    static let intensityRevisers: Set<String> = ["but", "now", "actually", "wait", "rather", "like", "nearer", "closer",
                                                 "mean", "sorry", "correction", "today", "tonight", "currently", "though", "maybe",
                                                 "well", "more", "or"]
    /// The same for a duration; not "but", which starts another span of time ("three weeks,
    /// but the last two days were worse").
    static let durationRevisers: Set<String> = ["actually", "wait", "rather", "like", "nearer", "closer", "mean", "sorry",
                                                "correction"]

    /// The rating last said: where a word of `intensityRevisers` is followed by another
    /// rating, that one wins. After such a word a bare number counts ("but 3 now"), as the
    /// message has already said it rates the pain.
    static func lastIntensity(_ tokens: [Token]) -> Int? {
        lastSaid(tokens, first: intensity(tokens), revisers: intensityRevisers) { intensity($0) ?? bareRating($0) }
    }

    /// `first`, unless `again` reads a value after a word of `revisers`: then the last such value.
    private static func lastSaid(_ tokens: [Token], first: Int?, revisers: Set<String>, again: ([Token]) -> Int?) -> Int? {
        guard var value = first else { return nil }
        for (i, token) in tokens.enumerated() where revisers.contains(token.text) && i + 1 < tokens.count {
            if let said = again(Array(tokens[(i + 1)...])) { value = said }
        }
        return value
    }

    /// A number from 0 to 10 among the first words of `tokens` that is no time, count or unit.
    private static func bareRating(_ tokens: [Token]) -> Int? {
        let words = tokens.prefix(4).map(\.text)
        for (i, word) in words.enumerated() {
            guard let n = NumberWords.value(of: word), n <= 10 else { continue }
            let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
            let timeLead = i > 0 && ["at", "by", "till", "until", "before", "after", "from", "for"].contains(words[i - 1])
            return timeLead || notIntensityFollowers.contains(next) || unitDays[next] != nil || vagueCounts[next] != nil ? nil : n
        }
        return nil
    }

    /// The duration last said: "three weeks, no wait, more like a month" is 30 days.
    static func lastDuration(_ tokens: [Token], today: CalendarDay? = nil) -> Int? {
        lastSaid(tokens, first: durationDays(tokens, today: today), revisers: durationRevisers) { durationDays($0, today: today) }
    }

    /// Intensity on a 0–10 scale: "7/10", "5 out of 10", "a six", "about a 6", "pain level 8",
    /// or an utterance that is just a number from 0 to 10.
    static func intensity(_ tokens: [Token]) -> Int? {
        let words = tokens.map(\.text)
        if words.count <= 2, let last = words.last, let n = NumberWords.value(of: last), n <= 10,
           words.count == 1 || ["a", "like", "about", "maybe", "its", "around"].contains(words[0]) {
            return n
        }
        for (i, word) in words.enumerated() {
            // "like 7ish" (read as "7 ish"), "about sevenish": an "ish" number on its own is a
            // rating, unless it is a time ("at 7ish").
            let joinedIsh = word.hasSuffix("ish") && word.count > 3 ? NumberWords.value(of: String(word.dropLast(3))) : nil
            let splitIsh = i + 1 < words.count && words[i + 1] == "ish" ? NumberWords.value(of: word) : nil
            if let n = joinedIsh ?? splitIsh, n <= 10 {
                let after = i + (joinedIsh != nil ? 1 : 2)
                let following = after < words.count ? words[after] : ""
                let timeLead = i > 0 && ["at", "by", "till", "until", "before", "after", "from"].contains(words[i - 1])
                if !timeLead, !notIntensityFollowers.contains(following), unitDays[following] == nil { return n }
            }
            guard let n = NumberWords.value(of: word), n <= 10 else { continue }
            let next = i + 1 < words.count ? words[i + 1] : ""
            let afterNext = i + 2 < words.count ? words[i + 2] : ""
            let third = i + 3 < words.count ? words[i + 3] : ""
            // "7/10" or "7 10"; but not "7-10 days".
            if next == "10" || next == "ten" {
                if unitDays[afterNext] == nil { return n }
            }
            if next == "out", afterNext == "of", third == "10" || third == "ten" { return n }
            if next == "of", afterNext == "10" || afterNext == "ten" { return n }
            let previous = i > 0 ? words[i - 1] : ""
            // "a 6 or 7", "I'd say 6 to 7": a range reads as its top, like "between 6 and 7".
            if ["or", "to", "and"].contains(next), let top = NumberWords.value(of: afterNext), top <= 10, top > n, top - n <= 2,
               !notIntensityFollowers.contains(third), unitDays[third] == nil,
               ["a", "an", "like", "about", "maybe", "say", "around", "its", "probably", "between", "roughly"].contains(previous) {
                return top
            }
            if (previous == "a" || previous == "an") && !notIntensityFollowers.contains(next) && unitDays[next] == nil
                && n >= 1 && (i < 2 || !frequencyWords.contains(words[i - 2])) {
                // "a six", "about a 7": but not "a one-off", "a 2 week"
                if next != "and" && next != "or" && next != "to" { return n }
            }
            if intensityLeads.contains(previous), !notIntensityFollowers.contains(next), unitDays[next] == nil {
                return n
            }
        }
        return nil
    }

    /// Duration in days: "three weeks" = 21, "a couple of months" = 60, "for years" = 730,
    /// "since yesterday" = 1, "the day before yesterday" = 2, "half a year" = 182.
    static func durationDays(_ tokens: [Token], today: CalendarDay? = nil) -> Int? {
        let words = tokens.map(\.text)
        if let today, let days = daysSinceDate(words, today: today) { return days }
        for (i, word) in words.enumerated() {
            if word == "yesterday" {
                // "the day before yesterday" is two days.
                return i > 1 && words[i - 1] == "before" && words[i - 2] == "day" ? 2 : 1
            }
            if word == "night" && i > 0 && words[i - 1] == "last" { return 1 }
            if word == "since", i + 2 < words.count, words[i + 1] == "last", let unit = unitDays[words[i + 2]] {
                return Int(unit)
            }
            if (word == "today" || (word == "morning" && i > 0 && words[i - 1] == "this")) && i > 0
                && ["since", "started", "began", "from"].contains(words[i - 1]) || (word == "morning" && i > 1 && words[i - 2] == "since") {
                return 0
            }
            guard let unit = unitDays[word] else { continue }
            let previous = i > 0 ? words[i - 1] : ""
            let twoBack = i > 1 ? words[i - 2] : ""
            if frequencyWords.contains(previous) || (["a", "an"].contains(previous) && frequencyWords.contains(twoBack)) {
                continue
            }
            var count: Double? = nil
            if let n = NumberWords.value(of: previous) { count = Double(n) }
            else if previous == "a" || previous == "an" || previous == "one" {
                count = twoBack == "half" ? 0.5 : 1
            } else if previous == "of", let vague = vagueCounts[twoBack] { count = vague } // "a couple of weeks"
            else if let vague = vagueCounts[previous] { count = vague }
            else if previous == "last" || previous == "past" {
                // "the last few weeks" is caught above; "the last week" is one.
                count = 1
            } else if word.hasSuffix("s") && ["for", "over", "in"].contains(previous) { count = 2 } // "for years"
            else if previous == "half" { count = 0.5 }
            guard var total = count else { continue }
            if i + 3 < words.count, words[i + 1] == "and", words[i + 2] == "a", words[i + 3] == "half" { total += 0.5 }
            return Int((total * unit).rounded())
        }
        return nil
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]
    static let shortMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"]
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    /// Seasons by the month they are taken to start (northern hemisphere).
    static let seasons = ["spring": 3, "summer": 6, "autumn": 9, "fall": 9]

    /// "since Christmas", "since January", "since Monday", "since the summer": the days from
    /// the most recent such day to `today`.
    static func daysSinceDate(_ words: [String], today: CalendarDay) -> Int? {
        for since in words.indices where ["since", "from"].contains(words[since]) {
            if let days = daysSince(Array(words[(since + 1)...].prefix(3)), today: today) { return days }
        }
        return nil
    }

    /// The days since the date named by the words after "since".
    private static func daysSince(_ following: [String], today: CalendarDay) -> Int? {
        var rest = following
        while let first = rest.first, ["the", "last", "around", "about", "early", "mid", "late", "before"].contains(first) {
            rest.removeFirst()
        }
        guard let word = rest.first else { return nil }
        let next = rest.count > 1 ? rest[1] : ""
        var start: CalendarDay?
        if ["christmas", "xmas", "chrimbo"].contains(word) { start = today.latest(month: 12, day: 25) }
        else if word == "new" && ["year", "years"].contains(next) || word == "newyear" { start = today.latest(month: 1, day: 1) }
        else if let m = months.firstIndex(of: word) ?? shortMonths.firstIndex(of: word) {
            start = today.latest(month: m + 1, day: 1)
        } else if let season = seasons[word] {
            start = today.latest(month: season, day: 21)
        } else if let target = weekdays.firstIndex(of: word).map({ $0 + 1 }) ?? (word == "weekend" ? 7 : nil),
                  let now = today.weekday {
            // The most recent such day before today ("since Monday" on a Monday is a week).
            let back = (now - target + 7) % 7
            return back == 0 ? 7 : back
        }
        guard let start, let days = today.days(since: start) else { return nil }
        return max(days, 0)
    }
}

