import Testing
@testable import PainChatKit

/// The frames that tell no current sign (DangerSignDetector+Frames): each is tried on a
/// twin it must quieten and on a real sign beside it that it must leave alone.
@Suite struct DangerFrameTests {
    @Test(arguments: [
        // Asked about and denied.
        "the GP asked whether I had any numbness around my bottom and I don't, it's only my low back",
        "the nurse asked me if my weight had dropped without trying, I said no, my hip is the problem",
        "the physio wanted to know if my bladder was ok, I haven't had any trouble, just sciatica",
        // A lone "no" after the sign.
        "clot in my calf? no, it's just tight after football",
        // Films, books and essays.
        "in the film last night a woman couldn't feel her legs after a car crash, my own knee just clicks",
        "doing my assignment on heart attacks and chest pain has given me a stiff neck from the laptop",
        // Getting better.
        "the weakness in my arm is improving every week since the physio, just a dull ache now",
        // Explained away by the concept's own `cancelled_by`.
        "tripped over the cat but caught myself on the banister, my wrist is a bit sore",
        "my words were slurred after eight pints at the party, today just a stiff back",
        "took my temperature because I felt shivery, 36.7, and my back aches from the sofa",
        // Past times, and a "but" pointing back.
        "my calf went red and puffy after a bee sting last summer, now it's my ankle that's stiff",
        "I had a kidney infection with a fever in my back but that all cleared up, now my shoulder hurts",
        // Someone else's, named after it.
        "foot drop is what my aunt was left with after her op, I just have a stiff ankle",
        // A named person's sign with the person's own body part.
        "my brother is on chemo and with all the hospital runs my lower back is stiff",
    ])
    func quietens(text: String) {
        #expect(danger(text) == nil)
    }

    @Test(arguments: [
        // A question with no denial after it denies nothing.
        ("the GP asked if I'd lost weight without trying and I have, two stone since spring", DangerCategory.cancer),
        // A film frame ends where the person starts about themselves.
        ("watched a film in bed and since then I can't feel my groin and I can't pee", .caudaEquina),
        // Improving does not reach across "and".
        ("my back is improving and both my legs have gone numb today", .neuroDeficit),
        // How a sign looks is not its cause; a denied cause explains nothing.
        ("he sounds drunk but he hasn't touched a drink and his speech is slurred", .strokeHeadache),
        ("we thought she'd had a few drinks but her face has dropped on one side", .strokeHeadache),
        // Past times that go on to now.
        ("since last summer I've lost over a stone without trying and my back aches at night", .cancer),
        // A past time in another sentence leaves tonight's fever current.
        ("my back is agony and I'm shaking, 39.4 tonight. Had a kidney infection last year", .infection),
        // With only a pronoun, the sign and the body part may be one person's.
        ("they took a growth out of my breast two years ago and now my back aches at night", .cancer),
        // An explanation overturned by a "but now".
        ("came off my bike, I walked it off but now my wrist looks bent and I can't move it", .trauma),
        // A fall explained only by what came before a "but now".
        ("fell off the step, got up fine at first but now I can't put any weight on my ankle", .trauma),
        // A bare "no" denies only when what follows says all is well.
        ("my groin has gone numb? no, worse than that, it's totally dead", .caudaEquina),
        // A wish to die is taken as said, whatever frames it.
        ("I keep reading about ways to end it all, the pain is too much", .selfHarm),
        ("the nurse asked if I think about harming myself and I do, most nights", .selfHarm),
        // A decimal temperature, and a means with despair.
        ("spine agony and 39.1 with the shivers", .infection),
        ("the pain has won, I've got the rope ready", .selfHarm),
        // A fever with a leg that will not take weight is an infection first.
        ("my 3 year old has a temperature of 39 and won't put any weight on her leg", .infection),
    ])
    func leavesRealSigns(text: String, category: DangerCategory) {
        #expect(danger(text) == category)
    }

    /// "I'm 39, 2 weeks of back pain" is an age and a count, not a temperature of 39.2.
    @Test func aDecimalNeedsItsPoint() {
        #expect(danger("I'm 39, 2 weeks of back pain now") == nil)
        #expect(danger("39.2 and my back is killing me") == .infection)
    }
}
