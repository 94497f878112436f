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
        Logistic(-3.41 + (3.94 * f.Coverage) + (1.49 * f.Focus) + (3.15 * f.Margin) - (2.51 * f.Unknown));

    public static double Passage(MatchFeatures f) =>
        Logistic(-1.16 + (0.32 * f.Coverage) + (1.29 * f.Focus) + (2.84 * f.Margin) - (4.43 * f.Unknown));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
