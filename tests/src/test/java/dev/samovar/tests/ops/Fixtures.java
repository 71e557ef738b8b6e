package dev.samovar.tests.ops;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loads the op fixtures made by tests/fixtures/gen-op-fixtures.mjs from TF.js 4.22. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The repository root (set by surefire; the working directory otherwise). */
    public static Path root() {
        String r = System.getProperty("samovar.root");
        return (r != null ? Path.of(r) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path opFixtureDir() {
        return root().resolve("tests/src/test/resources/fixtures/ops");
    }

    /** Fixture file names without extension, sorted. */
    public static List<String> files() {
        try (Stream<Path> s = Files.list(opFixtureDir())) {
            // -Dsamovar.opFiles=a,b runs only those fixture files (while working on a family).
            String only = System.getProperty("samovar.opFiles", "");
            List<String> wanted = only.isBlank() ? null : List.of(only.split(","));
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).filter(n -> wanted == null || wanted.contains(n))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<OpCase> load(String file) {
        try {
            String text = Files.readString(opFixtureDir().resolve(file + ".json"), StandardCharsets.UTF_8);
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            List<OpCase> cases = new ArrayList<>();
            for (JsonElement c : root.getAsJsonArray("cases")) {
                cases.add(new OpCase(file, c.getAsJsonObject()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
