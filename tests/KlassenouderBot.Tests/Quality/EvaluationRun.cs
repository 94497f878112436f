using System.Text.Json;
using KlassenouderBot.Cli;

namespace KlassenouderBot.Tests.Quality;

/// <summary>Runs an evaluation verb with <c>--json</c> through the CLI, exactly as a script would, and parses the result.</summary>
internal static class EvaluationRun
{
    public static async Task<JsonElement> JsonAsync(string verb, string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineApp.RunAsync([verb, file, "--json"], output, error);

        exit.Should().Be(0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
