import PrepCoachCore

extension CommandContext {
    /// Your name and signature from the config file's `me:` section; problems are reported.
    func userProfile() -> UserProfile {
        guard let path = RuleSettings.defaultPath(environment: environment) else { return UserProfile() }
        let (profile, problems) = UserProfile.load(path: path)
        problems.forEach(console.report)
        return profile
    }

    /// Someone is typing at a terminal: a command may ask instead of assuming (scripts never ask).
    var isInteractive: Bool { answers?.isInteractive == true }
}
