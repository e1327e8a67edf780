/// A parsed query. Leaves are referred to by their index in `RuleQuery`'s leaf list, which is in
/// query order, so matched terms come out in query order by sorting indices.
indirect enum RuleNode: Sendable, Hashable {
    case leaf(Int)
    case and([RuleNode])
    case or([RuleNode])
    case not(RuleNode)
    /// Both sides with at most `distance` words between them; `ordered`: the left one first.
    case near(RuleNode, RuleNode, distance: Int32, ordered: Bool)
    /// Both sides in the same sentence or paragraph.
    case within(RuleNode, RuleNode, RuleUnit)
    /// At least `count` non-overlapping occurrences of the operand.
    case atLeast(Int, RuleNode)
}
