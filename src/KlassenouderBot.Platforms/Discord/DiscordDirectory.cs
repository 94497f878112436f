using System.Collections.Concurrent;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord;

/// <summary>
/// What the gateway has told the bot about itself and its servers, in memory only: the bot's own user and
/// application id (from READY), the servers it was in at READY (a GUILD_CREATE for any other server means it
/// was just added), channel names for titles, and which channel a thread hangs under (a thread's messages
/// count towards its channel's conversation, as a Teams reply thread does).
/// </summary>
internal sealed class DiscordDirectory
{
    private readonly ConcurrentDictionary<string, ChannelInfo> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _knownGuilds = new(StringComparer.Ordinal);

    public string? BotUserId { get; private set; }

    public string? BotName { get; private set; }

    public string? ApplicationId { get; private set; }

    public void OnReady(ReadyData ready)
    {
        BotUserId = ready.User?.Id ?? BotUserId;
        BotName = ready.User?.GlobalName ?? ready.User?.Username ?? BotName;
        ApplicationId = ready.Application?.Id ?? ApplicationId;
        foreach (var guild in ready.Guilds ?? [])
        {
            if (guild.Id is { Length: > 0 } id)
            {
                _knownGuilds.TryAdd(id, 0);
            }
        }
    }

    /// <summary>Records a server's channels; true when the server is new to the bot (it was just added).</summary>
    public bool OnGuildCreate(GuildData guild)
    {
        if (guild.Id is not { Length: > 0 } guildId)
        {
            return false;
        }

        foreach (var channel in (guild.Channels ?? []).Concat(guild.Threads ?? []))
        {
            channel.GuildId ??= guildId;
            OnChannel(channel);
        }

        return _knownGuilds.TryAdd(guildId, 0);
    }

    public void OnChannel(DiscordChannel channel)
    {
        if (channel.Id is { Length: > 0 } id)
        {
            _channels[id] = new ChannelInfo(channel.GuildId, channel.Name, channel.ParentId, channel.Type);
        }
    }

    public void OnChannelDeleted(DiscordChannel channel)
    {
        if (channel.Id is { Length: > 0 } id)
        {
            _channels.TryRemove(id, out _);
        }
    }

    public void OnGuildDeleted(string guildId, bool stillMember)
    {
        if (stillMember)
        {
            return; // an outage, not a removal
        }

        _knownGuilds.TryRemove(guildId, out _);
        foreach (var (id, info) in _channels)
        {
            if (info.GuildId == guildId)
            {
                _channels.TryRemove(id, out _);
            }
        }
    }

    /// <summary>
    /// What is known about the bot and the servers <paramref name="ownsGuild"/> picks (one shard's), kept with the
    /// shard's session over a restart: a resumed session gets no READY and no GUILD_CREATE again.
    /// </summary>
    public DirectorySnapshot Capture(Func<string, bool> ownsGuild) => new()
    {
        BotUserId = BotUserId,
        BotName = BotName,
        ApplicationId = ApplicationId,
        Guilds = [.. _knownGuilds.Keys.Where(ownsGuild)],
        Channels =
        [
            .. _channels
                .Where(entry => entry.Value.GuildId is { } guildId && ownsGuild(guildId))
                .Select(entry => new DiscordChannel { Id = entry.Key, GuildId = entry.Value.GuildId, Name = entry.Value.Name, ParentId = entry.Value.ParentId, Type = entry.Value.Type }),
        ],
    };

    /// <summary>Puts back what <see cref="Capture"/> kept, as READY and GUILD_CREATE would have; what is known already stays.</summary>
    public void Restore(DirectorySnapshot snapshot)
    {
        BotUserId ??= snapshot.BotUserId;
        BotName ??= snapshot.BotName;
        ApplicationId ??= snapshot.ApplicationId;
        foreach (var guildId in snapshot.Guilds)
        {
            _knownGuilds.TryAdd(guildId, 0);
        }

        foreach (var channel in snapshot.Channels)
        {
            if (channel.Id is { Length: > 0 } id)
            {
                _channels.TryAdd(id, new ChannelInfo(channel.GuildId, channel.Name, channel.ParentId, channel.Type));
            }
        }
    }

    /// <summary>The channel whose conversation a message belongs to: the parent for a thread, else itself.</summary>
    public string ConversationChannel(string channelId) =>
        _channels.TryGetValue(channelId, out var info) && IsThread(info.Type) && info.ParentId is { Length: > 0 } parent ? parent : channelId;

    public string? ChannelName(string channelId) => _channels.TryGetValue(channelId, out var info) ? info.Name : null;

    /// <summary>Announcement, public and private threads (channel types 10–12).</summary>
    private static bool IsThread(int type) => type is 10 or 11 or 12;

    private sealed record ChannelInfo(string? GuildId, string? Name, string? ParentId, int Type);
}

/// <summary>One shard's part of <see cref="DiscordDirectory"/>, as kept over a restart.</summary>
internal sealed class DirectorySnapshot
{
    public string? BotUserId { get; set; }

    public string? BotName { get; set; }

    public string? ApplicationId { get; set; }

    public List<string> Guilds { get; set; } = [];

    public List<DiscordChannel> Channels { get; set; } = [];
}
