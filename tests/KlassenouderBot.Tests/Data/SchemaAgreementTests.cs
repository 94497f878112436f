using System.Text.RegularExpressions;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Platforms;
using Microsoft.EntityFrameworkCore;

namespace KlassenouderBot.Tests.Data;

/// <summary>The EF model and the hand-written SQL scripts must describe the same tables.</summary>
public sealed partial class SchemaAgreementTests
{
    [Fact]
    public async Task SqliteScripts_AfterMigration_MatchEveryTableColumnNullabilityAndKey()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateDbContext();

        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var columns = await database.QueryAsync(
                r => (Name: r.GetString(1), NotNull: r.GetInt64(3) == 1, PrimaryKeyOrdinal: r.GetInt64(5)),
                $"SELECT * FROM pragma_table_info('{table.Name}')");

            columns.Should().NotBeEmpty($"the scripts should create table {table.Name}");
            columns.Select(c => c.Name).Should().BeEquivalentTo(table.Columns.Select(c => c.Name), $"columns of {table.Name}");
            foreach (var column in table.Columns)
            {
                columns.Single(c => c.Name == column.Name).NotNull
                    .Should().Be(!column.IsNullable, $"{table.Name}.{column.Name} nullability");
            }

            columns.Where(c => c.PrimaryKeyOrdinal > 0).OrderBy(c => c.PrimaryKeyOrdinal).Select(c => c.Name)
                .Should().Equal(table.PrimaryKey!.Columns.Select(c => c.Name), $"primary key of {table.Name}");
        }
    }

    [Fact]
    public async Task PostgresScripts_Parsed_DeclareTheModelsTablesAndColumns()
    {
        await using var database = SqliteTestDatabase.CreateEmpty();
        await using var db = database.CreateDbContext();
        var declared = ParseCreateTables(string.Concat(MigrationScripts.For(StorageProvider.Postgres).Select(s => s.Sql)));

        var model = db.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, t => t.Columns.Select(c => c.Name).ToList());

        declared.Keys.Should().BeEquivalentTo(model.Keys);
        foreach (var (table, columns) in model)
        {
            declared[table].Should().BeEquivalentTo(columns, $"columns of {table}");
        }
    }

    [Fact]
    public async Task EveryEntity_InsertedThroughEf_ReadsBackUnchanged()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var at = new DateTimeOffset(2025, 3, 10, 9, 30, 15, TimeSpan.FromHours(1)).AddTicks(1234567);
        var link = new ConversationLink { Platform = Platform.Discord, ConversationId = "123", Groep = "5", Title = "Groep 5 ouders", LinkedAt = at };
        var intervention = new InterventionRecord
        {
            Id = Guid.NewGuid(), Kind = InterventionKind.PrivateNudge, ConversationKey = "Discord:123", Groep = "5",
            RecipientLabel = "author", Topic = "schoolreis", CreatedAt = at, DeliveredAt = at.AddSeconds(1), Attempts = 1,
        };
        var alert = NewAlert(at);
        var audit = new AuditEntry { Id = Guid.NewGuid(), Actor = "admin@school.nl", Action = "alert.claimed", TargetType = "alert", TargetId = alert.Id.ToString(), OccurredAt = at };

        await using (var db = database.CreateDbContext())
        {
            db.AddRange(link, intervention, alert, audit);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            (await db.ConversationLinks.SingleAsync()).Should().BeEquivalentTo(link);
            (await db.Interventions.SingleAsync()).Should().BeEquivalentTo(intervention);
            (await db.Alerts.SingleAsync()).Should().BeEquivalentTo(alert);
            (await db.AuditEntries.SingleAsync()).Should().BeEquivalentTo(audit);
        }
    }

    [Fact]
    public async Task Instants_WithDifferentOffsets_OrderAndFilterByTheInstant()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        var utc = new DateTimeOffset(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var earlierInAmsterdam = new DateTimeOffset(2025, 3, 10, 8, 30, 0, TimeSpan.FromHours(1)); // 07:30Z
        await using (var db = database.CreateDbContext())
        {
            db.Alerts.AddRange(NewAlert(utc, "later"), NewAlert(earlierInAmsterdam, "earlier"));
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            var ordered = await db.Alerts.OrderBy(a => a.CreatedAt).Select(a => a.Topic).ToListAsync();
            var before = await db.Alerts.Where(a => a.CreatedAt < utc).Select(a => a.Topic).ToListAsync();

            ordered.Should().Equal("earlier", "later");
            before.Should().Equal("earlier");
        }
    }

    [Fact]
    public async Task Enums_Stored_AsSnakeCaseText()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateDbContext())
        {
            var alert = NewAlert(DateTimeOffset.UnixEpoch);
            alert.Status = AlertStatus.FalseAlarm;
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
        }

        var row = await database.QueryAsync(r => (Status: r.GetString(0), Level: r.GetString(1)), "SELECT status, level FROM alerts");

        row.Single().Should().Be(("false_alarm", "escalated"));
    }

    internal static AlertRecord NewAlert(DateTimeOffset createdAt, string topic = "schoolreis") => new()
    {
        Id = Guid.NewGuid(),
        ConversationKey = "Teams:19:abc",
        Groep = "5",
        Level = EscalationLevel.Escalated,
        Severe = false,
        ParentCount = 3,
        Topic = topic,
        WindowStart = createdAt.AddMinutes(-20),
        WindowEnd = createdAt,
        Summary = "Drie ouders reageren fel op elkaar over de schoolreis.",
        SuggestedStep = "Stuur een rustig bericht in de groep.",
        Signals = "insult,gang_up",
        Excerpts = null,
        RecipientLabel = "klassenouder",
        CreatedAt = createdAt,
    };

    private static Dictionary<string, List<string>> ParseCreateTables(string sql)
    {
        var tables = new Dictionary<string, List<string>>();
        foreach (Match table in CreateTablePattern().Matches(sql))
        {
            tables[table.Groups["name"].Value] = table.Groups["body"].Value
                .Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && ColumnLinePattern().IsMatch(line))
                .Select(line => line.Split(' ')[0])
                .ToList();
        }

        // Later scripts add columns to tables made earlier.
        foreach (Match added in AddColumnPattern().Matches(sql))
        {
            tables[added.Groups["table"].Value].Add(added.Groups["column"].Value);
        }

        // ... and rename some (after they were added).
        foreach (Match renamed in RenameColumnPattern().Matches(sql))
        {
            var columns = tables[renamed.Groups["table"].Value];
            columns[columns.IndexOf(renamed.Groups["from"].Value)] = renamed.Groups["to"].Value;
        }

        return tables;
    }

    [GeneratedRegex(@"CREATE TABLE (?<name>\w+) \((?<body>.*?)\n\);", RegexOptions.Singleline)]
    private static partial Regex CreateTablePattern();

    [GeneratedRegex(@"ALTER TABLE (?<table>\w+) ADD COLUMN (?<column>[a-z_0-9]+) ")]
    private static partial Regex AddColumnPattern();

    [GeneratedRegex(@"ALTER TABLE (?<table>\w+) RENAME COLUMN (?<from>[a-z_0-9]+) TO (?<to>[a-z_0-9]+);")]
    private static partial Regex RenameColumnPattern();

    // A column line starts with a lower-case name followed by a type; PRIMARY KEY, CHECK etc. do not.
    [GeneratedRegex(@"^[a-z_0-9]+\s+(text|uuid|integer|bigint|boolean|timestamptz|float8|double precision|bytea)\b")]
    private static partial Regex ColumnLinePattern();
}
