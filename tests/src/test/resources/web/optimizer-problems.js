// The training runs of the optimizer fixtures, shared by tests/fixtures/gen-optimizer-fixtures.mjs
// (TF.js 4.22 in Node) and optimizer-runner.js (samovar.js in the page), so both run exactly the
// same steps; the JVM suite (dev.samovar.tests.train.JvmOptimizerRunner) mirrors them op for op.
(function(root) {
  // Each loss takes the library, the problem's data tensors and its variables (by key) and
  // returns a scalar.
  const losses = {
    // Least squares with a bias, scaled by a non-trainable variable. Its variable list also holds
    // an unused trainable variable; the bias has an array-index name, which JS orders first.
    leastSquares(tf, d, v) {
      const r = tf.sub(tf.add(tf.matMul(d.X, v.W), v.b), d.Y);
      return tf.mul(tf.sum(tf.mul(r, r)), v.scale);
    },
    // A small two-layer net: relu hidden layer, exp output, squared error.
    mlp(tf, d, v) {
      const h = tf.relu(tf.add(tf.matMul(d.X, v.W1), v.b1));
      const o = tf.exp(tf.mul(tf.matMul(h, v.W2), 0.5));
      const r = tf.sub(o, d.Y);
      return tf.mul(tf.sum(tf.mul(r, r)), 0.25);
    },
    // Softmax regression with TF.js's softmax cross entropy (needs the gradients of its ops).
    softmax(tf, d, v) {
      return tf.losses.softmaxCrossEntropy(d.labels, tf.add(tf.matMul(d.X, v.W), v.b));
    },
  };

  /**
   * One run: makes the problem's data and variables, trains `steps` steps with
   * tf.train[spec.optimizer](...spec.args) (handing the state to a new optimizer through
   * getWeights/setWeights after spec.resumeAt steps), and returns per step the loss, the variables
   * and the tensors alive, then the optimizer's weights, iterations, config and tensor counts.
   * `enc` encodes one float for JSON.
   */
  async function run(tf, problem, spec, steps, enc) {
    const values = (t) => Array.from(t.dataSync(), enc);
    const before0 = tf.memory().numTensors;
    const data = {};
    for (const k of Object.keys(problem.data)) {
      data[k] = tf.tensor(problem.data[k].data, problem.data[k].shape, problem.data[k].dtype);
    }
    const vars = {};
    for (const v of problem.variables) {
      vars[v.key] = tf.variable(tf.tensor(v.init.data, v.init.shape, v.init.dtype), v.trainable, v.name);
    }
    const varList = spec.useVarList ? problem.varList.map((k) => vars[k]) : undefined;
    const make = () => tf.train[spec.optimizer].apply(null, spec.args);
    const before = tf.memory().numTensors;
    let opt = make();
    const out = {steps: []};
    const f = () => losses[spec.problem](tf, data, vars);
    try {
      for (let step = 1; step <= steps; step++) {
        if (spec.resumeAt != null && step === spec.resumeAt + 1) {
          const saved = await opt.getWeights();
          out.savedWeightNames = saved.map((w) => w.name);
          const next = make();
          await next.setWeights(saved);
          saved[0].tensor.dispose();
          opt.dispose();
          opt = next;
        }
        const cost = opt.minimize(f, true, varList);
        const entry = {loss: enc(cost.dataSync()[0]), variables: {}};
        cost.dispose();
        for (const v of problem.variables) {
          entry.variables[v.key] = values(vars[v.key]);
        }
        entry.numTensors = tf.memory().numTensors - before;
        out.steps.push(entry);
      }
      try {
        const weights = await opt.getWeights();
        out.weights = weights.map((w) => ({name: w.name, shape: w.tensor.shape, dtype: w.tensor.dtype,
          data: values(w.tensor)}));
        weights[0].tensor.dispose();
      } catch (e) {
        out.weightsError = e.message;
      }
      out.iterations = opt.iterations;
      out.config = opt.getConfig();
      out.tensorsAlive = tf.memory().numTensors - before;
      opt.dispose();
      out.tensorsAfterDispose = tf.memory().numTensors - before;
    } finally {
      tf.disposeVariables();
      Object.keys(data).forEach((k) => data[k].dispose());
    }
    out.tensorsLeft = tf.memory().numTensors - before0;
    return out;
  }

  /** Calls that fail, and their messages. */
  async function errors(tf) {
    const out = [];
    const record = async (name, fn) => {
      try {
        await fn();
        out.push({name, error: null});
      } catch (e) {
        out.push({name, error: e.message});
      }
    };
    await record('rmsprop without a learning rate', () => tf.train.rmsprop());
    await record('sgd setWeights with slots', async () => {
      const o = tf.train.sgd(0.1);
      const extra = tf.scalar(1);
      const iter = tf.scalar(3, 'int32');
      try {
        await o.setWeights([{name: 'iter', tensor: iter}, {name: 'x', tensor: extra}]);
      } finally {
        extra.dispose();
        iter.dispose();
        o.dispose();
      }
    });
    await record('adamax setWeights', async () => {
      const o = tf.train.adamax();
      try {
        await o.setWeights([]);
      } finally {
        o.dispose();
      }
    });
    return out;
  }

  const api = {losses, run, errors};
  if (typeof module === 'object' && module && module.exports) {
    module.exports = api;
  } else {
    root.OptimizerRuns = api;
  }
})(this);
