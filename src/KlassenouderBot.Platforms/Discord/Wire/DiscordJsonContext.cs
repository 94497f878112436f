using System.Text.Json;
using System.Text.Json.Serialization;
using KlassenouderBot.Platforms.Discord.Gateway;

namespace KlassenouderBot.Platforms.Discord.Wire;

/// <summary>Source-generated JSON for the Discord wire types: snake_case, nulls left out when writing.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(IdentifyData))]
[JsonSerializable(typeof(ResumeData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(GuildData))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordInteraction))]
[JsonSerializable(typeof(CreateMessage))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(PartialApplication))]
[JsonSerializable(typeof(List<DiscordMember>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(StoredGatewaySession))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
