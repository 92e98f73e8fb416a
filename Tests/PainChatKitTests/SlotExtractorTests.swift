import Testing
import Foundation
@testable import PainChatKit

@Suite struct SlotExtractorTests {
    @Test func seedUtterance() {
        let f = frame(of: "why does my hip knot come back when I walk")
        #expect(f.location == ["hip"])
        #expect(f.quality == ["knot"])
        #expect(f.trigger == ["walking"])
        #expect(f.relief.isEmpty)
    }

    @Test func activityIsReliefWhenItEases() {
        let f = frame(of: "sitting for a few minutes makes it go away")
        #expect(f.relief == ["sitting"])
        #expect(f.trigger.isEmpty)
    }

    @Test func triggerAndReliefInOneSentence() {
        let f = frame(of: "it hurts when I walk but sitting eases it")
        #expect(f.trigger == ["walking"])
        #expect(f.relief == ["sitting"])
    }

    @Test func everydayWordsMapToCanonicalValues() {
        #expect(frame(of: "my glutes ache").location == ["buttock"])
        #expect(frame(of: "pain in my lower back").location == ["low_back"])
        #expect(frame(of: "it's worse after a day on the computer").trigger == ["desk_work"])
        #expect(frame(of: "a tennis ball against the wall helps").relief == ["pressure"])
    }

    @Test func negatedMentionsAreNotAdded() {
        #expect(frame(of: "sitting doesn't help").relief.isEmpty)
        #expect(frame(of: "no numbness at all").quality.isEmpty)
        #expect(frame(of: "never when I sit").trigger.isEmpty)
    }

    @Test func correctionReplacesTheBodyPart() {
        var f = frame(of: "my hip hurts")
        f.apply(sharedEngine.understanding.analyse("not my hip, my knee").extraction)
        #expect(f.location == ["knee"])
    }

    @Test func sideNeedsABodyPartOrContext() {
        #expect(frame(of: "my left shoulder").side == "left")
        #expect(frame(of: "that's right").side == nil)
        #expect(frame(of: "it's worse at night").side == nil)
        #expect(frame(of: "I meant my right one", pending: Question(kind: .slot(.location))).side == "right")
    }

    @Test(arguments: [("5/10", 5), ("about a 7 out of 10", 7), ("a six", 6), ("seven out of ten", 7), ("8", 8), ("pain level 4", 4)])
    func intensity(text: String, value: Int) {
        #expect(frame(of: text).intensity == value)
    }

    @Test(arguments: [("for three weeks", 21), ("two months now", 60), ("since yesterday", 1), ("a couple of weeks", 14),
                      ("for years", 730), ("a year", 365), ("about 10 days", 10), ("the day before yesterday", 2)])
    func duration(text: String, days: Int) {
        #expect(frame(of: text).durationDays == days)
    }

    @Test func frequencyIsNotADuration() {
        #expect(frame(of: "I run three times a week").durationDays == nil)
        #expect(frame(of: "7-10 days").intensity == nil)
    }

    @Test func oneTypoInLongWordsStillMatches() {
        #expect(frame(of: "it hurts when wlaking").trigger == ["walking"])
        #expect(frame(of: "streching helps").relief == ["stretching"])
        // Real words one letter away from lexicon words are left alone.
        #expect(frame(of: "it's worse at night").side == nil)
    }

    @Test func bareAnswerReadAgainstTheQuestion() {
        #expect(frame(of: "walking", pending: Question(kind: .slot(.relief))).relief == ["walking"])
        #expect(frame(of: "walking", pending: Question(kind: .slot(.trigger))).trigger == ["walking"])
    }

    @Test func comesBackIsNotTheBack() {
        #expect(frame(of: "the knot keeps coming back").location.isEmpty)
        #expect(frame(of: "my back keeps coming back to haunt me").location == ["back"])
    }

    @Test func goodMorningIsAGreeting() {
        #expect(frame(of: "good morning").trigger.isEmpty)
        #expect(frame(of: "morning all").trigger.isEmpty)
        #expect(sharedEngine.understanding.analyse("good morning").intent == .greet)
        // The morning as the time the pain comes is still read.
        #expect(frame(of: "it's worst in the morning").trigger == ["morning"])
        #expect(frame(of: "morning", pending: Question(kind: .slot(.trigger))).trigger == ["morning"])
        #expect(frame(of: "good morning, my neck is stiff every morning").trigger == ["morning"])
        // A "morning" standing as its own clause greets, wherever it stands.
        #expect(frame(of: "morning, how are you today").trigger.isEmpty)
        #expect(frame(of: "hi, morning").trigger.isEmpty)
        #expect(frame(of: "mornings are the worst").trigger == ["morning"])
    }

