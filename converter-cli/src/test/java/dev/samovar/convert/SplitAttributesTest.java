package dev.samovar.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.samovar.convert.keras.KerasH5Writer;
import dev.samovar.io.Json;
import io.jhdf.HdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras splits an attribute over 64,512 bytes into {@code name0, name1, ...}. No corpus file is that
 * large, so the files here are written with jhdf: a weights-only file whose layer_names and
 * weight_names are split (the reader joins them), and the writer's own splitting of a long list.
 */
class SplitAttributesTest {
    @TempDir
    Path dir;

    @Test
    void splitLayerAndWeightNamesAreJoined() throws Exception {
        Path h5 = dir.resolve("split.h5");
        float[] k1 = {1, 2, 3, 4, 5, 6};
        float[] b1 = {0.5f, -0.5f, 0.25f};
        float[] k2 = {7, 8, 9};
        float[] b2 = {-1};
        KerasH5Writer.writeFile(h5, root -> {
            root.putAttribute("keras_version", "2.3.1");
            root.putAttribute("backend", "tensorflow");
            root.putAttribute("layer_names0", new String[] {"dense_1"});
            root.putAttribute("layer_names1", new String[] {"dense_2"});
            WritableGroup d1 = root.putGroup("dense_1");
            d1.putAttribute("weight_names0", new String[] {"dense_1/kernel:0"});
            d1.putAttribute("weight_names1", new String[] {"dense_1/bias:0"});
            WritableGroup g1 = d1.putGroup("dense_1");
            g1.putDataset("kernel:0", new float[][] {{1, 2, 3}, {4, 5, 6}});
            g1.putDataset("bias:0", b1);
            WritableGroup d2 = root.putGroup("dense_2");
            d2.putAttribute("weight_names", new String[] {"dense_2/kernel:0", "dense_2/bias:0"});
            WritableGroup g2 = d2.putGroup("dense_2");
            g2.putDataset("kernel:0", new float[][] {{7}, {8}, {9}});
            g2.putDataset("bias:0", b2);
        });
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_1\", \"units\": 3, \"batch_input_shape\": [null, 2]}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_2\", \"units\": 1}}]}}");
        Path out = dir.resolve("out");
        Fixtures.Run r = Fixtures.convert("--config", config.toString(), h5.toString(), out.toString());
        assertEquals(0, r.code, r.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> mj = (Map<String, Object>) Json.parse(Files.readString(out.resolve("model.json")));
        List<String> names = new ArrayList<>();
        for (Object w : (List<Object>) ((Map<String, Object>) ((List<Object>) mj.get("weightsManifest")).get(0)).get("weights")) {
            names.add((String) ((Map<String, Object>) w).get("name"));
        }
        assertEquals(List.of("dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"), names);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out.resolve("group1-shard1of1.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        List<Float> values = new ArrayList<>();
        while (b.hasRemaining()) {
            values.add(b.getFloat());
        }
        List<Float> want = new ArrayList<>();
        for (float[] a : new float[][] {k1, b1, k2, b2}) {
            for (float v : a) {
                want.add(v);
            }
        }
        assertEquals(want, values);
    }

    @Test
    void theWriterSplitsLongNameListsAsKerasDoes() throws Exception {
        Path h5 = dir.resolve("names.h5");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3001; i++) {
            names.add(String.format("a_rather_long_layer_name_%05d", i)); // 30 bytes: 90,030 in all
        }
        KerasH5Writer.writeFile(h5, root -> KerasH5Writer.putNames(root, "layer_names", names));
        try (HdfFile f = new HdfFile(h5)) {
            assertNull(f.getAttribute("layer_names"));
            String[] c0 = (String[]) f.getAttribute("layer_names0").getData();
            String[] c1 = (String[]) f.getAttribute("layer_names1").getData();
            assertNull(f.getAttribute("layer_names2"));
            // np.array_split(3001, 2): 1501 + 1500, each 30-byte names: under 64,512 bytes
            assertEquals(1501, c0.length);
            assertEquals(1500, c1.length);
            assertTrue(c0.length * 30 <= 64512);
            List<String> joined = new ArrayList<>(List.of(c0));
            joined.addAll(List.of(c1));
            assertArrayEquals(names.toArray(), joined.toArray());
        }
    }
}
