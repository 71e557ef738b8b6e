package dev.samovar.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** tf.train in HtmlUnit's engine (no class syntax): optimizers train, hand-checked. */
class HtmlUnitOptimizerSmokeTest {
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

    private static String eval(String js) {
        return String.valueOf(page.executeJavaScript(js).getJavaScriptResult());
    }

    @Test
    void sgdAndMomentumStepsAreHandChecked() {
        // loss = sum(w * w), dloss/dw = 2w. SGD 0.25: w <- w - 0.5w = w / 2.
        assertEquals("1,-2 SGD 1 true", eval("(() => { const tf = samovar;"
                + " const w = tf.variable(tf.tensor1d([2, -4]), true, 'smoke/w');"
                + " const opt = tf.train.sgd(0.25); opt.minimize(() => tf.sum(tf.mul(w, w)));"
                + " const r = Array.from(w.dataSync()).join() + ' ' + opt.getClassName() + ' ' + opt.iterations"
                + " + ' ' + (opt instanceof tf.Optimizer); opt.dispose(); w.dispose(); return r; })()"));
        // Momentum 0.1, 0.5 on w = 1 (gradient 2): a = 2, w = 0.8; then g = 1.6, a = 2.6, w = 0.54.
        assertEquals("0.54 learningRate=0.1 momentum=0.5 useNesterov=false", eval("(() => { const tf = samovar;"
                + " const w = tf.variable(tf.scalar(1), true, 'smoke/m');"
                + " const opt = tf.train.momentum(0.1, 0.5);"
                + " for (let i = 0; i < 2; i++) opt.minimize(() => tf.mul(w, w));"
                + " const c = opt.getConfig(); const r = w.dataSync()[0].toFixed(6).replace(/0+$/, '') + ' '"
                + " + Object.keys(c).map((k) => k + '=' + c[k]).join(' '); opt.dispose(); w.dispose(); return r; })()"));
    }
}
