// Demo 4: a Keras model converted at build time runs in the page; its outputs are compared with the
// JVM's run of the same converted model (assets/converted/jvm-outputs.json, written by the build).
(function() {
  'use strict';
  const tf = samovar;
  const ui = samovarUI;
  ui.catchErrors();
  const $ = (id) => document.getElementById(id);
  const BASE = 'assets/converted/';
  let model = null;
  let reference = null;

  async function init() {
    // The page runs the converted model on the cpu backend: the same Java kernels as the JVM run, so
    // the printed digits are the same. (On webgl the values agree to about 1e-6, not digit for digit.)
    await tf.setBackend('cpu');
    const res = await fetch(BASE + 'jvm-outputs.json');
    if (!res.ok) {
      throw new Error(BASE + 'jvm-outputs.json: HTTP ' + res.status +
          ' (the build converts the model and runs it on the JVM; build the demos with bin/samovar serve)');
    }
    reference = await res.json();
    $('jvm-out').textContent = reference.outputs.map((o, i) =>
      'output ' + i + ' ' + JSON.stringify(o.shape) + '\n' + o.text).join('\n');
    if (reference.keras) {
      $('keras-out').textContent = 'Keras (Python), predictions.npy ' + JSON.stringify(reference.keras.shape) + '\n' +
          reference.keras.data.map((v) => v.toPrecision(7)).join('\n');
    }
    model = await ui.loadWithProgress('Loading the converted model', 'progress',
        (onProgress) => tf.loadLayersModel(BASE + 'model/model.json', {onProgress}));
    $('status').textContent = `backend ${tf.getBackend()}; ${model.layers.length} layers; input ${JSON.stringify(model.inputs[0].shape)}`;
    $('run').disabled = false;
    document.body.setAttribute('data-ready', 'true');
  }

  async function run() {
    const inputs = reference.inputs.map((t) => tf.tensor(t.data, t.shape, t.dtype));
    const out = model.predict(inputs.length === 1 ? inputs[0] : inputs);
    const outs = Array.isArray(out) ? out : [out];
    let maxDiff = 0;
    let text = '';
    for (let i = 0; i < outs.length; i++) {
      const values = await outs[i].data();
      const want = reference.outputs[i].data;
      if (values.length !== want.length) {
        throw new Error(`output ${i}: ${values.length} values in the page, ${want.length} on the JVM`);
      }
      for (let k = 0; k < values.length; k++) {
        maxDiff = Math.max(maxDiff, Math.abs(values[k] - want[k]));
      }
      text += 'output ' + i + ' ' + JSON.stringify(outs[i].shape) + '\n' + outs[i].toString() + '\n';
    }
    tf.dispose(inputs.concat(outs));
    $('page-out').textContent = text;
    let kerasDiff = 0;
    if (reference.keras) {
      const v = reference.outputs[0].data;
      reference.keras.data.forEach((k, i) => {
        kerasDiff = Math.max(kerasDiff, Math.abs(k - v[i]));
      });
    }
    const same = maxDiff <= 1e-5;
    $('verdict').textContent = same ? `Same outputs as the JVM (largest difference ${maxDiff.toExponential(2)})` :
      `Outputs differ from the JVM's by up to ${maxDiff.toExponential(2)}`;
    $('verdict').style.color = same ? 'var(--ok)' : 'var(--err)';
    $('verdict').setAttribute('data-max-diff', String(maxDiff));
    $('keras-diff').textContent = reference.keras ?
      `The JVM's outputs differ from Keras's own predictions by up to ${kerasDiff.toExponential(2)}.` : '';
  }

  $('run').addEventListener('click', ui.guard(run));
  ui.guard(init)();
})();
