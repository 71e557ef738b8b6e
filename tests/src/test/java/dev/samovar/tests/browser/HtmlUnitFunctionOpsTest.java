package dev.samovar.tests.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ops that take JS functions (tf.rand, tf.multiRNNCell, tf.op), which op cases (JSON) cannot
 * express, and the kernel-name constants; in HtmlUnit's engine. Expected values are TF.js 4.22's,
 * computed in Node with the same calls (noted beside each).
 */
class HtmlUnitFunctionOpsTest {
    @TempDir
    static Path dir;
    private static WebClient client;
    private static HtmlPage page;

    @BeforeAll
    static void load() throws IOException {
        Files.copy(TestSite.dist().resolve("samovar.js"), dir.resolve("samovar.js"));
        Files.writeString(dir.resolve("fn.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<script src=\"samovar.js\"></script></head><body></body></html>");
        client = new WebClient(BrowserVersion.CHROME);
        client.getOptions().setThrowExceptionOnScriptError(true);
        page = client.getPage(dir.resolve("fn.html").toUri().toURL());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static String eval(String js) {
        return String.valueOf(page.executeJavaScript(js).getJavaScriptResult());
    }

    @Test
    void randStoresEachCallAsItsDtype() {
        // TF.js: rand([2,2], () => 2.7, 'int32') -> [2,2,2,2]; float32 0.3 -> 0.30000001192092896;
        // bool 257 -> Uint8Array store 1 -> true.
        assertEquals("2,2,2,2 int32", eval("(() => { const t = samovar.rand([2, 2], () => 2.7, 'int32');"
                + " return Array.from(t.dataSync()).join() + ' ' + t.dtype; })()"));
        assertEquals("0.30000001192092896,0.30000001192092896,0.30000001192092896",
                eval("Array.from(samovar.rand([3], () => 0.3).dataSync()).join()"));
        assertEquals("1,1", eval("Array.from(samovar.rand([2], () => 257, 'bool').dataSync()).join()"));
        assertEquals("Unknown data type string2", eval("(() => { try { samovar.rand([2], () => 1, 'string2'); }"
                + " catch (e) { return e.message; } })()"));
    }

    @Test
    void multiRNNCellChainsCells() {
        String js = "(() => { const tf = samovar; const fb = tf.scalar(1);"
                + "const k1 = tf.tensor2d([0.1,-0.2,0.3,0.05,0.2,-0.1,0.4,0.0,-0.3,0.25,0.15,-0.05,0.3,0.1,-0.2,0.2,"
                + "0.05,0.1,0.0,-0.1,0.2,-0.3,0.1,0.05], [3, 8]);"
                + "const b1 = tf.tensor1d([0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08]);"
                + "const k2 = tf.tensor2d([0.2,0.1,-0.1,0.3,0.0,0.05,-0.2,0.1,0.15,-0.25,0.3,0.2,0.1,0.0,0.05,-0.15,"
                + "0.2,0.1,-0.1,0.3,0.0,0.05,-0.2,0.1,0.15,-0.25,0.3,0.2,0.1,0.0,0.05,-0.15], [4, 8]);"
                + "const b2 = tf.tensor1d([0,0.1,0,0.1,0,0.1,0,0.1]);"
                + "const cell1 = (d, c, h) => tf.basicLSTMCell(fb, k1, b1, d, c, h);"
                + "const cell2 = (d, c, h) => tf.basicLSTMCell(fb, k2, b2, d, c, h);"
                + "const data = tf.tensor2d([[0.5]]);"
                + "const c = [tf.tensor2d([[0.1, 0.2]]), tf.tensor2d([[0.3, -0.1]])];"
                + "const h = [tf.tensor2d([[-0.2, 0.4]]), tf.tensor2d([[0.05, 0.1]])];"
                + "const before = tf.memory().numTensors;"
                + "const r = tf.multiRNNCell([cell1, cell2], data, c, h);"
                + "return (tf.memory().numTensors - before) + ' ' + JSON.stringify(r[0].map((t) => Array.from(t.dataSync())))"
                + " + ' ' + JSON.stringify(r[1].map((t) => Array.from(t.dataSync()))); })()";
        // TF.js 4.22 (cpu): 4 new tensors, these values.
        assertEquals("4 [[0.15595950186252594,0.15765535831451416],[0.24096137285232544,0.016115017235279083]]"
                + " [[0.0907539576292038,0.08052574098110199],[0.11707156151533127,0.00840704794973135]]", eval(js));
    }

    @Test
    void opWrapsAFunctionInAScope() {
        // TF.js: the name is 'myOp__op'; f(scalar(3)) = 7 and leaves only the input and the result.
        assertEquals("myOp__op 2 7", eval("(() => { const tf = samovar;"
                + "const f = tf.op({myOp_: (x) => tf.add(tf.mul(x, 2), 1)});"
                + "const b = tf.memory().numTensors; const y = f(tf.scalar(3));"
                + "return f.name + ' ' + (tf.memory().numTensors - b) + ' ' + y.dataSync()[0]; })()"));
        assertEquals("Please provide an object with a single key (operation name) mapping to a function. "
                + "Got an object with 2 keys.", eval("(() => { try { samovar.op({a: () => 1, b: () => 2}); }"
                + " catch (e) { return e.message; } })()"));
    }

    @Test
    void kernelNamesAreExported() {
        assertEquals("Add Unique SparseSegmentMean _FusedMatMul __op R2",
                eval("[samovar.Add, samovar.Unique, samovar.SparseSegmentMean, samovar._FusedMatMul,"
                        + " samovar.OP_SCOPE_SUFFIX, samovar.Rank.R2].join(' ')"));
    }

    @Test
    void registeredJsKernelsRunInOps() {
        // A JS kernel for Square on cpu (x * x + 1, through the backend object TF.js kernels use)
        // replaces the built-in; a wrapper can delegate to the built-in it got from getKernel; the
        // built-in comes back by registering its config again.
        String js = "(() => { const tf = samovar; const out = [];"
                + "const orig = tf.getKernel('Square', 'cpu');"
                + "out.push(orig.kernelName + '/' + orig.backendName);"
                + "const warn = console.warn; console.warn = () => {};"
                + "tf.registerKernel({kernelName: 'Square', backendName: 'cpu', kernelFunc: (args) => {"
                + "  const x = args.inputs.x; const v = args.backend.data.get(x.dataId).values;"
                + "  const r = new Float32Array(v.length); for (let i = 0; i < v.length; i++) { r[i] = v[i] * v[i] + 1; }"
                + "  return args.backend.makeTensorInfo(x.shape, x.dtype, r); }});"
                + "out.push(Array.from(tf.square([1, 2, 3]).dataSync()).join());"
                + "let calls = 0;"
                + "tf.registerKernel({kernelName: 'Square', backendName: 'cpu', kernelFunc: (args) => {"
                + "  calls++; return orig.kernelFunc(args); }});"
                + "out.push(Array.from(tf.square([1, 2, 3]).dataSync()).join() + ' calls ' + calls);"
                + "tf.unregisterKernel('Square', 'cpu');"
                + "try { tf.square([2]); out.push('no error'); } catch (e) { out.push(e.message); }"
                + "tf.registerKernel(orig); console.warn = warn;"
                + "out.push(Array.from(tf.square([4]).dataSync()).join());"
                + "out.push(String(tf.getKernel('NoSuchKernel', 'cpu')));"
                + "try { tf.unregisterKernel('NoSuchKernel', 'cpu'); } catch (e) { out.push(e.message); }"
                + "const all = tf.getKernelsForBackend('cpu');"
                + "out.push(all.length > 100 && all.every((k) => k.backendName === 'cpu' && typeof k.kernelFunc === 'function'));"
                + "return out.join(' | '); })()";
        assertEquals("Square/cpu | 2,5,10 | 1,4,9 calls 1 | Kernel 'Square' not registered for backend 'cpu' | 16"
                + " | undefined | The kernel 'NoSuchKernel' for backend 'cpu' is not registered | true", eval(js));
    }

    @Test
    void builtinKernelFunctionsTakeTfjsArguments() {
        // Add's kernel function called directly with TF.js's named inputs: [1,2] + [10,20] = [11,22].
        assertEquals("11,22 float32", eval("(() => { const tf = samovar; const k = tf.getKernel('Add', 'cpu');"
                + "const a = tf.tensor([1, 2]); const b = tf.tensor([10, 20]);"
                + "const info = k.kernelFunc({inputs: {a: {dataId: {handle: a._h}, shape: [2], dtype: 'float32'},"
                + " b: {dataId: {handle: b._h}, shape: [2], dtype: 'float32'}}, backend: null, attrs: {}});"
                + "return Array.from(new tf.Tensor(info.dataId.handle).dataSync()).join() + ' ' + info.dtype; })()"));
    }

    @Test
    void registeredJsGradientsAreUsed() {
        // Diag has no gradient (none in TF.js either); a JS one (the saved x times 2) makes tf.grad
        // work: x = [1, 2, 3] gives [2, 4, 6]. Add's gradient is built in.
        String js = "(() => { const tf = samovar; const out = [];"
                + "out.push(String(tf.getGradient('Diag')));"
                + "tf.registerGradient({kernelName: 'Diag', inputsToSave: ['x'],"
                + "  gradFunc: (dy, saved) => ({x: () => saved[0].mul(2)})});"
                + "out.push(tf.getGradient('Diag').kernelName);"
                + "out.push(Array.from(tf.grad((x) => tf.diag(x).sum())(tf.tensor([1, 2, 3])).dataSync()).join());"
                + "tf.unregisterGradient('Diag');"
                + "try { tf.unregisterGradient('Diag'); } catch (e) { out.push(e.message); }"
                + "out.push(typeof tf.getGradient('Add').gradFunc);"
                + "return out.join(' | '); })()";
        assertEquals("undefined | Diag | 2,4,6 | The gradient 'Diag' for backend is not registered | function", eval(js));
    }

    @Test
    void customKernelsRunThroughEngineRunKernel() {
        // A new kernel MyCube (x^3) with a JS gradient (3 x^2 dy): at x = [1, 2], [1, 8] and [3, 12].
        String js = "(() => { const tf = samovar;"
                + "tf.registerKernel({kernelName: 'MyCube', backendName: 'cpu', kernelFunc: (args) => {"
                + "  const x = args.inputs.x; const v = args.backend.data.get(x.dataId).values;"
                + "  const r = new Float32Array(v.length); for (let i = 0; i < v.length; i++) { r[i] = v[i] * v[i] * v[i]; }"
                + "  return args.backend.makeTensorInfo(x.shape, 'float32', r); }});"
                + "tf.registerGradient({kernelName: 'MyCube', inputsToSave: ['x'],"
                + "  gradFunc: (dy, saved) => ({x: () => dy.mul(saved[0].square().mul(3))})});"
                + "const cube = (x) => tf.engine().runKernel('MyCube', {x: x});"
                + "return Array.from(cube(tf.tensor([1, 2])).dataSync()).join() + ' ' +"
                + "  Array.from(tf.grad(cube)(tf.tensor([1, 2])).dataSync()).join(); })()";
        assertEquals("1,8 3,12", eval(js));
    }
}
