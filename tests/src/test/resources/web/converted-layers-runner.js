// Loads a Keras model converted by samovar-convert (served under /converted/) with
// samovar.loadLayersModel and with TF.js 4.22's tf.loadLayersModel in the same page, both on the
// cpu backend, predicts on the same deterministic inputs, and returns both outputs. Driven by
// ConvertedLayersBrowserTest.
(function() {
  const sv = window.samovar;

  function inputValues(k, size) {
    const out = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      out[i] = ((i * 7919 + k * 104729) % 1000) / 1000 - 0.5;
    }
    return out;
  }

  async function run(L, url) {
    const model = await L.loadLayersModel(url);
    const xs = model.inputs.map((inp, k) => {
      const shape = inp.shape.map((d, i) => (d == null ? (i === 0 ? 1 : 16) : d));
      return L.tensor(inputValues(k, shape.reduce((a, b) => a * b, 1)), shape);
    });
    let ys = model.predict(xs.length === 1 ? xs[0] : xs);
    if (!Array.isArray(ys)) ys = [ys];
    const out = ys.map(y => ({shape: y.shape, values: Array.from(y.dataSync())}));
    L.dispose(xs.concat(ys));
    model.dispose();
    return out;
  }

  window.runConvertedLayersModel = async function(url) {
    await sv.setBackend('cpu');
    await tf.setBackend('cpu');
    const samovar = await run(sv, url);
    const tfjs = await run(tf, url);
    return JSON.stringify({samovar, tfjs});
  };
})();
