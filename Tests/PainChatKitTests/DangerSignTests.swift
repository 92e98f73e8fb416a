import Testing
@testable import PainChatKit

@Suite struct DangerSignTests {
    @Test(arguments: [
        ("I can't control my bladder", DangerCategory.caudaEquina),
        ("my groin and inner thighs have gone numb", .caudaEquina),
        ("I've lost control of my bowels since the back pain started", .caudaEquina),
        ("i cant controll my bladdr", .caudaEquina),
        ("my foot is dragging and slapping when I walk", .neuroDeficit),
        ("my leg is getting weaker every day", .neuroDeficit),
        ("back pain with a fever and chills", .infection),
        ("some nights i feel like hurting myself", .selfHarm),
        ("i cant put weight on my foot at all since this morning", .trauma),
        ("heard a pop in my calf and now i cant walk on it", .trauma),
        ("my speech went slurry for a bit", .strokeHeadache),
        ("my dad had lung cancer, now he's got back pain that won't go away", .cancer),
        ("i think my husband is having a heart attack", .cardiac),
        ("one calf is fatter than the other and warm since i flew back from spain", .dvt),
        ("felt a snap in the back of my heel like being kicked and now i cant push off", .trauma),
        ("my foot is cold and numb after i twisted my ankle", .trauma),
        ("some idiot went into the back of my car yesterday and my neck hurts", .trauma),
        ("had a kidney infection last month, now back pain and feeling feverish", .infection),
        ("my knee is hot and swollen and I have a fever", .infection),
        ("I fell down the stairs and can't put weight on my leg", .trauma),
        ("I had breast cancer and now my back hurts", .cancer),
        ("I've been losing weight without trying", .cancer),
        ("crushing chest pain going down my left arm", .cardiac),
        ("chest tightness and I'm short of breath", .cardiac),
        ("my calf is swollen, red and warm", .dvt),
        ("worst headache of my life, came on suddenly", .strokeHeadache),
        ("my face is drooping on one side", .strokeHeadache),
        ("I want to die", .selfHarm),
        ("sometimes I think about killing myself", .selfHarm),
        ("my calf is swolen and red", .dvt),
        ("fevr and my back is killing me", .infection),
        ("chest presure and pain down my left arm", .cardiac),
        ("i slipped on ice and cant walk on it", .trauma),
        ("lost 10 kilos without trying and my back aches at night", .cancer),
        ("i keep peeing myself since my back went", .caudaEquina),
        ("sometimes I think everyone would be better off without me", .selfHarm),
        ("some nights I hope I don't wake up", .selfHarm),
        // Harm in one's own words: plans, medicines taken or saved, hurting oneself.
        ("been stockpiling my tablets for weeks", .selfHarm),
        ("took all my codeine at once on purpose", .selfHarm),
        ("i'm thinking about taking all my tablets tonight", .selfHarm),
        ("hit myself on purpose so i feel something", .selfHarm),
        ("my brother says he wants to kill himself", .selfHarm),
        ("i don't see the point in living any more", .selfHarm),
        ("there's no point going on", .selfHarm),
        ("everyone would be happier if i died", .selfHarm),
        ("i wish i'd never been born", .selfHarm),
        // Other signs in wordings the first rules missed.
        ("crushing pain in my chest", .cardiac),
        ("numbness down one side of my body", .strokeHeadache),
        ("my arm went weak all of a sudden", .strokeHeadache),
        ("my calf swelled up after the long haul flight", .dvt),
        ("my calf is swollen and i'm short of breath", .dvt),
        ("i've got a history of cancer and my back has started aching", .cancer),
        ("knocked off my bike and can't put any weight on my foot", .trauma),
        ("both legs have gone weak", .neuroDeficit),
        ("i can't walk on my heels any more", .neuroDeficit),
        ("i've had no control over my bladder today", .caudaEquina),
        ("i just took 20 of my sleeping tablets", .selfHarm),
        ("swallowed thirty paracetamol an hour ago", .selfHarm),
        // A past event does not cancel a new one.
        ("I had a heart attack years ago and now I have crushing chest pain", .cardiac),
        ("my back ache went away but now I have a fever and my back is agony", .infection),
        ("I had breast cancer years ago and now my back hurts", .cancer),
        // A carer's words: "his", "her" read as "my".
        ("my wife slipped on the ice and can't put her weight on her left leg", .trauma),
        ("grandad says he can't feel his bum or the inside of his thighs", .caudaEquina),
        ("my son hasn't been able to pass water since his back went", .caudaEquina),
        // Said in the past tense or the everyday way.
        ("I couldn't feel a thing when I wiped this morning, and my back is sore", .caudaEquina),
        ("tripped down the kerb, my ankle won't take any weight", .trauma),
        ("my temperature is 39 and my elbow is hot and swollen", .infection),
        ("I keep hoping I won't wake up in the morning", .selfHarm),
        ("what is sciatica? also I've wet myself twice today", .caudaEquina),
        // Numbers that are not ages or decades leave a sign current.
        ("in the last 2 days I've had a fever and my lower back is agony", .infection),
        ("my legs have gone like jelly and are weaker by the hour", .neuroDeficit),
    ])
    func detects(text: String, category: DangerCategory) {
        #expect(danger(text) == category)
    }

