/*
 * samovar.js: Samovar's browser build. Load it with <script src="samovar.js"> and use the global
 * `samovar`, whose API follows TensorFlow.js 4.x (`const tf = samovar;`). It also loads as a
 * CommonJS module in Node. The tensor math is Java compiled by TeaVM; this file's hand-written
 * part only converts JavaScript arguments and calls it.
 */
(function (root, factory) {
  'use strict';
  const samovar = factory();
  if (typeof module === 'object' && module && module.exports) {
    module.exports = samovar;
  }
  if (root) {
    root.samovar = samovar;
  }
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
'use strict';
// N: the functions exported by the TeaVM-compiled Java (dev.samovar.web.Bridge).
const N = {};
(function (exports) {
