// The training problems of the optimizer fixtures, shared by tests/fixtures/gen-optimizer-fixtures.mjs
// (TF.js 4.22 in Node) and optimizer-runner.js (samovar.js in the page); the JVM suite
// (dev.samovar.tests.train.OptimizerProblems) mirrors them op for op. Each loss takes the library,
// the problem's data tensors and its variables, and returns a scalar.
(function(root) {
  const problems = {
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
  if (typeof module === 'object' && module && module.exports) {
    module.exports = problems;
  } else {
    root.OptimizerProblems = problems;
  }
})(this);
