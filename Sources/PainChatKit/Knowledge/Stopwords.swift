/// Common English words that carry no topic, left out of passage retrieval (but not of
/// intent classification, where "why" and "what" matter).
enum Stopwords {
    static let words: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cant", "could", "did",
        "do", "does", "doing", "dont", "down", "during", "each", "few", "for", "from", "further", "get", "gets", "got",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
        "if", "im", "in", "into", "is", "it", "its", "itself", "ive", "just", "keep", "keeps", "me", "more", "most",
        "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "out", "over", "own", "really", "same", "she", "should", "so", "some", "such", "than", "that", "thats", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "also", "may", "might", "often", "can", "one",
        "tell", "know", "thing", "things", "bit", "lot", "like", "kind", "sort", "please", "thanks", "hi", "hello",
        "there", "anything", "something",
    ]
}
