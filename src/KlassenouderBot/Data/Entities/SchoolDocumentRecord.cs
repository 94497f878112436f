namespace KlassenouderBot.Data.Entities;

/// <summary>One saved version of the school YAML; the highest version is the school the bot runs on.</summary>
public sealed class SchoolDocumentRecord
{
    public required long Version { get; set; }

    public required string Yaml { get; set; }

    /// <summary>The file the school started from: relative paths in the YAML (the guide) resolve against it.</summary>
    public required string SourcePath { get; set; }

    /// <summary>The SHA-256 of that file when the admin app took over, to notice when someone edits the file later.</summary>
    public required string SourceSha256 { get; set; }

    public Guid? GuideId { get; set; }

    /// <summary>What changed, e.g. <c>faq.saved ziekmelden</c> or <c>guide.uploaded schoolgids.docx</c>.</summary>
    public required string Change { get; set; }

    public required string ChangedBy { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A school guide uploaded in the admin app (Markdown or Word), stored whole.</summary>
public sealed class SchoolGuideRecord
{
    public required Guid Id { get; set; }

    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    public required string CreatedBy { get; set; }

    public required DateTimeOffset CreatedAt { get; set; }
}
