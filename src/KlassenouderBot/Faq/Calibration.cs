namespace KlassenouderBot.Faq;

/// <summary>
/// Turns how well the best candidate fits into a confidence in [0,1] that reads as "how often is an answer
/// this sure right": a logistic curve over coverage, focus and margin, fitted on the development questions
/// (TestData/faq-dev.tsv; see README, "Answers from the school guide").
/// </summary>
internal static class Calibration
{
    public static double Entry(MatchFeatures f) =>
        Logistic(-3.41 + (3.94 * f.Coverage) + (1.49 * f.Focus) + (3.15 * f.Margin) - (2.51 * f.Unknown));

    public static double Passage(MatchFeatures f) =>
        Logistic(-2.52 + (0.06 * f.Coverage) - (0.25 * f.Focus) + (2.58 * f.Margin) - (2.47 * f.Unknown));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
