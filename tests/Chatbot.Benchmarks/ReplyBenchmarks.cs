using System.Buffers;
using BenchmarkDotNet.Attributes;
using Chatbot.BotFramework.Schema;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Functions.Messages;

namespace Chatbot.Benchmarks;

/// <summary>
/// What a turn costs after the engine: the reply activity built (text, citations, channelData) and
/// written as the expectReplies body, the way <c>POST /api/messages</c> writes it.
/// </summary>
[MemoryDiagnoser]
public class ReplyBenchmarks
{
    private readonly ArrayBufferWriter<byte> body = new(4096);
    private Activity question = null!;
    private TurnResult answer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var assistant = new Assistant(ContentLoader.Load(Dialogs.Folder()));
        question = new Activity
        {
            Type = ActivityTypes.Message, Id = "a-1", ChannelId = "emulator", ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount("u-1") { Role = "user" }, Recipient = new ChannelAccount("bot"),
            Conversation = new ConversationAccount("c-1"), Locale = "fr-FR", Text = "Quels sont les risques de la vertébroplastie ?",
            DeliveryMode = DeliveryModes.ExpectReplies,
        };
        answer = assistant.Reply(ConversationState.New, question.Text).Result;
    }

    [Benchmark(Description = "answer built and written (expectReplies body)")]
    public int AnswerWritten()
    {
        body.ResetWrittenCount();
        BotJson.Write(body, new ExpectedReplies([ReplyBuilder.Answer(question, answer, TimeProvider.System)]), BotJson.Default.ExpectedReplies);
        return body.WrittenCount;
    }
}