    @Test(arguments: [
        "no fever or chills", "I have no problems with my bladder", "no numbness in my groin",
        "my hips feel like they have fallen out of alignment",
        "my mum had breast cancer, anyway my shoulder aches when i reach up",
        "had covid last month with a temperature for a couple of days, all fine now, but my lower back aches",
        "my dad had a heart attack last year so im anxious, but its just my neck thats stiff",
        "I could kill for a massage", "this knot is killing me", "the pain kills me when I sit",
        "I'm dying for a hot bath", "I can't fall asleep because my back hurts", "no history of cancer",
        "could it be cancer?", "my calf is tight after running", "chest is tight after the gym",
        "I'm not suicidal, just fed up", "my legs feel weak after a long run", "I have a headache from the screen",
        "my bum goes numb when I sit on hard chairs",
        "no weakness in my legs", "I didn't fall or have an accident", "no chest pain, just a sore shoulder",
        "my calf isn't swollen or red, just tight", "no sudden headache, just the usual tension", "I'd kill for a nap",
        "no problems with my bowels or bladder", "I have not lost any weight",
        "I've lost 5 kilos on my diet and my knees feel better", "I'm dying to try yoga for my back",
        "I feel hopeless about this pain", "the stiffness means I can't wake up properly",
        "I don't wake up in pain any more",
        // Everyday talk around the newer rules.
        "I take all my tablets with breakfast", "i can control my bladder fine", "how do I undo my last message",
        "my computer crashed and my shoulders are tight from the stress", "a crash diet left my back achy",
        "should i alternate hot and cold on my back", "I don't want to wake up at 5am with cramp again",
        "I took two paracetamol an hour ago", "I feel like a burden needing help with the shopping",
        "I was smiling all day at the wedding", "I had to cancel plans because of my neck",
        "my calf swells a little after a long walk", "is it bad to take all my pills at the same time of day",
        "I took 2 paracetamol at 10 this morning", "I take 4 tablets a day for my blood pressure",
        // Over and done with.
        "I fell off a ladder years ago and my back has ached on and off since",
        "had a heart attack 5 years ago, all good since, now my shoulder aches",
        "the numbness in my face from the dentist will wear off soon",
        "I didn't take 20 tablets, I took two", "I took 10 minutes to walk there",
        // An age or a decade gone by, and words not meant literally.
        "I broke my wrist falling off a swing when I was nine; now it's my neck that's stiff",
        "my gran had a heart attack when she was 80, I've got a sore elbow",
        "my uncle crashed his car back in the 90s; my knees ache on stairs",
        "the budget meeting was the worst headache ever, figuratively speaking",
        // Questions about the signs in general, and signs that are someone else's or denied.
        "what is cauda equina?", "do people get jaw pain in a heart attack?", "what causes foot drop?",
        "if someone falls and hits their head, what are the warning signs?",
        "my brother broke his hip skiing, I'm asking about my own stiff neck",
        "my chest feels fine, it's the shoulder blade that aches", "the doctor ruled out a clot in my calf",
        "it's not a sudden or thunderclap headache, just tension", "when the temperature drops my knees ache",
        "I don't want to wake up stiff again tomorrow", "I'm not having any thoughts of hurting myself",
        "after the gym I feel like I've been hit by a bus", "my bum goes numb on the saddle of my bike",
    ])
    func ignoresNegatedAndFigurative(text: String) {
        #expect(danger(text) == nil)
    }

    /// Every `red_flag` example is a danger sign (SPEC §2), so the rules, which act
    /// whatever the classifier says, must catch it. The few that need more than one
    /// sentence of context are listed; a new miss fails.
    @Test func everyRedFlagExampleIsCaughtByTheRules() throws {
        let needContext: Set<String> = [
            "I'm leaking and can't feel it", // no bladder word: caught once the conversation has one
            "i have to lift my knee really high so my foot doesnt drag", // describes compensating, not the sign
            "numbess in my private area and my back is agony", // the typo is two words' neighbour
        ]
        let examples = try IntentExamples.load(from: projectRoot.appendingPathComponent("Intents")).filter { $0.intent == .redFlag }
        let missed = examples.map(\.text).filter { danger($0) == nil && !needContext.contains($0) }
        #expect(missed.isEmpty, "red_flag examples the rules miss: \(missed)")
    }

