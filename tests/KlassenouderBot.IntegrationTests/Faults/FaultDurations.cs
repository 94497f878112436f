namespace KlassenouderBot.IntegrationTests.Faults;

/// <summary>
/// How long the fault tests run: short in the normal test run (and CI), as long as the issue asks for with
/// <c>KLASSENOUDERBOT_FAULT_FULL=1</c> (<c>bench/faults</c> sets it).
/// </summary>
internal static class FaultDurations
{
    public const string VariableName = "KLASSENOUDERBOT_FAULT_FULL";

    public static bool Full => Environment.GetEnvironmentVariable(VariableName) == "1";

    public static TimeSpan Pick(TimeSpan @short, TimeSpan full) => Full ? full : @short;
}
