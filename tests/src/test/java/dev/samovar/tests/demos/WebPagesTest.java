package dev.samovar.tests.demos;

import dev.samovar.demos.StaticServer;
import dev.samovar.tests.browser.Chromium;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages of web/ as bin/samovar serve serves them, in headless Chromium: each loads with no
 * console error (screenshot in tests/target/screenshots/); the API reference lists every function
 * samovar.js exports (walked here in the page, independently of the generator); the Coming from TF.js
 * page carries README's section; the playground runs code; samovar-ui.js shows errors and progress;
 * samovar-vis.js draws what it is given.
 */
class WebPagesTest {
    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = DemoSite.start();
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void open(String path) {
        chromium.consoleErrors();
        chromium.driver().get(server.url(path));
    }

    @Test
    void everyPageLoadsWithoutConsoleErrors() throws Exception {
        for (String page : List.of("index.html", "getting-started.html", "playground.html", "api.html",
                "from-tfjs.html", "demos/")) {
            open("/" + page);
            DemoSite.waitFor(chromium, "document.readyState === 'complete'", Duration.ofSeconds(30), page + " loaded");
            String title = chromium.driver().getTitle();
            Assertions.assertTrue(title.contains("Samovar"), page + ": title '" + title + "'");
            // Every local link of the page resolves (no 404 from the site's own navigation).
            List<String> broken = DemoSite.js(chromium, "const out = [];"
                    + "const links = Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
                    + "  .filter(h => h.startsWith(location.origin)).map(h => h.split('#')[0]);"
                    + "return links;");
            for (String href : broken) {
                int status = httpStatus(href);
                Assertions.assertEquals(200, status, page + ": link " + href);
            }
            DemoSite.screenshot(chromium.driver(), "web-" + page.replace("/", "").replace(".html", "")
                    .replaceFirst("^$", "index"));
            DemoSite.assertNoConsoleErrors(chromium, page);
        }
    }

