package dev.samovar.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tf.data and tf.io in the script-tag build under HtmlUnit (file://, an engine without async
 * functions): Promise pipelines run, a seeded shuffle gives TF.js's order, a quantized weight
 * decodes to q * scale + min, encodeWeights gives the little-endian bytes.
 */
class HtmlUnitIoDataSmokeTest {
    @TempDir
    static Path dir;
    private static WebClient client;
    private static HtmlPage page;

    @BeforeAll
    static void load() throws IOException {
        Files.copy(TestSite.dist().resolve("samovar.js"), dir.resolve("samovar.js"));
        Files.writeString(dir.resolve("smoke.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<script src=\"samovar.js\"></script></head><body></body></html>");
        client = new WebClient(BrowserVersion.CHROME);
        client.getOptions().setThrowExceptionOnScriptError(true);
        page = client.getPage(dir.resolve("smoke.html").toUri().toURL());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static String async(String promiseExpression) {
        page.executeJavaScript("window.__r = 'pending'; (" + promiseExpression + ").then("
                + "v => { window.__r = JSON.stringify(v); }, e => { window.__r = 'error: ' + e.message; });");
        for (int i = 0; i < 100 && "pending".equals(String.valueOf(page.executeJavaScript("window.__r").getJavaScriptResult())); i++) {
            client.waitForBackgroundJavaScript(50);
        }
        return String.valueOf(page.executeJavaScript("window.__r").getJavaScriptResult());
    }

    @Test
    void seededShuffleAndBatchAsTfjs() throws IOException {
        String want = null;
        for (var c : JsonParser.parseString(Files.readString(Fixtures.root()
                .resolve("tests/src/test/resources/fixtures/data/data.json"))).getAsJsonObject().getAsJsonArray("cases")) {
            if (c.getAsJsonObject().get("name").getAsString().equals("shuffle seeded")) {
                want = c.getAsJsonObject().get("value").toString();
            }
        }
        assertEquals(want, async("samovar.data.array([0,1,2,3,4,5,6,7,8,9]).shuffle(3, 42).toArray()"));
        assertEquals("[[1,2],[3]]", async("samovar.data.array([1,2,3]).batch(2).toArray()"
                + ".then(bs => bs.map(b => Array.from(b.dataSync())))"));
    }

    @Test
    void weightsDecodeAndEncode() {
        // uint8 q = [0, 1, 255] with scale 0.5 and min -1: q * 0.5 - 1 = [-1, -0.5, 126.5].
        assertEquals("[-1,-0.5,126.5]", async("Promise.resolve(Array.from(samovar.io.decodeWeights("
                + "new Uint8Array([0, 1, 255]).buffer, [{name: 'w', shape: [3], dtype: 'float32',"
                + " quantization: {dtype: 'uint8', min: -1, scale: 0.5}}]).w.dataSync()))"));
        // 1.5f = 0x3FC00000, little-endian 00 00 C0 3F; int32 7 = 07 00 00 00.
        assertEquals("[0,0,192,63,7,0,0,0]", async("samovar.io.encodeWeights({a: samovar.tensor([1.5]),"
                + " b: samovar.tensor([7], [1], 'int32')}).then(r => Array.from(new Uint8Array(r.data)))"));
    }
}
