using System.Text.Json.Serialization;

namespace KlassenouderBot.Data;

/// <summary>Alert excerpts are stored as a JSON array: quotes can contain commas and newlines.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
