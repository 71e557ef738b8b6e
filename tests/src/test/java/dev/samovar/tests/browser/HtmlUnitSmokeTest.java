package dev.samovar.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script-tag build loaded by HtmlUnit from file:// (no server, no real browser): the global
 * exists, a few ops give TF.js's numbers (checked by hand), errors arrive as JS Errors; tf.data and
 * tf.io run in its engine (which has no async functions).
 */
class HtmlUnitSmokeTest {
    @TempDir
    static Path dir;
    private static WebClient client;
    private static HtmlPage page;
    private static final List<String> ALERTS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        Files.copy(TestSite.dist().resolve("samovar.js"), dir.resolve("samovar.js"));
        Files.writeString(dir.resolve("smoke.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<script src=\"samovar.js\"></script></head><body></body></html>");
        client = new WebClient(BrowserVersion.CHROME);
        client.getOptions().setThrowExceptionOnScriptError(true);
        client.setAlertHandler((p, msg) -> ALERTS.add(msg));
        page = client.getPage(dir.resolve("smoke.html").toUri().toURL());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static String eval(String js) {
        return String.valueOf(page.executeJavaScript(js).getJavaScriptResult());
    }

    @Test
    void globalIsDefined() {
        assertEquals("object", eval("typeof samovar"));
        assertEquals("cpu", eval("samovar.getBackend()"));
    }

    @Test
    void opsGiveHandCheckedValues() {
        // [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]]
        assertEquals("19,22,43,50", eval("Array.from(samovar.matMul([[1,2],[3,4]], [[5,6],[7,8]]).dataSync()).join()"));
        // 1+2+3+4 = 10; broadcast add
        assertEquals("10", eval("String(samovar.tensor([1,2,3,4]).sum().dataSync()[0])"));
        assertEquals("11,22,13,24", eval("Array.from(samovar.add([[1,2],[3,4]], [10,20]).dataSync()).join()"));
        assertEquals("Tensor\n    [[1, 2],\n     [3, 4]]", eval("samovar.tensor([[1,2],[3,4]]).toString()"));
    }

    @Test
    void errorsArriveAsJsErrors() {
        String msg = eval("(() => { try { samovar.add(samovar.ones([2,3]), samovar.ones([4])); return 'no error'; }"
                + " catch (e) { return (e instanceof Error) + ' ' + e.message; } })()");
        assertEquals("true Operands could not be broadcast together with shapes 2,3 and 4.", msg);
    }

    @Test
    void dataSyncValuesSurviveDisposeAndLaterOps() {
        // dataSync() hands out the buffer itself (as TF.js's cpu backend does); the engine must
        // never recycle it for a later tensor.
        String r = eval("(() => { const t = samovar.ones([128, 128]); const d = t.dataSync(); t.dispose();"
                + " for (let i = 0; i < 3; i++) samovar.tidy(() => samovar.zeros([128, 128]).add(5));"
                + " return d[0] + ' ' + d[16383]; })()");
        assertEquals("1 1", r);
    }

    @Test
    void tidyReleasesIntermediates() {
        String r = eval("(() => { const before = samovar.memory().numTensors;"
                + " const y = samovar.tidy(() => samovar.tensor([1,2]).mul(2).add(1));"
                + " const after = samovar.memory().numTensors; const v = Array.from(y.dataSync()).join();"
                + " y.dispose(); return (after - before) + ' ' + v + ' ' + (samovar.memory().numTensors - before); })()");
        assertEquals("1 3,5 0", r);
        assertTrue(ALERTS.isEmpty());
    }

    // ---------------------------------------------------------------- tf.data and tf.io (io-data)

    /** The JSON of what a Promise expression resolves to (HtmlUnit runs the Promise jobs between polls). */
    private static String resolved(String promiseExpression) {
        page.executeJavaScript("window.__r = 'pending'; (" + promiseExpression + ").then("
                + "v => { window.__r = JSON.stringify(v); }, e => { window.__r = 'error: ' + e.message; });");
        String r = eval("window.__r");
        for (int i = 0; i < 200 && "pending".equals(r); i++) {
            client.waitForBackgroundJavaScript(20);
            r = eval("window.__r");
        }
        return r;
    }

    @Test
    void dataPipelinesRunWithoutAsyncFunctions() throws IOException {
        // The seeded order is TF.js's (fixtures/data/data.json, case "shuffle seeded").
        String want = null;
        for (var c : com.google.gson.JsonParser.parseString(Files.readString(dev.samovar.tests.ops.Fixtures.root()
                .resolve("tests/src/test/resources/fixtures/data/data.json"))).getAsJsonObject().getAsJsonArray("cases")) {
            if (c.getAsJsonObject().get("name").getAsString().equals("shuffle seeded")) {
                want = c.getAsJsonObject().get("value").toString();
            }
        }
        assertEquals(want, resolved("samovar.data.array([0,1,2,3,4,5,6,7,8,9]).shuffle(3, 42).toArray()"));
        assertEquals("[[1,2],[3]]", resolved("samovar.data.array([1,2,3]).batch(2).toArray()"
                + ".then(bs => bs.map(b => Array.from(b.dataSync())))"));
    }

    @Test
    void weightsDecodeAndEncode() {
        // uint8 q = [0, 1, 255] with scale 0.5 and min -1: q * 0.5 - 1 = [-1, -0.5, 126.5].
        assertEquals("-1,-0.5,126.5", eval("Array.from(samovar.io.decodeWeights(new Uint8Array([0, 1, 255]).buffer,"
                + " [{name: 'w', shape: [3], dtype: 'float32', quantization: {dtype: 'uint8', min: -1, scale: 0.5}}])"
                + ".w.dataSync()).join()"));
        // 1.5f = 0x3FC00000, little-endian 00 00 C0 3F; int32 7 = 07 00 00 00.
        assertEquals("[0,0,192,63,7,0,0,0]", resolved("samovar.io.encodeWeights({a: samovar.tensor([1.5]),"
                + " b: samovar.tensor([7], [1], 'int32')}).then(r => Array.from(new Uint8Array(r.data)))"));
    }
}