    /// ... and no example of any other intent raises an alarm.
    /// The danger-sign sets of `Tests/HeldOut` (`Benchmarks/danger_probe.py` prints the
    /// detail): signs written apart from the rules must stay caught, near misses quiet.
    @Test(arguments: ["danger-signs.tsv", "danger-signs-2.tsv"])
    func heldOutDangerSetsStayCaught(file: String) throws {
        let text = try String(contentsOf: projectRoot.appendingPathComponent("Tests/HeldOut/\(file)"), encoding: .utf8)
        var signs = 0, caught = 0, nearMisses = 0, alarms = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("category\t") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let alarmed = danger(parts[1]) != nil
            if parts[0] == "none" { nearMisses += 1; alarms += alarmed ? 1 : 0 } else { signs += 1; caught += alarmed ? 1 : 0 }
        }
        #expect(signs >= 100 && nearMisses >= 100)
        #expect(Double(caught) >= 0.97 * Double(signs), "\(file): caught \(caught) of \(signs)")
        #expect(Double(alarms) <= 0.07 * Double(nearMisses), "\(file): \(alarms) false alarms in \(nearMisses)")
    }

    @Test func noOtherExampleRaisesAnAlarm() throws {
        let examples = try IntentExamples.load(from: projectRoot.appendingPathComponent("Intents")).filter { $0.intent != .redFlag }
        let alarms = examples.filter { danger($0.text) != nil }.map { "\($0.intent.rawValue): \($0.text)" }
        #expect(alarms.isEmpty, "alarms on other intents: \(alarms)")
    }

    /// Real words one letter from a danger word are left alone when the system word list
    /// is installed (scripts/install-deps.sh installs it).
    @Test func realWordsAreNotReadAsTypos() throws {
        try #require(!SystemDictionary.words().isEmpty, "install wamerican for /usr/share/dict/words")
        for (word, notMeant) in [("smiling", "soiling"), ("cancel", "cancer"), ("rain", "pain"), ("acne", "ache"), ("woke", "wake")] {
            let token = sharedTokenizer.tokenize(word)[0]
            let meant = sharedTokenizer.tokenize(notMeant)[0].stem
            #expect(sharedEngine.understanding.dangerReader.corrector.stem(for: token) != meant, "\(word) read as \(notMeant)")
        }
        // A real typo is still read.
        #expect(sharedEngine.understanding.dangerReader.corrector.stem(for: sharedTokenizer.tokenize("bladdr")[0]) == sharedTokenizer.tokenize("bladder")[0].stem)
    }

    @Test func wordsAtRiskAreThoseOneEditFromATarget() {
        let risk = TypoCorrector.wordsAtRisk(in: ["pain", "rain", "paint", "pan", "spain", "brain", "chair"], targets: ["pain"], minimumLength: 3)
        #expect(risk == ["pain", "rain", "paint", "pan", "spain"])
    }

    @Test func levelsFollowGuidance() throws {
        #expect(rulebook.category(.caudaEquina)?.level == .emergency)
        #expect(rulebook.category(.cardiac)?.level == .emergency)
        #expect(rulebook.category(.dvt)?.level == .sameDay)
        #expect(rulebook.category(.infection)?.level == .sameDay)
        // Severe or worsening weakness or numbness in both legs is an emergency even
        // without bladder or bowel changes (NHS, sciatica), though other weakness is same-day.
        let bothLegs = try #require(sharedEngine.understanding.analyse("both legs have gone weak").danger)
        #expect(bothLegs.category == .neuroDeficit && bothLegs.level == .emergency)
        #expect(sharedEngine.understanding.analyse("my leg is getting weaker every day").danger?.level == .sameDay)
        // A swollen calf with breathlessness: a clot that may have reached the lungs.
        #expect(sharedEngine.understanding.analyse("my calf is swollen and i'm short of breath").danger?.level == .emergency)
        // Every category names the page its level was checked against.
        for category in rulebook.categories { #expect(!category.source.isEmpty && !category.check.isEmpty, "\(category.name)") }
    }

    @Test func afterScreeningTheKeyWordIsEnough() {
        let tokens = sharedTokenizer.tokenize("my bladder")
        let stems = tokens.map(\.stem)
        #expect(sharedEngine.understanding.danger.check(tokens: tokens, stems: stems) == nil)
        #expect(sharedEngine.understanding.danger.check(tokens: tokens, stems: stems, afterScreening: true)?.category == .caudaEquina)
        let swollen = sharedTokenizer.tokenize("no, but my knee is swollen")
        #expect(sharedEngine.understanding.danger.check(tokens: swollen, stems: swollen.map(\.stem), afterScreening: true) == nil)
        #expect(sharedEngine.understanding.danger.check(tokens: swollen, stems: swollen.map(\.stem), afterWhichSign: true)?.category == .dvt)
    }
}
