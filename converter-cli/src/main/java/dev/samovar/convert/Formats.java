package dev.samovar.convert;

import dev.samovar.convert.keras.KerasToTfjs;
import dev.samovar.convert.tfjs.TfjsToKeras;
import dev.samovar.convert.tfjs.TfjsToTfjs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The registry of input formats, output formats and the conversions between them. Adding an
 * input format is one {@link Converter} class plus one {@link #conversion} line here (its
 * {@link #input} line, with a detector, is already here for every tensorflowjs_converter format).
 */
public final class Formats {
    private Formats() {
    }

    /** An input format: its name, aliases, what it is, and how to recognise it (for a missing --input_format). */
    public static final class Input {
        public final String name;
        public final List<String> aliases;
        public final String description;
        final Predicate<Path> detect;
        /** The output format used when --output_format is not given. */
        public final String defaultOutput;

        Input(String name, List<String> aliases, String description, Predicate<Path> detect, String defaultOutput) {
            this.name = name;
            this.aliases = aliases;
            this.description = description;
            this.detect = detect;
            this.defaultOutput = defaultOutput;
        }
    }

    /** An output format: a folder (model.json + shards) or a single file. */
    public static final class Output {
        public final String name;
        public final boolean folder;
        public final String description;

        Output(String name, boolean folder, String description) {
            this.name = name;
            this.folder = folder;
            this.description = description;
        }
    }

    /** A registered conversion and the optional flags it honours (others are refused, exit 2). */
    public static final class Conversion {
        public final String input;
        public final String output;
        public final Converter converter;
        public final Set<String> flags;

        Conversion(String input, String output, Converter converter, Set<String> flags) {
            this.input = input;
            this.output = output;
            this.converter = converter;
            this.flags = flags;
        }
    }

    private static final Map<String, Input> INPUTS = new LinkedHashMap<>();
    private static final Map<String, Output> OUTPUTS = new LinkedHashMap<>();
    private static final Map<String, Conversion> CONVERSIONS = new LinkedHashMap<>();

    /** Flags of TF.js outputs (shards and quantization). */
    public static final List<String> TFJS_OUTPUT_FLAGS = List.of("--weight_shard_size_bytes", "--quantize_uint8",
            "--quantize_uint16", "--quantize_float16", "--split_weights_by_layer", "--metadata");
    /** Flags of graph-model inputs (issue 7). */
    public static final List<String> GRAPH_INPUT_FLAGS = List.of("--signature_name", "--saved_model_tags",
            "--output_node_names", "--skip_op_check");

    static {
        // Input formats (tensorflowjs_converter's names), most specific detector first.
        input("tfjs_layers_model", List.of(), "a TF.js layers model (model.json + shards)",
                p -> isJsonFile(p) || Files.isRegularFile(p.resolve("model.json")), "keras");
        input("keras", List.of("keras_keras"), "a Keras HDF5 (.h5) or Keras 3 (.keras) model, recognised by content",
                p -> startsWith(p, new byte[] {(byte) 0x89, 'H', 'D', 'F'}) || startsWith(p, new byte[] {'P', 'K', 3, 4}),
                "tfjs_layers_model");
        input("tf_saved_model", List.of(), "a TensorFlow SavedModel folder",
                p -> Files.isRegularFile(p.resolve("saved_model.pb")), "tfjs_graph_model");
        input("keras_saved_model", List.of(), "a Keras model saved as a SavedModel folder", p -> false, "tfjs_layers_model");
        input("tf_frozen_model", List.of(), "a frozen TensorFlow GraphDef (.pb)",
                p -> Files.isRegularFile(p) && p.toString().endsWith(".pb"), "tfjs_graph_model");
        input("tf_hub", List.of(), "a TensorFlow Hub module", p -> false, "tfjs_graph_model");

        output("tfjs_layers_model", true, "a TF.js layers model: model.json + group1-shard*of*.bin in a folder");
        output("tfjs_graph_model", true, "a TF.js graph model: model.json + shards in a folder");
        output("keras", false, "a Keras 2 HDF5 (.h5) file");
        output("keras_saved_model", true, "a Keras SavedModel folder");
        output("keras_keras", false, "a Keras 3 .keras file");

        // Conversions: one line each.
        conversion("keras", "tfjs_layers_model", new KerasToTfjs(), flags(TFJS_OUTPUT_FLAGS, "--config"));
        conversion("tfjs_layers_model", "tfjs_layers_model", new TfjsToTfjs(), flags(TFJS_OUTPUT_FLAGS));
        conversion("tfjs_layers_model", "keras", new TfjsToKeras(), flags(List.of()));
    }

    public static void input(String name, List<String> aliases, String description, Predicate<Path> detect,
            String defaultOutput) {
        INPUTS.put(name, new Input(name, aliases, description, detect, defaultOutput));
    }

    public static void output(String name, boolean folder, String description) {
        OUTPUTS.put(name, new Output(name, folder, description));
    }

    public static void conversion(String input, String output, Converter converter, Set<String> flags) {
        CONVERSIONS.put(input + ">" + output, new Conversion(input, output, converter, flags));
    }

    public static Set<String> flags(List<String> base, String... more) {
        Set<String> s = new LinkedHashSet<>(base);
        s.addAll(Arrays.asList(more));
        return s;
    }

    /** The canonical input format for a name or alias, or null. */
    public static Input input(String nameOrAlias) {
        for (Input i : INPUTS.values()) {
            if (i.name.equals(nameOrAlias) || i.aliases.contains(nameOrAlias)) {
                return i;
            }
        }
        return null;
    }

    public static Output output(String name) {
        return OUTPUTS.get(name);
    }

    public static Conversion conversion(String input, String output) {
        return CONVERSIONS.get(input + ">" + output);
    }

    /** Whether some conversion reads this input format. */
    public static boolean readable(String input) {
        for (Conversion c : CONVERSIONS.values()) {
            if (c.input.equals(input)) {
                return true;
            }
        }
        return false;
    }

    /** The output formats an input converts to. */
    public static List<String> outputsOf(String input) {
        List<String> out = new ArrayList<>();
        for (Conversion c : CONVERSIONS.values()) {
            if (c.input.equals(input)) {
                out.add(c.output);
            }
        }
        return out;
    }

    /** The input format a path looks like, or null. */
    public static Input detect(Path p) {
        for (Input i : INPUTS.values()) {
            if (i.detect.test(p)) {
                return i;
            }
        }
        return null;
    }

    public static List<String> inputNames() {
        List<String> out = new ArrayList<>();
        for (Input i : INPUTS.values()) {
            out.add(i.name);
            out.addAll(i.aliases);
        }
        return out;
    }

    public static List<String> outputNames() {
        return new ArrayList<>(OUTPUTS.keySet());
    }

    public static List<Conversion> conversions() {
        return new ArrayList<>(CONVERSIONS.values());
    }

    private static boolean isJsonFile(Path p) {
        return Files.isRegularFile(p) && p.getFileName() != null && p.getFileName().toString().endsWith(".json");
    }

    static boolean startsWith(Path p, byte[] magic) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            return false;
        }
    }
}
