using Chatbot.Functions;
using Chatbot.Functions.Hosting;

// Run by the publish: store the trained understanding, so a cold instance loads it (docs/decisions/007).
if (args is ["write-understanding"]) return EngineTraining.WriteSnapshot();

// The bot: POST /api/messages (Bot Framework), GET /api/health. See Hosting/HostingSetup.cs.
ChatbotApp.Create(args).Run();
return 0;
