import PrepCoachCore

extension BenchPaths {
    /// The bundled banks, which every benchmark builds on; they must load cleanly.
    func loadBundledBanks() throws -> Banks {
        let banks = BankLoader.load([bundledBanks])
        if let problem = banks.diagnostics.first(where: { $0.severity == .error }) { throw BenchFailure("bundled banks: \(problem)") }
        return banks
    }
}
