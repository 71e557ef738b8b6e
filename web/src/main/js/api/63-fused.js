// tf.fused: ops with bias and activation.
const FU = N.FusedBridge;
tf.fused = {};
