package dev.samovar.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import dev.samovar.demos.StaticServer;
import dev.samovar.tests.io.IoFixtures;
import dev.samovar.tests.ops.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * tf.io and tf.data of samovar.js in headless Chromium, with TF.js 4.22 in the same page: the
 * tf.data cases against TF.js's fixture; save / load round trips through localstorage://,
 * indexeddb://, http (multipart POST to a handler of this test, then GET), downloads:// (anchors
 * and blob URLs, read back through tf.io.browserFiles), withSaveHandler / fromMemory; TF.js
 * reading what samovar saved and the reverse; model management; the real models of the corpus over
 * http, every weight's bytes equal to TF.js's; bad files rejected with the file and the field
 * named, nothing left allocated, the page still working.
 */
class BrowserIoDataTest {
    private static StaticServer server;
    private static Chromium chromium;
    private static Path bad;
    private static final Map<String, byte[]> uploads = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        bad = Files.createTempDirectory("samovar-bad-models-");
        writeBadModels(bad);
        server = new StaticServer(0)
                .mount("/dist/", TestSite.dist())
                .mount("/test/", Fixtures.root().resolve("tests/src/test/resources/web"))
                .mount("/fixtures/", Fixtures.root().resolve("tests/src/test/resources/fixtures"))
                .mount("/node_modules/", Fixtures.root().resolve("node_modules"))
                .mount("/bad/", bad)
                .handle("/upload/", BrowserIoDataTest::upload);
        if (IoFixtures.sharedModels() != null) {
            server.mount("/models/", IoFixtures.sharedModels());
        }
        server.start();
        chromium = new Chromium();
        chromium.driver().get(server.url("/test/io-runner.html"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** POST: a multipart/form-data body (TF.js's http save); GET: the uploaded files. */
    private static void upload(HttpExchange ex) throws IOException {
        try (ex) {
            String name = ex.getRequestURI().getPath().substring("/upload/".length());
            if ("POST".equals(ex.getRequestMethod())) {
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                byte[] body = ex.getRequestBody().readAllBytes();
                uploads.put("content-type", type.getBytes(StandardCharsets.UTF_8));
                parseMultipart(type, body);
                ex.sendResponseHeaders(200, -1);
                return;
            }
            byte[] data = uploads.get(name);
            if (data == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", name.endsWith(".json") ? "application/json" : "application/octet-stream");
            ex.sendResponseHeaders(200, data.length);
            ex.getResponseBody().write(data);
        }
    }

    private static void parseMultipart(String contentType, byte[] body) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9);
        byte[] b = boundary.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + b.length <= body.length; i++) {
            boolean match = true;
            for (int j = 0; j < b.length && match; j++) {
                match = body[i + j] == b[j];
            }
            if (match) {
                starts.add(i);
            }
        }
        for (int k = 0; k + 1 < starts.size(); k++) {
            int from = starts.get(k) + b.length + 2;
            int to = starts.get(k + 1) - 2;
            String head = new String(body, from, Math.min(400, to - from), StandardCharsets.ISO_8859_1);
            int headEnd = head.indexOf("\r\n\r\n");
            String disposition = head.substring(0, headEnd);
            int n = disposition.indexOf("filename=\"");
            String fileName = disposition.substring(n + 10, disposition.indexOf('"', n + 10));
            byte[] part = java.util.Arrays.copyOfRange(body, from + headEnd + 4, to);
            uploads.put(fileName, part);
            uploads.put(fileName + ".headers", disposition.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static final String TWO = "[{\"name\":\"k\",\"shape\":[2,2],\"dtype\":\"float32\"},"
            + "{\"name\":\"b\",\"shape\":[2],\"dtype\":\"float32\"}]";

    private static void model(Path root, String name, String json, Map<String, byte[]> shards) throws IOException {
        Path d = root.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("model.json"), json);
        for (Map.Entry<String, byte[]> e : shards.entrySet()) {
            Files.write(d.resolve(e.getKey()), e.getValue());
        }
    }

    private static String manifest(String paths, String weights) {
        return "{\"format\":\"layers-model\",\"modelTopology\":{\"class_name\":\"Sequential\"},"
                + "\"weightsManifest\":[{\"paths\":" + paths + ",\"weights\":" + weights + "}]}";
    }

    /** Each bad model: its folder, and fragments its error must contain. */
    private static final Map<String, String[]> BAD = new LinkedHashMap<>();

    static {
        BAD.put("malformed", new String[] {"Failed to parse model JSON of response from", "/bad/malformed/model.json"});
        BAD.put("neither", new String[] {"contains neither model topology or manifest for weights", "/bad/neither/model.json"});
        BAD.put("short", new String[] {"/bad/short/model.json", "weightsManifest[0]", "declare 24 bytes but the shards hold 20"});
        BAD.put("long", new String[] {"/bad/long/model.json", "weightsManifest[0]", "declare 24 bytes but the shards hold 28"});
        BAD.put("missing", new String[] {"/bad/missing/b.bin", "404", "weightsManifest[0].paths[1]", "'b.bin'"});
        BAD.put("dotdot", new String[] {"/bad/dotdot/model.json", "weightsManifest[0].paths[0]", "'..'"});
        BAD.put("absolute", new String[] {"/bad/absolute/model.json", "weightsManifest[0].paths[0]", "absolute"});
        BAD.put("huge", new String[] {"/bad/huge/model.json", "('k').shape", "more than"});
        BAD.put("bigbutfits", new String[] {"/bad/bigbutfits/model.json", "declare 4000000000 bytes but the shards hold 24"});
        BAD.put("baddtype", new String[] {"/bad/baddtype/model.json", "('k').dtype", "float64"});
        BAD.put("nomodel", new String[] {"/bad/nomodel/model.json", "404", "Please verify this URL points to the model JSON"});
    }

    private static void writeBadModels(Path root) throws IOException {
        byte[] ok = new byte[24];
        model(root, "malformed", "{\"modelTopology\": {", Map.of());
        model(root, "neither", "{\"format\":\"layers-model\"}", Map.of());
        model(root, "short", manifest("[\"s.bin\"]", TWO), Map.of("s.bin", new byte[20]));
        model(root, "long", manifest("[\"s.bin\"]", TWO), Map.of("s.bin", new byte[28]));
        model(root, "missing", manifest("[\"a.bin\",\"b.bin\"]", TWO), Map.of("a.bin", ok));
        model(root, "dotdot", manifest("[\"../short/s.bin\"]", TWO), Map.of());
        model(root, "absolute", manifest("[\"/bad/short/s.bin\"]", TWO), Map.of());
        model(root, "huge", manifest("[\"s.bin\"]", "[{\"name\":\"k\",\"shape\":[100000,100000,100],\"dtype\":\"float32\"}]"),
                Map.of("s.bin", ok));
        model(root, "bigbutfits", manifest("[\"s.bin\"]", "[{\"name\":\"k\",\"shape\":[50000,20000],\"dtype\":\"float32\"}]"),
                Map.of("s.bin", ok));
        model(root, "baddtype", manifest("[\"s.bin\"]", "[{\"name\":\"k\",\"shape\":[2],\"dtype\":\"float64\"}]"),
                Map.of("s.bin", ok));
    }

    private static JsonElement call(String function, Object... args) {
        Object raw = chromium.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window." + function + ".apply(null, Array.prototype.slice.call(arguments, 0, -1))"
                + ".then(done, e => done(JSON.stringify({fatal: String(e && e.stack || e)})));", args);
        JsonElement out = JsonParser.parseString(String.valueOf(raw));
        if (out.isJsonObject() && out.getAsJsonObject().has("fatal")) {
            Assertions.fail(out.getAsJsonObject().get("fatal").getAsString());
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> dataCasesMatchTfjs() throws IOException {
        JsonArray expected = JsonParser.parseString(Files.readString(Fixtures.root()
                .resolve("tests/src/test/resources/fixtures/data/data.json"))).getAsJsonObject().getAsJsonArray("cases");
        JsonArray actual = call("runDataCasesInPage").getAsJsonArray();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = expected.get(i).getAsJsonObject();
            JsonObject a = actual.get(i).getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(e.get("name").getAsString(), () -> assertEquals(e, a)));
        }
        return tests;
    }

    @Test
    void roundTripsThroughEveryScheme() {
        JsonObject r = call("runRoundTrips").getAsJsonObject();
        System.out.println("round trips: " + r.keySet());
        for (String scheme : new String[] {"localstorage", "indexeddb", "http", "downloads", "memory"}) {
            JsonObject s = r.getAsJsonObject(scheme);
            assertTrue(!s.has("error"), scheme + ": " + s);
            assertTrue(s.get("weightsEqual").getAsBoolean(), scheme + ": weights " + s);
            assertTrue(s.get("topologyEqual").getAsBoolean(), scheme + ": topology");
            assertEquals("layers-model", s.get("format").getAsString(), scheme);
            assertEquals("samovar test", s.get("generatedBy").getAsString(), scheme);
            assertEquals("{\"note\":\"ü\"}", s.get("userDefinedMetadata").toString(), scheme);
            assertEquals("{\"loss\":\"meanSquaredError\"}", s.get("trainingConfig").toString(), scheme);
        }
        // ModelArtifactsInfo as TF.js: weight bytes 6*4 + 3*4 + 3*4 + 2.
        JsonObject info = r.getAsJsonObject("localstorage").getAsJsonObject("info");
        assertEquals("JSON", info.get("modelTopologyType").getAsString());
        assertEquals(50, info.get("weightDataBytes").getAsInt());
        assertEquals("{\"class_name\":\"Sequential\",\"config\":{\"name\":\"m\",\"layers\":[]}}".length(),
                info.get("modelTopologyBytes").getAsInt());
        JsonObject http = r.getAsJsonObject("http");
        assertEquals(200, http.get("status").getAsInt());
        assertTrue(http.get("tfjsEqual").getAsBoolean(), "TF.js reads the http upload as samovar does");
        assertTrue(http.get("optionsEqual").getAsBoolean(), "fetchFunc, weightUrlConverter, weightPathPrefix");
        assertEquals(2, http.get("fetchCalls").getAsInt(), "fetchFunc fetches model.json and the shard");
        JsonArray progress = http.getAsJsonArray("progress");
        assertEquals(1.0, progress.get(progress.size() - 1).getAsDouble());
        assertTrue(new String(uploads.get("content-type"), StandardCharsets.UTF_8).startsWith("multipart/form-data; boundary="));
        JsonObject uploadedJson = JsonParser.parseString(new String(uploads.get("model.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("[\"./model.weights.bin\"]", uploadedJson.getAsJsonArray("weightsManifest").get(0)
                .getAsJsonObject().get("paths").toString());
        assertEquals(50, uploads.get("model.weights.bin").length);
        JsonObject dl = r.getAsJsonObject("downloads");
        assertEquals("[\"my-model.json\",\"my-model.weights.bin\"]", dl.get("files").toString());
        assertEquals("[\"./my-model.weights.bin\"]", dl.get("manifest").toString());
        assertTrue(r.getAsJsonObject("memory").get("syncSame").getAsBoolean());
        assertTrue(r.getAsJsonObject("tfjs reads samovar").get("same").getAsBoolean(), r.get("tfjs reads samovar").toString());
        assertTrue(r.getAsJsonObject("samovar reads tfjs").get("same").getAsBoolean(), r.get("samovar reads tfjs").toString());
        JsonObject m = r.getAsJsonObject("management");
        assertTrue(!m.has("error"), m.toString());
        assertEquals("[\"indexeddb://rt\",\"localstorage://rt\"]", m.get("listed1").toString());
        assertEquals("[\"indexeddb://rt\",\"localstorage://moved\",\"localstorage://rt\"]", m.get("listed2").toString());
        assertEquals("[\"localstorage://rt\"]", m.get("listed3").toString());
        assertTrue(m.get("movedOk").getAsBoolean());
        assertEquals("JSON", m.get("removedType").getAsString());
        assertEquals("Cannot find model with path 'nope' in IndexedDB.", m.get("missing").getAsString());
        assertEquals("The url string provided does not contain a scheme. Supported schemes are: localstorage,indexeddb",
                m.get("noScheme").getAsString());
        assertEquals(0, r.get("tensorsLeft").getAsInt(), "tensors left by the round trips");
    }

    @TestFactory
    List<DynamicTest> tfIoCallsMatchTfjsInTheSamePage() {
        JsonArray out = call("runParity").getAsJsonArray();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : out) {
            JsonObject o = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(o.get("name").getAsString(),
                    () -> assertEquals(o.get("tfjs"), o.get("samovar"), o.get("name").getAsString())));
        }
        assertTrue(tests.size() >= 25);
        return tests;
    }

    /**
     * tf.loadLayersModel and tf.loadGraphModel on URLs no router claims (TF.js then assumes a
     * relative http path: browserHTTPRequest), http URLs and TF Hub URLs, with requestInit,
     * weightPathPrefix, weightUrlConverter, fromTFHub, fetchFunc and onProgress: samovar makes the
     * requests TF.js makes (URL, requestInit, in order), reports the same progress, predicts the same
     * values from the two-shard weights, or fails with TF.js's message.
     */
    @TestFactory
    List<DynamicTest> loaderOptionsAsTfjs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : call("runLoaderOptions").getAsJsonArray()) {
            JsonObject c = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
                JsonObject s = c.getAsJsonObject("samovar");
                JsonObject t = c.getAsJsonObject("tfjs");
                assertEquals(t.get("calls"), s.get("calls"), "requests (url, requestInit, options)");
                assertEquals(t.get("progress"), s.get("progress"), "onProgress");
                assertEquals(t.has("error") ? t.get("error").getAsString() : null,
                        s.has("error") ? s.get("error").getAsString() : null, "error");
                if (t.has("output")) {
                    JsonArray want = t.getAsJsonArray("output");
                    JsonArray got = s.getAsJsonArray("output");
                    assertEquals(want.size(), got.size(), "output size");
                    for (int i = 0; i < want.size(); i++) {
                        assertEquals(want.get(i).getAsDouble(), got.get(i).getAsDouble(), 1e-6, "output " + i);
                    }
                }
                assertEquals(0, s.get("tensorsLeft").getAsInt(), "tensors left");
            }));
        }
        return tests;
    }

    @Test
    void modelsSavedByTfjsLoadOverHttpBitExact() {
        JsonObject got = call("runLoad", "/fixtures/io/tfjs-saved/model.json").getAsJsonObject();
        JsonObject want = IoFixtures.expected().getAsJsonObject("tfjsSaved");
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            JsonArray w = want.getAsJsonObject(name).getAsJsonArray("values");
            JsonArray g = got.getAsJsonObject(name).getAsJsonArray("values");
            assertEquals(w.size(), g.size(), name);
            for (int i = 0; i < w.size(); i++) {
                assertEquals(Float.floatToIntBits(w.get(i).getAsFloat()), Float.floatToIntBits(g.get(i).getAsFloat()), name);
            }
        }
    }

    @Test
    void realModelsDecodeToTfjsBytes() {
        Assumptions.assumeTrue(IoFixtures.sharedModels() != null, "no ../shared/models/tfjs in this checkout");
        JsonObject real = IoFixtures.expected().getAsJsonObject("real");
        List<String> names = new ArrayList<>(real.keySet());
        JsonObject r = call("runRealModels", real.toString(), names).getAsJsonObject();
        int checked = 0;
        for (String rel : names) {
            JsonObject m = r.getAsJsonObject(rel);
            assertEquals("[]", m.get("mismatches").toString(), rel);
            assertEquals(1.0, m.get("lastProgress").getAsDouble(), rel);
            checked += m.get("checked").getAsInt();
        }
        assertTrue(checked > 260, "weights checked " + checked);
        assertEquals(0, r.get("tensors").getAsInt());
        // For the record (not asserted): load + decode of the uint8 MobileNetV2, samovar vs TF.js.
        System.out.println("nsfwjs mobilenet_v2 http load + decodeWeights, median of 3 (ms): "
                + call("timeLoadAndDecode", "/models/npm/nsfwjs/mobilenet_v2/model.json", 3));
    }

    @Test
    void badFilesAreRejected() {
        List<String> urls = new ArrayList<>();
        for (String name : BAD.keySet()) {
            urls.add("/bad/" + name + "/model.json");
        }
        JsonObject r = call("runBadInputs", urls).getAsJsonObject();
        for (String name : BAD.keySet()) {
            JsonObject o = r.getAsJsonObject("/bad/" + name + "/model.json");
            assertTrue(o.has("error"), name + " loaded: " + o);
            String message = o.get("error").getAsString();
            for (String fragment : BAD.get(name)) {
                assertTrue(message.contains(fragment), name + ": '" + message + "' should mention '" + fragment + "'");
            }
            assertEquals(0, o.get("tensorsLeft").getAsInt(), name + ": tensors left");
        }
        assertEquals(3, r.get("after").getAsInt(), "the page still computes");
    }
}
