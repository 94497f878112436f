using System.Globalization;
using System.Text;
using KlassenouderBot.Moderation;
using KlassenouderBot.School;

namespace KlassenouderBot.Cli;

/// <summary>
/// Scores escalation alerts on labelled threads (CONTRACT, <c>eval-threads</c>): an escalating thread is
/// detected in time when the first class-parent alert comes at most two messages after <c>escalates_at</c>.
/// </summary>
internal static class ThreadEvaluator
{
    public static async Task<ThreadEvaluation> EvaluateAsync(IReadOnlyList<Transcript> threads, SchoolConfiguration school, CancellationToken cancellationToken)
    {
        var results = new List<ThreadResult>();
        var detected = 0;
        var missed = 0;
        var falseAlerts = 0;
        var leads = new List<int>();
        foreach (var thread in threads)
        {
            var actions = await ReplayRunner.RunAsync(thread, school, groep: null, new LocalToneAnalyzer(), cancellationToken);
            var firstAlert = actions.Where(a => a.Action == "alert" && IsClassParent(a.To, school)).Select(a => (int?)a.Index).FirstOrDefault();
            string outcome;
            if (thread.EscalatesAt is { } escalatesAt)
            {
                if (firstAlert is { } alertAt && alertAt <= escalatesAt + 2)
                {
                    detected++;
                    leads.Add(escalatesAt - alertAt);
                    outcome = "detected";
                }
                else
                {
                    missed++;
                    outcome = firstAlert is null ? "missed" : "late";
                }
            }
            else if (firstAlert is not null)
            {
                falseAlerts++;
                outcome = "false_alert";
            }
            else
            {
                outcome = "calm";
            }

            results.Add(new ThreadResult(thread.Id, thread.EscalatesAt, firstAlert, outcome));
        }

        var escalating = threads.Count(t => t.EscalatesAt is not null);
        return new ThreadEvaluation(
            threads.Count,
            escalating,
            threads.Count - escalating,
            detected,
            missed,
            falseAlerts,
            leads.Count == 0 ? 0 : Math.Round(leads.Average(), 3))
        {
            Details = results,
        };
    }

    private static bool IsClassParent(string recipient, SchoolConfiguration school) =>
        recipient == AlertRoles.ClassParent || school.Classes.Any(c => c.ClassParent?.Name == recipient);

    public static string FormatTable(ThreadEvaluation evaluation)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"threads: {evaluation.Threads} ({evaluation.Escalating} escalating, {evaluation.Calm} calm)");
        s.AppendLine(CultureInfo.InvariantCulture, $"detected in time: {evaluation.DetectedInTime}/{evaluation.Escalating}   missed: {evaluation.Missed}   false alerts: {evaluation.FalseAlerts}/{evaluation.Calm}   mean lead: {evaluation.MeanLeadMessages:0.00} messages");
        if (evaluation.Details is { } details)
        {
            s.AppendLine();
            foreach (var d in details)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"{d.Id,-10} escalates_at={d.EscalatesAt?.ToString(CultureInfo.InvariantCulture) ?? "-",-4} first_alert={d.FirstAlert?.ToString(CultureInfo.InvariantCulture) ?? "-",-4} {d.Outcome}");
            }
        }

        return s.ToString();
    }
}
