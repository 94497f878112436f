using BenchmarkDotNet.Running;

namespace KlassenouderBot.Benchmarks;

public static class BenchmarkEntry
{
    /// <summary>
    /// Runs the benchmarks in this process (already built in Release by <c>dotnet run -c Release</c>) unless
    /// <c>--outOfProcess</c> is given: BenchmarkDotNet's default toolchain generates, restores and builds a
    /// second project per run, which is slow on two cores and needs a package feed.
    /// </summary>
    public static void Main(string[] args)
    {
        var outOfProcess = args.Contains("--outOfProcess", StringComparer.OrdinalIgnoreCase);
        string[] effective = outOfProcess
            ? [.. args.Where(a => !string.Equals(a, "--outOfProcess", StringComparison.OrdinalIgnoreCase))]
            : args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(effective);
    }
}
