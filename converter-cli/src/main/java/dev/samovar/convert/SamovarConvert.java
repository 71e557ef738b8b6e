package dev.samovar.convert;

import dev.samovar.convert.tfjs.Version;
import dev.samovar.io.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code samovar-convert}: tensorflowjs_converter's command line for the conversions in
 * {@link Formats}. Every flag is defined here, once; conversions say which they honour.
 * Exit codes: 0 done, 1 the conversion failed (bad input), 2 the command line is wrong.
 */
@Command(name = "samovar-convert", sortOptions = false, usageHelpWidth = 100,
        description = {"Converts Keras models (.h5, .keras) to the TensorFlow.js layers format and back, "
                + "as tensorflowjs_converter does.", ""},
        footer = {"", "Examples:",
                "  samovar-convert model.h5 web_model/",
                "  samovar-convert --quantize_uint8 '*' model.keras web_model/",
                "  samovar-convert --input_format keras --config model_config.json weights.h5 web_model/",
                "  samovar-convert --input_format tfjs_layers_model --output_format keras web_model/model.json model.h5",
                "", "Exit codes: 0 converted, 1 the input could not be converted, 2 wrong command line."})
public final class SamovarConvert {
    @Parameters(index = "0", arity = "0..1", paramLabel = "input_path",
            description = "The model to convert: a .h5 / .keras file, or a TF.js model.json (or its folder).")
    String inputPath;

    @Parameters(index = "1", arity = "0..1", paramLabel = "output_path",
            description = "Where to write: a folder for TF.js output, a .h5 file for --output_format keras.")
    String outputPath;

    @Option(names = "--input_format", paramLabel = "FORMAT",
            description = "keras (.h5 or .keras, told apart by content; alias keras_keras), tfjs_layers_model; "
                    + "tf_saved_model, tf_frozen_model, keras_saved_model, tf_hub are not supported yet. "
                    + "Default: recognised from the input.")
    String inputFormat;

    @Option(names = "--output_format", paramLabel = "FORMAT",
            description = "tfjs_layers_model (default for keras input) or keras (default for tfjs_layers_model input).")
    String outputFormat;

    @Option(names = "--weight_shard_size_bytes", paramLabel = "BYTES",
            description = "Shard size of the weight files (default 4194304 = 4 MiB).")
    Long shardSize;

    @Option(names = "--quantize_uint8", arity = "0..1", fallbackValue = "", paramLabel = "WILDCARDS",
            parameterConsumer = OptionalWildcards.class,
            description = "Quantize weights to uint8 (affine): all float32 weights, or those whose names match "
                    + "the comma-separated wildcards (e.g. 'conv*/kernel,dense_1/*').")
    String quantizeUint8;

    @Option(names = "--quantize_uint16", arity = "0..1", fallbackValue = "", paramLabel = "WILDCARDS",
            parameterConsumer = OptionalWildcards.class, description = "The same with uint16.")
    String quantizeUint16;

    @Option(names = "--quantize_float16", arity = "0..1", fallbackValue = "", paramLabel = "WILDCARDS",
            parameterConsumer = OptionalWildcards.class, description = "The same with float16 (IEEE half).")
    String quantizeFloat16;

    @Option(names = "--split_weights_by_layer", description = "One weight group (and shard files) per layer.")
    boolean splitWeightsByLayer;

    @Option(names = "--metadata", paramLabel = "KEY:FILE[,KEY:FILE...]",
            description = "User metadata: each JSON FILE is stored under KEY in model.json's userDefinedMetadata.")
    String metadata;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The model's JSON config (model.to_json()) for a weights-only Keras .h5 file.")
    String config;

    @Option(names = "--overwrite", description = "Replace an existing output.")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    // Graph-model flags (tensorflowjs_converter's; used by graph conversions, issue 7).
    @Option(names = "--signature_name", paramLabel = "NAME", description = "SavedModel signature to convert (graph input).")
    String signatureName;

    @Option(names = "--saved_model_tags", paramLabel = "TAGS", description = "SavedModel MetaGraph tags, comma-separated "
            + "(graph input; default serve).")
    String savedModelTags;

    @Option(names = "--output_node_names", paramLabel = "NAMES", description = "Output nodes of a frozen model, "
            + "comma-separated (graph input).")
    String outputNodeNames;

