using KlassenouderBot.School;

namespace KlassenouderBot.Faq;

/// <summary>How an answer is said: the school's text with where it comes from, or, when the bot is not sure, who to ask.</summary>
public static class FaqReplies
{
    /// <summary>What the bot says to a question: the answer with its source, or who to ask.</summary>
    public static string Say(FaqResult result, SchoolConfiguration school, string? groep) =>
        result.Answered ? Answer(result, school) : WhoToAsk(result, school, groep);

    /// <summary>What the bot says after "did not help": thanks when it was stored, else that the answer is gone.</summary>
    public static string Feedback(bool stored) => stored ? ThanksForFeedback : FeedbackTooLate;

    /// <summary>The answer with its source line, in the question's language.</summary>
    public static string Answer(FaqResult result, SchoolConfiguration school)
    {
        var source = result.Source is { Length: > 0 } heading
            ? (result.English ? $"Source: school guide, {heading}" : $"Bron: schoolgids, {heading}")
            : (result.English ? $"Source: {school.Name} FAQ" : $"Bron: veelgestelde vragen van {school.Name}");
        var note = result.English && result.FaqId is null ? " (the school guide is in Dutch)" : "";
        return $"{result.Answer}\n({source}){note}";
    }

    /// <summary>Not sure: no guess, but the person to ask (the class's teacher when the groep is known) and the office.</summary>
    public static string WhoToAsk(FaqResult result, SchoolConfiguration school, string? groep)
    {
        var teacher = groep is not null && school.FindClass(groep)?.Teachers is { Count: > 0 } teachers ? teachers[0].Name : null;
        var office = school.Email is { Length: > 0 } email ? email : school.Phone;
        if (result.English)
        {
            var person = teacher is null ? "your child's teacher" : $"the teacher, {teacher} (groep {groep}),";
            return $"I'm not sure about that one, and I'd rather not guess. Please ask {person}{(office is null ? "" : $" or the school office: {office}")}.";
        }

        var dutchPerson = teacher is null ? "de leerkracht van je kind" : $"de leerkracht, {teacher} (groep {groep}),";
        return $"Daar weet ik geen zeker antwoord op, en ik gok liever niet. Vraag het {dutchPerson}{(office is null ? "" : $" of neem contact op met school: {office}")}.";
    }

    public const string ThanksForFeedback =
        "Dank je! Ik geef aan school door dat dit antwoord niet hielp. Vraag het gerust ook de leerkracht. (Thanks, I'll let the school know.)";

    public const string FeedbackTooLate =
        "Dat antwoord kan ik niet meer terugvinden. Vraag het gerust de leerkracht. (I can no longer find that answer.)";
}
