using System.Text.Json;
using System.Text.Json.Serialization;

namespace KlassenouderBot.Platforms.Teams;

/// <summary>Source-generated JSON for the Bot Framework wire types: camelCase, nulls left out.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(List<TeamsChannelAccount>))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(Auth.TokenResponse))]
[JsonSerializable(typeof(string))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
