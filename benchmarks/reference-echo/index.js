// Copied from the team's shared peers (../shared/peers/botbuilder-echo) so the benchmark runs from this repository alone.
// Reference peer: the echo bot of Microsoft's JavaScript Bot Framework SDK (botbuilder 4.23, CloudAdapter,
// restify, no app id so no auth), as in Microsoft's samples. Listens on 127.0.0.1:$PORT, POST /api/messages.
const restify = require('restify');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } = require('botbuilder');

const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' });
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => { console.error(error); await context.sendActivity('error'); };

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`, `Echo: ${context.activity.text}`));
      await next();
    });
  }
}
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => { await adapter.process(req, res, (context) => bot.run(context)); });
server.listen(Number(process.env.PORT || 3979), '127.0.0.1', () => console.log(`echo bot on ${server.url}`));
