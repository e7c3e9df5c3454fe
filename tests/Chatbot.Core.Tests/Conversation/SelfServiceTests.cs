using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>The patient's own commands: help, what is kept, forget me, start over; and a long silence.</summary>
public class SelfServiceTests
{
    /// <summary>A clock the test moves forward.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly Keeping Kept = new(
        TimeSpan.FromDays(30), TimeSpan.FromDays(365), TimeSpan.FromMinutes(30), "https://hopital.example/confidentialite");

    private static (Transcript Chat, Clock Clock) Start()
    {
        var clock = new Clock();
        return (new Transcript(TestContent.Assistant.With(clock, OfficeHours.Default, Kept)), clock);
    }

    [Theory]
    [InlineData("aide", "fr", "« oubliez-moi »")]
    [InlineData("bonjour, que savez-vous faire ?", "fr", "« oubliez-moi »")]
    [InlineData("cosa sai fare?", "it", "«dimenticami»")]
    [InlineData("help please", "en", "\"forget me\"")]
    public void Help_SaysWhatTheBotDoes_AndItsCommands_WithTheEmergencyNumbers(string message, string language, string command)
    {
        var chat = Start().Chat.Send(message).Expect("smalltalk", "self_service").ExpectText(command);
        Assert.Equal(language, chat.Last.Language);
        Assert.Contains("112", chat.Last.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aide à domicile après l'opération ?")]
    [InlineData("j'ai oublié de prendre mon traitement ce matin")]
    [InlineData("est-ce que je dois tout recommencer si la douleur revient ?")]
    public void ACommandsWord_InsideAQuestion_IsStillTheQuestion(string message)
    {
        var chat = Start().Chat.Send(message);
        Assert.NotEqual("self_service", chat.Last.Topic);
    }

    [Fact]
    public void WhatDoYouKnow_ListsLanguageProcedureAndOpenRequest_AndHowLongTheyAreKept()
    {
        var (chat, _) = Start();
        chat.Send("ma mère va avoir une vertébroplastie").Send("je voudrais parler à une infirmière");
        chat.Continue(chat.State, "x");
        var state = chat.State with { OpenEscalation = "esc-1" };

        var reply = chat.Continue(state, "que savez-vous de moi ?").Result;

        Assert.Equal("self_service", reply.Topic);
        Assert.Contains("français", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Cimentoplastie vertébrale", reply.Text, StringComparison.Ordinal);
        Assert.Contains("demande ouverte", reply.Text, StringComparison.Ordinal);
        Assert.Contains("30 jours", reply.Text, StringComparison.Ordinal);
        Assert.Contains("365 jours", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgetMe_AsksFirst_ThenYes_ErasesTheConversation_AndClosesTheOpenRequest()
    {
        var (chat, _) = Start();
        chat.Send("ma mère va avoir une vertébroplastie").Send("je voudrais parler à une infirmière")
            .ExpectEscalation("created", "human_requested");
        var opened = chat.State with { OpenEscalation = "esc-1" };
        var asked = chat.Continue(opened, "oubliez-moi svp");
        Assert.Equal(["Oui, tout effacer", "Non merci"], asked.Result.SuggestedActions);

        var done = chat.Continue(asked.State, "Oui, tout effacer");

        var erased = Assert.IsType<ErasureAsked>(done.Result.Escalation);
        Assert.Equal(("erased", "esc-1"), (erased.Status, erased.Id));
        Assert.Contains("effacée", done.Result.Text, StringComparison.Ordinal);
        Assert.Contains("demande à l'équipe est close", done.Result.Text, StringComparison.Ordinal);
        Assert.Equal(ConversationState.New with { Language = "fr", LastMessageAt = done.State.LastMessageAt }, done.State);
    }

    [Fact]
    public void ForgetMe_ThenNo_KeepsEverything_AndAnotherQuestion_IsAnsweredAsUsual()
    {
        var (chat, _) = Start();
        chat.Send("ma mère va avoir une vertébroplastie").Send("oubliez-moi").Send("non merci")
            .Expect("smalltalk", "self_service").ExpectText("rien n'est effacé");
        Assert.Equal(["vertebral_cementoplasty"], chat.State.Procedures);
        chat.Send("forget me").Send("will I be asleep during the vertebroplasty?").Expect("answer", "anesthesia");
        Assert.False(chat.State.ForgetMeAsked);
    }

    [Fact]
    public void StartOver_ForgetsTheProcedure_SoTheNextQuestionAsksWhichOne()
    {
        var (chat, _) = Start();
        chat.Send("ma mère va avoir une vertébroplastie").Send("recommencer").ExpectText("reparti de zéro")
            .Send("faut-il être à jeun ?").Expect("clarify");
        Assert.Empty(chat.State.Procedures);
    }

    [Fact]
    public void AfterAnEmergency_HelpIsTheGuidanceAgain_AndOtherCommandsRecallItFirst()
    {
        var (chat, _) = Start();
        chat.Send("j'ai 39,5 de fièvre depuis l'intervention").Expect("escalate", "emergency")
            .Send("aide").Expect("escalate", "emergency").ExpectText("15");
        var emergency = chat.State with { OpenEscalation = "esc-9", OpenEscalationReason = "emergency" };

        // "Oubliez…" right after an emergency may be "forget it": the guidance again, first.
        Assert.IsType<Emergency>(chat.Continue(emergency, "oubliez-moi").Decision);
        var asked = chat.Continue(emergency, "effacez mes données");
        Assert.StartsWith("Rappel : ce que vous avez décrit peut être une urgence", asked.Result.Text, StringComparison.Ordinal);
        var done = chat.Continue(asked.State, "oui");
        Assert.Contains("l'équipe garde votre demande ouverte", done.Result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhileTheEmergencyIsOpen_ACommandAfterAnotherQuestion_StillRecallsItFirst()
    {
        var (chat, _) = Start();
        chat.Send("I have a fever of 39.5 since the vertebroplasty").Expect("escalate", "emergency")
            .Send("how long does the procedure take?")
            .Send("what do you know about me?")
            .ExpectText("A reminder: what you described may be an emergency. Call 15 or 112");

        chat.Send("help").Expect("escalate", "emergency");
    }

    [Fact]
    public void AfterHalfAnHour_TheNextMessage_StartsAFreshContext_AndSaysSo()
    {
        var (chat, clock) = Start();
        chat.Send("ma mère va avoir une vertébroplastie");
        clock.Now += TimeSpan.FromMinutes(20);
        chat.Send("faut-il être à jeun ?").Expect("escalate", procedure: "vertebral_cementoplasty");
        Assert.DoesNotContain("Rebonjour", chat.Last.Text, StringComparison.Ordinal);

        clock.Now += TimeSpan.FromMinutes(31);
        chat.Send("et pour l'anesthésie ?").Expect("clarify");

        Assert.StartsWith("Rebonjour. Un moment a passé", chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterALongSilence_AnEmergencyStillComesFirst_AndIsStillRemembered()
    {
        var (chat, clock) = Start();
        chat.Send("I have a fever of 39.5 since the procedure").Expect("escalate", "emergency");
        clock.Now += TimeSpan.FromHours(2);
        chat.Send("can I just wait until tomorrow?").Expect("escalate", "emergency");
        Assert.DoesNotContain("Welcome back", chat.Last.Text.Split("\n\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_SaysWhatIsKept_ForHowLong_AndLinksThePrivacyNotice()
    {
        var welcome = TestContent.Assistant.With(TimeProvider.System, OfficeHours.Default, Kept).Welcome("it-IT");

        Assert.Contains("30 giorni", welcome, StringComparison.Ordinal);
        Assert.Contains("https://hopital.example/confidentialite", welcome, StringComparison.Ordinal);
        Assert.Contains("«dimenticami»", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommand_InALanguageFile_FailsValidationWithFileAndLine()
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "language", "en.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  forget_me: [", "  forgetme: [", StringComparison.Ordinal));

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        var error = Assert.Single(errors);
        Assert.Equal("dialogs/language/en.yaml", error.File);
        Assert.True(error.Line > 1);
        Assert.Contains("unknown command 'forgetme'", error.Reason, StringComparison.Ordinal);
    }
}
