// tf.data cases, written once: tests/fixtures/gen-data-fixtures.mjs runs them on TF.js 4.22 in Node
// and commits the results (fixtures/data/data.json); data-runner.html replays them on samovar.js in
// Chromium (BrowserDataTest). Each case is `run(tf)` returning a Promise of a plain value;
// `encodeDataValue` turns tensors, NaN, undefined into JSON. Also the tensors a case leaves alive.
(function(root) {
  'use strict';

  function csvUrl(text) {
    return 'data:text/csv;charset=utf-8,' + encodeURIComponent(text);
  }

  function range(n) {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(i);
    }
    return out;
  }

  async function iterations(ds, n) {
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(await ds.toArray());
    }
    return out;
  }

  async function errorOf(fn) {
    try {
      await fn();
      return {noError: true};
    } catch (e) {
      return {error: String(e && e.message)};
    }
  }

  const CSV_BASIC = 'a,b,c\n1,2,hello\n3.5,-4,"x,y"\n1e3,  7 ,"say ""hi"""\n';
  const CSV_TYPES = 'f,i,b,s,label\n1.5,2.7,true,x,1\n-0.5,-2.2,0,y,0\n,3,FALSE,z,1\n';

  const CASES = [
    {name: 'array numbers', run: (tf) => tf.data.array([1, 2, 3, 4]).toArray()},
    {name: 'array objects', run: (tf) => tf.data.array([{a: 1, b: [1, 2]}, {a: 2, b: [3, 4]}]).toArray()},
    {name: 'size of array', run: async (tf) => tf.data.array(range(10)).size},
    {name: 'map', run: (tf) => tf.data.array([1, 2, 3]).map((x) => x * x).toArray()},
    {name: 'map to tensors', run: (tf) => tf.data.array([1, 2, 3]).map((x) => tf.scalar(x).mul(2)).toArray()},
    {name: 'mapAsync', run: (tf) => tf.data.array([1, 2, 3]).mapAsync((x) => Promise.resolve(x + 10)).toArray()},
    {name: 'filter', run: (tf) => tf.data.array(range(10)).filter((x) => x % 3 === 0).toArray()},
    {name: 'filter size', run: async (tf) => [tf.data.array(range(10)).filter((x) => x > 2).size,
      tf.data.array(range(3)).repeat().filter((x) => x > 2).size]},
    {name: 'take skip', run: async (tf) => [await tf.data.array(range(10)).take(3).toArray(),
      await tf.data.array(range(10)).skip(7).toArray(), await tf.data.array(range(5)).skip(9).toArray(),
      await tf.data.array(range(5)).take(-1).toArray(), tf.data.array(range(10)).take(3).size,
      tf.data.array(range(10)).skip(7).size, tf.data.array(range(5)).skip(9).size]},
    {name: 'repeat', run: async (tf) => [await tf.data.array([1, 2]).repeat(3).toArray(),
      await tf.data.array([1, 2, 3]).repeat().take(7).toArray(), tf.data.array([1, 2]).repeat(3).size,
      tf.data.array([1, 2]).repeat().size, tf.data.array([1, 2]).repeat(0).size]},
    {name: 'concatenate', run: async (tf) => {
      const a = tf.data.array([1, 2]);
      const b = tf.data.array([3, 4, 5]);
      return [await a.concatenate(b).toArray(), a.concatenate(b).size];
    }},
    {name: 'zip array', run: (tf) => tf.data.zip([tf.data.array([1, 2, 3]), tf.data.array(['a', 'b'])]).toArray()},
    {name: 'zip object', run: async (tf) => {
      const z = tf.data.zip({x: tf.data.array([1, 2]), y: {z: tf.data.array([3, 4])}});
      return [await z.toArray(), z.size];
    }},
    {name: 'batch numbers', run: (tf) => tf.data.array(range(7)).batch(3).toArray()},
    {name: 'batch no small last', run: async (tf) => {
      const ds = tf.data.array(range(7)).batch(3, false);
      return [await ds.toArray(), ds.size, tf.data.array(range(7)).batch(3).size];
    }},
    {name: 'batch nested arrays', run: (tf) => tf.data.array([[1, 2], [3, 4], [5, 6]]).batch(2).toArray()},
    {name: 'batch objects', run: (tf) => tf.data.array([{a: 1, b: {c: [1, 2]}}, {a: 2, b: {c: [3, 4]}},
      {a: 3, b: {c: [5, 6]}}]).batch(2).toArray()},
    {name: 'batch tensors', run: (tf) => tf.data.array([tf.tensor([1, 2]), tf.tensor([3, 4]),
      tf.tensor([5, 6])]).batch(2).toArray()},
    {name: 'batch booleans', run: (tf) => tf.data.array([true, false, true]).batch(3).toArray()},
    {name: 'batch xs ys', run: (tf) => tf.data.array([{xs: [1, 2], ys: 0}, {xs: [3, 4], ys: 1}])
        .batch(2).toArray()},
    {name: 'shuffle seeded', run: (tf) => tf.data.array(range(10)).shuffle(3, 42).toArray()},
    {name: 'shuffle wide window', run: (tf) => tf.data.array(range(20)).shuffle(100, 7).toArray()},
    {name: 'shuffle window 1', run: (tf) => tf.data.array(range(6)).shuffle(1, 5).toArray()},
    {name: 'shuffle reshuffle', run: (tf) => iterations(tf.data.array(range(12)).shuffle(5, 123), 3)},
    {name: 'shuffle no reshuffle', run: (tf) => iterations(tf.data.array(range(12)).shuffle(5, 123, false), 2)},
    {name: 'shuffle string seed', run: (tf) => tf.data.array(range(15)).shuffle(4, 'abc').toArray()},
    {name: 'shuffle then batch', run: (tf) => tf.data.array(range(10)).shuffle(10, 9).batch(4).toArray()},
    {name: 'prefetch', run: (tf) => tf.data.array(range(5)).prefetch(2).toArray()},
    {name: 'toArrayForTest', run: (tf) => tf.data.array(range(5)).map((x) => x + 1).toArrayForTest()},
    {name: 'forEachAsync', run: async (tf) => {
      const seen = [];
      await tf.data.array([1, 2, 3]).forEachAsync((x) => seen.push(x));
      return seen;
    }},
    {name: 'iterator next', run: async (tf) => {
      const it = await tf.data.array([1, 2]).iterator();
      return [await it.next(), await it.next(), await it.next()];
    }},
    {name: 'generator function', run: (tf) => tf.data.generator(function* () {
      for (let i = 0; i < 4; i++) {
        yield {x: i, y: i * 2};
      }
    }).batch(2).toArray()},
    {name: 'generator iterator object', run: (tf) => tf.data.generator(() => {
      let i = 0;
      return {next: () => (i < 3 ? {value: i++, done: false} : {value: null, done: true})};
    }).toArray()},
    {name: 'generator async', run: (tf) => tf.data.generator(async function* () {
      yield 1;
      yield 2;
    }).map((x) => x * 10).toArray()},
    {name: 'generator size', run: async (tf) => tf.data.generator(function* () {
      yield 1;
    }).size},
    {name: 'csv basic', run: (tf) => tf.data.csv(csvUrl(CSV_BASIC)).toArray()},
    {name: 'csv column names', run: (tf) => tf.data.csv(csvUrl(CSV_BASIC)).columnNames()},
    {name: 'csv types and label', run: (tf) => tf.data.csv(csvUrl(CSV_TYPES), {columnConfigs: {
      i: {dtype: 'int32'}, b: {dtype: 'bool'}, f: {default: 9}, label: {isLabel: true}}}).toArray()},
    {name: 'csv configured only', run: (tf) => tf.data.csv(csvUrl(CSV_TYPES), {configuredColumnsOnly: true,
      columnConfigs: {f: {default: 0}, label: {isLabel: true}}}).toArray()},
    {name: 'csv no header', run: (tf) => tf.data.csv(csvUrl('1;2\n3;4\r\n'), {hasHeader: false,
      columnNames: ['p', 'q'], delimiter: ';'}).toArray()},
    {name: 'csv whitespace', run: (tf) => tf.data.csv(csvUrl('a b\n1   2\n 3 4\n'), {delimWhitespace: true})
        .toArray()},
    {name: 'csv numbers', run: (tf) => tf.data.csv(csvUrl('v\n0x1F\n.5\n5.\n-Infinity\n1e-3\n+7\n1_0\n 12 \n'))
        .toArray()},
    {name: 'csv batched', run: (tf) => tf.data.csv(csvUrl(CSV_TYPES), {columnConfigs: {f: {default: 0},
      label: {isLabel: true}}, configuredColumnsOnly: true}).batch(2).toArray()},
    {name: 'error batch size', run: (tf) => errorOf(() => tf.data.array([1]).batch(0))},
    {name: 'error shuffle buffer', run: (tf) => errorOf(() => tf.data.array([1, 2]).shuffle())},
    {name: 'error prefetch buffer', run: (tf) => errorOf(() => tf.data.array([1, 2]).prefetch())},
    {name: 'error infinite toArray', run: (tf) => errorOf(() => tf.data.array([1]).repeat().toArray())},
    {name: 'error csv row', run: (tf) => errorOf(() => tf.data.csv(csvUrl('a,b\n1,2\n3\n')).toArray())},
    {name: 'error csv config key', run: (tf) => errorOf(() => tf.data.csv(csvUrl('a,b\n1,2\n'),
      {columnConfigs: {zz: {}}}).toArray())},
    {name: 'error csv required', run: (tf) => errorOf(() => tf.data.csv(csvUrl('a,b\n1,\n'),
      {columnConfigs: {b: {required: true}}}).toArray())},
    {name: 'error zip primitive', run: (tf) => errorOf(() => tf.data.zip([tf.data.array([1]), 3]).toArray())},
  ];

  /** JSON for a case result: tensors as {tensor: {dtype, shape, values}}, NaN/undefined marked. */
  function encodeDataValue(v, tf) {
    if (v === undefined) {
      return {undefined: true};
    }
    if (v === null) {
      return null;
    }
    if (v instanceof tf.Tensor) {
      return {tensor: {dtype: v.dtype, shape: v.shape, values: Array.from(v.dataSync(), (x) => encodeDataValue(x, tf))}};
    }
    if (typeof v === 'number') {
      return Number.isFinite(v) ? v : {number: String(v)};
    }
    if (Array.isArray(v)) {
      return v.map((x) => encodeDataValue(x, tf));
    }
    if (typeof v === 'object') {
      const out = {};
      Object.keys(v).forEach((k) => {
        out[k] = encodeDataValue(v[k], tf);
      });
      return out;
    }
    return v;
  }

  async function runDataCases(tf) {
    const out = [];
    for (const c of CASES) {
      const before = tf.memory().numTensors;
      let result;
      try {
        result = {value: encodeDataValue(await c.run(tf), tf)};
      } catch (e) {
        result = {thrown: String(e && e.message)};
      }
      result.name = c.name;
      result.tensorsLeft = tf.memory().numTensors - before;
      out.push(result);
    }
    return out;
  }

  const api = {CASES, runDataCases, encodeDataValue};
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  }
  root.DataCases = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
