using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KlassenouderBot.Data;

// Names match Data/Migrations/*/0001_initial.sql; MigrationScriptTests fails when they drift.

internal sealed class ConversationLinkConfiguration : IEntityTypeConfiguration<ConversationLink>
{
    public void Configure(EntityTypeBuilder<ConversationLink> builder)
    {
        builder.ToTable("conversation_links");
        builder.HasKey(l => new { l.Platform, l.ConversationId });
        builder.Property(l => l.Platform).HasColumnName("platform").HasConversion<SnakeCaseEnumConverter<Platform>>();
        builder.Property(l => l.ConversationId).HasColumnName("conversation_id");
        builder.Property(l => l.Groep).HasColumnName("groep");
        builder.Property(l => l.Title).HasColumnName("title");
        builder.Property(l => l.LinkedAt).HasColumnName("linked_at");
    }
}

internal sealed class InterventionRecordConfiguration : IEntityTypeConfiguration<InterventionRecord>
{
    public void Configure(EntityTypeBuilder<InterventionRecord> builder)
    {
        builder.ToTable("interventions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(i => i.Kind).HasColumnName("kind").HasConversion<SnakeCaseEnumConverter<InterventionKind>>();
        builder.Property(i => i.ConversationKey).HasColumnName("conversation_key");
        builder.Property(i => i.Groep).HasColumnName("groep");
        builder.Property(i => i.RecipientLabel).HasColumnName("recipient_label");
        builder.Property(i => i.Topic).HasColumnName("topic");
        builder.Property(i => i.CreatedAt).HasColumnName("created_at");
        builder.Property(i => i.DeliveredAt).HasColumnName("delivered_at");
        builder.Property(i => i.FailureReason).HasColumnName("failure_reason");
        builder.Property(i => i.Attempts).HasColumnName("attempts");
        builder.Property(i => i.SendAfter).HasColumnName("send_after");
        builder.Property(i => i.PendingDelivery).HasColumnName("pending_delivery");
        builder.Property(i => i.LeaseUntil).HasColumnName("lease_until");
        builder.Property(i => i.AttemptStartedAt).HasColumnName("attempt_started_at");
        builder.Property(i => i.DeadLetteredAt).HasColumnName("dead_lettered_at");
        builder.Property(i => i.DismissedAt).HasColumnName("dismissed_at");
        builder.HasIndex(i => i.DeadLetteredAt).HasDatabaseName("ix_interventions_dead_lettered_at");
        builder.HasIndex(i => i.SendAfter).HasDatabaseName("ix_interventions_send_after");
        builder.HasIndex(i => i.CreatedAt).HasDatabaseName("ix_interventions_created_at");
    }
}

internal sealed class AlertRecordConfiguration : IEntityTypeConfiguration<AlertRecord>
{
    public void Configure(EntityTypeBuilder<AlertRecord> builder)
    {
        builder.ToTable("alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ConversationKey).HasColumnName("conversation_key");
        builder.Property(a => a.Groep).HasColumnName("groep");
        builder.Property(a => a.Level).HasColumnName("level").HasConversion<SnakeCaseEnumConverter<EscalationLevel>>();
        builder.Property(a => a.Severe).HasColumnName("severe");
        builder.Property(a => a.ParentCount).HasColumnName("parent_count");
        builder.Property(a => a.Topic).HasColumnName("topic");
        builder.Property(a => a.WindowStart).HasColumnName("window_start");
        builder.Property(a => a.WindowEnd).HasColumnName("window_end");
        builder.Property(a => a.Summary).HasColumnName("summary");
        builder.Property(a => a.SuggestedStep).HasColumnName("suggested_step");
        builder.Property(a => a.Signals).HasColumnName("signals");
        builder.Property(a => a.Excerpts).HasColumnName("excerpts");
        builder.Property(a => a.RecipientLabel).HasColumnName("recipient_label");
        builder.Property(a => a.RecipientRole).HasColumnName("recipient_role");
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<SnakeCaseEnumConverter<AlertStatus>>();
        builder.Property(a => a.HandledBy).HasColumnName("handled_by");
        builder.Property(a => a.HandledAt).HasColumnName("handled_at");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.DeliveredAt).HasColumnName("delivered_at");
        builder.Property(a => a.FailureReason).HasColumnName("failure_reason");
        builder.HasIndex(a => a.CreatedAt).HasDatabaseName("ix_alerts_created_at");
        builder.HasIndex(a => new { a.Status, a.Groep }).HasDatabaseName("ix_alerts_status_groep");
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.Actor).HasColumnName("actor");
        builder.Property(a => a.Action).HasColumnName("action");
        builder.Property(a => a.TargetType).HasColumnName("target_type");
        builder.Property(a => a.TargetId).HasColumnName("target_id");
        builder.Property(a => a.OccurredAt).HasColumnName("occurred_at");
        builder.HasIndex(a => new { a.TargetType, a.TargetId }).HasDatabaseName("ix_audit_entries_target");
    }
}

