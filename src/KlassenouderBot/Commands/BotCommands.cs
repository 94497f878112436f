using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Faq;
using KlassenouderBot.Platforms;
using KlassenouderBot.School;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Commands;

/// <summary>
/// Welcome, help, privacy and linking a conversation to a groep, the same on every platform. Linking is
/// for people the school file knows by e-mail (staff, teachers, class parents) or whom the platform
/// vouches for; a parent cannot move a chat to another class's class parent.
/// </summary>
public sealed class BotCommands(
    SchoolSource schoolSource,
    IConversationLinks links,
    IOptions<PrivacyOptions> privacy,
    IDbContextFactory<BotDbContext> contextFactory,
    FaqIndex faq,
    FaqAnswerStore answers,
    TimeProvider timeProvider) : IBotCommands
{
    private SchoolConfiguration School => schoolSource.Current;

    private int RetentionDays => School.Settings.RetentionDays ?? privacy.Value.RetentionDays;

    public string Welcome(ConversationRef conversation) => CommandTexts.Welcome(School.Name, RetentionDays, conversation.Platform);

    public string Help(ConversationRef conversation) => CommandTexts.Help(School.Name, conversation.Platform);

    public string Privacy(ConversationRef conversation) =>
        CommandTexts.Privacy(School.Name, RetentionDays, School.Email is { Length: > 0 } email ? $"Mail de school: {email}." : null);

    public async Task<LinkResult> LinkAsync(ConversationRef conversation, ChatUser requester, string groep, bool platformGrantsManage, CancellationToken cancellationToken)
    {
        if (!platformGrantsManage && !IsKnownToSchool(requester.Email))
        {
            return new LinkResult(false, conversation.Platform == Platform.Discord ? CommandTexts.NotAllowedToLinkDiscord : CommandTexts.NotAllowedToLink);
        }

        var wanted = groep.Replace(" ", "", StringComparison.Ordinal);
        if (School.FindClass(wanted) is not { } classGroup)
        {
            return new LinkResult(false, CommandTexts.UnknownGroep(groep, School.Classes.Select(c => c.Groep)));
        }

        await links.LinkAsync(conversation, classGroup.Groep, cancellationToken);
        await AuditAsync(conversation, requester, cancellationToken);
        return new LinkResult(true, CommandTexts.Linked(classGroup.Groep));
    }

    public async Task<FaqReply> AnswerQuestionAsync(ConversationRef conversation, string question, CancellationToken cancellationToken)
    {
        // The linked groep makes answers that differ per class (gym days) specific, and names the teacher to ask.
        var groep = await links.GetGroepAsync(conversation, cancellationToken);
        var result = faq.Current.Ask(question, groep);
        var answerId = await answers.RecordAsync(conversation, groep, result, question, cancellationToken);
        return new FaqReply(result.Answered, FaqReplies.Say(result, School, groep), answerId.ToString());
    }

    public async Task<string> AnswerNotHelpfulAsync(string answerId, CancellationToken cancellationToken) =>
        FaqReplies.Feedback(Guid.TryParse(answerId, out var id) && await answers.MarkNotHelpfulAsync(id, cancellationToken));

    private bool IsKnownToSchool(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var known = School.Staff.Select(s => s.Email)
            .Concat(School.Classes.SelectMany(c => c.Teachers.Select(t => t.Email)))
            .Concat(School.Classes.Select(c => c.ClassParent?.Email));
        return known.Any(k => string.Equals(k?.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private async Task AuditAsync(ConversationRef conversation, ChatUser requester, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Of($"{requester.DisplayName} ({requester.Email ?? requester.Id})", "link.created", "conversation_link", conversation.Key, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
