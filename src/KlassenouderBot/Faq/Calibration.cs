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
        Logistic(-6.28 + (1.66 * f.Coverage) + (2.57 * f.Focus) + (1.25 * f.Relative) + (5.24 * f.Gap) - (0.02 * f.Unknown) + (1.64 * f.Agrees) + (0.53 * f.English) + (0.47 * f.Locality));

    public static double Passage(MatchFeatures f) =>
        Logistic(-2.27 - (0.10 * f.Coverage) + (1.74 * f.Focus) - (0.45 * f.Relative) + (3.31 * f.Gap) - (1.53 * f.Unknown) - (4.66 * f.Agrees) - (0.56 * f.English) + (1.34 * f.Locality));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
