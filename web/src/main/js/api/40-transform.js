// Shape and layout ops.
const T = N.TransformBridge;

tf.cast = (x, dtype) => scoped('cast', () => {
  checkNotString(dtype);
  return wrap(T.cast(convert(x, 'x', 'cast'), dtype));
});

tf.reshape = (x, shape) => scoped('reshape', () =>
  wrap(T.reshape(convert(x, 'x', 'reshape', 'string_or_numeric'), Array.from(shape))));

tf.transpose = (x, perm) => scoped('transpose', () =>
  wrap(T.transpose(convert(x, 'x', 'transpose'), perm == null ? null : Array.from(perm))));

chain('cast', 'reshape', 'transpose');
Tensor.prototype.reshapeAs = function(x) {
  return tf.reshape(this, x.shape);
};
Tensor.prototype.flatten = function() {
  return tf.reshape(this, [this.size]);
};
Tensor.prototype.asScalar = function() {
  assert(this.size === 1, 'The array must have only 1 element.');
  return tf.reshape(this, []);
};
Tensor.prototype.as1D = function() {
  return tf.reshape(this, [this.size]);
};
Tensor.prototype.as2D = function(rows, columns) {
  return tf.reshape(this, [rows, columns]);
};
Tensor.prototype.as3D = function(rows, columns, depth) {
  return tf.reshape(this, [rows, columns, depth]);
};
Tensor.prototype.as4D = function(rows, columns, depth, depth2) {
  return tf.reshape(this, [rows, columns, depth, depth2]);
};
Tensor.prototype.as5D = function(rows, columns, depth, depth2, depth3) {
  return tf.reshape(this, [rows, columns, depth, depth2, depth3]);
};
Tensor.prototype.asType = function(dtype) {
  return tf.cast(this, dtype);
};
Tensor.prototype.toFloat = function() {
  return tf.cast(this, 'float32');
};
Tensor.prototype.toInt = function() {
  return tf.cast(this, 'int32');
};
Tensor.prototype.toBool = function() {
  return tf.cast(this, 'bool');
};
