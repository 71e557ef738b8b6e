package dev.samovar.convert;

import dev.samovar.convert.tfjs.QuantizationPlan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a {@link Converter} gets from the command line, already checked for form. */
public final class Request {
    /** The input file or folder. */
    public Path input;
    /** The input as the user wrote it, for messages. */
    public String inputName;
    /** The output as the user wrote it, for the summary. */
    public String outputName;
    public String inputFormat;
    public String outputFormat;
    /** --config: the JSON config of a weights-only Keras file, or null. */
    public Path config;
    public long shardSize = 4L * 1024 * 1024;
    public QuantizationPlan quantization = new QuantizationPlan();
    public boolean splitWeightsByLayer;
    /** --metadata: key -> parsed JSON, in order; null when not given. */
    public Map<String, Object> metadata;
    // Graph-model flags (issue 7): accepted by the command line, used by graph conversions.
    public String signatureName;
    public List<String> savedModelTags = new ArrayList<>();
    public List<String> outputNodeNames = new ArrayList<>();
    public boolean skipOpCheck;
    /** Where progress goes (stderr), or null for none. */
    public PrintStream progressOut;
    public boolean quiet;
    /** Other flags by name, for converters registered later. */
    public final Map<String, Object> extra = new LinkedHashMap<>();
}
