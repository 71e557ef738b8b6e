// Demo 3: retrain MobileNetV2 from the webcam (TF.js code; tf = samovar).
(function() {
  'use strict';
  const tf = samovar;
  const ui = samovarUI;
  const vis = samovarVis;
  const demo = mobilenetDemo;
  ui.catchErrors();
  const $ = (id) => document.getElementById(id);
  const CLASSES = ['Class A', 'Class B', 'Class C'];
  const EPOCHS = 20;
  const video = $('webcam');
  let features = null;
  const examples = CLASSES.map(() => []);   // feature tensors [1, 1280] per class (kept)
  let head = null;
  let predicting = false;
  let predictions = 0;

  /** The features of the current webcam frame (tf.browser.fromPixels of the video, in demo.input). */
  function featuresOf(source) {
    return tf.tidy(() => features.predict(demo.input(tf, source)));
  }

  function renderClasses() {
    const box = $('classes');
    box.textContent = '';
    CLASSES.forEach((name, c) => {
      const row = document.createElement('div');
      row.className = 'class-row';
      const btn = document.createElement('button');
      btn.className = 'button secondary capture';
      btn.id = 'capture-' + c;
      btn.textContent = 'Capture ' + name;
      btn.disabled = !features;
      btn.addEventListener('click', ui.guard(() => capture(c)));
      const count = document.createElement('span');
      count.className = 'count';
      count.id = 'count-' + c;
      count.textContent = examples[c].length + ' examples';
      row.appendChild(btn);
      row.appendChild(count);
      box.appendChild(row);
    });
  }

  async function capture(c) {
    const f = featuresOf(video);
    await f.data();
    examples[c].push(f);
    $('count-' + c).textContent = examples[c].length + ' examples';
    $('train').disabled = !examples.every((e) => e.length > 0);
  }

  async function train() {
    $('train').disabled = true;
    predicting = false;
    if (head) {
      head.dispose();
    }
    const xs = [];
    const labels = [];
    examples.forEach((list, c) => list.forEach((f) => {
      xs.push(f);
      labels.push(c);
    }));
    const x = tf.concat(xs, 0);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length));
    head = tf.sequential({layers: [
      tf.layers.dense({inputShape: [x.shape[1]], units: 64, activation: 'relu'}),
      tf.layers.dense({units: CLASSES.length, activation: 'softmax'}),
    ]});
    head.compile({optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
    $('charts').textContent = '';
    const chart = vis.lineChart('charts', {title: 'training loss', series: ['loss'], xLabel: 'epoch',
      width: 420, height: 180});
    const losses = [];
    await head.fit(x, y, {epochs: EPOCHS, batchSize: 16, shuffle: true, callbacks: {
      onEpochEnd: async (epoch, logs) => {
        chart.push('loss', epoch + 1, logs.loss);
        losses.push(logs.loss);
        $('charts').setAttribute('data-losses', JSON.stringify(losses));
        $('status').textContent = `epoch ${epoch + 1} / ${EPOCHS}: loss ${logs.loss.toFixed(4)}`;
        await tf.nextFrame();
      },
    }});
    tf.dispose([x, y]);
    $('status').textContent = `head trained on ${labels.length} examples; predicting live`;
    $('status').setAttribute('data-trained', 'true');
    $('train').disabled = false;
    $('stop').disabled = false;
    predicting = true;
    predictLoop();
  }

  async function predictLoop() {
    while (predicting) {
      const probs = tf.tidy(() => head.predict(features.predict(demo.input(tf, video))));
      const p = await probs.data();
      probs.dispose();
      const items = CLASSES.map((label, i) => ({label, value: p[i]}));
      let best = 0;
      items.forEach((it, i) => {
        if (it.value > items[best].value) {
          best = i;
        }
      });
      $('live').textContent = `${items[best].label} (${(items[best].value * 100).toFixed(0)} %)`;
      $('live').setAttribute('data-label', items[best].label);
      vis.barChart('live-bars', items, {max: 1});
      predictions++;
      $('live').setAttribute('data-predictions', String(predictions));
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new Error('This browser gives the page no camera (navigator.mediaDevices is missing; ' +
          'pages need http://127.0.0.1 or https)');
    }
    const stream = await navigator.mediaDevices.getUserMedia({video: {width: 320, height: 240}, audio: false});
    video.srcObject = stream;
    await new Promise((resolve) => {
      if (video.readyState >= 2) {
        resolve();
      } else {
        video.onloadeddata = () => resolve();
      }
    });
  }

  async function init() {
    renderClasses();
    const [net] = await Promise.all([demo.load(tf, ui, 'progress'), startCamera()]);
    const base = net.model;
    features = tf.model({inputs: base.inputs, outputs: base.getLayer('flatten_1').output});
    renderClasses();
    $('status').textContent = `ready (backend ${tf.getBackend()}): capture examples of each class`;
    document.body.setAttribute('data-ready', 'true');
  }

  $('train').addEventListener('click', ui.guard(train));
  $('stop').addEventListener('click', () => {
    predicting = false;
    $('stop').disabled = true;
  });
  ui.guard(init)();
})();
