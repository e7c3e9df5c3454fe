// Bar charts as inline SVG, drawn here (no library, no CDN): one series per chart, each bar labelled with its
// figure, and a sentence saying the same for screen readers (the page's table has every figure too).
(function () {
  'use strict';
  var svgNs = 'http://www.w3.org/2000/svg';
  var width = 320, height = 160, top = 18, bottom = 22, left = 6;

  function node(name, attributes, text) {
    var e = document.createElementNS(svgNs, name);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /**
   * A figure: caption, the chart, and its text alternative. points: [{ label, value (number or null) }];
   * format shows a value (e.g. "12" or "2 min").
   */
  function bars(id, caption, points, format, alert) {
    var figure = document.createElement('figure');
    figure.className = 'chart';
    figure.id = id;
    var title = document.createElement('figcaption');
    title.id = id + '-title';
    title.textContent = caption;
    figure.appendChild(title);
    var max = Math.max.apply(null, points.map(function (p) { return p.value || 0; }).concat([1]));
    var slot = (width - left) / Math.max(points.length, 1);
    // The drawing is for the eyes; its figures are said in words just below it (and in the page's table).
    var svg = node('svg', { viewBox: '0 0 ' + width + ' ' + height, 'aria-hidden': 'true', focusable: 'false' });
    var said = points.map(function (p) { return p.label + ' : ' + (p.value == null ? 'aucune' : format(p.value)); }).join(' ; ');
    svg.appendChild(node('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, 'class': 'axis' }));
    points.forEach(function (p, i) {
      var h = p.value ? Math.max(1, (height - top - bottom) * p.value / max) : 0;
      var x = left + i * slot + slot * 0.15;
      var bar = node('rect', {
        x: x.toFixed(1), y: (height - bottom - h).toFixed(1), width: (slot * 0.7).toFixed(1), height: h.toFixed(1),
        'class': alert ? 'bar alert' : 'bar', 'data-label': p.label, 'data-value': p.value == null ? '' : String(p.value)
      });
      svg.appendChild(bar);
      var middle = (x + slot * 0.35).toFixed(1);
      if (p.value) {
        svg.appendChild(node('text', { x: middle, y: (height - bottom - h - 4).toFixed(1), 'text-anchor': 'middle', 'class': 'value' }, format(p.value)));
      }
      // Every label when they fit, else every few: the table and the sentence below have them all.
      if (points.length <= 8 || i % Math.ceil(points.length / 7) === 0) {
        svg.appendChild(node('text', { x: middle, y: height - 6, 'text-anchor': 'middle' }, p.label));
      }
    });
    figure.appendChild(svg);
    var summary = document.createElement('p');
    summary.id = id + '-said';
    summary.className = 'summary';
    summary.textContent = said + '.';
    figure.appendChild(summary);
    return figure;
  }

  window.StaffCharts = { bars: bars };
})();
