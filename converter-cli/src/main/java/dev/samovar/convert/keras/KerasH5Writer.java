package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.KerasModel;
import dev.samovar.convert.model.LayerWeights;
import dev.samovar.convert.model.Weight;
import dev.samovar.io.Json;
import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.api.WritableGroup;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link KerasModel} as a Keras 2 HDF5 full model (what {@code model.save('m.h5')} writes
 * and tensorflowjs_converter's {@code --output_format keras} produces): root attributes
 * {@code keras_version}, {@code backend}, {@code model_config}, {@code training_config}; group
 * {@code model_weights} with {@code layer_names} (every layer, in order), and per layer a group with
 * {@code weight_names} ({@code <layer>/<weight>:0}) and the datasets at those paths.
 *
 * <p>Written through jhdf 0.9.4's HDF5 writer (its groups, datasets and attributes; see
 * {@link #flush} for the one step done here instead), which lays out the whole file at the end:
 * the weights of the model are all in memory at that point (this direction is not streamed).
 * jhdf writes strings as fixed-length UTF-8 (h5py reads them as {@code bytes}, which Keras decodes)
 * and cannot write an empty attribute, so layers without weights get no {@code weight_names}
 * attribute, which Keras's {@code load_attributes_from_hdf5_group} (Keras 2.1+, tf.keras, Keras 3's
 * legacy loader) reads as an empty list.
 */
public final class KerasH5Writer {
    private KerasH5Writer() {
    }

    /** Returns the bytes written. */
    public static long write(KerasModel model, Path file) {
        // The config is in Keras 2 form and the weights in TensorFlow's layout (TF.js's): a Keras 1 version
        // or a theano backend here would make Keras convert them a second time when it loads the file.
        String kerasVersion = model.kerasVersion == null || model.kerasVersion.startsWith("1") ? "2.15.0" : model.kerasVersion;
        String backend = "tensorflow";
        if (!kerasVersion.equals(model.kerasVersion) && model.kerasVersion != null) {
            model.notes.add("keras_version " + model.kerasVersion + " written as " + kerasVersion + " (the config and "
                    + "weights are in Keras 2 form)");
        }
        if (model.backend != null && !model.backend.equals(backend)) {
            model.notes.add("backend " + model.backend + " written as tensorflow (the weights are in TensorFlow's layout)");
        }
        List<LayerEntry> layers = LayerEntry.of(model.modelConfig);
        Map<String, LayerWeights> byLayer = new LinkedHashMap<>();
        for (LayerWeights lw : model.layers) {
            byLayer.put(lw.layerName, lw);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            WritableGroupImpl h5 = new WritableGroupImpl(null, "/");
            h5.putAttribute("keras_version", kerasVersion);
            h5.putAttribute("backend", backend);
            h5.putAttribute("model_config", text(model, "model_config", Json.stringify(model.modelConfig)));
            if (model.trainingConfig != null) {
                h5.putAttribute("training_config", text(model, "training_config", Json.stringify(model.trainingConfig)));
            }
            WritableGroup mw = h5.putGroup("model_weights");
            List<String> names = new ArrayList<>();
            for (LayerEntry e : layers) {
                names.add(e.name);
            }
            putNames(mw, "layer_names", names);
            mw.putAttribute("backend", backend);
            mw.putAttribute("keras_version", kerasVersion);
            for (LayerEntry e : layers) {
                WritableGroup lg = mw.putGroup(e.name);
                LayerWeights lw = byLayer.remove(e.name);
                if (lw == null || lw.weights.isEmpty()) {
                    continue; // no weight_names: Keras 2.1+ and tf.keras read a missing attribute as []

                }
                List<String> wn = new ArrayList<>();
                for (Weight w : lw.weights) {
                    wn.add(w.name + ":0");
                }
                putNames(lg, "weight_names", wn);
                for (Weight w : lw.weights) {
                    String[] parts = (w.name + ":0").split("/");
                    WritableGroup g = lg;
                    for (int i = 0; i < parts.length - 1; i++) {
                        io.jhdf.api.Node child = g.getChild(parts[i]);
                        g = child instanceof WritableGroup ? (WritableGroup) child : g.putGroup(parts[i]);
                    }
                    g.putDataset(parts[parts.length - 1], nested(w));
                }
            }
            if (!byLayer.isEmpty()) {
                throw new ConversionException(model.source + ": weights of '" + byLayer.keySet().iterator().next()
                        + "' belong to no layer of the model config");
            }
            flush(h5, channel);
        } catch (IOException e) {
            throw new ConversionException(file + ": cannot write the HDF5 file: " + e.getMessage(), e);
        } catch (ConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConversionException(file + ": cannot write the HDF5 file: " + e, e);
        }
        return file.toFile().length();
    }

    /**
     * HDF5 keeps an attribute in its object's header, whose messages are at most 64 KiB; Keras
     * splits longer name lists into {@code name0, name1, ...} (each under {@value #HEADER_LIMIT}
     * bytes, as NumPy's array_split cuts them) and its loaders join them again.
     */
    public static void putNames(WritableGroup g, String attr, List<String> names) {
        int width = 1;
        for (String n : names) {
            width = Math.max(width, n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        if (width > HEADER_LIMIT) {
            throw new ConversionException("a name in " + attr + " is longer than " + HEADER_LIMIT + " bytes");
        }
        int chunks = 1;
        while (((names.size() + chunks - 1) / chunks) * (long) width > HEADER_LIMIT) {
            chunks++;
        }
        if (chunks == 1) {
            g.putAttribute(attr, names.toArray(new String[0]));
            return;
        }
        int base = names.size() / chunks;
        int extra = names.size() % chunks;
        int at = 0;
        for (int c = 0; c < chunks; c++) {
            int n = base + (c < extra ? 1 : 0);
            g.putAttribute(attr + c, names.subList(at, at + n).toArray(new String[0]));
            at += n;
        }
    }

    /** Writes an HDF5 file whose content {@code fill} puts under the root group (tests, tools). */
    public static void writeFile(Path file, java.util.function.Consumer<WritableGroup> fill) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            WritableGroupImpl root = new WritableGroupImpl(null, "/");
            fill.accept(root);
            flush(root, channel);
        }
    }

    /** Keras's HDF5_OBJECT_HEADER_LIMIT. */
    static final int HEADER_LIMIT = 64512;

    /**
     * A JSON attribute. Keras writes model_config / training_config whole (libhdf5 moves a large
     * attribute out of the header); jhdf 0.9.4 can only write attributes inside the header, so a
     * config over 64 KiB cannot be written here.
     */
    private static String text(KerasModel model, String attr, String json) {
        int bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > HEADER_LIMIT) {
            throw new ConversionException(model.source + ": the model's " + attr + " is " + bytes + " bytes; the HDF5 writer "
                    + "(jhdf 0.9.4) can write attributes of at most " + HEADER_LIMIT + " bytes, so this model cannot be saved "
                    + "as .h5 here (keep it as a TF.js layers model)");
        }
        return json;
    }

    /**
     * What jhdf 0.9.4's {@code WritableHdfFile.close()} does, minus its last step: it appends an
     * info string at the channel's current position, which is the end of the last dataset written,
     * not the end of the file, and so overwrites the object header that follows (any group written
     * after the last dataset: a corrupt file). Here: the root group and everything under it, then
     * the superblock with the end-of-file address.
     */
    private static void flush(WritableGroupImpl root, FileChannel channel) throws IOException {
        Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
        HdfFileChannel hdf = new HdfFileChannel(channel, superblock);
        root.write(hdf, ROOT_GROUP_ADDRESS);
        hdf.write(superblock.toBuffer(channel.size()), 0L);
    }

    /** Where jhdf puts the root group's object header (after the 48-byte version 2 superblock). */
    private static final long ROOT_GROUP_ADDRESS = io.jhdf.WritableHdfFile.ROOT_GROUP_ADDRESS;

    /** The weight's values as the nested Java array jhdf writes with the weight's shape. */
    private static Object nested(Weight w) {
        int[] shape = w.shape();
        boolean ints = w.dtype.equals("int32");
        Object flat = ints ? w.data.ints() : w.data.floats();
        if (shape.length == 0) {
            return ints ? Integer.valueOf(((int[]) flat)[0]) : Float.valueOf(((float[]) flat)[0]);
        }
        Object out = Array.newInstance(ints ? int.class : float.class, shape);
        fill(out, flat, shape, 0, 0);
        return out;
    }

    private static int fill(Object dst, Object flat, int[] shape, int dim, int at) {
        if (dim == shape.length - 1) {
            System.arraycopy(flat, at, dst, 0, shape[dim]);
            return at + shape[dim];
        }
        for (int i = 0; i < shape[dim]; i++) {
            at = fill(Array.get(dst, i), flat, shape, dim + 1, at);
        }
        return at;
    }
}
