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
        Logistic(-6.84 + (1.73 * f.Coverage) + (2.76 * f.Focus) + (1.46 * f.Relative) + (5.73 * f.Gap) - (0.14 * f.Unknown) + (1.65 * f.Agrees) + (0.83 * f.English) + (0.46 * f.Locality));

    public static double Passage(MatchFeatures f) =>
        Logistic(-2.20 + (0.07 * f.Coverage) + (1.78 * f.Focus) - (0.42 * f.Relative) + (3.31 * f.Gap) - (1.39 * f.Unknown) - (4.69 * f.Agrees) - (0.51 * f.English) + (1.14 * f.Locality));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
