// How the page shows the bot's messages in Web Chat, beyond its defaults:
// - every quote and reference carries its source's language (lang="fr" on an Italian page, WCAG 3.1.2),
//   the opened reference too;
// - the care team's messages are shown as the care team's, not the assistant's;
// - an emergency or crisis reply stands out (a labelled frame, not colour alone);
// - emergency numbers in the bot's own sentences are tel: links (never inside a quote).
// React is the one Web Chat itself runs on (lib/react.js, loaded first).
(function () {
  'use strict';
  var h = window.React.createElement;
  var quoteSelector = 'button[value^="cite:"]';

  function chatbotOf(activity) { return (activity.channelData || {}).chatbot || null; }

  function kindOf(activity) {
    if ((activity.channelData || {}).careTeam) { return 'care-team'; }
    var chatbot = chatbotOf(activity);
    var emergency = chatbot && (chatbot.redFlag || (chatbot.escalation && chatbot.escalation.reason === 'emergency'));
    return emergency ? 'emergency' : 'bot';
  }

  function languageOf(activity) {
    var chatbot = chatbotOf(activity);
    var language = (chatbot && chatbot.language) || (activity.locale || '').slice(0, 2);
    return ['fr', 'it', 'en'].indexOf(language) >= 0 ? language : undefined;
  }

  /** Puts each quote's and each reference's source language on it. */
  function markLanguages(root, languages) {
    if (!root) { return; }
    root.querySelectorAll(quoteSelector).forEach(function (button) {
      var language = languages[parseInt(button.value.slice(5), 10) - 1];
      var quote = button.closest('p, li, blockquote');
      if (quote && language) { quote.setAttribute('lang', language); }
    });
    root.querySelectorAll('.webchat__link-definitions__list-item').forEach(function (item, i) {
      if (languages[i]) { item.setAttribute('lang', languages[i]); }
    });
  }

  function Reply(props) {
    var ref = window.React.useRef(null);
    window.React.useLayoutEffect(function () { markLanguages(ref.current, props.languages); });
    return h('div', { ref: ref, className: 'reply reply--' + props.kind, lang: props.lang },
      props.kind === 'emergency' ? h('p', { className: 'reply__flag' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), props.flag) : null,
      props.children);
  }

  /** The care team's words as typed, as text (never HTML), under who wrote them. */
  function CareTeam(props) {
    var team = props.activity.channelData.careTeam;
    return h('div', { className: 'reply reply--care-team', lang: props.lang },
      h('p', { className: 'care-team__from' }, h('span', { 'aria-hidden': 'true' }, '✚ '), team.label),
      h('p', { className: 'care-team__text' }, team.text));
  }

  function activityMiddleware(texts) {
    return function () {
      return function (next) {
        return function (card) {
          var render = next(card);
          var activity = card.activity;
          if (!render || activity.type !== 'message' || (activity.from || {}).role === 'user') { return render; }
          var kind = kindOf(activity);
          var chatbot = chatbotOf(activity);
          var languages = chatbot && chatbot.citations ? chatbot.citations.map(function (c) { return c.language; }) : [];
          return function () {
            if (kind === 'care-team') { return h(CareTeam, { activity: activity, lang: languageOf(activity) }); }
            return h(Reply, { kind: kind, languages: languages, lang: languageOf(activity), flag: texts.emergencyLabel },
              render.apply(null, arguments));
          };
        };
      };
    };
  }

  /** Web Chat's own Markdown (sanitised), then tel: links in the bot's sentences, never in a quote. */
  function renderMarkdown(markdown, styleOptions, options) {
    var html = window.WebChat.renderMarkdown(markdown, styleOptions, options);
    if ((options && options.containerClassName || '').indexOf('citation') >= 0) { return html; }
    var page = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html');
    page.body.querySelectorAll('p, li').forEach(function (block) {
      if (!block.querySelector(quoteSelector)) { window.ChatTexts.linkPhones(block); }
    });
    return page.body.innerHTML;
  }

  /** An opened reference (Web Chat's dialog) is read in the language of the quote it shows. */
  function watchOpenedReferences() {
    var language = null;
    document.addEventListener('click', function (event) {
      var opener = event.target.closest && event.target.closest(quoteSelector + ', .webchat__link-definitions__list-item');
      language = opener && opener.closest('[lang]') ? opener.closest('[lang]').getAttribute('lang') : language;
    }, true);
    new MutationObserver(function () {
      var dialog = document.querySelector('.webchat__citation-modal-dialog');
      if (!dialog || !language) { return; }
      dialog.querySelectorAll('.webchat__citation-modal-dialog__header, .webchat__citation-modal-dialog__body')
        .forEach(function (part) { if (part.getAttribute('lang') !== language) { part.setAttribute('lang', language); } });
    }).observe(document.body, { childList: true, subtree: true });
  }

  window.ChatRender = { activityMiddleware: activityMiddleware, renderMarkdown: renderMarkdown, watchOpenedReferences: watchOpenedReferences };
})();
