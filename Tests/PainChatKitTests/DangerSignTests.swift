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
    ])
    func detects(text: String, category: DangerCategory) {
        #expect(danger(text) == category)
    }

    @Test(arguments: [
        "no fever or chills", "I have no problems with my bladder", "no numbness in my groin",
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
    ])
    func ignoresNegatedAndFigurative(text: String) {
        #expect(danger(text) == nil)
    }

    @Test func levelsFollowGuidance() {
        #expect(DangerCategory.caudaEquina.level == .emergency)
        #expect(DangerCategory.cardiac.level == .emergency)
        #expect(DangerCategory.dvt.level == .sameDay)
        #expect(DangerCategory.infection.level == .sameDay)
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
