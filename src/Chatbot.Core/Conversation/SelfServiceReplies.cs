using static Chatbot.Core.Conversation.SelfServiceCommands;

namespace Chatbot.Core.Conversation;

/// <summary>
/// The replies to the patient's own commands, and the sentences on what is kept: after the welcome, and
/// when a message comes after a long silence. Durations are the host's retention settings (<see cref="Keeping"/>).
/// </summary>
public sealed class SelfServiceReplies(Composer say, Keeping keeping)
{
    public string Text(SelfService self, string language, ConversationState before, ConversationState state) =>
        self.Command switch
        {
            Help => say.Say(language, ReplyKeys.Help),
            WhatWeKnow => WhatIsKept(language, state),
            ForgetMe => say.Say(language, ReplyKeys.ForgetMeConfirm),
            Forgotten => say.Say(language, ReplyKeys.Forgotten) + RequestErased(language, self, before),
            KeptAfterAll => say.Say(language, ReplyKeys.ForgetMeKept),
            _ => say.Say(language, ReplyKeys.StartedOver) + StillOpen(language, state),
        };

    /// <summary>"Forget me" asks for a yes: its own yes button says what it does.</summary>
    public IReadOnlyList<string> Buttons(SelfService self, string language) => self.Command == ForgetMe
        ? [say.Say(language, ReplyKeys.ForgetMeOptionYes), say.Say(language, ReplyKeys.OptionNo)]
        : [];

    /// <summary>The welcome, then what is kept and for how long, and the privacy notice.</summary>
    public string Welcome(string language)
    {
        var privacy = say.Say(language, ReplyKeys.WelcomePrivacy)
            .Replace("{retention}", Duration(language, keeping.Conversations), StringComparison.Ordinal);
        if (keeping.PrivacyUrl is { Length: > 0 } url)
        {
            privacy += " " + say.Say(language, ReplyKeys.PrivacyNotice).Replace("{url}", url, StringComparison.Ordinal);
        }
        return say.Say(language, ReplyKeys.Welcome) + "\n\n" + privacy;
    }

    /// <summary>Said before the reply to a message that comes after a long silence.</summary>
    public string WelcomeBack(string language, ConversationState state) =>
        say.Say(language, ReplyKeys.WelcomeBack) + StillOpen(language, state);

    /// <summary>Language, procedure, a request open, the masked messages, and how long each is kept.</summary>
    private string WhatIsKept(string language, ConversationState state)
    {
        var lines = new List<string>
        {
            say.Say(language, ReplyKeys.WhatWeKnowIntro),
            say.Say(language, ReplyKeys.WhatWeKnowLanguage).Replace(
                "{language}", say.Say(language, ReplyKeys.LanguageName), StringComparison.Ordinal),
        };
        if (state.Procedures.Count == 1)
        {
            lines.Add(say.Say(language, ReplyKeys.WhatWeKnowProcedure).Replace(
                "{procedure}", say.ProcedureName(language, state.Procedures[0]), StringComparison.Ordinal));
        }
        if (state.OpenEscalation is not null) lines.Add(say.Say(language, ReplyKeys.WhatWeKnowRequest));
        lines.Add(say.Say(language, ReplyKeys.WhatWeKnowMessages));
        var kept = say.Say(language, ReplyKeys.WhatWeKnowKept)
            .Replace("{retention}", Duration(language, keeping.Conversations), StringComparison.Ordinal)
            .Replace("{closed}", Duration(language, keeping.ClosedRequests), StringComparison.Ordinal);
        return string.Join("\n", lines) + "\n\n" + kept;
    }

    /// <summary>What became of the request open with the team: closed, or for an emergency kept for staff.</summary>
    private string RequestErased(string language, SelfService self, ConversationState before) =>
        self.ErasedRequest is null ? ""
        : " " + say.Say(language, before.OpenEscalationReason == EscalationReasons.Emergency
            ? ReplyKeys.ForgottenEmergency : ReplyKeys.ForgottenRequest);

    private string StillOpen(string language, ConversationState state) =>
        state.OpenEscalation is null ? "" : " " + say.Say(language, ReplyKeys.RequestStillOpen);

    /// <summary>"30 jours", "12 ore": whole days from a day up, else hours.</summary>
    public string Duration(string language, TimeSpan span)
    {
        var (key, n) = span >= TimeSpan.FromDays(1)
            ? (ReplyKeys.DurationDays, Math.Round(span.TotalDays))
            : (ReplyKeys.DurationHours, Math.Round(span.TotalHours));
        return say.Say(language, key).Replace("{n}", $"{n}", StringComparison.Ordinal);
    }
}
