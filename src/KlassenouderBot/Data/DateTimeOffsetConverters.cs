using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KlassenouderBot.Data;

/// <summary>Stores an instant as <c>2025-01-31T07:05:00.0000000Z</c>: fixed width, so text order is time order.</summary>
internal sealed class UtcIsoTextConverter() : ValueConverter<DateTimeOffset, string>(
    value => ToText(value),
    text => FromText(text))
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

/// <summary>Normalises to offset zero, the only offset Npgsql writes to <c>timestamptz</c>.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
