using Chatbot.Functions;
using Chatbot.Functions.Hosting;

// Run by the publish: store the trained understanding, so a cold instance loads it (docs/decisions/007).
if (args is ["write-understanding"]) return EngineTraining.WriteSnapshot();

#if FUNCTIONS_WORKER
// Started by an Azure Functions host: the isolated worker (Worker/). See docs/decisions/015.
if (FunctionsHost.StartedBy(args)) return Chatbot.Functions.Worker.WorkerApp.Run(args);
#endif

// Alone (dotnet run, a container): POST /api/messages, the pages, the staff console. See Hosting/.
ChatbotApp.Create(args).Run();
return 0;
