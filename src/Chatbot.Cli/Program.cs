// `chatbot` for content editors and developers: validate, ask, chat, eval, bench, review, not-typos.
return Chatbot.Cli.Verbs.Run(args);
