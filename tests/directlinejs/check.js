// Usage: node check.js http://127.0.0.1:PORT
// Asks the bot for a Direct Line token, then talks to it with Microsoft's botframework-directlinejs
// (polling, as the page does): welcome, a question, the answer with its citation, all in order.
'use strict';
global.XMLHttpRequest = require('xhr2');
// Polling only (webSocket: false), as the page does; the client still looks the class up.
global.WebSocket = global.WebSocket || class { constructor() { throw new Error('WebSocket not used'); } };
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const base = process.argv[2];
const fail = (why) => { console.error('FAIL ' + why); process.exit(1); };
setTimeout(() => fail('timeout'), 20000).unref();

(async () => {
  const session = await (await fetch(base + '/api/directline/token', { method: 'POST' })).json();
  const directLine = new DirectLine({ token: session.token, domain: session.domain, webSocket: false, pollingInterval: 200 });
  const seen = [];
  directLine.connectionStatus$.subscribe((status) => { if (status === ConnectionStatus.FailedToConnect) fail('failed to connect'); });
  directLine.activity$.subscribe((activity) => {
    seen.push(activity);
    const fromBot = seen.filter((a) => a.from && a.from.role === 'bot' || (a.from && a.from.id === 'bot'));
    if (fromBot.length === 1 && seen.length === 1) {
      directLine.postActivity({ type: 'message', from: { id: session.userId, name: 'Patient' }, text: "faut il être à jeun pour une ostéosynthèse ?", locale: 'fr-FR' })
        .subscribe((id) => console.log('posted ' + id), (error) => fail('post: ' + error));
    }
    const answer = fromBot.find((a) => a.channelData && a.channelData.chatbot && a.channelData.chatbot.action === 'answer');
    if (answer) {
      const mine = seen.find((a) => a.from && a.from.id === session.userId);
      if (!mine) fail('the user message was not echoed');
      if (!answer.entities || !answer.entities[0].citation) fail('no citation entity');
      console.log('OK ' + answer.channelData.chatbot.topic + ' ' + answer.entities[0].citation.length + ' citation(s) after ' + seen.length + ' activities');
      directLine.end();
      process.exit(0);
    }
  }, (error) => fail('activity$: ' + error));
})().catch((error) => fail(String(error)));
