// Runs a corpus graph model (fixtures/graph/<name>.json names it) through samovar.loadGraphModel
// from /models/ with the inputs of tests/fixtures/graph-models.mjs, and returns what the test
// compares with the TF.js fixture, on `backend` (default cpu; 'webgl' also reports the kernels that
// fell back to cpu). benchGraphModel times Samovar and TF.js 4.22 on the same model in this page, on
// cpu or webgl. Driven by GraphModelBrowserTest and GraphBenchmark.
(function() {
  const sv = window.samovar;

  function inputValues(k, size, offset, dtype) {
    const out = dtype === 'int32' ? new Int32Array(size) : new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const v = ((i * 7919 + k * 104729) % 1000);
      out[i] = dtype === 'int32' ? (v % 256) : v / 1000 - offset;
    }
    return out;
  }

  function makeInputs(L, fixture) {
    return fixture.inputs.map((info, k) => {
      const size = info.shape.reduce((a, b) => a * b, 1);
      return L.tensor(inputValues(k, size, fixture.offset, info.dtype), info.shape, info.dtype);
    });
  }

  async function fixture(name) {
    return (await fetch('/fixtures/graph/' + name + '.json')).json();
  }

  async function useBackend(backend) {
    const b = backend || 'cpu';
    if (!(await sv.setBackend(b))) {
      throw new Error('backend ' + b + ' is not available');
    }
    if (b === 'webgl') {
      sv.webgl.fallbacks(true);
    }
    return b;
  }

  window.runGraphModel = async function(name, viaHandler, backend) {
    const b = await useBackend(backend);
    const fx = await fixture(name);
    const url = '/models/' + fx.model;
    let model;
    if (viaHandler) {
      // An object IOHandler: load() returns the artifacts.
      const json = await (await fetch(url)).json();
      const dir = url.substring(0, url.lastIndexOf('/') + 1);
      const buffers = [];
      const specs = [];
      for (const g of json.weightsManifest) {
        specs.push(...g.weights);
        for (const p of g.paths) {
          buffers.push(await (await fetch(dir + p)).arrayBuffer());
        }
      }
      model = await sv.loadGraphModel({load: async () => ({modelTopology: json.modelTopology,
        weightSpecs: specs, weightData: buffers, signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata, format: json.format})});
    } else {
      let progress = 0;
      model = await sv.loadGraphModel(url, {onProgress: (f) => { progress = f; }});
      if (progress !== 1) {
        throw new Error('onProgress ended at ' + progress);
      }
    }
    const inputs = makeInputs(sv, fx);
    const before = sv.memory().numTensors;
    let out = fx.async ? await model.executeAsync(inputs.length === 1 ? inputs[0] : inputs)
                       : model.predict(inputs.length === 1 ? inputs[0] : inputs);
    const tensorsLeft = sv.memory().numTensors - before;
    let names;
    if (out instanceof sv.Tensor) {
      out = [out];
      names = model.outputNodes;
    } else if (Array.isArray(out)) {
      names = model.outputNodes;
    } else {
      names = Object.keys(out);
      out = names.map((k) => out[k]);
    }
    const result = {
      inputNodes: model.inputNodes, outputNodes: model.outputNodes,
      inputs: model.inputs, weights: Object.keys(model.weights).length,
      outputs: out.map((t, i) => ({name: names[i], dtype: t.dtype, shape: t.shape,
        values: Array.from(t.dataSync().slice(0, 4096))})),
      tensorsLeft, backend: sv.getBackend(),
    };
    if (b === 'webgl') {
      result.fallbacks = sv.webgl.fallbacks(true);
    }
    sv.dispose(out);
    sv.dispose(inputs);
    const beforeDispose = sv.memory().numTensors;
    model.dispose();
    result.weightsFreed = beforeDispose - sv.memory().numTensors;
    return JSON.stringify(result);
  };

  async function loadTfjs(url) {
    return window.tf.loadGraphModel(url);
  }

  function median(a) {
    const s = a.slice().sort((x, y) => x - y);
    return s[Math.floor(s.length / 2)];
  }

  /**
   * Median predict latency (ms) of Samovar and TF.js on `backend` (cpu default, or webgl) on one
   * model, runs alternating after one warm-up run each (on webgl that run compiles the programs);
   * peak intermediate bytes with and without the memory plan.
   */
  window.benchGraphModel = async function(name, runs, backend) {
    const b = await useBackend(backend);
    const fx = await fixture(name);
    const url = '/models/' + fx.model;
    await window.tf.setBackend(b);
    await window.tf.ready();
    if (window.tf.getBackend() !== b) {
      throw new Error('TF.js backend ' + b + ' is not available');
    }
    const svModel = await sv.loadGraphModel(url);
    const tfModel = await loadTfjs(url);
    const svIn = makeInputs(sv, fx);
    const tfIn = makeInputs(window.tf, fx);
    const feed = (a) => a.length === 1 ? a[0] : a;
    const svTimes = [];
    const tfTimes = [];
    for (let r = 0; r < runs + 1; r++) {
      let t0 = performance.now();
      let y = svModel.predict(feed(svIn));
      (Array.isArray(y) ? y[0] : y).dataSync();
      const ts = performance.now() - t0;
      sv.dispose(y);
      t0 = performance.now();
      y = tfModel.predict(feed(tfIn));
      (Array.isArray(y) ? y[0] : y).dataSync();
      const tt = performance.now() - t0;
      window.tf.dispose(y);
      if (r >= 1) {
        svTimes.push(ts);
        tfTimes.push(tt);
      }
    }
    svModel.setMemoryPlan(true);
    sv.dispose(svModel.predict(feed(svIn)));
    const withPlan = svModel.peakIntermediateBytes();
    svModel.setMemoryPlan(false);
    sv.dispose(svModel.predict(feed(svIn)));
    const withoutPlan = svModel.peakIntermediateBytes();
    sv.dispose(svIn);
    window.tf.dispose(tfIn);
    svModel.dispose();
    tfModel.dispose();
    const out = {name, backend: b, samovarMs: median(svTimes), tfjsMs: median(tfTimes), withPlan, withoutPlan,
      runs, userAgent: navigator.userAgent};
    if (b === 'webgl') {
      out.fallbacks = sv.webgl.fallbacks(true);
      const gl = sv.webgl.getContext();
      const dbg = gl.getExtension('WEBGL_debug_renderer_info');
      out.renderer = dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    }
    return JSON.stringify(out);
  };
})();

// A converted graph model (samovar-convert output) on the reference inputs of
// shared/models/reference_outputs/tfjava: inputs {name: {dtype, shape, data}}, outputs by name.
window.runConvertedModel = async function(url, inputs, outputs, isAsync, backend) {
  const sv = window.samovar;
  if (!(await sv.setBackend(backend || 'cpu'))) {
    throw new Error('backend ' + (backend || 'cpu') + ' is not available');
  }
  const model = await sv.loadGraphModel(url);
  const feeds = {};
  Object.keys(inputs).forEach((k) => {
    const t = inputs[k];
    const dtype = t.dtype.startsWith('float') ? 'float32' : (t.dtype === 'bool' ? 'bool' : 'int32');
    feeds[k] = sv.tensor(t.data, t.shape, dtype);
  });
  let out = isAsync ? await model.executeAsync(feeds, outputs) : model.execute(feeds, outputs);
  if (!Array.isArray(out)) {
    out = [out];
  }
  const result = out.map((t) => ({shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync())}));
  sv.dispose(out);
  sv.dispose(Object.values(feeds));
  model.dispose();
  return JSON.stringify({outputs: result});
};
