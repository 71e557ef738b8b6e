// Training-step benchmark: an MLP 784-128-10 (relu hidden layer) written with plain ops and
// variables, batch 64, Adam, on Samovar's cpu backend and TF.js 4.22's cpu backend in this one
// page. Driven by dev.samovar.tests.bench.TrainBenchmark (bin/samovar bench).
(function() {
  const sv = window.samovar;
  const tfjs = window.tf;

  const BATCH = 64;
  const IN = 784;
  const HIDDEN = 128;
  const OUT = 10;

  function rand(n, seed, lo, hi) {
    const out = new Float32Array(n);
    let s = seed >>> 0;
    for (let i = 0; i < n; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      out[i] = lo + (hi - lo) * (s / 4294967296);
    }
    return out;
  }

  function oneHot(n, classes, seed) {
    const out = new Float32Array(n * classes);
    const u = rand(n, seed, 0, 1);
    for (let i = 0; i < n; i++) {
      out[i * classes + Math.min(classes - 1, Math.floor(u[i] * classes))] = 1;
    }
    return out;
  }

  const DATA = {
    x: rand(BATCH * IN, 1, 0, 1),
    y: oneHot(BATCH, OUT, 2),
    w1: rand(IN * HIDDEN, 3, -0.08, 0.08),
    b1: new Float32Array(HIDDEN),
    w2: rand(HIDDEN * OUT, 4, -0.2, 0.2),
    b2: new Float32Array(OUT),
  };

  /** The losses: softmax cross entropy (the workload), squared error (needs fewer gradients). */
  const LOSSES = {
    'softmax cross entropy': (L, y, logits) => L.losses.softmaxCrossEntropy(y, logits),
    'squared error': (L, y, logits) => {
      const r = L.sub(logits, y);
      return L.mul(L.sum(L.mul(r, r)), 1 / BATCH);
    },
  };

  let modelId = 0;

  /** A fresh model, its Adam optimizer and its training step (which returns the loss). */
  function setUp(L, lossName) {
    const id = modelId++;
    const x = L.tensor(DATA.x, [BATCH, IN]);
    const y = L.tensor(DATA.y, [BATCH, OUT]);
    const v = (values, shape, name) => {
      const init = L.tensor(values, shape);
      const variable = L.variable(init, true, `bench${id}/${name}`);
      init.dispose();
      return variable;
    };
    const w1 = v(DATA.w1, [IN, HIDDEN], 'w1');
    const b1 = v(DATA.b1, [HIDDEN], 'b1');
    const w2 = v(DATA.w2, [HIDDEN, OUT], 'w2');
    const b2 = v(DATA.b2, [OUT], 'b2');
    const varList = [w1, b1, w2, b2];
    const opt = L.train.adam(0.001);
    const loss = () => {
      const h = L.relu(L.add(L.matMul(x, w1), b1));
      const logits = L.add(L.matMul(h, w2), b2);
      return LOSSES[lossName](L, y, logits);
    };
    return {
      step() {
        const cost = opt.minimize(loss, true, varList);
        const value = cost.dataSync()[0];
        cost.dispose();
        return value;
      },
      dispose() {
        opt.dispose();
        varList.concat([x, y]).forEach((t) => t.dispose());
      },
    };
  }

  function median(xs) {
    const s = xs.slice().sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
  }

  function timeStep(m) {
    const t0 = performance.now();
    m.step();
    return performance.now() - t0;
  }

  /** Resolves to JSON: {env, results: [{name, samovar, tfjs, runs, maxLossDiff, error}]}. */
  window.runTrainBenchmarks = async function(opts) {
    opts = opts || {};
    const minRuns = opts.minRuns || 5;
    const maxRuns = opts.maxRuns || 40;
    const budgetMs = opts.budgetMs || 8000;
    const agreementSteps = opts.agreementSteps || 5;
    await tfjs.setBackend('cpu');
    await sv.setBackend('cpu');
    await tfjs.ready();
    const results = [];
    for (const lossName of Object.keys(LOSSES)) {
      const entry = {name: `MLP 784-128-10 training step, batch ${BATCH}, adam, ${lossName}`, samovar: null,
        tfjs: null, runs: 0, maxLossDiff: null, error: null};
      let models = [];
      try {
        // Same start, same steps: the losses must agree.
        const fresh = [setUp(sv, lossName), setUp(tfjs, lossName)];
        models = fresh;
        let diff = 0;
        for (let i = 0; i < agreementSteps; i++) {
          diff = Math.max(diff, Math.abs(fresh[0].step() - fresh[1].step()));
        }
        entry.maxLossDiff = diff;
        // Warm both up until the JIT has settled (at least 5 steps and 1 s each), then alternate.
        for (const m of fresh) {
          const warmStart = performance.now();
          for (let i = 0; i < 5 || (i < 200 && performance.now() - warmStart < 1000); i++) {
            m.step();
          }
        }
        const ts = [];
        const tt = [];
        const start = performance.now();
        while (ts.length < maxRuns && (ts.length < minRuns || performance.now() - start < budgetMs)) {
          ts.push(timeStep(fresh[0]));
          tt.push(timeStep(fresh[1]));
          await sleep(0);
        }
        entry.samovar = median(ts);
        entry.tfjs = median(tt);
        entry.runs = ts.length;
      } catch (e) {
        entry.error = String(e && e.message || e);
      }
      models.forEach((m) => {
        try {
          m.dispose();
        } catch (e) {
          // already failed
        }
      });
      results.push(entry);
      document.getElementById('log').textContent += JSON.stringify(entry) + '\n';
    }
    return JSON.stringify({
      env: {userAgent: navigator.userAgent, samovar: sv.version.samovar, tfjs: tfjs.version.tfjs,
        hardwareConcurrency: navigator.hardwareConcurrency},
      results,
    });
  };
})();
