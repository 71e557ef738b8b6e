package dev.samovar.tests.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.ops.Fixtures;
import dev.samovar.tests.ops.OpCase;
import dev.samovar.tests.ops.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The op suite in headless Chromium: every case replayed on samovar.js in a real page. */
class BrowserOpSuiteTest {
    private static StaticServer server;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        server = TestSite.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/op-runner.html"));
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

    @TestFactory
    List<DynamicNode> opSuiteInChromium() {
        List<DynamicNode> files = new ArrayList<>();
        for (String file : Fixtures.files()) {
            List<OpCase> cases = Fixtures.load(file);
            Object raw = chromium.driver().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "window.runFixture(arguments[0]).then(done, e => done(JSON.stringify({fatal: String(e)})));",
                    file);
            JsonObject out = JsonParser.parseString(String.valueOf(raw)).getAsJsonObject();
            List<DynamicNode> tests = new ArrayList<>();
            if (out.has("fatal")) {
                tests.add(DynamicTest.dynamicTest("load", () -> Assertions.fail(out.get("fatal").getAsString())));
            } else {
                JsonArray outcomes = out.getAsJsonArray("outcomes");
                for (int i = 0; i < cases.size(); i++) {
                    OpCase c = cases.get(i);
                    Outcome o = Outcome.fromJson(outcomes.get(i).getAsJsonObject());
                    tests.add(DynamicTest.dynamicTest(c.name, () -> o.check(c)));
                }
                int leaked = out.get("leaked").getAsInt();
                tests.add(DynamicTest.dynamicTest("no tensors leaked by the file's cases",
                        () -> Assertions.assertEquals(0, leaked, "tensors left alive after all cases")));
            }
            files.add(DynamicContainer.dynamicContainer(file, tests));
        }
        return files;
    }
}
