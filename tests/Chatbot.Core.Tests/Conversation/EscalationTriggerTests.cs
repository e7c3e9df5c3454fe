namespace Chatbot.Core.Tests.Conversation;

/// <summary>Every escalation trigger, in every language: created at once, or offered then accepted.</summary>
public class EscalationTriggerTests
{
    [Theory]
    [InlineData("fr", "ma mère a 39,5 de fièvre et elle est confuse depuis sa cimentoplastie", "emergency", "15")]
    [InlineData("it", "da stamattina non sento più le gambe dopo la vertebroplastica", "emergency", "118")]
    [InlineData("en", "my dad has chest pain and can't breathe properly since the procedure", "emergency", "112")]
    [InlineData("fr", "je voudrais parler à la secrétaire du service svp", "human_requested", null)]
    [InlineData("it", "posso parlare con un medico?", "human_requested", null)]
    [InlineData("en", "can someone call me back please", "human_requested", null)]
    [InlineData("fr", "est ce que je dois arrêter mon Kardégic avant l'intervention ?", "medical_advice", null)]
    [InlineData("it", "devo sospendere l'anticoagulante prima della cementoplastica?", "medical_advice", null)]
    [InlineData("en", "my MRI says there is a new fracture, is that bad?", "medical_advice", null)]
    public void ImmediateTrigger_CreatesTheEscalation_InThePatientsLanguage(string language, string message, string reason, string? number)
    {
        var chat = Transcript.Start().Send(message).Expect("escalate").ExpectEscalation("created", reason);

        Assert.Equal(language, chat.Last.Language);
        if (number is not null) chat.ExpectText(number);
        Assert.Empty(chat.Last.Citations);
    }

    [Theory]
    [InlineData("le remboursement d'une vertébroplastie ?", "oui", "unanswered")]
    [InlineData("la vertebroplastica è rimborsata?", "sì grazie", "unanswered")]
    [InlineData("is a vertebroplasty reimbursed?", "yes please", "unanswered")]
    public void NoAnswerInTheDocuments_OffersStaff_AndYesCreatesIt(string question, string yes, string reason)
    {
        Transcript.Start()
            .Send(question).ExpectEscalation("offered", reason)
            .Send(yes).Expect("escalate").ExpectEscalation("created", reason);
    }

    [Theory]
    [InlineData("le remboursement d'une vertébroplastie ?", "ok merci", "oui")]
    [InlineData("la vertebroplastica è rimborsata?", "ok grazie mille", "sì")]
    [InlineData("is a vertebroplasty reimbursed?", "ok thanks", "yes")]
    [InlineData("la vertebroplastica è rimborsata?", "ok grazie, arrivederci", "sì")]
    public void OkThanks_AfterAnOffer_IsAPoliteClose_AndTheOfferStaysOpen(string question, string thanks, string yes)
    {
        var chat = Transcript.Start()
            .Send(question).ExpectEscalation("offered", "unanswered")
            .Send(thanks).Expect("smalltalk");
        Assert.Null(chat.Last.Escalation);
        Assert.Equal(2, chat.Last.SuggestedActions.Count);
        chat.Send(yes).Expect("escalate").ExpectEscalation("created", "unanswered");
    }

    [Theory]
    [InlineData("le remboursement d'une vertébroplastie ?", "d'accord merci")]
    [InlineData("is a vertebroplasty reimbursed?", "alright thanks")]
    public void AgreedWithThanks_AfterAnOffer_IsAYes(string question, string agreed)
    {
        Transcript.Start()
            .Send(question).ExpectEscalation("offered", "unanswered")
            .Send(agreed).Expect("escalate").ExpectEscalation("created", "unanswered");
    }

    [Theory]
    [InlineData("qsdf jklm", "wxcv bnn", "oui")]
    [InlineData("blabla qwerty zut", "xkcd plop plip", "sì")]
    [InlineData("asdf ghjk lmno", "zzz yyy xxx", "yes")]
    public void TwoMisunderstandings_OfferStaff_AndYesCreatesIt(string first, string second, string yes)
    {
        Transcript.Start()
            .Send(first).Expect("fallback")
            .Send(second).Expect("fallback").ExpectEscalation("offered", "low_confidence")
            .Send(yes).Expect("escalate").ExpectEscalation("created", "low_confidence");
    }
}
