package com.chatshare.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which feature owns which table, and the checks that keep it so: no feature's Java source
 * carries SQL naming another feature's table, and every table a migration creates has an owner.
 *
 * <p>The source check reads text, not a running application, so it sees SQL in string literals
 * (also when split over {@code "…" + "…"}) and JPA table mappings, after dropping comments. It
 * counts a table as named where SQL puts a table: after {@code from}, {@code join},
 * {@code update}, {@code into}, {@code table} or {@code truncate}, and in the comma-separated
 * table list of a {@code from} or {@code update}. A table name built at run time from a constant
 * escapes it; the ArchUnit rules in {@link DataAccessRules} narrow where such code can live.
 */
public final class TableOwnership {

    /** A place where a package's source names a table that another package owns. */
    public record ForeignTable(Path file, int line, String table, String owner, String sql) {
        @Override
        public String toString() {
            return file + ":" + line + " names " + table + " (owned by " + owner + "): " + sql;
        }
    }

    /** A place in Java source where SQL or a JPA mapping names a table. */
    public record TableReference(String table, int line, String sql) {
    }

    private static final String NAME = "(?:`?\\w+`?\\.)?`?(\\w+)`?";
    /** Between two words of SQL: white space, or the end of one string literal joined to the next by {@code +}. */
    private static final String GAP = "(?:\\s|\"\\s*\\+\\s*\")";
    private static final Pattern SINGLE_TABLE = Pattern.compile(
            "\\b(?:join|into|table|truncate(?:" + GAP + "+table)?)" + GAP + "+" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_LIST = Pattern.compile("\\b(?:from|update)" + GAP + "+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_NAME = Pattern.compile(NAME + "\\b");
    private static final Pattern LIST_ALIAS = Pattern.compile(GAP + "+(?:as" + GAP + "+)?(\\w+)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_COMMA = Pattern.compile(GAP + "*," + GAP + "*");
    private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "inner", "left", "right", "cross",
            "natural", "full", "straight_join", "on", "using", "set", "order", "group", "having", "limit",
            "offset", "union", "window", "for", "lock", "partition", "use", "force", "ignore", "into", "values",
            "select", "returning", "except", "intersect", "and", "or", "when", "then", "else", "end", "fetch");
    private static final Pattern TABLE_MAPPING = Pattern.compile(
            "@(?:[\\w.]*\\.)?(?:Table|CollectionTable|JoinTable|SecondaryTable)\\s*\\("
                    + "\\s*(?:[^()]*?\\b(?:name|value)\\s*=\\s*)?\"" + NAME + "\"");

    private static final Pattern SQL_COMMENT = Pattern.compile("--[^\\n]*|#[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE = Pattern.compile("\\brename\\s+table\\b([^;]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_RENAME = Pattern.compile(
            "\\balter\\s+(?:online\\s+|ignore\\s+)*table\\s+[^;]*?\\brename\\s+(?:to|as)\\s+" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAMED_TO = Pattern.compile("\\bto\\s+" + NAME, Pattern.CASE_INSENSITIVE);

    private final Map<String, String> ownerByTable = new TreeMap<>();

    /** @param tablesByOwner each owning package (a feature's name) with the tables it owns */
    public TableOwnership(Map<String, ? extends Collection<String>> tablesByOwner) {
        tablesByOwner.forEach((owner, tables) -> tables.forEach(table -> {
            String previous = ownerByTable.put(table.toLowerCase(Locale.ROOT), owner);
            if (previous != null) {
                throw new IllegalArgumentException(table + " is owned by both " + previous + " and " + owner);
            }
        }));
    }

    /** Owner by table. */
    public Map<String, String> owners() {
        return Map.copyOf(ownerByTable);
    }

    /**
     * Where the Java sources of each of {@code packages} (directories {@code root/package}, with
     * their subpackages) name a table that another package owns.
     */
    public List<ForeignTable> foreignTables(Path root, Collection<String> packages) {
        List<ForeignTable> found = new ArrayList<>();
        for (String pkg : packages) {
            for (Path file : javaFiles(root.resolve(pkg))) {
                for (TableReference reference : tableReferences(read(file), ownerByTable.keySet())) {
                    String owner = ownerByTable.get(reference.table());
                    if (!owner.equals(pkg)) {
                        found.add(new ForeignTable(file, reference.line(), reference.table(), owner, reference.sql()));
                    }
                }
            }
        }
        return found;
    }

    /** Tables the migrations in {@code migrations} create (by {@code create table} or a rename) that nobody owns. */
    public Map<String, String> unownedTables(Path migrations) {
        Map<String, String> unowned = new TreeMap<>(createdTables(migrations));
        unowned.keySet().removeAll(ownerByTable.keySet());
        return unowned;
    }

    /**
     * Every place in {@code javaSource} where SQL in a string literal, or a JPA table mapping,
     * names one of {@code tables} (lower case), in source order.
     */
    public static List<TableReference> tableReferences(String javaSource, Set<String> tables) {
        String code = withoutComments(javaSource);
        String literals = literalsOnly(code);
        List<TableReference> found = new ArrayList<>();
        Matcher single = SINGLE_TABLE.matcher(literals);
        while (single.find()) {
            add(found, tables, literals, single.start(), single.start(1), single.group(1), single.end());
        }
        Matcher list = TABLE_LIST.matcher(literals);
        while (list.find()) {
            int at = list.end();
            Matcher name = LIST_NAME.matcher(literals);
            while (name.region(at, literals.length()).lookingAt()) {
                add(found, tables, literals, list.start(), name.start(1), name.group(1), name.end());
                at = name.end();
                Matcher alias = LIST_ALIAS.matcher(literals).region(at, literals.length());
                if (alias.lookingAt() && !NOT_AN_ALIAS.contains(alias.group(1).toLowerCase(Locale.ROOT))) {
                    at = alias.end();
                }
                Matcher comma = LIST_COMMA.matcher(literals).region(at, literals.length());
                if (!comma.lookingAt()) {
                    break;
                }
                at = comma.end();
            }
        }
        Matcher mapping = TABLE_MAPPING.matcher(code);
        while (mapping.find()) {
            add(found, tables, code, mapping.start(), mapping.start(1), mapping.group(1), mapping.end());
        }
        found.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return found;
    }

    /** Table (lower case) → the migration file that creates it. */
    public static Map<String, String> createdTables(Path migrations) {
        Map<String, String> created = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(migrations)) {
            files = list.filter(f -> f.getFileName().toString().matches("[VR].*__.*\\.sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String sql = SQL_COMMENT.matcher(read(file)).replaceAll(" ");
            String name = file.getFileName().toString();
            CREATE_TABLE.matcher(sql).results().forEach(m -> created.put(m.group(1).toLowerCase(Locale.ROOT), name));
            ALTER_RENAME.matcher(sql).results().forEach(m -> created.put(m.group(1).toLowerCase(Locale.ROOT), name));
            RENAME_TABLE.matcher(sql).results().forEach(rename -> RENAMED_TO.matcher(rename.group(1)).results()
                    .forEach(m -> created.put(m.group(1).toLowerCase(Locale.ROOT), name)));
        }
        return created;
    }

    /** The source with comments blanked out; the same length and line breaks, literals kept. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (source.startsWith("\"\"\"", i)) {
                int end = literalEnd(source, i + 3, "\"\"\"");
                out.append(source, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(source, i + 1, String.valueOf(c));
                out.append(source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The contents of string literals and text blocks with their quotes; outside them only white
     * space and {@code +} survive, everything else becomes a NUL, so SQL words cannot pair up
     * across code.
     */
    private static String literalsOnly(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = literalEnd(code, i + 3, "\"\"\"");
                out.append(code, i, end);
                i = end;
            } else if (c == '"') {
                int end = literalEnd(code, i + 1, "\"");
                out.append(code, i, end);
                i = end;
            } else if (c == '\'') {
                int end = literalEnd(code, i + 1, "'");
                out.append("\0".repeat(end - i));
                i = end;
            } else {
                out.append(Character.isWhitespace(c) || c == '+' ? c : '\0');
                i++;
            }
        }
        return out.toString();
    }

    /** Just past the closing {@code quote} of a literal whose contents start at {@code from}. */
    private static int literalEnd(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else if (quote.length() == 1 && source.charAt(i) == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static void add(List<TableReference> found, Set<String> tables, String text, int start, int nameStart,
            String name, int end) {
        String table = name.toLowerCase(Locale.ROOT);
        if (tables.contains(table)) {
            int line = (int) text.substring(0, nameStart).chars().filter(ch -> ch == '\n').count() + 1;
            String sql = text.substring(start, end).replaceAll("\"\\s*\\+\\s*\"", " ").replaceAll("\\s+", " ");
            found.add(new TableReference(table, line, sql));
        }
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no package directory " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
