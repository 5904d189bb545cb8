using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary>A Spectre console over a verb's output: colours and live updates only on a terminal, plain text anywhere else.</summary>
internal static class CliConsole
{
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // No width to read: wide enough that tables of Ids and reasons do not wrap.
            console.Profile.Width = 160;
        }

        return console;
    }
}