    @Option(names = "--skip_op_check", description = "Do not check that TF.js has every op (graph input).")
    boolean skipOpCheck;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Show the version and exit.")
    boolean version;

    /**
     * A wildcard list after --quantize_*: taken only when it is not one of the positional paths
     * (tensorflowjs_converter's argparse would swallow {@code model.h5} in
     * {@code --quantize_uint8 model.h5 out/}; here an existing path or one of the last two
     * arguments is left as a path, unless both paths were given before the flag).
     */
    public static final class OptionalWildcards implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec spec) {
            String value = "";
            if (!args.isEmpty()) {
                String next = args.peek();
                int after = 0;
                for (int i = args.size() - 2; i >= 0; i--) {
                    if (!args.get(i).startsWith("-")) {
                        after++;
                    }
                }
                int given = 0;
                for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
                    given += p.getValue() != null ? 1 : 0;
                }
                boolean looksLikePath = Files.exists(Path.of(next));
                if (!next.startsWith("-") && (given == 2 || !looksLikePath && (after >= 2 || next.contains("*")
                        || next.contains(",") || next.contains("?")))) {
                    value = args.pop();
                }
            }
            argSpec.setValue(value);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SamovarConvert cli = new SamovarConvert();
        CommandLine cl = new CommandLine(cli);
        cl.setUsageHelpWidth(100);
        // --quantize_X=WILDCARDS: the value is attached, so it is the flag's whatever follows
        List<String> rest = new ArrayList<>();
        Map<String, String> attached = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--quantize_") && eq > 0) {
                if (attached.put(a.substring(0, eq), a.substring(eq + 1)) != null) {
                    err.println("samovar-convert: " + a.substring(0, eq) + " given twice");
                    return 2;
                }
            } else {
                rest.add(a);
            }
        }
        try {
            cl.parseArgs(rest.toArray(new String[0]));
            for (Map.Entry<String, String> e : attached.entrySet()) {
                switch (e.getKey()) {
                    case "--quantize_uint8":
                        cli.quantizeUint8 = cli.quantizeUint8 == null ? e.getValue() : duplicate(e.getKey());
                        break;
                    case "--quantize_uint16":
                        cli.quantizeUint16 = cli.quantizeUint16 == null ? e.getValue() : duplicate(e.getKey());
                        break;
                    case "--quantize_float16":
                        cli.quantizeFloat16 = cli.quantizeFloat16 == null ? e.getValue() : duplicate(e.getKey());
                        break;
                    default:
                        throw new UsageException("Unknown option: '" + e.getKey() + "'");
                }
            }
        } catch (UsageException e) {
            err.println("samovar-convert: " + e.getMessage());
            err.println("Try 'samovar-convert --help'.");
            return 2;
        } catch (CommandLine.ParameterException e) {
            err.println("samovar-convert: " + e.getMessage());
            err.println("Try 'samovar-convert --help'.");
            return 2;
        }
        if (cli.help) {
            cl.usage(out);
            return 0;
        }
        if (cli.version) {
            out.println("samovar-convert " + Version.VERSION + " (writes the TF.js layers format of tensorflowjs 4.22)");
            return 0;
        }
        long start = System.nanoTime();
        try {
            Summary s = cli.execute(err);
            s.seconds = (System.nanoTime() - start) / 1e9;
            if (!cli.quiet) {
                s.print(out);
            }
            return 0;
        } catch (UsageException e) {
            err.println("samovar-convert: " + e.getMessage());
            return 2;
        } catch (ConversionException e) {
            err.println("samovar-convert: error: " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("samovar-convert: error: " + cli.inputPath + ": " + e);
            return 1;
        }
    }

    private static String duplicate(String flag) {
        throw new UsageException(flag + " given twice");
    }

    private Summary execute(PrintStream err) {
        if (inputPath == null || outputPath == null) {
            throw new UsageException("give the input path and the output path (see --help)");
        }
        Path input = Path.of(inputPath);
        if (!Files.exists(input)) {
            throw new UsageException(inputPath + ": no such file or folder");
        }
        Formats.Input in;
        if (inputFormat == null) {
            in = Formats.detect(input);
            if (in == null) {
                throw new UsageException(inputPath + ": cannot tell its format (not HDF5, not a .keras zip, not a model.json); "
                        + "give --input_format (" + String.join(", ", Formats.inputNames()) + ")");
            }
        } else {
            in = Formats.input(inputFormat);
            if (in == null) {
                throw new UsageException("--input_format " + inputFormat + ": unknown format; expected one of "
                        + String.join(", ", Formats.inputNames()));
            }
        }
        if (!Formats.readable(in.name)) {
            throw new UsageException("input format " + in.name + " is not supported yet (supported: keras, tfjs_layers_model)");
        }
        String outName = outputFormat == null ? in.defaultOutput : outputFormat;
        Formats.Output outFormat = Formats.output(outName);
        if (outFormat == null) {
            throw new UsageException("--output_format " + outName + ": unknown format; expected one of "
                    + String.join(", ", Formats.outputNames()));
        }
        Formats.Conversion conversion = Formats.conversion(in.name, outName);
        if (conversion == null) {
            throw new UsageException("input format " + in.name + " converts to " + String.join(" or ", Formats.outputsOf(in.name))
                    + ", not to " + outName);
        }
        for (String flag : givenFlags()) {
            if (!conversion.flags.contains(flag)) {
                throw new UsageException(flag + " does not apply to " + in.name + " -> " + outName);
            }
        }
        Request r = new Request();
        r.input = input;
        r.inputName = inputPath;
        r.outputName = outputPath;
        r.inputFormat = in.name;
        r.outputFormat = outName;
        if (config != null) {
            r.config = Path.of(config);
            if (!Files.isRegularFile(r.config)) {
                throw new UsageException("--config " + config + ": no such file");
            }
        }
        if (shardSize != null) {
            if (shardSize < 1) {
                throw new UsageException("--weight_shard_size_bytes must be a positive number of bytes, not " + shardSize);
            }
            r.shardSize = shardSize;
        }
        if (quantizeUint8 != null) {
            r.quantization.add("uint8", quantizeUint8);
        }
        if (quantizeUint16 != null) {
            r.quantization.add("uint16", quantizeUint16);
        }
        if (quantizeFloat16 != null) {
            r.quantization.add("float16", quantizeFloat16);
        }
        r.splitWeightsByLayer = splitWeightsByLayer;
        if (metadata != null) {
            r.metadata = readMetadata(metadata);
        }
        r.signatureName = signatureName;
        r.savedModelTags = splitList(savedModelTags);
        r.outputNodeNames = splitList(outputNodeNames);
        r.skipOpCheck = skipOpCheck;
        r.progressOut = err;
        r.quiet = quiet;
        return Output.run(conversion, r, Path.of(outputPath), outFormat.folder, overwrite);
    }

    private List<String> givenFlags() {
        List<String> f = new ArrayList<>();
        if (shardSize != null) {
            f.add("--weight_shard_size_bytes");
        }
        if (quantizeUint8 != null) {
            f.add("--quantize_uint8");
        }
        if (quantizeUint16 != null) {
            f.add("--quantize_uint16");
        }
        if (quantizeFloat16 != null) {
            f.add("--quantize_float16");
        }
        if (splitWeightsByLayer) {
            f.add("--split_weights_by_layer");
        }
        if (metadata != null) {
            f.add("--metadata");
        }
        if (config != null) {
            f.add("--config");
        }
        if (signatureName != null) {
            f.add("--signature_name");
        }
        if (savedModelTags != null) {
            f.add("--saved_model_tags");
        }
        if (outputNodeNames != null) {
            f.add("--output_node_names");
        }
        if (skipOpCheck) {
            f.add("--skip_op_check");
        }
        return f;
    }

    private static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String p : s.split(",")) {
                if (!p.trim().isEmpty()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }

    /** --metadata key:file.json[,key2:file2.json]: each file's JSON under its key. */
    static Map<String, Object> readMetadata(String spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new UsageException("--metadata " + spec + ": expected KEY:FILE.json entries separated by commas, got '"
                        + part + "'");
            }
            String key = part.substring(0, colon);
            Path file = Path.of(part.substring(colon + 1));
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("--metadata " + key + ": cannot read " + file + ": " + e.getMessage());
            }
            try {
                out.put(key, Json.parse(text));
            } catch (Json.JsonException e) {
                throw new UsageException("--metadata " + key + ": " + file + " is not JSON: " + e.getMessage());
            }
        }
        return out;
    }

    /** For the help text of other tools. */
    public static void printUsage(PrintWriter w) {
        new CommandLine(new SamovarConvert()).usage(w);
    }
}
