// Replays the op cases of a fixture file on `samovar` in this page; the same steps as
// tests/fixtures/gen-op-fixtures.mjs runs on TF.js. Returns outcomes as JSON for the Java side.
(function() {
  const tf = window.samovar;

  function encodeNumber(x) {
    if (Object.is(x, -0)) {
      return '-0';
    }
    if (typeof x === 'number' && !Number.isFinite(x)) {
      return Number.isNaN(x) ? 'NaN' : (x > 0 ? 'Infinity' : '-Infinity');
    }
    return x;
  }

  function decodeNumber(x) {
    if (x === 'NaN') return NaN;
    if (x === '-0') return -0;
    if (x === 'Infinity') return Infinity;
    if (x === '-Infinity') return -Infinity;
    return x;
  }

  function decode(v) {
    if (Array.isArray(v)) return v.map(decode);
    if (v !== null && typeof v === 'object') {
      if (v.tensor) {
        const {shape, dtype, data} = v.tensor;
        return tf.tensor(data.map(decodeNumber), shape, dtype);
      }
      if ('number' in v && Object.keys(v).length === 1) return decodeNumber(v.number);
      const o = {};
      for (const k of Object.keys(v)) o[k] = decode(v[k]);
      return o;
    }
    return v;
  }

  function encode(r) {
    if (r instanceof tf.Tensor) {
      return {tensor: {shape: r.shape, dtype: r.dtype, data: Array.from(r.dataSync(), encodeNumber)}};
    }
    if (Array.isArray(r)) return r.map(encode);
    if (r !== null && typeof r === 'object') {
      const o = {};
      for (const k of Object.keys(r)) o[k] = encode(r[k]);
      return o;
    }
    if (typeof r === 'number') return encodeNumber(r);
    return r;
  }

  function resolve(opPath) {
    let f = tf;
    let self = tf;
    for (const part of opPath.split('.')) {
      self = f;
      f = f == null ? undefined : f[part];
    }
    if (typeof f !== 'function') throw new Error(`samovar.${opPath} is not a function`);
    return f.bind(self);
  }

  function call(c, args) {
    return c.method ? args[0][c.method](...args.slice(1)) : resolve(c.op)(...args);
  }

  function callGrad(c, args) {
    const xs = c.grad.map((i) => args[i]);
    const f = (...vs) => {
      const a = args.slice();
      c.grad.forEach((k, j) => {
        a[k] = vs[j];
      });
      const r = call(c, a);
      return c.gradPick != null ? r[c.gradPick] : r;
    };
    const dy = c.dy != null ? decode(c.dy) : undefined;
    try {
      return tf.grads(f)(xs, dy);
    } finally {
      if (dy) dy.dispose();
    }
  }

  function run(c) {
    const args = decode(c.args || []);
    const afterInputs = tf.memory().numTensors;
    let result;
    try {
      result = c.grad ? callGrad(c, args) : call(c, args);
    } catch (e) {
      tf.dispose(args);
      return {error: String(e && e.message)};
    }
    const newTensors = tf.memory().numTensors - afterInputs;
    const out = {result: encode(result), newTensors};
    tf.dispose(result);
    tf.dispose(args);
    return out;
  }

  /** Runs every case of fixtures/ops/<file>.json; resolves to a JSON array of outcomes. */
  window.runFixture = async function(file) {
    const response = await fetch(`/fixtures/ops/${file}.json`);
    const fixture = await response.json();
    const before = tf.memory().numTensors;
    const outcomes = fixture.cases.map((c) => {
      try {
        return run(c);
      } catch (e) {
        return {error: 'runner: ' + (e && e.message)};
      }
    });
    return JSON.stringify({outcomes, leaked: tf.memory().numTensors - before});
  };
  document.getElementById && (window.runnerReady = true);
})();
