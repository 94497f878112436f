using System.Text.Json;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Platforms.Discord.Gateway;

/// <summary>Where a shard hands its dispatches. Called on the receive loop: read what is needed and queue the work.</summary>
internal interface IGatewayEvents
{
    /// <summary>READY: who the bot is and which servers it is in.</summary>
    void OnReady(int shardId, ReadyData ready);

    /// <summary>Any other dispatch, in sequence order.</summary>
    ValueTask OnDispatchAsync(int shardId, string eventName, JsonElement data, CancellationToken cancellationToken);
}
