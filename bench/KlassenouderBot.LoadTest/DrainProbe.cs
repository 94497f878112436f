using System.Collections.Concurrent;
using KlassenouderBot.IntegrationTests.Teams.Fakes;

namespace KlassenouderBot.LoadTest;

/// <summary>
/// Proves the engine has processed everything sent so far. The app answers 200 once a message is queued,
/// and each conversation's work runs in order; so "@KlassenouderBot help" in every conversation, and the
/// bot's reply to each arriving at the fake connector, means every earlier message was processed.
/// Everything else the bot said meanwhile is counted as the phase's bot traffic.
/// </summary>
internal sealed class DrainProbe(FakeBotConnector connector)
{
    private int _cursor;

    /// <summary>Sends the help commands and waits for every reply, or until <paramref name="timeout"/>.</summary>
    public async Task<DrainResult> DrainAsync(ClassChats chats, IEnumerable<int> chatIndexes, ActivityPoster poster, int concurrency, TimeSpan timeout)
    {
        var traffic = new BotTraffic();
        var pending = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var refused = 0;
        var started = TimeProvider.System.GetTimestamp();
        await Parallel.ForEachAsync(chatIndexes, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (chat, cancellationToken) =>
        {
            var body = chats.HelpCommand(chat, out var id);
            pending[id] = chat;
            var status = await poster.PostAsync(body, cancellationToken);
            if (status is < 200 or > 299)
            {
                Interlocked.Increment(ref refused);
                pending.TryRemove(id, out _);
            }
        });

        DateTimeOffset? lastReply = null;
        while (true)
        {
            foreach (var request in TakeNew())
            {
                if (request.Operation == ConnectorOperation.ReplyToActivity && request.ActivityId is { } answered && pending.TryRemove(answered, out _))
                {
                    lastReply = lastReply is { } last && last > request.ReceivedAt ? last : request.ReceivedAt;
                }
                else
                {
                    traffic.Count(request);
                }
            }

            if (pending.IsEmpty)
            {
                return new DrainResult(lastReply, false, refused, traffic);
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                return new DrainResult(lastReply, true, refused + pending.Count, traffic);
            }

            // The reply's own arrival time counts, not this poll's; polling slowly keeps the copies of the
            // connector's request list (it grows with every reply) cheap.
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }

    private List<RecordedRequest> TakeNew()
    {
        var all = connector.Requests;
        var fresh = all.Skip(_cursor).ToList();
        _cursor = all.Count;
        return fresh;
    }
}

/// <summary>
/// How the drain ended: the time the connector got the last help reply, whether it timed out, and how many
/// help commands the app refused or never answered.
/// </summary>
internal sealed record DrainResult(DateTimeOffset? LastReply, bool TimedOut, int Unanswered, BotTraffic Traffic);

/// <summary>What the bot sent the connector during a phase, help replies aside.</summary>
internal sealed class BotTraffic
{
    /// <summary>Messages and cards written into a chat: nudges, group messages, alerts, FAQ answers.</summary>
    public int Messages { get; private set; }

    /// <summary>1:1 chats opened (before a first nudge or alert to someone).</summary>
    public int ChatsOpened { get; private set; }

    /// <summary>Roster look-ups (finding an alert's recipient, a link command's requester).</summary>
    public int RosterReads { get; private set; }

    /// <summary>What counts against the bot's send limit: messages and 1:1 chats opened.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Sends => Messages + ChatsOpened;

    /// <summary>Calls the fake answered with an error.</summary>
    public int Failed { get; private set; }

    public void Count(RecordedRequest request)
    {
        if (request.IsActivityWrite)
        {
            Messages++;
        }
        else if (request.Operation == ConnectorOperation.CreateConversation)
        {
            ChatsOpened++;
        }
        else if (request.IsRosterRead)
        {
            RosterReads++;
        }

        if (!request.Succeeded)
        {
            Failed++;
        }
    }
}
