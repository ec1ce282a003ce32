package org.secretariat.platform.modules.impl;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string values of annotations in a class file, read without loading the class: what a module
 * declares in its code ({@code @Path}, {@code @RequiresPermission}) is checked before the module is
 * installed, when nothing of it may run yet. Only run-time visible annotations on the class and its
 * methods are read; other attributes are skipped by their length.
 */
final class ClassAnnotations {

    /** One string value of an annotation element, e.g. {@code Ljavax/ws/rs/Path;} {@code value} = {@code "meetings"}. */
    record Value(String annotationType, String element, String value, boolean onClass) {
    }

    private ClassAnnotations() {
    }

    /** @throws IOException when the bytes are not a class file */
    static List<Value> read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        Object[] pool = constantPool(in);
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        skip(in, in.readUnsignedShort() * 2); // interfaces
        List<Value> values = new ArrayList<>();
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            member(in, pool, values, false, false);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            member(in, pool, values, true, false);
        }
        attributes(in, pool, values, true, true);
        return values;
    }

    private static Object[] constantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: pool[i] = in.readUTF(); break;
                case 3: case 4: skip(in, 4); break;
                case 5: case 6: skip(in, 8); i++; break;
                case 7: case 8: case 16: case 19: case 20: skip(in, 2); break;
                case 9: case 10: case 11: case 12: case 17: case 18: skip(in, 4); break;
                case 15: skip(in, 3); break;
                default: throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return pool;
    }

    private static void member(DataInputStream in, Object[] pool, List<Value> values, boolean method, boolean onClass) throws IOException {
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        attributes(in, pool, values, method, onClass);
    }

    private static void attributes(DataInputStream in, Object[] pool, List<Value> values, boolean wanted, boolean onClass) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            String name = utf(pool, in.readUnsignedShort());
            int length = in.readInt();
            if (wanted && "RuntimeVisibleAnnotations".equals(name)) {
                int annotations = in.readUnsignedShort();
                for (int a = 0; a < annotations; a++) {
                    annotation(in, pool, values, onClass);
                }
            } else {
                skip(in, length);
            }
        }
    }

    private static void annotation(DataInputStream in, Object[] pool, List<Value> values, boolean onClass) throws IOException {
        String type = utf(pool, in.readUnsignedShort());
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            String element = utf(pool, in.readUnsignedShort());
            elementValue(in, pool, values, type, element, onClass);
        }
    }

    private static void elementValue(DataInputStream in, Object[] pool, List<Value> values, String type, String element, boolean onClass)
            throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 's':
                values.add(new Value(type, element, utf(pool, in.readUnsignedShort()), onClass));
                break;
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z': case 'c':
                skip(in, 2);
                break;
            case 'e':
                skip(in, 4);
                break;
            case '@':
                annotation(in, pool, new ArrayList<>(), onClass);
                break;
            case '[':
                int count = in.readUnsignedShort();
                for (int i = 0; i < count; i++) {
                    elementValue(in, pool, values, type, element, onClass);
                }
                break;
            default:
                throw new IOException("unknown annotation element tag " + (char) tag);
        }
    }

    private static String utf(Object[] pool, int index) throws IOException {
        if (index <= 0 || index >= pool.length || !(pool[index] instanceof String)) {
            throw new IOException("constant " + index + " is not a string");
        }
        return (String) pool[index];
    }

    private static void skip(DataInputStream in, int bytes) throws IOException {
        if (in.skipBytes(bytes) != bytes) {
            throw new IOException("truncated class file");
        }
    }
}
