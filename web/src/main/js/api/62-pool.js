// Pooling (NHWC).
const PL = N.PoolBridge;

tf.maxPool = (x, filterSize, strides, pad, dimRoundingMode) => scoped('maxPool', () => {
  const hx = convert(x, 'x', 'maxPool');
  const p = convPad(pad);
  return wrap(PL.maxPool(hx, convTuple(filterSize), convTuple(strides), p[0], p[1], p[2],
      convRounding(dimRoundingMode)));
});

tf.avgPool = (x, filterSize, strides, pad, dimRoundingMode) => scoped('avgPool', () => {
  const hx = convert(x, 'x', 'avgPool', 'float32');
  const p = convPad(pad);
  return wrap(PL.avgPool(hx, convTuple(filterSize), convTuple(strides), p[0], p[1], p[2],
      convRounding(dimRoundingMode)));
});

tf.pool = (input, windowShape, poolingType, pad, dilations, strides, dimRoundingMode) =>
  scoped('pool', () => {
    const hx = convert(input, 'x', 'maxPool');
    const p = convPad(pad);
    return wrap(PL.pool(hx, convTuple(windowShape), String(poolingType), p[0], p[1], p[2],
        dilations == null ? [1, 1] : convTuple(dilations), strides == null ? [1] : convTuple(strides),
        convRounding(dimRoundingMode)));
  });

chain('maxPool', 'avgPool', 'pool');

// 3-D pooling (NDHWC); TF.js has no tensor methods for them.
tf.maxPool3d = (x, filterSize = [1, 1, 1], strides, pad, dimRoundingMode, dataFormat = 'NDHWC') =>
  scoped('maxPool3d', () => {
    const hx = convert(x, 'x', 'maxPool3d');
    const p = convPad(pad);
    return wrap(PL.maxPool3d(hx, convTuple(filterSize), convTuple(strides), p[0], p[1], p[2],
        convRounding(dimRoundingMode), String(dataFormat)));
  });

tf.avgPool3d = (x, filterSize, strides, pad, dimRoundingMode, dataFormat = 'NDHWC') =>
  scoped('avgPool3d', () => {
    const hx = convert(x, 'x', 'avgPool3d', 'float32');
    const p = convPad(pad);
    return wrap(PL.avgPool3d(hx, convTuple(filterSize), convTuple(strides), p[0], p[1], p[2],
        convRounding(dimRoundingMode), String(dataFormat)));
  });

tf.maxPoolWithArgmax = (x, filterSize, strides, pad, includeBatchInIndex = false) =>
  scoped('maxPoolWithArgmax', () => {
    const hx = convert(x, 'x', 'maxPoolWithArgmax');
    const p = convPad(pad);
    const r = PL.maxPoolWithArgmax(hx, convTuple(filterSize), convTuple(strides), p[0], p[1], p[2],
        !!includeBatchInIndex);
    return {result: wrap(r[0]), indexes: wrap(r[1])};
  });
