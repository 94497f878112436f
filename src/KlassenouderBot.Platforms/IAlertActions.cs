namespace KlassenouderBot.Platforms;

/// <summary>What a class parent can answer on an alert card.</summary>
public enum AlertChoice
{
    /// <summary>"Ik pak het op": I will take this up.</summary>
    Claim,

    /// <summary>"Geen probleem": nothing to act on; counts towards the false-alarm rate.</summary>
    FalseAlarm,

    /// <summary>"Opgelost": it was taken up and is settled (the admin app; from open or taken up).</summary>
    Resolve,
}

/// <summary>A button press on an alert, translated from the platform.</summary>
/// <param name="AlertId">The alert the card was about.</param>
/// <param name="Choice">Which button.</param>
/// <param name="Actor">Who pressed it.</param>
public sealed record AlertAction(string AlertId, AlertChoice Choice, ChatUser Actor);

/// <summary>Stores what a class parent chose on an alert card, so every platform shows the same state.</summary>
public interface IAlertActions
{
    /// <summary>
    /// Applies the choice and returns the alert as it now stands, or null when there is no such alert (or
    /// it was deleted by retention). A second press does not overwrite the first person's choice;
    /// only "resolved" may follow "taken up".
    /// </summary>
    Task<AlertView?> ApplyAsync(AlertAction action, CancellationToken cancellationToken);
}
