package dev.samovar.tests.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samovar.core.Tensor;
import dev.samovar.tests.ops.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The TF.js 4.22 model-file fixtures (tests/fixtures/gen-io-fixtures.mjs) and helpers. */
public final class IoFixtures {
    private IoFixtures() {
    }

    public static Path dir() {
        return Fixtures.root().resolve("tests/src/test/resources/fixtures/io");
    }

    public static JsonObject expected() {
        try {
            return JsonParser.parseString(Files.readString(dir().resolve("expected.json"))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real TF.js models (read-only corpus), or null when this checkout has none. */
    public static Path sharedModels() {
        for (Path p : new Path[] {Fixtures.root().resolve("../../shared/models/tfjs").normalize(),
            Fixtures.root().resolve("shared/models/tfjs"), Path.of("/work/shared/models/tfjs")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    /** SHA-256 of a tensor's values as little-endian float32 / int32 bytes (bool: one byte each). */
    public static String sha256(Tensor t) {
        ByteBuffer b;
        switch (t.dtype()) {
            case FLOAT32: {
                float[] v = t.dataSync();
                b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    b.putFloat(f);
                }
                break;
            }
            case INT32: {
                int[] v = t.dataSyncInt();
                b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (int i : v) {
                    b.putInt(i);
                }
                break;
            }
            default: {
                int[] v = t.dataSyncInt();
                b = ByteBuffer.allocate(v.length);
                for (int i : v) {
                    b.put((byte) i);
                }
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fixture number: a JSON number, or "NaN" / "Infinity" / "-Infinity". */
    public static double number(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return Double.parseDouble(e.getAsString());
        }
        return e.getAsDouble();
    }

    /** Runs tests/fixtures/tfjs-read-model.mjs: TF.js's reading of a model folder. */
    public static JsonObject readWithTfjs(Path modelDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "tests/fixtures/tfjs-read-model.mjs", modelDir.toString())
                .directory(Fixtures.root().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("TF.js could not read " + modelDir + ": " + out);
        }
        return JsonParser.parseString(out).getAsJsonObject();
    }
}
