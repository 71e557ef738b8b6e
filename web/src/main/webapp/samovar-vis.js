// samovar-vis.js: small charts in the spirit of tfjs-vis, plain JS + canvas/HTML, no dependency.
// Global `samovarVis` (also `samovar.vis` when samovar.js is loaded first):
//   lineChart(parent, {title, series, xLabel, yLabel, yMin, yMax, height})
//       .push(series, x, y) adds a point and redraws; .points(series) reads them back;
//   fitCallbacks(parent, metrics, opts)  {onEpochEnd(epoch, logs)} for model.fit: one live chart
//       per metric group (loss/val_loss, acc/val_acc ...), like tfvis.show.fitCallbacks;
//   confusionMatrix(labels, predictions, numClasses)   counts as a nested array;
//   renderConfusionMatrix(parent, {values, tickLabels, title});
//   perClassAccuracy(confusion)   [{accuracy, count}] per class;
//   renderPerClassAccuracy(parent, {values, tickLabels, title});
//   barChart(parent, [{label, value}], {title, max, format})  horizontal bars (predictions).
// Every chart element carries data-* attributes with what it shows, so tests can read it.
(function(root) {
  'use strict';

  const COLORS = ['#b4532a', '#2a6fb4', '#2f7d4f', '#8a4fb4', '#b49a2a', '#2aa6b4', '#b42a6f'];

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  function resolveParent(parent) {
    if (typeof parent === 'string') {
      return document.getElementById(parent) || document.querySelector(parent);
    }
    return parent;
  }

  function niceStep(range, target) {
    const raw = range / Math.max(1, target);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const norm = raw / mag;
    return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  }

  function fmt(v) {
    if (v === 0) {
      return '0';
    }
    const a = Math.abs(v);
    if (a >= 1000 || a < 0.001) {
      return v.toExponential(1);
    }
    return String(Number(v.toPrecision(3)));
  }

  /** A live line chart on a canvas. */
  function lineChart(parent, opts) {
    opts = opts || {};
    const box = el('figure', 'sv-chart sv-line');
    if (opts.title) {
      box.appendChild(el('figcaption', null, opts.title));
    }
    const canvas = el('canvas');
    const width = opts.width || 480;
    const height = opts.height || 240;
    const ratio = root.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    box.appendChild(canvas);
    const legend = el('div', 'sv-legend');
    box.appendChild(legend);
    resolveParent(parent).appendChild(box);

    const data = new Map();
    (opts.series || []).forEach((s) => data.set(s, []));

    function drawLegend() {
      legend.textContent = '';
      let i = 0;
      data.forEach((pts, name) => {
        const item = el('span', 'sv-legend-item');
        const sw = el('span', 'sv-swatch');
        sw.style.background = COLORS[i++ % COLORS.length];
        item.appendChild(sw);
        const last = pts.length ? pts[pts.length - 1][1] : null;
        item.appendChild(document.createTextNode(name + (last == null ? '' : ' ' + fmt(last))));
        legend.appendChild(item);
      });
    }

    function draw() {
      const ctx = canvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      const padL = 48;
      const padR = 12;
      const padT = 10;
      const padB = 30;
      let xMin = Infinity;
      let xMax = -Infinity;
      let yMin = Infinity;
      let yMax = -Infinity;
      let total = 0;
      data.forEach((pts) => pts.forEach(([x, y]) => {
        total++;
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
        if (isFinite(y)) {
          yMin = Math.min(yMin, y);
          yMax = Math.max(yMax, y);
        }
      }));
      box.setAttribute('data-points', String(total));
      if (opts.yMin != null) {
        yMin = opts.yMin;
      }
      if (opts.yMax != null) {
        yMax = opts.yMax;
      }
      if (!isFinite(xMin)) {
        xMin = 0;
        xMax = 1;
      }
      if (xMax === xMin) {
        xMax = xMin + 1;
      }
      if (!isFinite(yMin) || !isFinite(yMax)) {
        yMin = 0;
        yMax = 1;
      }
      if (yMax === yMin) {
        yMax = yMin + (Math.abs(yMin) || 1) * 0.1;
        yMin = yMin - (yMax - yMin);
      }
      const X = (x) => padL + (x - xMin) / (xMax - xMin) * (width - padL - padR);
      const Y = (y) => padT + (1 - (y - yMin) / (yMax - yMin)) * (height - padT - padB);
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = '#5b6475';
      ctx.strokeStyle = '#e3e6ec';
      ctx.lineWidth = 1;
      const ys = niceStep(yMax - yMin, 5);
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (let v = Math.ceil(yMin / ys) * ys; v <= yMax + ys * 1e-9; v += ys) {
        ctx.beginPath();
        ctx.moveTo(padL, Y(v));
        ctx.lineTo(width - padR, Y(v));
        ctx.stroke();
        ctx.fillText(fmt(v), padL - 6, Y(v));
      }
      const xs = Math.max(1, niceStep(xMax - xMin, 6));
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (let v = Math.ceil(xMin / xs) * xs; v <= xMax + xs * 1e-9; v += xs) {
        ctx.fillText(fmt(v), X(v), height - padB + 6);
      }
      ctx.strokeStyle = '#9aa1ad';
      ctx.beginPath();
      ctx.moveTo(padL, padT);
      ctx.lineTo(padL, height - padB);
      ctx.lineTo(width - padR, height - padB);
      ctx.stroke();
      if (opts.xLabel) {
        ctx.textAlign = 'right';
        ctx.fillText(opts.xLabel, width - padR, height - 13);
      }
      let i = 0;
      data.forEach((pts) => {
        ctx.strokeStyle = ctx.fillStyle = COLORS[i++ % COLORS.length];
        ctx.lineWidth = 2;
        ctx.beginPath();
        pts.forEach(([x, y], k) => {
          if (k === 0) {
            ctx.moveTo(X(x), Y(y));
          } else {
            ctx.lineTo(X(x), Y(y));
          }
        });
        ctx.stroke();
        if (pts.length === 1) {
          ctx.beginPath();
          ctx.arc(X(pts[0][0]), Y(pts[0][1]), 3, 0, 2 * Math.PI);
          ctx.fill();
        }
      });
      drawLegend();
    }

    draw();
    return {
      element: box,
      push(series, x, y) {
        if (!data.has(series)) {
          data.set(series, []);
        }
        data.get(series).push([Number(x), Number(y)]);
        draw();
      },
      points(series) {
        return (data.get(series) || []).slice();
      },
      clear() {
        data.forEach((pts) => {
          pts.length = 0;
        });
        draw();
      },
    };
  }

  /**
   * Callbacks for model.fit that chart the given metrics live (tfvis.show.fitCallbacks): a metric
   * and its val_ twin share a chart. opts.callbacks: ['onEpochEnd'] (default) and/or 'onBatchEnd'.
   */
  function fitCallbacks(parent, metrics, opts) {
    opts = opts || {};
    const charts = {};
    const base = (m) => m.replace(/^val_/, '');
    metrics.forEach((m) => {
      const b = base(m);
      if (!charts[b]) {
        charts[b] = lineChart(parent, {title: b, xLabel: 'epoch', height: opts.height || 200,
          width: opts.width || 420, yMin: /acc/.test(b) ? 0 : undefined, yMax: /acc/.test(b) ? 1 : undefined,
          series: metrics.filter((n) => base(n) === b)});
      }
    });
    const which = opts.callbacks || ['onEpochEnd'];
    const out = {charts};
    let batches = 0;
    if (which.indexOf('onEpochEnd') >= 0) {
      out.onEpochEnd = function(epoch, logs) {
        metrics.forEach((m) => {
          if (logs && logs[m] != null) {
            charts[base(m)].push(m, epoch + 1, logs[m]);
          }
        });
        return opts.yieldEvery === 'never' ? undefined : new Promise((r) => setTimeout(r, 0));
      };
    }
    if (which.indexOf('onBatchEnd') >= 0) {
      out.onBatchEnd = function(batch, logs) {
        batches++;
        metrics.forEach((m) => {
          if (logs && logs[m] != null && !/^val_/.test(m)) {
            charts[base(m)].push(m + ' (batch)', batches, logs[m]);
          }
        });
      };
    }
    return out;
  }

  /** counts[i][j] = how many examples of true class i were predicted as j. */
  function confusionMatrix(labels, predictions, numClasses) {
    if (labels.length !== predictions.length) {
      throw new Error('confusionMatrix: labels (' + labels.length + ') and predictions (' +
          predictions.length + ') differ in length');
    }
    let n = numClasses;
    if (n == null) {
      n = 0;
      for (let i = 0; i < labels.length; i++) {
        n = Math.max(n, labels[i] + 1, predictions[i] + 1);
      }
    }
    const m = [];
    for (let i = 0; i < n; i++) {
      m.push(new Array(n).fill(0));
    }
    for (let i = 0; i < labels.length; i++) {
      m[labels[i]][predictions[i]]++;
    }
    return m;
  }

  function perClassAccuracy(confusion) {
    return confusion.map((row, i) => {
      const count = row.reduce((a, b) => a + b, 0);
      return {accuracy: count ? row[i] / count : 0, count};
    });
  }

  function renderConfusionMatrix(parent, opts) {
    const values = opts.values;
    const labels = opts.tickLabels || values.map((_, i) => String(i));
    const box = el('figure', 'sv-chart sv-confusion');
    if (opts.title) {
      box.appendChild(el('figcaption', null, opts.title));
    }
    const table = el('table');
    const head = el('tr');
    head.appendChild(el('th', 'sv-corner', 'true \u2193 / predicted \u2192'));
    labels.forEach((l) => head.appendChild(el('th', null, l)));
    table.appendChild(head);
    let max = 1;
    values.forEach((row) => row.forEach((v) => {
      max = Math.max(max, v);
    }));
    values.forEach((row, i) => {
      const tr = el('tr');
      tr.appendChild(el('th', null, labels[i]));
      row.forEach((v, j) => {
        const td = el('td', i === j ? 'diag' : null, String(v));
        const a = v / max;
        td.style.background = i === j ? 'rgba(47,125,79,' + (0.08 + 0.6 * a) + ')' :
          (v ? 'rgba(179,38,30,' + (0.1 + 0.5 * a) + ')' : 'transparent');
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    box.appendChild(table);
    box.setAttribute('data-values', JSON.stringify(values));
    const p = resolveParent(parent);
    p.textContent = '';
    p.appendChild(box);
    return box;
  }

  function renderPerClassAccuracy(parent, opts) {
    const acc = opts.values;
    const labels = opts.tickLabels || acc.map((_, i) => String(i));
    const box = el('figure', 'sv-chart sv-accuracy');
    if (opts.title) {
      box.appendChild(el('figcaption', null, opts.title));
    }
    const table = el('table');
    const head = el('tr');
    ['class', 'accuracy', 'examples'].forEach((h) => head.appendChild(el('th', null, h)));
    table.appendChild(head);
    acc.forEach((a, i) => {
      const tr = el('tr');
      tr.appendChild(el('td', null, labels[i]));
      tr.appendChild(el('td', 'num', (a.accuracy * 100).toFixed(1) + ' %'));
      tr.appendChild(el('td', 'num', String(a.count)));
      table.appendChild(tr);
    });
    box.appendChild(table);
    box.setAttribute('data-values', JSON.stringify(acc));
    const p = resolveParent(parent);
    p.textContent = '';
    p.appendChild(box);
    return box;
  }

  /** Horizontal bars, e.g. class probabilities; items: [{label, value}], drawn in the given order. */
  function barChart(parent, items, opts) {
    opts = opts || {};
    const max = opts.max != null ? opts.max : Math.max.apply(null, items.map((d) => d.value).concat([1e-12]));
    const format = opts.format || ((v) => (v * 100).toFixed(1) + ' %');
    const box = el('figure', 'sv-chart sv-bars');
    if (opts.title) {
      box.appendChild(el('figcaption', null, opts.title));
    }
    items.forEach((d, i) => {
      const row = el('div', 'sv-bar-row');
      row.setAttribute('data-label', d.label);
      row.setAttribute('data-value', String(d.value));
      row.appendChild(el('span', 'sv-bar-label', d.label));
      const track = el('span', 'sv-bar-track');
      const fill = el('span', 'sv-bar-fill');
      fill.style.width = Math.max(0, Math.min(1, d.value / max)) * 100 + '%';
      fill.style.background = COLORS[i % COLORS.length];
      track.appendChild(fill);
      row.appendChild(track);
      row.appendChild(el('span', 'sv-bar-value', format(d.value)));
      box.appendChild(row);
    });
    const p = resolveParent(parent);
    p.textContent = '';
    p.appendChild(box);
    return box;
  }

  const vis = {lineChart, fitCallbacks, confusionMatrix, perClassAccuracy, renderConfusionMatrix,
    renderPerClassAccuracy, barChart};
  root.samovarVis = vis;
  if (root.samovar && typeof root.samovar === 'object' && !root.samovar.vis) {
    try {
      root.samovar.vis = vis;
    } catch (e) {
      // a frozen namespace: samovarVis is still there
    }
  }
})(typeof window !== 'undefined' ? window : this);
