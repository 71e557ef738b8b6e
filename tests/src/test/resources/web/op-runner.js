// Replays the op cases of a fixture file on `samovar` in this page, with the same case runner that
// made the fixtures on TF.js (case-runner.js). Returns outcomes as JSON for the Java side.
(function() {
  const runner = window.createCaseRunner(window.samovar, 'samovar');

  /**
   * Runs every case of fixtures/ops/<file>.json on `backend` (default cpu), with environment
   * `flags` set first (e.g. {WEBGL_CPU_FORWARD: false}); resolves to a JSON array of outcomes.
   */
  window.runFixture = async function(file, backend, flags) {
    if (!(await samovar.setBackend(backend || 'cpu'))) {
      throw new Error('backend ' + (backend || 'cpu') + ' is not available');
    }
    Object.keys(flags || {}).forEach((k) => samovar.env().set(k, flags[k]));
    const response = await fetch(`/fixtures/ops/${file}.json`);
    const fixture = await response.json();
    const before = samovar.memory().numTensors;
    const outcomes = [];
    for (const c of fixture.cases) {
      try {
        outcomes.push(await runner.run(c));
      } catch (e) {
        outcomes.push({error: 'runner: ' + (e && e.message)});
      }
    }
    return JSON.stringify({outcomes, leaked: samovar.memory().numTensors - before});
  };
})();
