// Replays the recurrent fixture (tests/src/test/resources/fixtures/layers/recurrent.json, made on
// TF.js 4.22) on `samovar` in this page with the generator's own run function
// (recurrent-cases.js). Driven by dev.samovar.tests.browser.BrowserRecurrentTest.
(function() {
  const tf = window.samovar;

  function enc(x) {
    return Number.isFinite(x) ? x : (Number.isNaN(x) ? 'NaN' : (x > 0 ? 'Infinity' : '-Infinity'));
  }

  /** Every case of the fixture: [result or {error}]. */
  window.runRecurrentFixture = async function() {
    const fixture = await (await fetch('/fixtures/layers/recurrent.json')).json();
    const results = [];
    for (const r of fixture.results) {
      try {
        results.push(recurrentCases.runRecurrentCase(tf, r.case, enc, {gruLayerForKeras: true}));
      } catch (e) {
        results.push({error: String(e && e.message || e)});
      }
    }
    return JSON.stringify(results);
  };
})();
