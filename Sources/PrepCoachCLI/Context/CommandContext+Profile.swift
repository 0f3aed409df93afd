import PrepCoachCore

extension CommandContext {
    /// Your name and signature from the config file's `me:` section; problems are reported.
    func userProfile() -> UserProfile {
        guard let path = RuleSettings.defaultPath(environment: environment) else { return UserProfile() }
        let (profile, problems) = UserProfile.load(path: path)
        problems.forEach(console.report)
        return profile
    }

    /// Someone is typing at the shell: a command may ask instead of assuming (scripts and one-shot runs never ask).
    var isInteractive: Bool { answers is EditorAnswers }
}