internal sealed class FaqAnswerRecordConfiguration : IEntityTypeConfiguration<FaqAnswerRecord>
{
    public void Configure(EntityTypeBuilder<FaqAnswerRecord> builder)
    {
        builder.ToTable("faq_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ConversationKey).HasColumnName("conversation_key");
        builder.Property(a => a.Groep).HasColumnName("groep");
        builder.Property(a => a.FaqId).HasColumnName("faq_id");
        builder.Property(a => a.Source).HasColumnName("source");
        builder.Property(a => a.Answered).HasColumnName("answered");
        builder.Property(a => a.Confidence).HasColumnName("confidence");
        builder.Property(a => a.NotHelpfulAt).HasColumnName("not_helpful_at");
        builder.Property(a => a.MissedQuestion).HasColumnName("missed_question");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.HasIndex(a => a.CreatedAt).HasDatabaseName("ix_faq_answers_created_at");
        builder.HasIndex(a => new { a.ConversationKey, a.CreatedAt }).HasDatabaseName("ix_faq_answers_conversation");
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.Email).HasColumnName("email");
        builder.Property(a => a.NormalizedEmail).HasColumnName("normalized_email");
        builder.Property(a => a.DisplayName).HasColumnName("display_name");
        builder.Property(a => a.PasswordHash).HasColumnName("password_hash");
        builder.Property(a => a.SecurityStamp).HasColumnName("security_stamp");
        builder.Property(a => a.Role).HasColumnName("role").HasConversion<SnakeCaseEnumConverter<AccountRole>>();
        builder.Property(a => a.Groepen).HasColumnName("groepen");
        builder.Property(a => a.AccessFailedCount).HasColumnName("access_failed_count");
        builder.Property(a => a.LockoutEnd).HasColumnName("lockout_end");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Ignore(a => a.GroepList);
        builder.HasIndex(a => a.NormalizedEmail).IsUnique().HasDatabaseName("ux_accounts_normalized_email");
    }
}

internal sealed class SchoolDocumentRecordConfiguration : IEntityTypeConfiguration<SchoolDocumentRecord>
{
    public void Configure(EntityTypeBuilder<SchoolDocumentRecord> builder)
    {
        builder.ToTable("school_documents");
        builder.HasKey(d => d.Version);
        builder.Property(d => d.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(d => d.Yaml).HasColumnName("yaml");
        builder.Property(d => d.SourcePath).HasColumnName("source_path");
        builder.Property(d => d.SourceSha256).HasColumnName("source_sha256");
        builder.Property(d => d.GuideId).HasColumnName("guide_id");
        builder.Property(d => d.Change).HasColumnName("change");
        builder.Property(d => d.ChangedBy).HasColumnName("changed_by");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
    }
}

internal sealed class SchoolGuideRecordConfiguration : IEntityTypeConfiguration<SchoolGuideRecord>
{
    public void Configure(EntityTypeBuilder<SchoolGuideRecord> builder)
    {
        builder.ToTable("school_guides");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(g => g.FileName).HasColumnName("file_name");
        builder.Property(g => g.Content).HasColumnName("content");
        builder.Property(g => g.CreatedBy).HasColumnName("created_by");
        builder.Property(g => g.CreatedAt).HasColumnName("created_at");
    }
}

internal sealed class DataProtectionKeyRecordConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(k => k.FriendlyName).HasColumnName("friendly_name");
        builder.Property(k => k.Xml).HasColumnName("xml");
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
    }
}

internal sealed class ProcessedMessageRecordConfiguration : IEntityTypeConfiguration<ProcessedMessageRecord>
{
    public void Configure(EntityTypeBuilder<ProcessedMessageRecord> builder)
    {
        builder.ToTable("processed_messages");
        builder.HasKey(p => p.Key);
        builder.Property(p => p.Key).HasColumnName("key");
        builder.Property(p => p.ClaimedAt).HasColumnName("claimed_at");
        builder.HasIndex(p => p.ClaimedAt).HasDatabaseName("ix_processed_messages_claimed_at");
    }
}

internal sealed class ConversationStateRecordConfiguration : IEntityTypeConfiguration<ConversationStateRecord>
{
    public void Configure(EntityTypeBuilder<ConversationStateRecord> builder)
    {
        builder.ToTable("conversation_states");
        builder.HasKey(c => c.ConversationKey);
        builder.Property(c => c.ConversationKey).HasColumnName("conversation_key");
        builder.Property(c => c.State).HasColumnName("state");
        builder.Property(c => c.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(c => c.UpdatedAt).HasDatabaseName("ix_conversation_states_updated_at");
    }
}

internal sealed class DiscordSessionRecordConfiguration : IEntityTypeConfiguration<DiscordSessionRecord>
{
    public void Configure(EntityTypeBuilder<DiscordSessionRecord> builder)
    {
        builder.ToTable("discord_sessions");
        builder.HasKey(s => s.ShardId);

        // The shard id is Discord's number, never one the database makes up (shard 0 included).
        builder.Property(s => s.ShardId).HasColumnName("shard_id").ValueGeneratedNever();
        builder.Property(s => s.State).HasColumnName("state");
        builder.Property(s => s.SavedAt).HasColumnName("saved_at");
    }
}
