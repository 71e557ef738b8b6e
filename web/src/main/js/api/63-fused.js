// tf.fused: ops with bias and activation.
const FU = N.fused();
tf.fused = {};
