using Chatbot.Functions;

// The bot: POST /api/messages (Bot Framework), GET /api/health. See Hosting/HostingSetup.cs.
ChatbotApp.Create(args).Run();
