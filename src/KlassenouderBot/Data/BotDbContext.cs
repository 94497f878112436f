using KlassenouderBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Data;

/// <summary>
/// One model for SQLite and PostgreSQL. The schema itself comes from the SQL scripts in
/// <c>Data/Migrations</c>, not from EF: every name here is spelled out so the two can be compared
/// (and a test does).
/// </summary>
public sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
    public DbSet<ConversationLink> ConversationLinks => Set<ConversationLink>();

    public DbSet<InterventionRecord> Interventions => Set<InterventionRecord>();

    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<FaqAnswerRecord> FaqAnswers => Set<FaqAnswerRecord>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<SchoolDocumentRecord> SchoolDocuments => Set<SchoolDocumentRecord>();

    public DbSet<SchoolGuideRecord> SchoolGuides => Set<SchoolGuideRecord>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<ProcessedMessageRecord> ProcessedMessages => Set<ProcessedMessageRecord>();

    public DbSet<ConversationStateRecord> ConversationStates => Set<ConversationStateRecord>();

    public DbSet<DiscordSessionRecord> DiscordSessions => Set<DiscordSessionRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF would store text it cannot order or compare. A fixed-width UTC
        // ISO string sorts like the instant it stands for and stays readable in the sqlite3 shell.
        // PostgreSQL's timestamptz only accepts UTC from Npgsql, and chat timestamps arrive with offsets.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcIsoTextConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BotDbContext).Assembly);
    }
}
