using KlassenouderBot.Cli;

namespace KlassenouderBot.Tests.Cli;

/// <summary>Runs a verb in-process with captured output, and the contract's check of a usage error.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLineApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Exit code 2, nothing on stdout, one line on stderr naming <paramref name="mentions"/>, no stack trace.</summary>
    public static void ShouldBeUsageError((int Exit, string Output, string Error) result, params string[] mentions)
    {
        result.Exit.Should().Be(2);
        result.Output.Should().BeEmpty();
        var error = result.Error.TrimEnd('\r', '\n');
        error.Should().NotBeEmpty().And.NotContain("\n", "the reason is one line");
        error.Should().NotContain("   at ").And.NotContain("Exception");
        foreach (var mention in mentions)
        {
            error.Should().Contain(mention);
        }
    }
}
