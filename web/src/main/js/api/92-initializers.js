// tf.initializers, tf.regularizers, tf.constraints: JS objects holding the Java objects (`_j`),
// with TF.js's methods (apply, getConfig, getClassName); layers take them as arguments.

function Initializer() {
}
Initializer.prototype.apply = function(shape, dtype) {
  return wrap(LB.initializerApply(this._j, shape, dtype == null ? null : dtype));
};
Initializer.prototype.getConfig = function() {
  return fromJava(LB.initializerConfig(this._j));
};
Initializer.prototype.getClassName = function() {
  return LB.initializerClassName(this._j);
};

function Regularizer() {
}
Regularizer.prototype.apply = function(x) {
  return wrap(LB.regularizerApply(this._j, x._h));
};
Regularizer.prototype.getConfig = function() {
  return fromJava(LB.regularizerConfig(this._j));
};
Regularizer.prototype.getClassName = function() {
  return LB.regularizerClassName(this._j);
};

function Constraint() {
}
Constraint.prototype.apply = function(w) {
  return wrap(LB.constraintApply(this._j, w._h));
};
Constraint.prototype.getConfig = function() {
  return fromJava(LB.constraintConfig(this._j));
};
Constraint.prototype.getClassName = function() {
  return LB.constraintClassName(this._j);
};

function wrapConstraint(handle) {
  return newWrapper(Constraint.prototype, '_j', handle);
}

function argsJson(args) {
  return args === undefined ? null : JSON.stringify(args === null ? {} : args);
}

function initializerFactory(name) {
  return (args) => newWrapper(Initializer.prototype, '_j', LB.initializer(name, argsJson(args)));
}

tf.initializers = {Initializer};
['zeros', 'ones', 'constant', 'randomUniform', 'randomNormal', 'truncatedNormal', 'identity',
  'varianceScaling', 'glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'leCunNormal', 'leCunUniform',
  'orthogonal'].forEach((name) => {
  tf.initializers[name] = initializerFactory(name);
});

tf.regularizers = {Regularizer};
['l1', 'l2', 'l1l2'].forEach((name) => {
  tf.regularizers[name] = (config) => newWrapper(Regularizer.prototype, '_j', LB.regularizer(name, argsJson(config)));
});

tf.constraints = {Constraint};
['maxNorm', 'minMaxNorm', 'nonNeg', 'unitNorm'].forEach((name) => {
  tf.constraints[name] = (args) => newWrapper(Constraint.prototype, '_j', LB.constraint(name, argsJson(args)));
});
