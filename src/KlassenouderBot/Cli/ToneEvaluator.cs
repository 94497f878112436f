using System.Globalization;
using System.Text;
using KlassenouderBot.Moderation;

namespace KlassenouderBot.Cli;

/// <summary>Scores the analyser on a labelled TSV file (<c>id, label, text</c>).</summary>
internal static class ToneEvaluator
{
    private static readonly string[] Labels = ["ok", "concern", "hurtful"];

    public static IReadOnlyList<(string Id, string Label, string Text)> ReadLabelled(string path) =>
        [.. FileInput.ReadThreeColumns(path, "id", "label", "text").Select(row => Array.IndexOf(Labels, row.Second) >= 0
            ? (row.First, row.Second, row.Third)
            : throw new CliUsageException($"{path}:{row.Line}: label '{row.Second}' is not one of ok, concern, hurtful"))];

    public static ToneEvaluation Evaluate(IReadOnlyList<(string Id, string Label, string Text)> rows, LocalToneAnalyzer analyzer, Action<string, string, ToneAssessment>? onMistake = null)
    {
        var confusion = Labels.ToDictionary(l => l, _ => Labels.ToDictionary(l => l, _ => 0));
        foreach (var (id, gold, text) in rows)
        {
            var assessment = analyzer.Assess(text);
            var predicted = CliJson.Label(assessment.Label);
            confusion[gold][predicted]++;
            if (predicted != gold)
            {
                onMistake?.Invoke(id, gold, assessment);
            }
        }

        var perLabel = new Dictionary<string, LabelScores>();
        foreach (var label in Labels)
        {
            var truePositives = confusion[label][label];
            var predictedCount = Labels.Sum(g => confusion[g][label]);
            var support = Labels.Sum(p => confusion[label][p]);
            var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel[label] = new LabelScores(Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), support);
        }

        var correct = Labels.Sum(l => confusion[l][l]);
        return new ToneEvaluation(
            rows.Count,
            Math.Round(perLabel.Values.Average(s => s.F1), 4),
            rows.Count == 0 ? 0 : Math.Round((double)correct / rows.Count, 4),
            perLabel,
            confusion.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value));
    }

    public static string FormatTable(ToneEvaluation evaluation)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"messages: {evaluation.N}   accuracy: {evaluation.Accuracy:0.000}   macro-F1: {evaluation.MacroF1:0.000}");
        s.AppendLine();
        s.AppendLine("label      precision  recall  f1     support");
        foreach (var (label, scores) in evaluation.PerLabel)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{label,-10} {scores.Precision,9:0.000}  {scores.Recall,6:0.000}  {scores.F1,5:0.000}  {scores.Support,7}");
        }

        s.AppendLine();
        s.AppendLine("confusion (rows gold, columns predicted)");
        s.AppendLine("           ok  concern  hurtful");
        foreach (var (gold, row) in evaluation.Confusion)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{gold,-10} {row["ok"],3}  {row["concern"],7}  {row["hurtful"],7}");
        }

        return s.ToString();
    }
}
