package org.secretariat.platform.persistence.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One forward schema step of a module: a file {@code V<number>__<description>.sql} holding portable
 * SQL statements, each ending with a semicolon at the end of a line.
 */
public final class Migration implements Comparable<Migration> {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_\\-]+)\\.sql");

    private final int version;
    private final String description;
    private final String script;
    private final String fileName;

    Migration(int version, String description, String script) {
        this(version, description, script, "V" + version + "__" + description.replace(' ', '_') + ".sql");
    }

    private Migration(int version, String description, String script, String fileName) {
        this.version = version;
        this.description = description;
        this.script = Objects.requireNonNull(script, "script");
        this.fileName = fileName;
    }

    /**
     * Reads a migration from its file name and content.
     *
     * @throws IllegalArgumentException when the file name does not follow {@code V<n>__<description>.sql}
     */
    public static Migration fromFile(String fileName, byte[] content) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("migration file '" + fileName + "' is not named V<number>__<description>.sql");
        }
        int version = Integer.parseInt(matcher.group(1));
        if (version < 1) {
            throw new IllegalArgumentException("migration file '" + fileName + "' has version 0; versions start at 1");
        }
        return new Migration(version, matcher.group(2).replace('_', ' '), new String(content, StandardCharsets.UTF_8), fileName);
    }

    int version() {
        return version;
    }

    String description() {
        return description;
    }

    String fileName() {
        return fileName;
    }

    /**
     * SHA-256 of the script (line endings as LF, so a checkout with CRLF gives the same sum), recorded when
     * it is applied and compared at every start: a shipped migration must never change.
     */
    String checksum() {
        try {
            String normalised = script.replace("\r\n", "\n");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The statements of the script: text up to a semicolon that ends a line, without {@code --}
     * comment lines and without the semicolon (JDBC drivers such as Derby's refuse it).
     */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
    }

    @Override
    public int compareTo(Migration other) {
        return Integer.compare(version, other.version);
    }

    @Override
    public String toString() {
        return "V" + version + " (" + description + ")";
    }
}
