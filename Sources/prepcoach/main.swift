import Foundation
import PrepCoachCLI

exit(PrepCoachMain.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessEnvironment.current))
