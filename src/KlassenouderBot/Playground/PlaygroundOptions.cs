using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Playground;

/// <summary>The local group-chat simulator served at <c>/</c>.</summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Serve the playground page and its API.</summary>
    /// <value>Default: <see langword="true"/> in Development or when listening on loopback only, <see langword="false"/> elsewhere; an explicit value wins.</value>
    public bool Enabled { get; set; }

    /// <summary>How many chat messages, bot posts and private messages each room keeps (each, newest win).</summary>
    /// <value>Default: 200.</value>
    [Range(10, 10_000)]
    public int MaxItemsPerRoom { get; set; } = 200;

    /// <summary>The room that exists from the start.</summary>
    /// <value>Default: <c>groep-5</c>.</value>
    [Required]
    [RegularExpression(PlaygroundRooms.RoomIdPattern)]
    public string DefaultRoom { get; set; } = "groep-5";

    /// <summary>The groep the default room is linked to, when it is not linked yet.</summary>
    /// <value>Default: <c>5</c>.</value>
    [Required]
    public string DefaultGroep { get; set; } = "5";
}

[OptionsValidator]
internal sealed partial class PlaygroundOptionsValidator : IValidateOptions<PlaygroundOptions>;
