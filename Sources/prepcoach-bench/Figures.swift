import Foundation

/// Median, minimum and maximum of repeated measurements.
struct Spread {
    let median, min, max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted[0]
        max = sorted[sorted.count - 1]
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}

/// Fixed-point text for the tables.
func decimal(_ value: Double, places: Int = 1) -> String {
    String(format: "%.\(places)f", value)
}

/// 1234567 → "1,234,567", so throughput figures read at a glance.
func grouped(_ value: Int) -> String {
    let digits = String(value)
    return digits.enumerated().map { offset, digit in
        offset > 0 && (digits.count - offset) % 3 == 0 ? ",\(digit)" : "\(digit)"
    }.joined()
}

/// A plain-text table: figures right-aligned, words (the first column, and
/// any named in `textColumns`) left-aligned.
struct Table {
    let header: [String]
    let textColumns: Set<Int>
    var rows: [[String]] = []

    init(_ header: String..., textColumns: Set<Int> = []) {
        self.header = header
        self.textColumns = textColumns.union([0])
    }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return textColumns.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
