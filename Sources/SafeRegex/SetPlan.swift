// How `PatternSet` splits patterns to keep its DFAs small.
//
// Only "does it match anywhere" matters there, which allows two exact rewrites:
//
// - A repetition at either end of a pattern can be cut down to its minimum:
//   `foo\w*` matches somewhere iff `foo` does, and `x+foo` iff `xfoo` does. This
//   stops threads from lingering after a match.
// - `X.*Y` (a top-level `.*`, `.+` or `.{m,}` with something on both sides)
//   matches iff the first end of an `X` match is at most (gap) before the last
//   start of a `Y` match. `X` goes into the forward DFA, reversed `Y` into a
//   reverse DFA. Left whole, every `.*` thread would live to the end of the text
//   and DFA states would multiply with every combination of them.
//
// Top-level alternatives are treated as separate units of the same pattern.

/// One unit of a pattern, for the set's automata.
enum SetUnit {
    case whole(Node)
    /// `prefix`, then at least `gap` bytes, then `suffix`.
    case split(prefix: Node, suffix: Node, gap: Int)
}

enum SetPlan {
    static func units(of node: Node) -> [SetUnit] {
        let branches: [Node]
        if case .alternation(let bs) = node { branches = bs } else { branches = [node] }
        return branches.map(unit)
    }

    private static func unit(_ node: Node) -> SetUnit {
        let items = trimmed(flatten(node))
        for k in items.indices.dropFirst().dropLast() {
            if case .repetition(.bytes(let set), let min, nil) = items[k], set == .all {
                let prefix = trimmed(Array(items[..<k]))
                let suffix = trimmed(Array(items[(k + 1)...]))
                if !prefix.isEmpty && !suffix.isEmpty {
                    return .split(prefix: concat(prefix), suffix: concat(suffix), gap: min)
                }
            }
        }
        return .whole(concat(items))
    }

    private static func flatten(_ node: Node) -> [Node] {
        switch node {
        case .concat(let items): return items.flatMap(flatten)
        case .empty: return []
        default: return [node]
        }
    }

    /// Cuts repetitions at either end down to their minimum count.
    private static func trimmed(_ items: [Node]) -> [Node] {
        var items = items
        while let last = items.last, case .repetition(let body, let min, let max) = last, max != min {
            items.removeLast()
            items += flatten(min == 0 ? .empty : .repetition(body, min: min, max: min))
        }
        while let first = items.first, case .repetition(let body, let min, let max) = first, max != min {
            items.removeFirst()
            items.insert(contentsOf: flatten(min == 0 ? .empty : .repetition(body, min: min, max: min)), at: 0)
        }
        return items
    }

    private static func concat(_ items: [Node]) -> Node {
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }
}

extension Node {
    /// The node matching the reversed texts (assertions mirrored).
    var reversed: Node {
        switch self {
        case .empty, .bytes:
            return self
        case .assertion(let a):
            switch a {
            case .textStart: return .assertion(.textEnd)
            case .textEnd: return .assertion(.textStart)
            case .wordStart: return .assertion(.wordEnd)
            case .wordEnd: return .assertion(.wordStart)
            case .wordBoundary, .notWordBoundary: return self
            }
        case .concat(let items):
            return .concat(items.reversed().map(\.reversed))
        case .alternation(let branches):
            return .alternation(branches.map(\.reversed))
        case .repetition(let body, let min, let max):
            return .repetition(body.reversed, min: min, max: max)
        }
    }
}
