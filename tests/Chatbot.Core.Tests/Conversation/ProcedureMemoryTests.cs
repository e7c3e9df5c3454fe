namespace Chatbot.Core.Tests.Conversation;

/// <summary>A procedure once known is kept: a word several procedures share does not erase it.</summary>
public class ProcedureMemoryTests
{
    [Theory]
    [InlineData("quand pourrai-je remarcher après ma vertébroplastie ?", "et le ciment, il y a des risques ?", "vertebral_cementoplasty")]
    [InlineData("faut-il être à jeun pour une cimentoplastie pour métastases ?", "et après la cimentoplastie, je pourrai marcher quand ?", "metastasis_cementoplasty")]
    [InlineData("how long do I stay in hospital after a vertebroplasty?", "and the cement, is it dangerous?", "vertebral_cementoplasty")]
    public void AWordSharedBySeveralProcedures_KeepsTheOneAlreadyKnown(string first, string then, string procedure)
    {
        var chat = Transcript.Start().Send(first);
        Assert.Equal(procedure, chat.Last.Procedure);

        chat.Send(then);

        Assert.NotEqual("clarify", chat.Last.Action);
        Assert.Equal(procedure, chat.Last.Procedure);
    }

    [Fact]
    public void AnotherProceduresOwnName_StillReplacesIt()
    {
        var chat = Transcript.Start().Send("faut-il être à jeun pour une vertébroplastie ?");

        chat.Send("et pour une ostéosynthèse percutanée ?").Expect("answer", procedure: "osteosynthesis");
    }
}
