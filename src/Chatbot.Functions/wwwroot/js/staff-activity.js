// The activity dashboard: the assistant's figures by day or by week (no patient data reaches this page),
// drawn as bar charts (js/staff-charts.js), said in words, listed in a table, and downloadable as CSV.
(function () {
  'use strict';
  var w = window.StaffWords;
  var signIn = window.StaffSignIn;
  var charts = window.StaffCharts;
  var status = document.getElementById('status');
  var period = 'day';

  function get(path) {
    return fetch(path, { headers: signIn.headers(false) })
      .catch(function () { throw new Error(w.error('network')); })
      .then(function (r) {
        if (r.status === 401) { signIn.signOut('Clé ou jeton refusé : reconnectez-vous.'); throw new Error('auth'); }
        if (r.status === 403) { signIn.signOut('Accès refusé : le rôle Escalations.Handle est nécessaire.'); throw new Error('auth'); }
        if (!r.ok) { throw new Error(w.error(r.status)); }
        return r;
      });
  }

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }

  /** "07/12" for a day, "S50" for an ISO week. */
  function short(label) {
    var week = /^\d{4}-W(\d{2})$/.exec(label);
    return week ? 'S' + week[1] : label.slice(8, 10) + '/' + label.slice(5, 7);
  }

  function wait(seconds) {
    if (seconds == null) { return '—'; }
    if (seconds < 60) { return Math.round(seconds) + ' s'; }
    if (seconds < 3600) { return Math.round(seconds / 60) + ' min'; }
    var minutes = Math.round(seconds / 60);
    return Math.floor(minutes / 60) + ' h ' + String(minutes % 60).padStart(2, '0');
  }

  function escalations(b) {
    return Object.keys(b.escalations).reduce(function (sum, k) { return sum + b.escalations[k]; }, 0);
  }

  function count(n) { return String(n); }

  var series = [
    ['chart-conversations', 'Conversations', function (b) { return b.conversations; }, count],
    ['chart-answers', 'Réponses tirées de nos documents', function (b) { return b.answers; }, count],
    ['chart-clarifications', 'Précisions demandées (quelle intervention ?)', function (b) { return b.clarifications; }, count],
    ['chart-not-in-documents', 'Questions absentes de nos documents', function (b) { return b.notInDocuments; }, count],
    ['chart-escalations', 'Demandes transmises à l’équipe', escalations, count, true],
    ['chart-median', 'Délai médian de prise en charge', function (b) { return b.medianSecondsToAcknowledge; }, wait],
    ['chart-p90', 'Délai de prise en charge de 90 % des demandes', function (b) { return b.p90SecondsToAcknowledge; }, wait]
  ];

  function drawCharts(report) {
    var box = document.getElementById('charts');
    box.replaceChildren.apply(box, series.map(function (s) {
      var points = report.buckets.map(function (b) { return { label: short(b.label), value: s[2](b) }; });
      return charts.bars(s[0], s[1], points, s[3], s[4]);
    }));
  }

  function byReason(b) {
    var parts = Object.keys(b.escalations).filter(function (k) { return b.escalations[k] > 0; })
      .map(function (k) { return w.reason(k).toLowerCase() + ' : ' + b.escalations[k]; });
    return String(escalations(b)) + (parts.length ? ' (' + parts.join(', ') + ')' : '');
  }

  function drawTable(report) {
    var table = el('table');
    table.appendChild(el('caption', report.period === 'week' ? 'Chiffres par semaine' : 'Chiffres par jour'));
    var head = el('tr');
    ['Période', 'Conversations', 'Réponses', 'Précisions demandées', 'Absentes de nos documents', 'Non comprises',
      'Transmises à l’équipe', 'Prises en charge', 'Délai médian', 'Délai 90 %'].forEach(function (h) {
      var th = el('th', h);
      th.scope = 'col';
      head.appendChild(th);
    });
    table.appendChild(head);
    report.buckets.forEach(function (b) {
      var tr = el('tr');
      var th = el('th', b.label);
      th.scope = 'row';
      tr.appendChild(th);
      [b.conversations, b.answers, b.clarifications, b.notInDocuments, b.notUnderstood, byReason(b), b.acknowledged,
        wait(b.medianSecondsToAcknowledge), wait(b.p90SecondsToAcknowledge)].forEach(function (v) {
        tr.appendChild(el('td', String(v)));
      });
      table.appendChild(tr);
    });
    document.getElementById('figures').replaceChildren(table);
  }

  function drawTopics(report) {
    var box = document.getElementById('topics');
    if (!report.unanswered.length) { box.replaceChildren(el('p', 'Aucune question sans réponse sur la période.')); return; }
    var list = el('ol');
    report.unanswered.forEach(function (t) {
      list.appendChild(el('li', (w.labels.topics[t.topic] || t.topic) + ' : ' + t.count + ' fois'));
    });
    box.replaceChildren(list);
  }

  function query() { return '?period=' + period; }

  function load() {
    return get('api/staff/activity' + query()).then(function (r) { return r.json(); }).then(function (report) {
      document.getElementById('range').textContent = 'Du ' + report.from.split('-').reverse().join('/') +
        ' au ' + report.to.split('-').reverse().join('/') + '.';
      document.getElementById('csv').href = 'api/staff/activity/csv' + query();
      drawCharts(report);
      drawTable(report);
      drawTopics(report);
    });
  }

  function choose(chosen) {
    period = chosen;
    document.getElementById('by-day').setAttribute('aria-pressed', String(chosen === 'day'));
    document.getElementById('by-week').setAttribute('aria-pressed', String(chosen === 'week'));
    load().then(function () {
      status.textContent = chosen === 'week' ? 'Chiffres par semaine affichés.' : 'Chiffres par jour affichés.';
    }).catch(function (error) { if (error.message !== 'auth') { status.textContent = error.message; } });
  }

  // The download needs the sign-in's headers, which a plain link cannot send: fetched, then saved.
  document.getElementById('csv').addEventListener('click', function (event) {
    event.preventDefault();
    get('api/staff/activity/csv' + query()).then(function (r) {
      var name = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
      return r.blob().then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name ? name[1] : 'activite.csv';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
        status.textContent = 'Fichier CSV téléchargé.';
      });
    }).catch(function (error) { if (error.message !== 'auth') { status.textContent = error.message; } });
  });
  document.getElementById('by-day').addEventListener('click', function () { choose('day'); });
  document.getElementById('by-week').addEventListener('click', function () { choose('week'); });

  signIn.start(function () {
    get('api/staff/labels').then(function (r) { return r.json(); }).then(function (labels) { w.labels = labels; })
      .catch(function () {})
      .then(load).catch(function (error) { if (error.message !== 'auth') { status.textContent = error.message; } });
  });
})();
