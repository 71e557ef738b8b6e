// The page side of BrowserIoDataTest: samovar.js (`samovar`) and TF.js 4.22 (`tfjs`) in one page.
// Every function returns a Promise of a JSON string for the Java test.
(function() {
  'use strict';
  const tf = window.samovar;

  function values(t) {
    return Array.from(t.dataSync());
  }

  function describe(map) {
    const out = {};
    Object.keys(map).sort().forEach((k) => {
      out[k] = {dtype: map[k].dtype, shape: map[k].shape, values: values(map[k])};
    });
    return out;
  }

  function errorText(e) {
    return String(e && e.message || e);
  }

  /** Artifacts made by samovar: a topology, metadata and encoded float32 / int32 / bool weights. */
  async function makeArtifacts(lib) {
    const weights = {
      'dense/kernel': lib.tensor([[0.5, -1.25, 3e-8], [65504, -0, 1 / 3]]),
      'dense/bias': lib.tensor([1, 2, 3]),
      'step': lib.tensor([-3, 0, 2147483647], [3], 'int32'),
      'mask': lib.tensor([true, false]),
    };
    const encoded = await lib.io.encodeWeights(weights);
    lib.dispose(weights);
    return {
      modelTopology: {class_name: 'Sequential', config: {name: 'm', layers: []}},
      format: 'layers-model',
      generatedBy: 'samovar test',
      convertedBy: null,
      weightSpecs: encoded.specs,
      weightData: encoded.data,
      userDefinedMetadata: {note: 'ü'},
      trainingConfig: {loss: 'meanSquaredError'},
    };
  }

  function checkLoaded(lib, original, loaded) {
    const originalWeights = lib.io.decodeWeights(original.weightData, original.weightSpecs);
    const a = describe(originalWeights);
    lib.dispose(originalWeights);
    const decoded = lib.io.decodeWeights(loaded.weightData, loaded.weightSpecs);
    const b = describe(decoded);
    lib.dispose(decoded);
    return {
      weightsEqual: JSON.stringify(a) === JSON.stringify(b),
      topologyEqual: JSON.stringify(original.modelTopology) === JSON.stringify(loaded.modelTopology),
      format: loaded.format, generatedBy: loaded.generatedBy,
      userDefinedMetadata: loaded.userDefinedMetadata || null,
      trainingConfig: loaded.trainingConfig || null,
      weights: b,
    };
  }

  function readBlobUrl(url) {
    return fetch(url).then((r) => r.arrayBuffer());
  }

  window.runDataCasesInPage = () => window.DataCases.runDataCases(tf).then((r) => JSON.stringify(r));

  window.runRoundTrips = async function() {
    const out = {};
    const artifacts = await makeArtifacts(tf);
    const before = tf.memory().numTensors;
    const run = async (name, fn) => {
      try {
        out[name] = await fn();
      } catch (e) {
        out[name] = {error: errorText(e)};
      }
    };
    await run('localstorage', async () => {
      const saved = await tf.io.getSaveHandlers('localstorage://rt')[0].save(artifacts);
      const loaded = await tf.io.getLoadHandlers('localstorage://rt')[0].load();
      return Object.assign(checkLoaded(tf, artifacts, loaded), {info: saved.modelArtifactsInfo});
    });
    await run('indexeddb', async () => {
      const saved = await tf.io.getSaveHandlers('indexeddb://rt')[0].save(artifacts);
      const loaded = await tf.io.getLoadHandlers('indexeddb://rt')[0].load();
      return Object.assign(checkLoaded(tf, artifacts, loaded), {info: saved.modelArtifactsInfo});
    });
    await run('http', async () => {
      const url = location.origin + '/upload/model.json';
      const saved = await tf.io.getSaveHandlers(url)[0].save(artifacts);
      const progress = [];
      const loaded = await tf.io.http(url, {onProgress: (f) => progress.push(f)}).load();
      // TF.js reads the same upload.
      const theirs = await tfjs.io.http(url).load();
      const tfjsWeights = tfjs.io.decodeWeights(theirs.weightData, theirs.weightSpecs);
      const tfjsDescribed = {};
      Object.keys(tfjsWeights).sort().forEach((k) => {
        tfjsDescribed[k] = {dtype: tfjsWeights[k].dtype, shape: tfjsWeights[k].shape,
          values: Array.from(tfjsWeights[k].dataSync())};
      });
      tfjs.dispose(tfjsWeights);
      const r = checkLoaded(tf, artifacts, loaded);
      // loadOptions: fetchFunc, weightUrlConverter, weightPathPrefix.
      const calls = [];
      const viaOptions = await tf.io.http(url, {
        fetchFunc: (u, init) => {
          calls.push(String(u));
          return fetch(u, init);
        },
        weightUrlConverter: (p) => Promise.resolve(location.origin + '/upload/' + p.replace('./', '')),
      }).load();
      const viaPrefix = await tf.io.http(url, {weightPathPrefix: location.origin + '/upload/'}).load();
      return Object.assign(r, {status: saved.responses[0].status, progress, fetchCalls: calls.length,
        optionsEqual: checkLoaded(tf, artifacts, viaOptions).weightsEqual &&
          checkLoaded(tf, artifacts, viaPrefix).weightsEqual,
        tfjsEqual: JSON.stringify(tfjsDescribed) === JSON.stringify(r.weights)});
    });
    await run('downloads', async () => {
      const handler = tf.io.getSaveHandlers('downloads://my-model')[0];
      const clicks = [];
      const anchor = () => ({dispatchEvent: function() {
        clicks.push({download: this.download, href: this.href});
      }});
      handler.modelJsonAnchor = anchor();
      handler.weightDataAnchor = anchor();
      const saved = await handler.save(artifacts);
      const jsonBytes = await readBlobUrl(clicks[0].href);
      const weightBytes = await readBlobUrl(clicks[1].href);
      const files = [new File([jsonBytes], clicks[0].download), new File([weightBytes], clicks[1].download)];
      const loaded = await tf.io.browserFiles(files).load();
      const modelJSON = JSON.parse(new TextDecoder().decode(jsonBytes));
      return Object.assign(checkLoaded(tf, artifacts, loaded), {files: clicks.map((c) => c.download),
        manifest: modelJSON.weightsManifest[0].paths, info: saved.modelArtifactsInfo});
    });
    await run('memory', async () => {
      let captured;
      await tf.io.withSaveHandler(async (a) => {
        captured = a;
        return {modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a)};
      }).save(artifacts);
      const loaded = await tf.io.fromMemory(captured).load();
      const sync = tf.io.fromMemorySync(captured).load();
      return Object.assign(checkLoaded(tf, artifacts, loaded), {syncSame: sync === captured});
    });
    await run('tfjs reads samovar', async () => {
      const theirs = tfjs.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
      const ours = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
      const same = Object.keys(theirs).every((k) => theirs[k].dtype === ours[k].dtype &&
        JSON.stringify(Array.from(theirs[k].dataSync())) === JSON.stringify(values(ours[k])));
      tfjs.dispose(theirs);
      tf.dispose(ours);
      return {same};
    });
    await run('samovar reads tfjs', async () => {
      const model = tfjs.sequential();
      model.add(tfjs.layers.dense({units: 3, inputShape: [4], biasInitializer: 'randomNormal'}));
      let a;
      await model.save(tfjs.io.withSaveHandler(async (x) => {
        a = x;
        return {modelArtifactsInfo: tfjs.io.getModelArtifactsInfoForJSON(x)};
      }));
      const theirs = tfjs.io.decodeWeights(a.weightData, a.weightSpecs);
      const ours = tf.io.decodeWeights(a.weightData, a.weightSpecs);
      const same = Object.keys(theirs).length === 2 && Object.keys(theirs).every((k) =>
        JSON.stringify(Array.from(theirs[k].dataSync())) === JSON.stringify(values(ours[k])));
      tfjs.dispose(theirs);
      tf.dispose(ours);
      return {same, names: Object.keys(ours)};
    });
    await run('management', async () => {
      const listed1 = Object.keys(await tf.io.listModels()).sort();
      await tf.io.copyModel('localstorage://rt', 'indexeddb://copy');
      await tf.io.moveModel('indexeddb://copy', 'localstorage://moved');
      const listed2 = Object.keys(await tf.io.listModels()).sort();
      const moved = await tf.io.getLoadHandlers('localstorage://moved')[0].load();
      const removed = await tf.io.removeModel('localstorage://moved');
      await tf.io.removeModel('indexeddb://rt');
      const listed3 = Object.keys(await tf.io.listModels()).sort();
      let missing;
      try {
        await tf.io.removeModel('indexeddb://nope');
      } catch (e) {
        missing = errorText(e);
      }
      let noScheme;
      try {
        await tf.io.removeModel('nope');
      } catch (e) {
        noScheme = errorText(e);
      }
      return {listed1, listed2, listed3, movedOk: checkLoaded(tf, artifacts, moved).weightsEqual,
        removedType: removed.modelTopologyType, missing, noScheme};
    });
    out.tensorsLeft = tf.memory().numTensors - before;
    return JSON.stringify(out);
  };

  async function sha256(t) {
    const v = t.dataSync();
    const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Loads each model over http and compares every decoded weight's SHA-256 with TF.js's. */
  window.runRealModels = async function(expectedJson, names) {
    const expected = JSON.parse(expectedJson);
    const before = tf.memory().numTensors;
    const out = {};
    for (const rel of names) {
      const progress = [];
      const a = await tf.io.http('/models/' + rel + '/model.json', {onProgress: (f) => progress.push(f)}).load();
      const w = tf.io.decodeWeights(a.weightData, a.weightSpecs);
      const mismatches = [];
      let checked = 0;
      for (const name of Object.keys(expected[rel])) {
        if (w[name] == null || await sha256(w[name]) !== expected[rel][name].sha256) {
          mismatches.push(name);
        }
        checked++;
      }
      tf.dispose(w);
      out[rel] = {checked, mismatches, shards: Array.isArray(a.weightData) ? a.weightData.length : 1,
        lastProgress: progress[progress.length - 1]};
    }
    out.tensors = tf.memory().numTensors - before;
    return JSON.stringify(out);
  };


  /**
   * The same tf.io calls on samovar and on TF.js in this page: results (or error messages) must be
   * equal. Each entry: [name, fn(lib) returning a value or a Promise].
   */
  const PARITY = [
    ['decode unknown quantization', (lib) => lib.io.decodeWeights(new ArrayBuffer(4),
        [{name: 'w', shape: [1], dtype: 'float32', quantization: {dtype: 'uint4', min: 0, scale: 1}}])],
    ['decode uint8 without scale', (lib) => lib.io.decodeWeights(new ArrayBuffer(4),
        [{name: 'w', shape: [4], dtype: 'float32', quantization: {dtype: 'uint8', min: 0}}])],
    ['decode float16 int32', (lib) => lib.io.decodeWeights(new ArrayBuffer(4),
        [{name: 'w', shape: [2], dtype: 'int32', quantization: {dtype: 'float16'}}])],
    ['decode float64', (lib) => lib.io.decodeWeights(new ArrayBuffer(8), [{name: 'w', shape: [1], dtype: 'float64'}])],
    ['decode two buffers', (lib) => {
      const m = lib.io.decodeWeights([new Float32Array([1, 2]).buffer, new Float32Array([3]).buffer,
        new Int32Array([7]).buffer], [{name: 'a', shape: [3], dtype: 'float32'}, {name: 'b', shape: [], dtype: 'int32'}]);
      const r = {a: Array.from(m.a.dataSync()), b: Array.from(m.b.dataSync()), shapes: [m.a.shape, m.b.shape]};
      lib.dispose(m);
      return r;
    }],
    ['loadWeights missing name', (lib) => lib.io.loadWeights([{paths: ['x.bin'],
      weights: [{name: 'a', shape: [1], dtype: 'float32'}, {name: 'b', shape: [1], dtype: 'float32'}]}], '/x', ['nope', 'b'])],
    ['loadWeights quantized', async (lib) => {
      const manifest = (await (await fetch('/fixtures/io/quantized/model.json')).json()).weightsManifest;
      const m = await lib.io.loadWeights(manifest, '/fixtures/io/quantized', ['q/float16', 'plain/bool']);
      const r = {};
      Object.keys(m).sort().forEach((k) => {
        r[k] = [m[k].dtype, Array.from(m[k].dataSync(), String)];
      });
      lib.dispose(m);
      return r;
    }],
    ['weightsLoaderFactory', async (lib) => {
      const urls = [];
      const load = lib.io.weightsLoaderFactory((u) => {
        urls.push(u);
        return Promise.resolve([new Float32Array([5, 6]).buffer]);
      });
      const m = await load([{paths: ['s.bin'], weights: [{name: 'w', shape: [2], dtype: 'float32'}]}], 'base');
      const r = {urls, w: Array.from(m.w.dataSync())};
      lib.dispose(m);
      return r;
    }],
    ['http empty path', (lib) => lib.io.http('')],
    ['http body', (lib) => lib.io.http('/m.json', {requestInit: {body: 'x'}})],
    ['http 404', (lib) => lib.io.http('/bad/nomodel/model.json').load()],
    ['http malformed', (lib) => lib.io.http('/bad/malformed/model.json').load()],
    ['http neither', (lib) => lib.io.http('/bad/neither/model.json').load()],
    ['http save status', (lib) => lib.io.http('/bad/nomodel/save').save({modelTopology: {}, weightSpecs: [],
      weightData: new ArrayBuffer(0)})],
    ['removeModel no scheme', (lib) => lib.io.removeModel('nope')],
    ['removeModel unknown scheme', (lib) => lib.io.removeModel('foo://nope')],
    ['removeModel localstorage missing', (lib) => lib.io.removeModel('localstorage://nope')],
    ['copyModel same', (lib) => lib.io.copyModel('localstorage://a', 'localstorage://a')],
    ['copyModel no handler', (lib) => lib.io.copyModel('foo://a', 'localstorage://a')],
    ['localstorage load missing', (lib) => lib.io.getLoadHandlers('localstorage://nope')[0].load()],
    ['indexeddb load missing', (lib) => lib.io.getLoadHandlers('indexeddb://nope')[0].load()],
    ['handler counts', (lib) => ['downloads://x', 'indexeddb://x', 'localstorage://x', 'http://h/m.json',
      'https://h/m.json', 'foo://x'].map((u) => [lib.io.getSaveHandlers(u).length, lib.io.getLoadHandlers(u).length])],
    ['info of ArrayBuffer topology', (lib) => lib.io.getModelArtifactsInfoForJSON({modelTopology: new ArrayBuffer(2)})],
    ['info', (lib) => {
      const i = lib.io.getModelArtifactsInfoForJSON({modelTopology: {a: 'ü'}, weightSpecs: [{name: 'w', shape: [1],
        dtype: 'float32'}], weightData: [new ArrayBuffer(4), new ArrayBuffer(3)]});
      return [i.modelTopologyType, i.modelTopologyBytes, i.weightSpecsBytes, i.weightDataBytes, i.dateSaved instanceof Date];
    }],
    ['browserFiles none', (lib) => lib.io.browserFiles([])],
    ['fromMemory', async (lib) => {
      const a = {modelTopology: {x: 1}, weightSpecs: [], weightData: new ArrayBuffer(0)};
      return [(await lib.io.fromMemory(a).load()) === a, lib.io.fromMemorySync(a).load() === a];
    }],
    ['concatenateArrayBuffers', (lib) => Array.from(new Uint8Array(lib.io.concatenateArrayBuffers(
        [new Uint8Array([1, 2]).buffer, new Uint8Array([3]).buffer])))],
    ['encodeWeights', async (lib) => {
      const r = await lib.io.encodeWeights([{name: 'x', tensor: lib.tensor([1.5, -2])},
        {name: 'y', tensor: lib.tensor([[1, 2]], [1, 2], 'int32')}], 'model');
      return [r.specs, Array.from(new Uint8Array(r.data))];
    }],
  ];

  window.runParity = async function() {
    const out = [];
    for (const entry of PARITY) {
      const results = [];
      for (const lib of [tf, window.tfjs]) {
        const before = lib.memory().numTensors;
        try {
          const v = await entry[1](lib);
          results.push({value: JSON.parse(JSON.stringify(v === undefined ? null : v,
              (k, x) => (x && x.load ? 'handler' : x)))});
        } catch (e) {
          results.push({error: errorText(e)});
        }
        results[results.length - 1].tensorsLeft = lib.memory().numTensors - before;
      }
      out.push({name: entry[0], samovar: results[0], tfjs: results[1]});
    }
    return JSON.stringify(out);
  };


  // ------------------------------------------------- loadLayersModel / loadGraphModel options
  // The same URLs and LoadOptions through samovar and TF.js, served by a recording fetchFunc: the
  // requests each library makes (URL, requestInit, third argument), the onProgress values, the
  // predictions of the loaded model, or the error.

  /** A layers model (TF.js-saved 4-5-3 MLP) and a graph model (x · w), each with its weights in two shards. */
  async function loaderModels() {
    const tfjs = window.tfjs;
    const m = tfjs.sequential({layers: [tfjs.layers.dense({units: 5, activation: 'relu', inputShape: [4]}),
      tfjs.layers.dense({units: 3})]});
    m.setWeights(m.getWeights().map((w, i) => tfjs.tensor(Array.from({length: w.size}, (_, k) => ((k * 7 + i * 3) % 11) / 10 - 0.5),
        w.shape)));
    let saved;
    await m.save(tfjs.io.withSaveHandler(async (a) => {
      saved = a;
      return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
    }));
    m.dispose();
    // Shards cut inside a weight, off float boundaries, the last one the smaller, as converters write
    // them (TF.js 4.22's CompositeArrayBuffer reads zeros after the first shard when equal-size shards
    // are followed by a larger last one; samovar reads every layout).
    const files = {};
    files['l1.bin'] = saved.weightData.slice(0, 90);
    files['l2.bin'] = saved.weightData.slice(90);
    const layersJson = JSON.stringify({modelTopology: saved.modelTopology, format: 'layers-model',
      weightsManifest: [{paths: ['l1.bin', 'l2.bin'], weights: saved.weightSpecs}]});
    const w = new Float32Array([0.5, -1, 2, 0.25, -0.75, 1.5]);
    files['g1.bin'] = w.buffer.slice(0, 14);
    files['g2.bin'] = w.buffer.slice(14);
    const graphJson = JSON.stringify({format: 'graph-model', generatedBy: 'test', convertedBy: 'test',
      modelTopology: {node: [
        {name: 'x', op: 'Placeholder', attr: {dtype: {type: 'DT_FLOAT'},
          shape: {shape: {dim: [{size: '-1'}, {size: '3'}]}}}},
        {name: 'w', op: 'Const', attr: {dtype: {type: 'DT_FLOAT'},
          value: {tensor: {dtype: 'DT_FLOAT', tensorShape: {dim: [{size: '3'}, {size: '2'}]}}}}},
        {name: 'y', op: 'MatMul', input: ['x', 'w'], attr: {T: {type: 'DT_FLOAT'}, transpose_a: {b: false},
          transpose_b: {b: false}}},
      ], library: {}, versions: {producer: 1}},
      weightsManifest: [{paths: ['g1.bin', 'g2.bin'], weights: [{name: 'w', shape: [3, 2], dtype: 'float32'}]}]});
    return {files, layersJson, graphJson};
  }

  const LOADER_CASES = [
    ['layers', 'models/l/model.json?v=2', {requestInit: {headers: {'X-Test': 'a'}, credentials: 'include'}}],
    ['layers', 'models/l/model.json', {weightPathPrefix: 'https://cdn.example/w/'}],
    ['layers', 'http://host.example/l/model.json', {weightUrlConverter: (p) => Promise.resolve(`https://conv.example/${p}?x`)}],
    ['layers', 'https://tfhub.example/l/1', {fromTFHub: true}],
    ['layers', 'models/missing/model.json', {}],
    ['graph', 'models/g/model.json?v=2', {requestInit: {headers: {'X-Test': 'a'}, credentials: 'include'}}],
    ['graph', 'models/g/model.json', {weightPathPrefix: 'https://cdn.example/w/'}],
    ['graph', 'http://host.example/g/model.json', {weightUrlConverter: (p) => Promise.resolve(`https://conv.example/${p}?x`)}],
    ['graph', 'https://tfhub.example/g/1', {fromTFHub: true}],
    ['graph', 'https://tfhub.example/g/1/', {fromTFHub: true, requestInit: {cache: 'no-store'}}],
    ['graph', 'models/missing/model.json', {}],
  ];

  window.runLoaderOptions = async function() {
    const models = await loaderModels();
    const out = [];
    for (const [kind, url, extra] of LOADER_CASES) {
      const results = {};
      for (const [name, lib] of [['samovar', tf], ['tfjs', window.tfjs]]) {
        const calls = [];
        const progress = [];
        const fetchFunc = (u, init, third) => {
          calls.push([u, init === undefined ? 'undefined' : JSON.stringify(init),
            third === undefined ? 'undefined' : JSON.stringify(third)]);
          const file = u.split('?')[0].split('/').pop();
          if (u.indexOf('missing') >= 0) {
            return Promise.resolve(new Response('no', {status: 404}));
          }
          const body = file.endsWith('.bin') ? models.files[file] :
            (kind === 'layers' ? models.layersJson : models.graphJson);
          return Promise.resolve(new Response(body, {status: body == null ? 404 : 200}));
        };
        const options = Object.assign({fetchFunc, onProgress: (f) => progress.push(f)}, extra);
        const before = lib.memory().numTensors;
        const r = {};
        try {
          const model = await (kind === 'layers' ? lib.loadLayersModel(url, options) : lib.loadGraphModel(url, options));
          const x = kind === 'layers' ? lib.tensor([[1, -2, 0.5, 3]]) : lib.tensor([[1, 2, 3], [-1, 0.5, 4]]);
          const y = model.predict(x);
          r.output = Array.from(y.dataSync());
          lib.dispose([x, y]);
          model.dispose();
        } catch (e) {
          r.error = errorText(e);
        }
        r.calls = calls;
        r.progress = progress;
        r.tensorsLeft = lib.memory().numTensors - before;
        results[name] = r;
      }
      out.push({name: `${kind} ${url} ${JSON.stringify(extra, (k, v) => (typeof v === 'function' ? 'fn' : v))}`,
        samovar: results.samovar, tfjs: results.tfjs});
    }
    return JSON.stringify(out);
  };

  /** Median milliseconds of loading a model over http and decoding its weights, samovar and TF.js. */
  window.timeLoadAndDecode = async function(url, runs) {
    const out = {};
    for (const [name, lib] of [['samovar', tf], ['tfjs', window.tfjs]]) {
      const times = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const a = await lib.io.http(url).load();
        const w = lib.io.decodeWeights(a.weightData, a.weightSpecs);
        times.push(performance.now() - t0);
        lib.dispose(w);
      }
      times.sort((x, y) => x - y);
      out[name] = times[Math.floor(times.length / 2)];
    }
    return JSON.stringify(out);
  };

  window.runLoad = async function(url) {
    const a = await tf.io.http(url).load();
    const w = tf.io.decodeWeights(a.weightData, a.weightSpecs);
    const r = describe(w);
    tf.dispose(w);
    return JSON.stringify(r);
  };

  /** Each URL must fail to load; the error message and the tensor count around it. */
  window.runBadInputs = async function(urls) {
    const out = {};
    for (const url of urls) {
      const before = tf.memory().numTensors;
      try {
        const a = await tf.io.http(url).load();
        tf.dispose(tf.io.decodeWeights(a.weightData, a.weightSpecs));
        out[url] = {loaded: true};
      } catch (e) {
        out[url] = {error: errorText(e), tensorsLeft: tf.memory().numTensors - before};
      }
    }
    // The page keeps working.
    out.after = tf.tensor([1, 2]).add(1).dataSync()[1];
    return JSON.stringify(out);
  };
})();
