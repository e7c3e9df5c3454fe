using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>Which procedure the conversation is about once a message is heard.</summary>
/// <param name="State">The state with the procedures (and those discussed) updated.</param>
/// <param name="NamesOne">The message says which procedure: a name, cues after "which one?", "the other one".</param>
/// <param name="TheOtherOne">It said "and for the other one?".</param>
public sealed record ProcedureHeard(ConversationState State, bool NamesOne, bool TheOtherOne);

/// <summary>
/// Remembers the procedure across turns: a name replaces it, a family word shared with it does not, a
/// denied name is no choice, cues answer "which one?", "the other one" is the other procedure discussed.
/// </summary>
public sealed class ProcedureMemory(ChatContent content, Understander understander, SituationDetector situation)
{
    /// <summary>Enough to tell "my mum's and my dad's" apart, small enough to store every turn.</summary>
    private const int MaxDiscussed = 4;

    /// <param name="statement">No question mark: "c'est pour une vertèbre, une fracture par ostéoporose".</param>
    public ProcedureHeard Hear(
        ConversationState before, ConversationState state, Understanding.Understanding heard, string language,
        bool statement)
    {
        var other = TheOtherOne(before, heard, language);
        IReadOnlyList<string> named = other is not null ? other
            : heard.Procedures.Count > 0 || !ListensForCues(before, heard, statement) ? heard.Procedures
            : understander.Cued(heard, before.Procedures.Count > 0 && !heard.IsCorrection && !OnlyCues(before, heard)
                && !before.ProcedureAssumed ? before.Procedures : AllProcedures);
        if (heard.NamedProcedures.Count > 0)
        {
            var discussed = before.Discussed.Union(heard.NamedProcedures).TakeLast(MaxDiscussed);
            state = state with { Discussed = [.. discussed] };
        }
        if (other is not null) state = state with { Procedures = other, ProcedureAssumed = false };
        else if (named.Count > 0)
        {
            var known = HospitalsFirst(Known(before.Procedures, named), language);
            var narrowed = Narrow(known, language);
            // Still assumed when a family word again meets the procedure assumed before.
            var assumed = narrowed.Count < known.Count
                || (before.ProcedureAssumed && named.Count > 1 && narrowed.SequenceEqual(before.Procedures));
            state = state with { Procedures = narrowed, ProcedureAssumed = assumed };
        }
        else if (heard.DeniedProcedures.Count > 0)
        {
            state = state with { Procedures = [.. before.Procedures.Except(heard.DeniedProcedures)] };
        }
        return new(state, named.Count > 0, other is not null);
    }

    private IReadOnlyList<string> AllProcedures => [.. content.Procedures.Select(p => p.Id)];

    /// <summary>
    /// Cues ("the spine one", "c'est pour le bassin") say which procedure after "which one?", or in a statement
    /// once a word shared by several is known. Not in any question: "when can I go back home?" is no back.
    /// A correction ("non pardon, c'est pour des métastases en fait") is heard among every procedure, and so is
    /// a statement after a procedure only assumed ("è per la schiena, una vertebra schiacciata").
    /// </summary>
    private static bool ListensForCues(ConversationState before, Understanding.Understanding heard, bool statement) =>
        before.PendingTopic is not null || OnlyCues(before, heard)
        || (statement && (before.Procedures.Count > 1 || heard.IsCorrection || before.ProcedureAssumed));

    /// <summary>
    /// "Et pour les métastases ?", "what about the spine one?": cues and fillers only, no question pending.
    /// They may point away from the procedure known: heard among every procedure.
    /// </summary>
    private static bool OnlyCues(ConversationState before, Understanding.Understanding heard) =>
        heard.OnlyAProcedure && heard.Procedures.Count == 0 && before.PendingTopic is null;

    /// <summary>
    /// "And for the other one, the same?": the one procedure named earlier, not the current one; when none
    /// was, every procedure but the current one (the question is then "which one?").
    /// </summary>
    private List<string>? TheOtherOne(
        ConversationState before, Understanding.Understanding heard, string language)
    {
        if (heard.NamedProcedures.Count > 0 || !situation.MeansTheOtherOne(heard.Tokens, language)) return null;
        var others = before.Discussed.Except(before.Procedures).ToList();
        if (others.Count == 1) return others;
        if (before.Procedures.Count != 1) return null;
        List<string> candidates = [.. AllProcedures.Except(before.Procedures)];
        // "Et pour l'autre, la vertébrale ?": its cue says which of the others.
        return understander.Cued(heard, candidates) is { Count: > 0 } cued ? cued : candidates;
    }

    /// <summary>
    /// A word shared by several procedures ("le ciment", "cimentoplastie") never erases the one already known:
    /// it is still that one. Another procedure's own name replaces it.
    /// </summary>
    private static List<string> Known(IReadOnlyList<string> known, IReadOnlyList<string> named) =>
        known.Count == 1 && named.Count > 1 && named.Contains(known[0]) ? [known[0]] : [.. named];

    /// <summary>
    /// A family name in Italian means the Italian document's procedure when only it is in Italian; assumed,
    /// so each answer says what that document covers (<see cref="ConversationState.ProcedureAssumed"/>).
    /// </summary>
    private List<string> Narrow(List<string> procedures, string language)
    {
        if (procedures.Count < 2) return procedures;
        var inLanguage = procedures.Where(p => HasDocumentIn(p, language)).ToList();
        return language != "fr" && inLanguage.Count == 1 ? inLanguage : procedures;
    }

    /// <summary>
    /// "Cementoplasty for my metastasis in the femur", in English: both the French document on metastases and
    /// the Italian one fit. With none in the patient's language, the hospital's French documents come first:
    /// the Italian one is for Italian readers. Not an assumption to announce: both cues were the patient's.
    /// </summary>
    private List<string> HospitalsFirst(List<string> procedures, string language)
    {
        if (procedures.Count < 2 || language is "fr" or "it") return procedures;
        var inFrench = procedures.Where(p => HasDocumentIn(p, "fr")).ToList();
        return inFrench.Count > 0 ? inFrench : procedures;
    }

    private bool HasDocumentIn(string procedure, string language) =>
        content.Documents.Any(d => !d.IsGeneral && d.Language == language && d.Procedures.Contains(procedure));
}
