// Demo 1: author and train a classifier in the page (TF.js code; tf = samovar).
(function() {
  'use strict';
  const tf = samovar;
  const ui = samovarUI;
  const vis = samovarVis;
  ui.catchErrors();
  const THRESHOLD = 0.9;
  const $ = (id) => document.getElementById(id);
  const status = (t) => {
    $('status').textContent = t;
  };

  let data = null;
  let split = null;
  let model = null;
  let norm = null;

  /** A seeded shuffle (LCG), so the held-out flowers are the same on every run. */
  function seededOrder(n, seed) {
    const idx = [];
    for (let i = 0; i < n; i++) {
      idx.push(i);
    }
    let s = seed >>> 0;
    for (let i = n - 1; i > 0; i--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (i + 1);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return idx;
  }

  /** 10 flowers per species held out, the other 120 for training. */
  function splitData(d) {
    const perClassTest = 10;
    const taken = [0, 0, 0];
    const train = [];
    const test = [];
    for (const i of seededOrder(d.features.length, 42)) {
      const c = d.labels[i];
      if (taken[c] < perClassTest) {
        taken[c]++;
        test.push(i);
      } else {
        train.push(i);
      }
    }
    return {train, test};
  }

  function tensors(idx) {
    const x = tf.tensor2d(idx.map((i) => data.features[i]), [idx.length, 4]);
    const labels = idx.map((i) => data.labels[i]);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), data.classNames.length);
    return {x, y, labels};
  }

  async function init() {
    const params = new URLSearchParams(location.search);
    if (params.get('backend')) {
      await tf.setBackend(params.get('backend'));
    }
    await tf.ready();
    const res = await fetch('assets/data/iris.json');
    if (!res.ok) {
      throw new Error('assets/data/iris.json: HTTP ' + res.status + ' (build the demos: bin/samovar serve)');
    }
    data = await res.json();
    split = splitData(data);
    status(`${data.features.length} flowers loaded: ${split.train.length} to train on, ${split.test.length} held out` +
        ` (backend ${tf.getBackend()})`);
    $('train').disabled = false;
  }

  async function train() {
    $('train').disabled = true;
    $('predict').disabled = true;
    $('charts').textContent = '';
    $('test-accuracy').textContent = '';
    const epochs = Math.max(1, Math.min(500, Number($('epochs').value) || 60));
    const lr = Number($('lr').value) || 0.05;
    if (model) {
      model.dispose();
    }
    if (norm) {
      tf.dispose([norm.mean, norm.std]);
    }
    const trainSet = tensors(split.train);
    const testSet = tensors(split.test);
    // Standardize with the training set's statistics.
    norm = tf.tidy(() => {
      const m = tf.moments(trainSet.x, 0);
      return {mean: m.mean, std: m.variance.sqrt().add(1e-6)};
    });
    const xTrain = tf.tidy(() => trainSet.x.sub(norm.mean).div(norm.std));
    const xTest = tf.tidy(() => testSet.x.sub(norm.mean).div(norm.std));

    model = tf.sequential({layers: [
      tf.layers.dense({inputShape: [4], units: 16, activation: 'relu'}),
      tf.layers.dense({units: data.classNames.length, activation: 'softmax'}),
    ]});
    model.compile({optimizer: tf.train.adam(lr), loss: 'categoricalCrossentropy', metrics: ['accuracy']});

    const lossChart = vis.lineChart('charts', {title: 'loss', series: ['loss', 'val_loss'], xLabel: 'epoch',
      width: 440, height: 200});
    const accChart = vis.lineChart('charts', {title: 'accuracy', series: ['acc', 'val_acc'], xLabel: 'epoch',
      width: 440, height: 200, yMin: 0, yMax: 1});
    const t0 = performance.now();
    status('training…');
    await model.fit(xTrain, trainSet.y, {
      epochs, batchSize: 16, shuffle: true, validationData: [xTest, testSet.y],
      callbacks: {
        onEpochEnd: async (epoch, logs) => {
          const acc = logs.acc != null ? logs.acc : logs.accuracy;
          const valAcc = logs.val_acc != null ? logs.val_acc : logs.val_accuracy;
          lossChart.push('loss', epoch + 1, logs.loss);
          lossChart.push('val_loss', epoch + 1, logs.val_loss);
          accChart.push('acc', epoch + 1, acc);
          accChart.push('val_acc', epoch + 1, valAcc);
          status(`epoch ${epoch + 1} / ${epochs}: loss ${logs.loss.toFixed(4)}, accuracy ${(acc * 100).toFixed(1)} %`);
          await tf.nextFrame();
        },
      },
    });
    const seconds = (performance.now() - t0) / 1000;

    // Held-out evaluation: confusion matrix and per-class accuracy.
    const predicted = tf.tidy(() => model.predict(xTest).argMax(-1));
    const pred = Array.from(await predicted.data());
    predicted.dispose();
    const confusion = vis.confusionMatrix(testSet.labels, pred, data.classNames.length);
    vis.renderConfusionMatrix('confusion', {values: confusion, tickLabels: data.classNames, title: 'confusion matrix'});
    vis.renderPerClassAccuracy('per-class', {values: vis.perClassAccuracy(confusion), tickLabels: data.classNames,
      title: 'per-class accuracy'});
    let right = 0;
    pred.forEach((p, i) => {
      if (p === testSet.labels[i]) {
        right++;
      }
    });
    const accuracy = right / pred.length;
    const out = $('test-accuracy');
    out.textContent = `Held-out accuracy: ${right} / ${pred.length} = ${(accuracy * 100).toFixed(1)} %` +
        (accuracy >= THRESHOLD ? ' \u2714 (\u2265 90 %)' : ' (below the 90 % the demo expects; train again)');
    out.setAttribute('data-value', String(accuracy));
    out.style.color = accuracy >= THRESHOLD ? 'var(--ok)' : 'var(--err)';
    tf.dispose([trainSet.x, trainSet.y, testSet.x, testSet.y, xTrain, xTest]);
    status(`trained ${epochs} epochs in ${seconds.toFixed(1)} s; ${tf.memory().numTensors} tensors alive`);
    $('status').setAttribute('data-done', 'true');
    $('train').disabled = false;
    $('predict').disabled = false;
    $('predict-hint').textContent = '';
    predict();
  }

  function predict() {
    const values = [0, 1, 2, 3].map((i) => Number($('f' + i).value));
    if (values.some((v) => !isFinite(v))) {
      throw new Error('Enter four numbers (cm)');
    }
    const probs = tf.tidy(() => model.predict(tf.tensor2d([values]).sub(norm.mean).div(norm.std)).dataSync());
    const items = data.classNames.map((label, i) => ({label, value: probs[i]}));
    let best = 0;
    for (let i = 1; i < items.length; i++) {
      if (items[i].value > items[best].value) {
        best = i;
      }
    }
    $('prediction').textContent = `Iris ${items[best].label} (${(items[best].value * 100).toFixed(1)} %)`;
    $('prediction').setAttribute('data-label', items[best].label);
    vis.barChart('probabilities', items, {max: 1});
  }

  $('train').addEventListener('click', ui.guard(train));
  $('predict').addEventListener('click', ui.guard(predict));
  ui.guard(init)();
})();
