using System.Globalization;
using System.Text;
using KlassenouderBot.Faq;

namespace KlassenouderBot.Cli;

/// <summary>One labelled question and what the bot did with it.</summary>
internal sealed record FaqEvaluationRow(string Id, string Expected, string Question, FaqResult Result, bool Correct);

/// <summary>The <c>eval-faq --json</c> shape of the contract, plus the mistakes for <c>--mistakes</c>.</summary>
internal sealed record FaqEvaluation(int N, int Answerable, int Unanswerable, double Top1Accuracy, double AbstainPrecision, double AbstainRecall, int FalseAnswers)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<FaqEvaluationRow> Rows { get; init; } = [];
}

/// <summary>
/// Scores FAQ answering on labelled questions (<c>id, expected, question</c>; expected is a FAQ id,
/// <c>gids:&lt;heading&gt;</c> or <c>none</c>). An answerable question counts as right when the bot answers
/// from that entry (or from that guide heading); top-1 accuracy is over answerable questions.
/// </summary>
internal static class FaqEvaluator
{
    public const string None = "none";
    public const string GuidePrefix = "gids:";

    public static IReadOnlyList<(string Id, string Expected, string Question)> ReadLabelled(string path) =>
        [.. FileInput.ReadThreeColumns(path, "id", "expected", "question").Select(row => row.Second.Trim().Length > 0
            ? (row.First, row.Second.Trim(), row.Third)
            : throw FileInput.ColumnsExpected(path, row.Line, "id", "expected", "question"))];

    public static FaqEvaluation Evaluate(IReadOnlyList<(string Id, string Expected, string Question)> rows, FaqEngine engine)
    {
        var results = rows.Select(row =>
        {
            var result = engine.Ask(row.Question);
            return new FaqEvaluationRow(row.Id, row.Expected, row.Question, result, IsCorrect(row.Expected, result));
        }).ToList();

        var answerable = results.Where(r => r.Expected != None).ToList();
        var unanswerable = results.Where(r => r.Expected == None).ToList();
        var abstained = results.Where(r => !r.Result.Answered).ToList();
        return new FaqEvaluation(
            results.Count,
            answerable.Count,
            unanswerable.Count,
            Ratio(answerable.Count(r => r.Correct), answerable.Count),
            Ratio(abstained.Count(r => r.Expected == None), abstained.Count),
            Ratio(unanswerable.Count(r => !r.Result.Answered), unanswerable.Count),
            unanswerable.Count(r => r.Result.Answered))
        {
            Rows = results,
        };
    }

    /// <summary>
    /// Every candidate of every question with what its confidence was computed from, tab-separated: what the
    /// calibration in <c>Faq/Calibration.cs</c> is fitted on (<c>is_expected</c> is the label).
    /// </summary>
    public static string FormatDetails(FaqEvaluation evaluation)
    {
        var text = new StringBuilder("id\texpected\tcandidate\tis_expected\tpassage\tcoverage\tfocus\trelative\tgap\tunknown\tagrees\tenglish\tlocality\tfits\tconfidence\n");
        foreach (var row in evaluation.Rows)
        {
            foreach (var c in row.Result.Candidates)
            {
                var name = c.IsPassage ? GuidePrefix + c.Name : c.Name;
                var f = c.Features;
                text.Append(CultureInfo.InvariantCulture, $"{row.Id}\t{row.Expected}\t{name}\t{(name == row.Expected ? 1 : 0)}\t{(c.IsPassage ? 1 : 0)}\t{f.Coverage:0.0000}\t{f.Focus:0.0000}\t{f.Relative:0.0000}\t{f.Gap:0.0000}\t{f.Unknown:0.0000}\t{f.Agrees}\t{f.English}\t{f.Locality:0.0000}\t{(c.Confidence > 0 ? 1 : 0)}\t{c.Confidence:0.0000}\n");
            }
        }

        return text.ToString();
    }

    public static string FormatTable(FaqEvaluation evaluation, bool mistakes)
    {
        var text = new StringBuilder();
        text.AppendLine($"questions: {evaluation.N} ({evaluation.Answerable} answerable, {evaluation.Unanswerable} unanswerable)");
        text.AppendLine($"top-1 accuracy (answerable): {evaluation.Top1Accuracy:P1}");
        text.AppendLine($"unanswerable answered: {evaluation.FalseAnswers}/{evaluation.Unanswerable}   abstain precision: {evaluation.AbstainPrecision:P1}   abstain recall: {evaluation.AbstainRecall:P1}");
        if (mistakes)
        {
            foreach (var row in evaluation.Rows.Where(r => !r.Correct && !(r.Expected == None && !r.Result.Answered)))
            {
                var got = row.Result.Answered ? row.Result.FaqId ?? $"{GuidePrefix}{row.Result.Source}" : $"abstain (nearest {row.Result.NearestFaqId})";
                text.AppendLine($"{row.Id}\texpected={row.Expected}\tgot={got}\t{row.Result.Confidence:0.00}\t{row.Question}");
            }
        }

        return text.ToString().TrimEnd();
    }

    private static bool IsCorrect(string expected, FaqResult result) => expected switch
    {
        None => !result.Answered,
        _ when expected.StartsWith(GuidePrefix, StringComparison.Ordinal) =>
            result.Answered && string.Equals(result.Source, expected[GuidePrefix.Length..], StringComparison.OrdinalIgnoreCase),
        _ => result.Answered && string.Equals(result.FaqId, expected, StringComparison.Ordinal),
    };

    /// <summary>Unrounded: the table rounds once when it prints (103/113 rounded first to 0.9115 printed as 91.1 %).</summary>
    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
