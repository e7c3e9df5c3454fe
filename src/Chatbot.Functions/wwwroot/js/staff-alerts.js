// Reaching a nurse whose eyes are on another tab when an emergency (a crisis too) arrives: a short
// sound, generated here (no audio file), a browser notification, and the waiting requests counted in
// the tab's title. Browsers play sound and show notifications only after the user asked, so both are
// switched on by her click; the sound choice is remembered for this browser. A notification says the
// reason and the age, never the patient's words: it shows outside the console, on a shared screen too.
(function () {
  'use strict';
  var w = window.StaffWords;
  var soundKey = 'staffAlertSound';
  var baseTitle = document.title;
  var soundButton = document.getElementById('alert-sound');
  var notifyButton = document.getElementById('alert-notify');
  var notifyState = document.getElementById('alert-notify-state');
  var alerted = new Set();
  var audio = null;

  function soundOn() {
    try { return localStorage.getItem(soundKey) === 'on'; } catch (e) { return false; }
  }

  /** The page's one AudioContext, created or resumed in a click or key press when it can be. */
  function context() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return null; }
    if (!audio) { audio = new Context(); }
    if (audio.state === 'suspended') { audio.resume().catch(function () {}); }
    return audio;
  }

  /** Two short tones, high then lower, a fifth of a second each. */
  function chime() {
    var ctx = context();
    if (!ctx) { return; }
    [880, 660].forEach(function (frequency, i) {
      var tone = ctx.createOscillator();
      var gain = ctx.createGain();
      var at = ctx.currentTime + i * 0.25;
      tone.type = 'sine';
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
      tone.connect(gain);
      gain.connect(ctx.destination);
      tone.start(at);
      tone.stop(at + 0.22);
    });
  }

  function drawSound() {
    var on = soundOn();
    soundButton.setAttribute('aria-pressed', String(on));
    soundButton.textContent = on ? 'Couper les alertes sonores' : 'Activer les alertes sonores';
  }

  soundButton.addEventListener('click', function () {
    var on = !soundOn();
    try { localStorage.setItem(soundKey, on ? 'on' : 'off'); } catch (e) { /* private mode: for this page only */ }
    drawSound();
    if (on) { chime(); }
  });

  // Chosen on an earlier visit: the browser lets the sound start at her first click or key press here.
  function unlock() {
    document.removeEventListener('pointerdown', unlock, true);
    document.removeEventListener('keydown', unlock, true);
    if (soundOn()) { context(); }
  }
  document.addEventListener('pointerdown', unlock, true);
  document.addEventListener('keydown', unlock, true);

  function drawNotify() {
    var supported = 'Notification' in window;
    var permission = supported ? Notification.permission : 'unsupported';
    notifyButton.hidden = permission !== 'default';
    notifyState.hidden = permission !== 'denied';
    notifyState.textContent = permission === 'denied'
      ? 'Notifications du navigateur refusées : autorisez-les dans les réglages du site pour être prévenue.' : '';
  }

  notifyButton.addEventListener('click', function () {
    var asked = Notification.requestPermission(drawNotify);
    if (asked && asked.then) { asked.then(drawNotify); }
  });

  function notify(e) {
    if (!('Notification' in window) || Notification.permission !== 'granted') { return; }
    try {
      var shown = new Notification('Nouvelle urgence', {
        body: w.reason(e.reason) + ', il y a ' + w.age(e.createdAt), tag: e.id, lang: 'fr'
      });
      shown.onclick = function () { window.focus(); shown.close(); };
    } catch (err) { /* a browser that notifies only from a service worker: the title and the sound remain */ }
  }

  window.StaffAlerts = {
    /** The waiting requests in the tab's title, emergencies first: "(2) Urgences · 3 demandes — …". */
    count: function (open) {
      var waiting = open.filter(function (e) { return e.status === 'open'; });
      var urgent = waiting.filter(function (e) { return e.reason === 'emergency'; }).length;
      var requests = waiting.length + (waiting.length > 1 ? ' demandes' : ' demande');
      var prefix = urgent ? '(' + urgent + ') ' + (urgent > 1 ? 'Urgences' : 'Urgence') + ' · ' + requests + ' — '
        : waiting.length ? '(' + waiting.length + ') ' + (waiting.length > 1 ? 'Demandes' : 'Demande') + ' — ' : '';
      if (document.title !== prefix + baseTitle) { document.title = prefix + baseTitle; }
    },

    /** Emergencies that appeared since the last refresh (never those there when the page opened): once each. */
    arrived: function (emergencies) {
      var fresh = emergencies.filter(function (e) { return !alerted.has(e.id); });
      if (!fresh.length) { return; }
      fresh.forEach(function (e) { alerted.add(e.id); notify(e); });
      if (soundOn()) { chime(); }
    }
  };

  drawSound();
  drawNotify();
})();
