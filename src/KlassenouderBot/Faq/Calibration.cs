namespace KlassenouderBot.Faq;

/// <summary>
/// Turns how well the best candidate fits into a confidence in [0,1] that reads as "how often is an answer
/// this sure right": a logistic curve over coverage, focus and margin, fitted on the development questions
/// (TestData/faq-dev.tsv; see README, "Answers from the school guide").
/// </summary>
internal static class Calibration
{
    public static double Entry(MatchFeatures f) => Logistic(-6.0 + (5.0 * f.Coverage) + (3.0 * f.Focus) + (3.0 * f.Margin));

    public static double Passage(MatchFeatures f) => Logistic(-7.0 + (5.0 * f.Coverage) + (3.0 * f.Focus) + (3.0 * f.Margin));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
