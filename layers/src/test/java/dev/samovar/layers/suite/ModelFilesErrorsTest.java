package dev.samovar.layers.suite;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.Layers;
import dev.samovar.layers.Models;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayersModel;
import dev.samovar.layers.engine.Sequential;
import dev.samovar.layers.io.ModelFiles;
import dev.samovar.layers.serialization.Args;
import dev.samovar.ops.Creation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files on the JVM: a save / load round trip (model.json + shards, same predictions), and bad
 * files rejected with a message naming the file and the field, leaving no tensor behind: an unknown
 * layer class (and where it sits), a missing / truncated shard, a weight of the wrong shape, a
 * missing weight, a path escaping the folder, malformed JSON.
 */
class ModelFilesErrorsTest {
    @TempDir
    Path dir;

    static Sequential small() {
        Sequential m = new Sequential(new Args());
        m.add(Layers.dense(Args.of("units", 3, "activation", "relu", "inputShape", List.of(4))));
        m.add(Layers.dense(Args.of("units", 2)));
        return m;
    }

    Path saved() {
        Sequential m = small();
        ModelFiles.save(m, dir.resolve("m"));
        m.dispose();
        return dir.resolve("m/model.json");
    }

    static String message(Runnable r) {
        int before = Engine.get().numTensors();
        RuntimeException e = Assertions.assertThrows(RuntimeException.class, r::run);
        Assertions.assertEquals(before, Engine.get().numTensors(), "tensors left after a failed load");
        return e.getMessage();
    }

    @Test
    void roundTripPredictsTheSame() throws Exception {
        Sequential m = small();
        Tensor x = Creation.tensor(JvmLayerSuiteTest.rand(8, 3, -1, 1), 2, 4);
        Tensor y = m.predict(x);
        ModelFiles.save(m, dir.resolve("rt"));
        Assertions.assertTrue(Files.exists(dir.resolve("rt/group1-shard1of1.bin")));
        LayersModel loaded = (LayersModel) ModelFiles.load(dir.resolve("rt/model.json"));
        Tensor y2 = loaded.predict(x);
        Assertions.assertArrayEquals(y.dataSync(), y2.dataSync());
        Assertions.assertEquals(m.toJson(), loaded.toJson());
        for (Tensor t : new Tensor[] {x, y, y2}) {
            t.dispose();
        }
        m.dispose();
        loaded.dispose();
    }

    @Test
    void unknownLayerClassNamesTheClassAndWhereItSits() throws Exception {
        Path f = saved();
        String text = Files.readString(f).replaceFirst("\"class_name\":\"Dense\"", "\"class_name\":\"Densish\"");
        Files.writeString(f, text);
        String msg = message(() -> ModelFiles.load(f));
        Assertions.assertTrue(msg.startsWith("Unknown layer: Densish."), msg);
        Assertions.assertTrue(msg.contains("model.json: modelTopology.layers[0]"), msg);
    }

    @Test
    void truncatedShard() throws Exception {
        Path f = saved();
        Path shard = f.resolveSibling("group1-shard1of1.bin");
        byte[] b = Files.readAllBytes(shard);
        Files.write(shard, java.util.Arrays.copyOf(b, b.length - 4));
        String msg = message(() -> ModelFiles.load(f));
        Assertions.assertTrue(msg.contains("model.json: weightsManifest[0]") && msg.contains("truncated"), msg);
    }

    @Test
    void missingShard() throws Exception {
        Path f = saved();
        Files.delete(f.resolveSibling("group1-shard1of1.bin"));
        String msg = message(() -> ModelFiles.load(f));
        Assertions.assertTrue(msg.contains("model.json: weightsManifest[0].paths[0]") && msg.contains("missing"), msg);
    }

    @Test
    void weightOfTheWrongShape() throws Exception {
        Path f = saved();
        String text = Files.readString(f).replace("\"shape\":[4,3]", "\"shape\":[3,4]");
        Files.writeString(f, text);
        String msg = message(() -> ModelFiles.load(f));
        Assertions.assertTrue(msg.contains("model.json: weightsManifest") && msg.contains("Shape mismatch"), msg);
        Assertions.assertTrue(msg.contains("dense"), msg);
    }

    @Test
    void pathEscapingTheFolder() throws Exception {
        Path f = saved();
        Files.writeString(f, Files.readString(f).replace("group1-shard1of1.bin", "../group1-shard1of1.bin"));
        String msg = message(() -> ModelFiles.load(f));
        Assertions.assertTrue(msg.contains("model.json") && msg.contains("paths[0]"), msg);
    }

    @Test
    void malformedJson() throws Exception {
        Path f = saved();
        Files.writeString(f, "{\"modelTopology\": {", StandardCharsets.UTF_8);
        String msg = message(() -> ModelFiles.load(f));
        Assertions.assertTrue(msg.startsWith("model.json: "), msg);
    }

    @Test
    void functionalModelFromJavaAndJson() {
        var a = Models.input(Args.of("shape", List.of(3)));
        var b = Models.input(Args.of("shape", List.of(3)));
        Layer shared = Layers.dense(Args.of("units", 2, "name", "shared"));
        var sum = Layers.add(new Args()).applySymbolic(List.of(shared.apply(a), shared.apply(b)), null);
        LayersModel m = Models.model(List.of(a, b), sum, "fn");
        LayersModel copy = (LayersModel) Models.modelFromJson(m.toJson());
        Assertions.assertEquals(m.toJson(), copy.toJson());
        Assertions.assertEquals(m.countParams(), copy.countParams());
        m.dispose();
    }
}
