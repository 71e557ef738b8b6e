// Demo 2: import a pretrained MobileNetV2 and show top-k predictions (TF.js code; tf = samovar).
(function() {
  'use strict';
  const tf = samovar;
  const ui = samovarUI;
  const vis = samovarVis;
  const demo = mobilenetDemo;
  ui.catchErrors();
  const $ = (id) => document.getElementById(id);
  let net = null;
  let count = 0;

  async function classify(canvas, name) {
    const card = document.createElement('div');
    card.className = 'thumb';
    card.appendChild(canvas);
    const title = document.createElement('div');
    title.className = 'status';
    title.textContent = name;
    card.appendChild(title);
    const bars = document.createElement('div');
    card.appendChild(bars);
    $('results').insertBefore(card, $('results').firstChild);
    const x = demo.input(tf, canvas);
    const t0 = performance.now();
    const {top, all} = await demo.topK(tf, net.model, net.classes, x, 3);
    const ms = performance.now() - t0;
    x.dispose();
    vis.barChart(bars, top, {max: 1, title: `top 3 (${ms.toFixed(0)} ms)`});
    card.setAttribute('data-top1', top[0].label);
    card.setAttribute('data-probs', JSON.stringify(all));
    count++;
    $('status').textContent = `${count} image(s) classified; ${tf.memory().numTensors} tensors alive`;
    $('results').setAttribute('data-count', String(count));
  }

  function fromFile(file) {
    return new Promise((resolve, reject) => {
      const url = URL.createObjectURL(file);
      const img = new Image();
      img.onload = () => {
        URL.revokeObjectURL(url);
        resolve(demo.toCanvas(img, img.naturalWidth, img.naturalHeight));
      };
      img.onerror = () => {
        URL.revokeObjectURL(url);
        reject(new Error(file.name + ': not an image the browser can decode'));
      };
      img.src = url;
    });
  }

  async function files(list) {
    for (const f of Array.from(list)) {
      await classify(await fromFile(f), f.name);
    }
  }

  async function init() {
    net = await demo.load(tf, ui, 'progress');
    $('status').textContent = `model ready: ${net.model.layers.length} layers, backend ${tf.getBackend()}`;
    $('gen-drawing').disabled = false;
    $('gen-photo').disabled = false;
    document.body.setAttribute('data-ready', 'true');
  }

  $('gen-drawing').addEventListener('click', ui.guard(() => classify(demo.generated('drawing'), 'generated drawing')));
  $('gen-photo').addEventListener('click', ui.guard(() => classify(demo.generated('smooth'), 'generated smooth image')));
  $('file').addEventListener('change', ui.guard((e) => files(e.target.files)));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', ui.guard((e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (!net) {
      throw new Error('The model is still loading');
    }
    return files(e.dataTransfer.files);
  }));
  ui.guard(init)();
})();
