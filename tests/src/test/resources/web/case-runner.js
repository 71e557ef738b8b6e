// How an op case runs, written once: tests/fixtures/gen-op-fixtures.mjs runs it on TF.js 4.22 in
// Node to make the fixtures, op-runner.js runs it on samovar in the page. A case names a call
// (`op`: a path on tf such as 'losses.meanSquaredError', or `method`: a Tensor method on args[0])
// with encoded arguments; a gradient case (`grad`: argument indices) runs tf.grads of that call.
(function(root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.createCaseRunner = factory();
  }
})(typeof self !== 'undefined' ? self : this, function() {
  function encodeNumber(x) {
    if (Object.is(x, -0)) return '-0';
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

  /** A runner of cases on a library with TF.js's API (`tf`: TF.js or samovar). */
  return function createCaseRunner(tf, libraryName) {
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
      if (typeof f !== 'function') throw new Error(`${libraryName}.${opPath} is not a function`);
      return f.bind(self);
    }

    function call(c, args) {
      return c.method ? args[0][c.method](...args.slice(1)) : resolve(c.op)(...args);
    }

    /** tf.grads of the call with respect to args c.grad, seeded with c.dy; c.gradPick picks an output. */
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

    /**
     * Runs one case: {result, newTensors} (tensors the call left alive), or {error}; for a call
     * that returns a Promise, a Promise of that.
     */
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
      const finish = (r) => {
        const newTensors = tf.memory().numTensors - afterInputs;
        const out = {result: encode(r), newTensors};
        tf.dispose(r);
        tf.dispose(args);
        return out;
      };
      // An async op (whereAsync, ...): a Promise of the outcome.
      if (result != null && typeof result.then === 'function') {
        return result.then(finish, (e) => {
          tf.dispose(args);
          return {error: String(e && e.message)};
        });
      }
      return finish(result);
    }

    return {run, encode, decode, encodeNumber};
  };
});
