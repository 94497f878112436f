using System.Text.Json;
using System.Text.Json.Serialization;

namespace KlassenouderBot.Cli;

/// <summary>One line of a transcript: a whole thread, or a single message.</summary>
internal sealed class TranscriptLine
{
    public string? Id { get; set; }

    [JsonPropertyName("escalates_at")]
    public int? EscalatesAt { get; set; }

    public List<TranscriptMessage>? Messages { get; set; }

    public string? Ts { get; set; }

    public string? Author { get; set; }

    public string? Text { get; set; }
}

internal sealed class TranscriptMessage
{
    public string? Ts { get; set; }

    public string? Author { get; set; }

    public string? Text { get; set; }
}

/// <summary>A thread ready to replay.</summary>
internal sealed record Transcript(string Id, int? EscalatesAt, IReadOnlyList<(DateTimeOffset Time, string Author, string Text)> Messages);

/// <summary>
/// Reads <c>.jsonl</c> transcripts: one thread per line, or one message per line (a single conversation).
/// Every malformed line is reported with its number.
/// </summary>
internal static class TranscriptReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = CliJsonContext.Default };

    public static IReadOnlyList<Transcript> Read(string path)
    {
        var lines = FileInput.ReadLines(path);
        var threads = new List<Transcript>();
        var loose = new List<(DateTimeOffset, string, string)>();
        for (var n = 0; n < lines.Count; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            TranscriptLine? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<TranscriptLine>(line, Options);
            }
            catch (JsonException ex)
            {
                throw new CliUsageException($"{path}:{n + 1}: not a JSON object ({ex.Message.Split('.')[0]})");
            }

            if (parsed is null)
            {
                throw new CliUsageException($"{path}:{n + 1}: not a JSON object");
            }

            if (parsed.Messages is not null)
            {
                var messages = new List<(DateTimeOffset, string, string)>();
                for (var m = 0; m < parsed.Messages.Count; m++)
                {
                    var message = parsed.Messages[m];
                    messages.Add(ToMessage(path, n + 1, $"messages[{m}]", message.Ts, message.Author, message.Text));
                }

                threads.Add(new Transcript(parsed.Id ?? $"line-{n + 1}", parsed.EscalatesAt, messages));
            }
            else
            {
                loose.Add(ToMessage(path, n + 1, "message", parsed.Ts, parsed.Author, parsed.Text));
            }
        }

        if (loose.Count > 0)
        {
            if (threads.Count > 0)
            {
                throw new CliUsageException($"{path}: mixes whole threads and single messages; use one kind per file");
            }

            threads.Add(new Transcript(Path.GetFileNameWithoutExtension(path), null, loose));
        }

        return threads;
    }

    private static (DateTimeOffset, string, string) ToMessage(string path, int line, string what, string? ts, string? author, string? text)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            throw new CliUsageException($"{path}:{line}: {what} has no \"author\"");
        }

        if (text is null)
        {
            throw new CliUsageException($"{path}:{line}: {what} has no \"text\"");
        }

        if (ts is null || !DateTimeOffset.TryParse(ts, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
        {
            throw new CliUsageException($"{path}:{line}: {what} has no valid \"ts\" (ISO-8601, e.g. 2026-01-14T19:02:00+01:00)");
        }

        return (time, author, text);
    }
}
