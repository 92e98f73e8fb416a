import Foundation

/// A day of the Gregorian calendar. A conversation carries the day it is held on, so
/// "since Christmas" or "since Monday" can be counted in days while each turn stays a pure
/// step: the day comes in with the state, never from the clock inside it.
public struct CalendarDay: Sendable, Equatable, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today, in the user's time zone.
    public static func today(calendar: Calendar = .current) -> CalendarDay {
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    var date: Date? { CalendarDay.gregorian.date(from: DateComponents(year: year, month: month, day: day)) }

    /// Whole days from `earlier` to this day.
    func days(since earlier: CalendarDay) -> Int? {
        guard let from = earlier.date, let to = date else { return nil }
        return CalendarDay.gregorian.dateComponents([.day], from: from, to: to).day
    }

    /// 1 = Sunday ... 7 = Saturday.
    var weekday: Int? { date.map { CalendarDay.gregorian.component(.weekday, from: $0) } }

    /// The most recent `month`/`day` on or before this day.
    func latest(month: Int, day: Int) -> CalendarDay {
        let thisYear = CalendarDay(year: year, month: month, day: day)
        return (month, day) <= (self.month, self.day) ? thisYear : CalendarDay(year: year - 1, month: month, day: day)
    }
}
