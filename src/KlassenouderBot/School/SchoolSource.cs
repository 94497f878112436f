namespace KlassenouderBot.School;

/// <summary>A school guide uploaded in the admin app, kept in the database rather than beside the YAML file.</summary>
public sealed record StoredGuide(Guid Id, string FileName, byte[] Content);

/// <summary>
/// The school as it stands: the parsed configuration, the YAML it came from (what the admin app edits and
/// exports), the uploaded guide if any, and a version that only grows (0 = the file read at start-up).
/// </summary>
public sealed record SchoolSnapshot(SchoolConfiguration School, string Yaml, long Version, StoredGuide? Guide = null);

/// <summary>
/// The one place the running app reads the school from. The admin app changes it while the bot runs, so
/// services read <see cref="Current"/> when they need it instead of keeping the configuration they started
/// with. Versions only move forward: a late or repeated publication of an older version is ignored.
/// </summary>
public sealed class SchoolSource(SchoolSnapshot initial)
{
    private readonly Lock _gate = new();
    private SchoolSnapshot _snapshot = initial;

    /// <summary>Raised after a newer snapshot is published, on the publishing thread.</summary>
    public event Action<SchoolSnapshot>? Changed;

    public SchoolConfiguration Current => Volatile.Read(ref _snapshot).School;

    public SchoolSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>A source that never changes: the command line and tests.</summary>
    public static SchoolSource Fixed(SchoolConfiguration school) => new(new SchoolSnapshot(school, "", 0));

    /// <returns>false when <paramref name="next"/> is not newer than what is published.</returns>
    public bool Publish(SchoolSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            if (next.Version <= _snapshot.Version)
            {
                return false;
            }

            Volatile.Write(ref _snapshot, next);
            Changed?.Invoke(next);
            return true;
        }
    }
}