    private static int httpStatus(String url) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url).openConnection();
        c.setRequestMethod("HEAD");
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    @Test
    void apiReferenceListsEveryExportedFunction() {
        open("/api.html");
        // Load samovar.js into the reference page and walk its namespace here (not with the generator).
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const s = document.createElement('script'); s.src = 'samovar.js';"
                + "s.onerror = () => done({error: 'samovar.js did not load'});"
                + "s.onload = () => {"
                + "  const paths = []; const stack = [];"
                + "  (function visit(o, p) {"
                + "    if (stack.indexOf(o) >= 0) return; stack.push(o);"
                + "    for (const k of Object.keys(o)) {"
                + "      const v = o[k]; const q = p + '.' + k;"
                + "      if (typeof v === 'function') {"
                + "        paths.push(q);"
                + "        if (v.prototype && /^[A-Z]/.test(v.name || '')) {"
                + "          for (const m of Object.getOwnPropertyNames(v.prototype)) {"
                + "            const d = Object.getOwnPropertyDescriptor(v.prototype, m);"
                + "            if (m !== 'constructor' && typeof d.value === 'function') paths.push(q + '.prototype.' + m);"
                + "          }"
                + "        }"
                + "        visit(v, q);"
                + "      } else if (v && typeof v === 'object' && !Array.isArray(v)) visit(v, q);"
                + "    }"
                + "    stack.pop();"
                + "  })(window.samovar, 'tf');"
                + "  const missing = paths.filter(p => { const e = document.getElementById(p);"
                + "    return !e || e.textContent.indexOf(p.replace(/^.*\\.prototype\\./, '.')) < 0; });"
                + "  const sample = {};"
                + "  for (const p of ['tf.matMul', 'tf.conv2d', 'tf.train.adam', 'tf.tidy']) {"
                + "    const e = document.getElementById(p); sample[p] = e ? e.textContent : null; }"
                + "  done({count: paths.length, missing, sample});"
                + "};"
                + "document.head.appendChild(s);");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) raw;
        Assertions.assertNull(out.get("error"), String.valueOf(out.get("error")));
        Assertions.assertTrue(((Number) out.get("count")).intValue() > 200, "exported functions: " + out.get("count"));
        Assertions.assertEquals(List.of(), out.get("missing"), "exported functions missing from api.html");
        @SuppressWarnings("unchecked")
        Map<String, Object> sample = (Map<String, Object>) out.get("sample");
        // Parameter lists as the JS API declares them (TF.js's names).
        Assertions.assertEquals("tf.matMul(a, b, transposeA = false, transposeB = false)", sample.get("tf.matMul"));
        Assertions.assertTrue(String.valueOf(sample.get("tf.conv2d")).startsWith("tf.conv2d(x, filter, strides, pad"),
                String.valueOf(sample.get("tf.conv2d")));
        Assertions.assertTrue(String.valueOf(sample.get("tf.train.adam")).startsWith("tf.train.adam(learningRate"),
                String.valueOf(sample.get("tf.train.adam")));
        DemoSite.assertNoConsoleErrors(chromium, "api.html");
    }

    @Test
    void comingFromTfjsIsReadmesSection() throws Exception {
        open("/from-tfjs.html");
        String readme = java.nio.file.Files.readString(DemoSite.root().resolve("README.md"));
        int start = readme.indexOf("\n## Coming from TF.js\n");
        Assertions.assertTrue(start >= 0, "README.md has a '## Coming from TF.js' section");
        int end = readme.indexOf("\n## ", start + 5);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        String text = DemoSite.js(chromium, "return document.querySelector('main').textContent.replace(/\\s+/g, ' ');");
        // Every list item of the section appears on the page (Markdown marks removed).
        int items = 0;
        for (String line : section.split("\n")) {
            if (line.startsWith("- ")) {
                String words = line.substring(2).replace("`", "").replace("**", "").replaceAll("\\s+", " ").trim();
                String head = words.length() > 40 ? words.substring(0, 40) : words;
                Assertions.assertTrue(text.contains(head), "from-tfjs.html lacks README's item: " + head);
                items++;
            }
        }
        Assertions.assertTrue(items >= 5, "README's section has " + items + " items");
    }

    @Test
    void playgroundRunsCode() {
        open("/playground.html");
        DemoSite.js(chromium, "document.getElementById('code').value = arguments[0];",
                "tf.matMul(tf.tensor([[1, 2], [3, 4]]), tf.tensor([[5, 6], [7, 8]])).print();");
        chromium.driver().findElement(org.openqa.selenium.By.id("run")).click();
        String out = (String) DemoSite.waitFor(chromium, "document.getElementById('output').textContent",
                Duration.ofSeconds(20), "the playground's output");
        Assertions.assertTrue(out.contains("[[19, 22],"), out);
        Assertions.assertTrue(out.contains("[43, 50]]"), out);
        DemoSite.assertNoConsoleErrors(chromium, "playground.html");
    }

    @Test
    void uiModuleShowsErrorsAndProgress() {
        open("/playground.html");
        Map<String, Object> out = DemoSite.js(chromium, "const bar = samovarUI.progress(document.querySelector('main'), 'Downloading');"
                + "bar.set(0.25);"
                + "const mid = [bar.element.getAttribute('data-value'), bar.element.querySelector('.sv-progress-text').textContent,"
                + "  bar.element.querySelector('.sv-progress-fill').style.width];"
                + "bar.done('ok');"
                + "samovarUI.guard(() => { throw new Error('Operands could not be broadcast'); })();"
                + "return {mid, state: bar.element.getAttribute('data-state'),"
                + "  error: document.querySelector('.sv-error .sv-error-message').textContent};");
        Assertions.assertEquals(List.of("0.25", "25%", "25%"), out.get("mid"));
        Assertions.assertEquals("done", out.get("state"));
        Assertions.assertEquals("Operands could not be broadcast", out.get("error"));
        Assertions.assertEquals(List.of(), chromium.consoleErrors(), "a shown error is not a console error");
    }

    @Test
    void visModuleDrawsWhatItIsGiven() {
        open("/playground.html");
        Map<String, Object> out = DemoSite.js(chromium, "const main = document.querySelector('main');"
                + "const c = samovarVis.lineChart(main, {title: 'loss', series: ['loss']});"
                + "c.push('loss', 1, 0.9); c.push('loss', 2, 0.5); c.push('val_loss', 1, 1.0);"
                // labels / predictions worked by hand: class 0 right twice, class 1 once right once as 2, class 2 once as 0
                + "const m = samovarVis.confusionMatrix([0, 0, 1, 1, 2], [0, 0, 1, 2, 0], 3);"
                + "const acc = samovarVis.perClassAccuracy(m);"
                + "const d1 = document.createElement('div'); main.appendChild(d1);"
                + "samovarVis.renderConfusionMatrix(d1, {values: m, tickLabels: ['a', 'b', 'c']});"
                + "const d2 = document.createElement('div'); main.appendChild(d2);"
                + "samovarVis.renderPerClassAccuracy(d2, {values: acc, tickLabels: ['a', 'b', 'c']});"
                + "const d3 = document.createElement('div'); main.appendChild(d3);"
                + "samovarVis.barChart(d3, [{label: 'cat', value: 0.75}, {label: 'dog', value: 0.25}], {max: 1});"
                + "const cb = samovarVis.fitCallbacks(main, ['loss', 'val_loss', 'acc', 'val_acc']);"
                + "cb.onEpochEnd(0, {loss: 1, val_loss: 1.2, acc: 0.5, val_acc: 0.4});"
                + "cb.onEpochEnd(1, {loss: 0.6, val_loss: 0.8, acc: 0.7, val_acc: 0.6});"
                + "return {points: c.element.getAttribute('data-points'), m,"
                + "  acc: acc.map(a => a.accuracy), cells: Array.from(d1.querySelectorAll('td')).map(t => t.textContent).join(','),"
                + "  accText: Array.from(d2.querySelectorAll('td.num')).map(t => t.textContent).join(','),"
                + "  bars: Array.from(d3.querySelectorAll('.sv-bar-row')).map(r => r.querySelector('.sv-bar-value').textContent + '@' + r.querySelector('.sv-bar-fill').style.width).join(','),"
                + "  fitCharts: Object.keys(cb.charts).join(','), fitLoss: cb.charts.loss.points('val_loss').map(p => p.join(':')).join(' ')};");
        Assertions.assertEquals("3", out.get("points"));
        Assertions.assertEquals(List.of(List.of(2L, 0L, 0L), List.of(0L, 1L, 1L), List.of(1L, 0L, 0L)), out.get("m"));
        Assertions.assertEquals(List.of(1L, 0.5, 0L), out.get("acc"));
        Assertions.assertEquals("2,0,0,0,1,1,1,0,0", out.get("cells"));
        Assertions.assertEquals("100.0 %,2,50.0 %,2,0.0 %,1", out.get("accText"));
        Assertions.assertEquals("75.0 %@75%,25.0 %@25%", out.get("bars"));
        Assertions.assertEquals("loss,acc", out.get("fitCharts"));
        Assertions.assertEquals("1:1.2 2:0.8", out.get("fitLoss"));
        Assertions.assertEquals(List.of(), chromium.consoleErrors());
    }
}
