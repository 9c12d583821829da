/// What makes a re-extracted claim "the same claim" (it then keeps its id): its span in the same
/// part of the same article, and its speaker as written. The article is implied (claims are
/// matched within one article).
public struct ClaimIdentity: Hashable, Sendable {
    public let part: String
    public let contentStart: Int
    public let contentEnd: Int
    public let speaker: String

    public init(part: String, contentStart: Int, contentEnd: Int, speaker: String) {
        self.part = part; self.contentStart = contentStart; self.contentEnd = contentEnd; self.speaker = speaker
    }

    init(_ claim: ExtractedClaim) {
        self.init(part: claim.part.rawValue, contentStart: claim.contentStart, contentEnd: claim.contentEnd, speaker: claim.speakerText)
    }
}
