package dev.samovar.tests.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.data.CsvConfig;
import dev.samovar.data.Dataset;
import dev.samovar.ops.Creation;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java pipeline (dev.samovar.data) against TF.js 4.22's tfjs-data (fixtures/data/data.json,
 * written by tests/fixtures/gen-data-fixtures.mjs): seeded shuffle orders over several iterations,
 * CSV rows (quoting, types, labels, delimiters, JS number parsing), batching, sizes, disposal.
 */
class JvmDatasetTest {
    private static JsonObject fixture() throws IOException {
        return JsonParser.parseString(Files.readString(Fixtures.root()
                .resolve("tests/src/test/resources/fixtures/data/data.json"))).getAsJsonObject();
    }

    private static JsonElement caseValue(String name) throws IOException {
        for (JsonElement c : fixture().getAsJsonArray("cases")) {
            if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
                return c.getAsJsonObject().get("value");
            }
        }
        throw new AssertionError("no case " + name);
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static List<Integer> ints(JsonArray a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsInt()));
        return out;
    }

    @Test
    void seededShuffleGivesTfjsOrder() throws IOException {
        JsonArray shuffles = fixture().getAsJsonArray("shuffles");
        for (JsonElement e : shuffles) {
            JsonObject s = e.getAsJsonObject();
            Dataset<Integer> ds = Dataset.array(range(s.get("n").getAsInt()))
                    .shuffle(s.get("window").getAsInt(), s.get("seed").getAsString(), s.get("reshuffle").getAsBoolean());
            JsonArray its = s.getAsJsonArray("iterations");
            for (int i = 0; i < its.size(); i++) {
                assertEquals(ints(its.get(i).getAsJsonArray()), ds.toList(), s + " iteration " + i);
            }
        }
    }

    private static Object toJava(JsonElement e) {
        if (e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("undefined")) {
                return null;
            }
            if (o.has("number")) {
                return Double.parseDouble(o.get("number").getAsString());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (String k : o.keySet()) {
                m.put(k, toJava(o.get(k)));
            }
            return m;
        }
        if (e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        return e.getAsString();
    }

    private static Object normalize(Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> m.put((String) k, normalize(x)));
            return m;
        }
        return v;
    }

    @Test
    void csvRowsAsTfjs() throws IOException {
        for (JsonElement e : fixture().getAsJsonArray("csvs")) {
            JsonObject c = e.getAsJsonObject();
            JsonObject cfg = c.getAsJsonObject("config");
            CsvConfig config = new CsvConfig();
            if (cfg.has("hasHeader")) {
                config.hasHeader = cfg.get("hasHeader").getAsBoolean();
            }
            if (cfg.has("delimiter")) {
                config.delimiter = cfg.get("delimiter").getAsString().charAt(0);
            }
            if (cfg.has("columnNames")) {
                config.columnNames = new ArrayList<>();
                cfg.getAsJsonArray("columnNames").forEach(n -> config.columnNames.add(n.getAsString()));
            }
            if (cfg.has("columnConfigs")) {
                JsonObject cc = cfg.getAsJsonObject("columnConfigs");
                for (String k : cc.keySet()) {
                    JsonObject o = cc.getAsJsonObject(k);
                    CsvConfig.Column col = new CsvConfig.Column();
                    if (o.has("dtype")) {
                        col.dtype(o.get("dtype").getAsString());
                    }
                    if (o.has("isLabel")) {
                        col.isLabel = o.get("isLabel").getAsBoolean();
                    }
                    if (o.has("default")) {
                        col.defaultValue(o.get("default").getAsDouble());
                    }
                    config.column(k, col);
                }
            }
            List<Object> got = new ArrayList<>();
            for (Map<String, Object> row : Dataset.csv(c.get("text").getAsString(), config).toList()) {
                got.add(normalize(row));
            }
            List<Object> want = new ArrayList<>();
            c.getAsJsonArray("rows").forEach(r -> want.add(toJava(r)));
            assertEquals(want, got, c.get("text").getAsString());
        }
    }

    @Test
    void batchesAsTfjs() throws IOException {
        int before = Engine.get().memory().numTensors;
        List<Object> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("a", i);
            r.put("b", Map.of("c", List.of(2 * i - 1, 2 * i)));
            rows.add(r);
        }
        List<Object> batches = Dataset.array(rows).batch(2).toList();
        JsonArray want = caseValue("batch objects").getAsJsonArray();
        assertEquals(want.size(), batches.size());
        for (int i = 0; i < batches.size(); i++) {
            Map<?, ?> b = (Map<?, ?>) batches.get(i);
            JsonObject w = want.get(i).getAsJsonObject();
            assertTensor(w.getAsJsonObject("a").getAsJsonObject("tensor"), (Tensor) b.get("a"));
            assertTensor(w.getAsJsonObject("b").getAsJsonObject("c").getAsJsonObject("tensor"),
                    (Tensor) ((Map<?, ?>) b.get("b")).get("c"));
        }
        // Tensors are stacked and the rows' tensors disposed: only the batches stay alive.
        List<Tensor> ts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ts.add(Creation.tensor(new float[] {2 * i + 1, 2 * i + 2}, 2));
        }
        int withSources = Engine.get().memory().numTensors;
        List<Object> stacked = Dataset.array(ts).batch(2).toList();
        JsonArray wantT = caseValue("batch tensors").getAsJsonArray();
        for (int i = 0; i < stacked.size(); i++) {
            assertTensor(wantT.get(i).getAsJsonObject().getAsJsonObject("tensor"), (Tensor) stacked.get(i));
        }
        assertEquals(withSources + 2, Engine.get().memory().numTensors, "the array's clones are disposed after stacking");
        stacked.forEach(t -> ((Tensor) t).dispose());
        ts.forEach(Tensor::dispose);
        batches.forEach(b -> ((Map<?, ?>) b).values().forEach(v -> {
            if (v instanceof Tensor) {
                ((Tensor) v).dispose();
            } else {
                ((Map<?, ?>) v).values().forEach(x -> ((Tensor) x).dispose());
            }
        }));
        assertEquals(before, Engine.get().memory().numTensors);
    }

    private static void assertTensor(JsonObject want, Tensor t) {
        assertEquals(want.get("dtype").getAsString(), t.dtype().jsName());
        assertEquals(want.get("shape").toString(), Arrays.toString(t.shape()).replace(" ", ""));
        float[] v = t.dataSync();
        JsonArray values = want.getAsJsonArray("values");
        for (int i = 0; i < v.length; i++) {
            assertEquals(values.get(i).getAsFloat(), v[i]);
        }
    }

    @Test
    void pipelineOperatorsAndSizesAsTfjs() throws IOException {
        JsonArray takeSkip = caseValue("take skip").getAsJsonArray();
        assertEquals(ints(takeSkip.get(0).getAsJsonArray()), Dataset.array(range(10)).take(3).toList());
        assertEquals(ints(takeSkip.get(1).getAsJsonArray()), Dataset.array(range(10)).skip(7).toList());
        assertEquals(List.of(), Dataset.array(range(5)).skip(9).toList());
        assertEquals(3.0, Dataset.array(range(10)).take(3).size());
        assertEquals(0.0, Dataset.array(range(5)).skip(9).size());
        JsonArray repeat = caseValue("repeat").getAsJsonArray();
        assertEquals(ints(repeat.get(0).getAsJsonArray()), Dataset.array(List.of(1, 2)).repeat(3).toList());
        assertEquals(ints(repeat.get(1).getAsJsonArray()), Dataset.array(List.of(1, 2, 3)).repeat().take(7).toList());
        assertEquals(Double.POSITIVE_INFINITY, Dataset.array(List.of(1, 2)).repeat().size());
        assertEquals(ints(caseValue("filter").getAsJsonArray()),
                Dataset.array(range(10)).filter(x -> x % 3 == 0).toList());
        assertTrue(Double.isNaN(Dataset.array(range(10)).filter(x -> x > 2).size()));
        assertEquals(List.of(1, 2, 3, 4, 5), Dataset.array(List.of(1, 2)).concatenate(Dataset.array(List.of(3, 4, 5))).toList());
        assertEquals(List.of(List.of(1, "a"), List.of(2, "b")),
                Dataset.zip(List.of(Dataset.array(List.of(1, 2, 3)), Dataset.array(List.of("a", "b")))).toList());
        assertEquals(List.of(0, 1, 4, 9), Dataset.generator(() -> range(4).iterator()).map(x -> x * x).prefetch(2).toList());
        assertEquals(2.0, Dataset.array(range(7)).batchRows(3, false).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dataset.array(List.of(1)).batch(0));
        assertEquals(caseValue("error batch size").getAsJsonObject().get("error").getAsString(), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Dataset.array(List.of(1, 2)).shuffle(-1, "1"));
        assertEquals(caseValue("error shuffle buffer").getAsJsonObject().get("error").getAsString(), s.getMessage());
    }

    @Test
    void mapDisposesInputTensorsAndFilterTheDropped() {
        int before = Engine.get().memory().numTensors;
        List<Tensor> src = List.of(Creation.scalar(1), Creation.scalar(2), Creation.scalar(3));
        List<Tensor> out = Dataset.array(src).map(t -> dev.samovar.ops.Arithmetic.mul(t, Creation.scalar(2)))
                .filter(t -> t.item() > 2).toList();
        assertEquals(2, out.size());
        assertEquals(4f, out.get(0).item());
        assertEquals(before + 3 + 2, Engine.get().memory().numTensors);
        out.forEach(Tensor::dispose);
        src.forEach(Tensor::dispose);
        assertEquals(before, Engine.get().memory().numTensors);
    }
}
