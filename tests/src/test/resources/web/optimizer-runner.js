// Replays the optimizer fixture (tests/src/test/resources/fixtures/optimizers/optimizers.json,
// made on TF.js 4.22) on `samovar` in this page, with the same run function as the generator
// (optimizer-problems.js), and runs the leak test. Driven by
// dev.samovar.tests.browser.BrowserOptimizerTest; results go back as JSON.
(function() {
  const tf = window.samovar;

  function enc(x) {
    return Number.isFinite(x) ? x : (Number.isNaN(x) ? 'NaN' : (x > 0 ? 'Infinity' : '-Infinity'));
  }

  /** Every run of the fixture: {results: [result or {error}], errors: [{name, error}]}. */
  window.runOptimizerFixture = async function(backend, flags) {
    if (!(await tf.setBackend(backend || 'cpu'))) {
      throw new Error('backend ' + (backend || 'cpu') + ' is not available');
    }
    Object.keys(flags || {}).forEach((k) => tf.env().set(k, flags[k]));
    const fixture = await (await fetch('/fixtures/optimizers/optimizers.json')).json();
    const results = [];
    for (const spec of fixture.runs) {
      try {
        results.push(await OptimizerRuns.run(tf, fixture.problems[spec.problem], spec, fixture.steps, enc));
      } catch (e) {
        results.push({error: String(e && e.message || e)});
      }
    }
    const errors = await OptimizerRuns.errors(tf);
    return JSON.stringify({results, errors});
  };

  const LEAK_CONFIGS = [
    ['sgd', [0.01]],
    ['momentum', [0.01, 0.9, true]],
    ['adagrad', [0.05]],
    ['adadelta', [1.0]],
    ['adam', [0.01]],
    ['adamax', [0.01, 0.9, 0.999, null, 0.01]],
    ['rmsprop', [0.001, 0.9, 0.5, 1e-9, true]],
  ];

  /**
   * Trains the mlp problem `steps` steps with each optimizer (odd steps through minimize without
   * the cost, even steps with it, disposed) and reports the tensors alive after the first step and
   * after the last, and what is left once the optimizer and the problem are disposed.
   */
  window.runOptimizerLeakTest = async function(steps, backend, flags) {
    if (!(await tf.setBackend(backend || 'cpu'))) {
      throw new Error('backend ' + (backend || 'cpu') + ' is not available');
    }
    Object.keys(flags || {}).forEach((k) => tf.env().set(k, flags[k]));
    const fixture = await (await fetch('/fixtures/optimizers/optimizers.json')).json();
    const p = fixture.problems.mlp;
    const out = [];
    for (const [name, args] of LEAK_CONFIGS) {
      const start = tf.memory().numTensors;
      const data = {};
      Object.keys(p.data).forEach((k) => {
        data[k] = tf.tensor(p.data[k].data, p.data[k].shape);
      });
      const vars = {};
      p.variables.forEach((v) => {
        const init = tf.tensor(v.init.data, v.init.shape);
        vars[v.key] = tf.variable(init, v.trainable, v.name);
        init.dispose();
      });
      const opt = tf.train[name].apply(null, args);
      const f = () => OptimizerRuns.losses.mlp(tf, data, vars);
      let afterFirst = -1;
      let afterFirstTextures = null;
      let lastLoss = NaN;
      const t0 = performance.now();
      for (let i = 1; i <= steps; i++) {
        if (i % 2 === 1) {
          opt.minimize(f);
        } else {
          const cost = opt.minimize(f, true);
          lastLoss = cost.dataSync()[0];
          cost.dispose();
        }
        if (i === 1) {
          afterFirst = tf.memory().numTensors;
          afterFirstTextures = tf.memory().numTextures;
        }
      }
      const ms = performance.now() - t0;
      const afterLast = tf.memory().numTensors;
      const afterLastTextures = tf.memory().numTextures;
      opt.dispose();
      tf.disposeVariables();
      Object.keys(data).forEach((k) => data[k].dispose());
      out.push({name: `${name}(${args.join(', ')})`, steps, afterFirst, afterLast,
        afterFirstTextures: afterFirstTextures == null ? null : afterFirstTextures,
        afterLastTextures: afterLastTextures == null ? null : afterLastTextures,
        left: tf.memory().numTensors - start, iterations: opt.iterations, lastLoss: enc(lastLoss), ms});
    }
    return JSON.stringify(out);
  };
})();
