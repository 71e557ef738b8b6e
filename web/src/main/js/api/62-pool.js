// Pooling (NHWC).
const PL = N.PoolBridge;
