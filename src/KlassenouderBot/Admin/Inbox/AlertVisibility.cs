using KlassenouderBot.Admin.Accounts;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.School;

namespace KlassenouderBot.Admin.Inbox;

/// <summary>
/// Which alert copies an account sees. One escalation is stored once per recipient (the class parent's copy,
/// the teacher's), each with its own state as on its own card. A school admin sees them all; a class parent the
/// class parent's copies of their groepen, a teacher the teacher's. Copies stored before roles were kept (role
/// empty) are shown to both.
/// </summary>
internal static class AlertVisibility
{
    public static IQueryable<AlertRecord> VisibleTo(this IQueryable<AlertRecord> alerts, CurrentAccount account)
    {
        if (account.IsSchoolAdmin)
        {
            return alerts;
        }

        var groepen = account.Groepen.ToArray();
        var role = RoleOf(account);
        return alerts.Where(a => a.Groep != null && groepen.Contains(a.Groep) && (a.RecipientRole == role || a.RecipientRole == ""));
    }

    public static bool CanSee(this CurrentAccount account, AlertRecord alert) =>
        account.IsSchoolAdmin || (account.CanSee(alert.Groep) && (alert.RecipientRole.Length == 0 || alert.RecipientRole == RoleOf(account)));

    private static string RoleOf(CurrentAccount account) => account.Role == AccountRole.Teacher ? AlertRoles.Teacher : AlertRoles.ClassParent;
}
