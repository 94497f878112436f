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
        Logistic(-6.72 + (1.40 * f.Coverage) + (2.69 * f.Focus) + (1.40 * f.Relative) + (5.66 * f.Gap) - (0.14 * f.Unknown) + (2.48 * f.Agrees) + (0.68 * f.English) + (0.14 * f.Locality));

    public static double Passage(MatchFeatures f) =>
        Logistic(-2.22 + (0.10 * f.Coverage) + (1.80 * f.Focus) - (0.45 * f.Relative) + (3.33 * f.Gap) - (1.39 * f.Unknown) - (4.75 * f.Agrees) - (0.54 * f.English) + (1.16 * f.Locality));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
