using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KlassenouderBot.Data;

/// <summary>
/// Enums as readable snake_case text (<c>false_alarm</c>, <c>private_nudge</c>) rather than numbers,
/// so a row means the same after someone reorders the enum, and reads the same in both databases.
/// </summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCase.From(value.ToString()),
    text => Enum.Parse<TEnum>(text.Replace("_", string.Empty, StringComparison.Ordinal), true))
    where TEnum : struct, Enum;

internal static class SnakeCase
{
    public static string From(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
