// Pooling (NHWC).
const PL = N.pool();
