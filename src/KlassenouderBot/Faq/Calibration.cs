namespace KlassenouderBot.Faq;

/// <summary>
/// Turns how well the best candidate fits into a confidence in [0,1] that reads as "how often is an answer
/// this sure right": a logistic curve over coverage, focus and margin, fitted on the development questions
/// (TestData/faq-dev.tsv); the passage curve on the questions no FAQ entry answers, since a passage is only
/// considered when no entry is good enough.
/// </summary>
internal static class Calibration
{
    public static double Entry(MatchFeatures f) =>
        Logistic(-3.51 + (3.92 * f.Coverage) + (1.52 * f.Focus) + (3.11 * f.Margin) - (1.96 * f.Unknown));

    public static double Passage(MatchFeatures f) =>
        Logistic(-2.05 + (0.83 * f.Coverage) + (1.56 * f.Focus) + (3.92 * f.Margin) - (4.89 * f.Unknown));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
