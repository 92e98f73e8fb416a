/// "I just took 20 of my sleeping tablets": a count of tablets no dose reaches, taken or
/// about to be, is an overdose whatever else the message says. Phrase rules cannot say
/// "any number of ten or more", so this is its own check.
enum OverdoseCount {
    static let takingVerbs: Set<String> = ["took", "taken", "take", "taking", "swallowed", "swallow", "swallowing", "necked", "downed"]
    static let medicines: Set<String> = [
        "tablets", "tablet", "pills", "pill", "painkillers", "paracetamol", "paracetamols", "tylenol", "ibuprofen",
        "codeine", "cocodamol", "tramadol", "morphine", "aspirin", "naproxen", "diazepam", "amitriptyline",
        "gabapentin", "pregabalin", "oxycodone", "sleeping", "meds", "capsules", "pils", "tabs", "tablts",
    ]
    /// No usual daily dose of a tablet reaches this many.
    static let overdose = 10

    /// The words that show it ("took 20 … tablets"), or nil.
    static func evidence(in tokens: [Token]) -> String? {
        let words = tokens.map(\.text)
        for (i, word) in words.enumerated() where takingVerbs.contains(word) {
            guard !Negation.negatedBefore(tokens, start: i, window: 3) else { continue }
            for j in (i + 1)..<min(words.count, i + 4) {
                guard let count = NumberWords.value(of: words[j]), count >= overdose else { continue }
                if let k = ((j + 1)..<min(words.count, j + 6)).first(where: { medicines.contains(words[$0]) }) {
                    return words[i...k].joined(separator: " ")
                }
            }
        }
        return nil
    }
}
