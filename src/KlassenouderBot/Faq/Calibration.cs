namespace KlassenouderBot.Faq;

/// <summary>
/// Turns what was measured of a candidate into a confidence in [0,1] that reads as "how often is a candidate
/// this sure the right answer": logistic curves fitted on the development questions (TestData/faq-dev.tsv,
/// every candidate of every question, labelled by whether it is the expected answer) with
/// bench/faq-calibrate.py. Entries and passages have their own curves on one scale, so they compete: a
/// passage the best entries cite ("agrees") is left to the entry, which is the school's chosen wording.
/// </summary>
internal static class Calibration
{
    public static double Entry(MatchFeatures f) =>
        Logistic(-5.56 + (1.91 * f.Coverage) + (1.99 * f.Focus) + (0.54 * f.Relative) + (4.98 * f.Gap) + (0.07 * f.Unknown) + (1.91 * f.Agrees) + (0.51 * f.English) + (0.41 * f.Locality));

    public static double Passage(MatchFeatures f) =>
        Logistic(-2.21 - (0.05 * f.Coverage) + (1.56 * f.Focus) - (0.50 * f.Relative) + (3.35 * f.Gap) - (1.09 * f.Unknown) - (4.59 * f.Agrees) - (0.69 * f.English) + (1.40 * f.Locality));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