    @Test func everydayWordsThatLookLikeSlots() {
        #expect(frame(of: "ok cool").relief.isEmpty)
        #expect(frame(of: "it started since I had a cold").trigger.isEmpty)
        #expect(frame(of: "the cold makes it worse").trigger == ["cold_weather"])
        #expect(frame(of: "feeling a bit run down").quality.isEmpty)
        #expect(frame(of: "the pain runs down my leg").quality == ["shooting"])
        // "goes tight when..." brings the pain on; "it goes when I sit" eases it.
        #expect(frame(of: "my calf goes tight when i'm out running").trigger == ["running"])
        #expect(frame(of: "my hip goes stiff after sitting").trigger == ["sitting"])
        #expect(frame(of: "it goes when i sit down").relief == ["sitting"])
        // Words that look like reliefs but name none.
        #expect(frame(of: "lifting boxes all shift at the warehouse").relief.isEmpty)
        #expect(frame(of: "i'd murder someone for a massage").relief.isEmpty)
        #expect(frame(of: "not sure, it kind of moves around").relief.isEmpty)
        #expect(frame(of: "when i walk up the hill to the bus stop").trigger == ["walking"])
        #expect(frame(of: "getting up out of the armchair and going up the stairs", pending: Question(kind: .slot(.trigger))).relief.isEmpty)
        #expect(frame(of: "both actually").side == "both")
        // An animal's leg is not the person's; the person's own knee still is.
        #expect(frame(of: "my dog has a sore leg").location.isEmpty)
        #expect(frame(of: "my dog pulled on the lead and now my shoulder aches").location == ["shoulder"])
    }

    @Test func anActivityDismissedAfterItIsNotKept() {
        let f = frame(of: "I can walk fine but sitting kills my back")
        #expect(f.trigger == ["sitting"])
        #expect(frame(of: "heat doesn't do anything but an ice pack helps").relief == ["cold"])
    }

    @Test func aYesNoQuestionAsksAboutAnActivityWithoutReportingIt() {
        #expect(frame(of: "should I use ice or heat").relief.isEmpty)
        #expect(frame(of: "why do my calves cramp at night").trigger == ["sleeping"])
    }

    @Test func aRangeOfIntensityReadsAsItsTop() {
        #expect(frame(of: "its like a 6 or 7 most days").intensity == 7)
        #expect(frame(of: "id say 6 or 7").intensity == 7)
        #expect(frame(of: "it's like 7ish when it flares").intensity == 7)
        #expect(frame(of: "it eases off at 7ish in the evening").intensity == nil)
        #expect(frame(of: "it happens 1 or 2 times a week").intensity == nil)
    }

    @Test func aShorterActivityInsideADroppedPhraseIsRead() {
        #expect(frame(of: "my calf hurts when i walk about a mile").trigger == ["walking"])
        #expect(frame(of: "my calf cramps after about 2 miles of walking so i stop for 1 minute and it goes").trigger == ["walking"])
    }

    @Test func questionsAndDirectionsAreNotReports() {
        #expect(frame(of: "would a massage gun help?").relief.isEmpty)
        #expect(frame(of: "what about heat?").relief.isEmpty)
        #expect(frame(of: "nothing in particular makes it worse").relief.isEmpty)
        let f = frame(of: "stretching my wrist back helps")
        #expect(f.location == ["wrist"])
        #expect(f.relief == ["stretching"])
        #expect(frame(of: "stretching my back helps").location == ["back"])
        #expect(!sharedEngine.understanding.analyse("it's actually worse when I lie down").extraction.isCorrection)
    }

    @Test func thePartNamedAfterBackOfIsThePlace() {
        #expect(frame(of: "the back of my heel hurts").location == ["foot"])
        #expect(frame(of: "a pillow between my knees helps my hip").location == ["hip"])
        #expect(frame(of: "taking breaks helps").relief == ["rest"])
    }

    @Test(arguments: [("since christmas", 335), ("it's been sore since january", 328), ("since monday", 2),
                      ("pain from sitting since the summer", 157), ("since the weekend", 4), ("since new year", 328),
                      ("since last week", 7)])
    func durationFromADate(text: String, days: Int) {
        // Wednesday 25 November 2026.
        let today = CalendarDay(year: 2026, month: 11, day: 25)
        let analysis = sharedEngine.understanding.analyse(text, today: today)
        #expect(analysis.extraction.durationDays == days)
    }

    @Test func withoutTheDayADateGivesNoDuration() {
        #expect(frame(of: "since christmas").durationDays == nil)
        // Christmas not yet come this year counts from last year's.
        let early = CalendarDay(year: 2026, month: 3, day: 1)
        #expect(sharedEngine.understanding.analyse("since christmas", today: early).extraction.durationDays == 66)
    }

    @Test func lowerDownMakesTheBackTheLowBack() {
        var f = frame(of: "my back hurts")
        f.apply(sharedEngine.understanding.analyse("lower down, on the right").extraction)
        #expect(f.location == ["low_back"])
        var g = frame(of: "my back hurts")
        g.apply(sharedEngine.understanding.analyse("it's between a 4 and a 5, higher in the morning").extraction)
        #expect(g.location == ["back"])
    }

    @Test func theOtherSideSwitchesSides() {
        var f = frame(of: "my right shoulder aches")
        f.apply(sharedEngine.understanding.analyse("wait no it's the other shoulder").extraction)
        #expect(f.side == "left")
    }

    @Test func comingBackIsNotTheBack() {
        #expect(frame(of: "hi, I'm back").location.isEmpty)
        #expect(frame(of: "good to be back").location.isEmpty)
        #expect(frame(of: "it's back again after a week off").location.isEmpty)
        #expect(frame(of: "I'm back and my back is killing me").location == ["back"])
        #expect(frame(of: "my back aches").location == ["back"])
    }
}

@Suite struct BodyPartsInActivitiesTests {
    /// A body part inside an activity phrase is where the pain is only when no other is named.
    @Test func bodyPartInsideAnActivityIsNotThePainWhenAnotherIsNamed() {
        let f = frame(of: "my right shoulder hurts when i lift my arm above my head")
        #expect(f.location == ["shoulder"])
        #expect(f.trigger == ["reaching_overhead"])
    }

    /// The annotated examples read a body part inside an activity as part of the movement,
    /// not as the place of the pain, even when no other place is named: painchat asks where.
    @Test func bodyPartInsideAnActivityIsPartOfTheMovement() {
        let f = frame(of: "it hurts when i lift my arm above my head")
        #expect(f.location.isEmpty)
        #expect(f.trigger == ["reaching_overhead"])
        // The hand rules alone still read it as the place.
        let hand = sharedEngine.with(slotRoleMode: .hand).understanding.analyse("it hurts when i lift my arm above my head")
        #expect(Frame(hand.extraction).location.contains("arm"))
    }
}

@Suite struct SlotEvaluationTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slots-\(UUID().uuidString).tsv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func scoresPositiveAndNegativeExpectations() throws {
        let path = try write("my right knee aches\tlocation=knee side=right !location=hip\nmy hip hurts\tlocation=knee\n")
        let report = SlotEvaluation.score(try SlotTestCase.load(path: path), engine: sharedEngine)
        #expect(report.rows.count == 2)
        #expect(report.messagesRight == 1)
        #expect(report.expectations == 4)
        #expect(report.expectationsRight == 3)
        let location = report.tallies.first { $0.slot == .location }
        #expect(location?.total == 3)
        #expect(location?.negativeRight == 1)
        #expect(report.rows[1].wrong == [SlotExpectation(slot: .location, value: "knee", mustHold: true)])
    }

    @Test func badLinesNameTheLineAndTheFix() throws {
        for (text, needle) in [("my knee\tlocation=kneecap\n", "not a value of location"),
                               ("my knee\tplace=knee\n", "not slot=value"),
                               ("no tab here\n", "utterance<TAB>expectations")] {
            let path = try write(text)
            #expect { try SlotTestCase.load(path: path) } throws: { error in
                "\(error.localizedDescription)".contains(":1: ") && "\(error.localizedDescription)".contains(needle)
            }
        }
    }
}
