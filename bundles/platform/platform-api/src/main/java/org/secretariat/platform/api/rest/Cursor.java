package org.secretariat.platform.api.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a list read by cursor goes on: the sort key and the id of the last item a page answered, in the order that page
 * was read in. A client gets it as a page's {@code next} and passes it back as {@code after}; it is opaque to the client
 * (URL-safe base64), and a cursor made for another order, or not made by the platform at all, is refused with a 400
 * naming {@code after}. Tampering with one only moves where the list resumes: the list's filter and the caller's rights
 * still apply to every item.
 *
 * <p>A page read after a cursor skips nothing: its query starts at the cursor in the order's index (keyset paging), so
 * the 2 000th page costs what the first does, and items written meanwhile cannot shift later pages.
 */
public final class Cursor {

    private static final String FORMAT = "c1";
    private static final char SEPARATOR = '\n';

    private final String sortField;
    private final boolean ascending;
    private final long id;
    private final String key;

    private Cursor(String sortField, boolean ascending, long id, String key) {
        this.sortField = sortField;
        this.ascending = ascending;
        this.id = id;
        this.key = key;
    }

    /**
     * The cursor after an item, for a page read by {@code request}.
     *
     * @param key the item's sort key as text (an {@link java.time.Instant}'s ISO form, a name key, the id again), never null
     * @param id the item's id, the tie-break of every order
     */
    public static Cursor after(PageRequest request, String key, long id) {
        return new Cursor(request.sortField(), request.ascending(), id, Objects.requireNonNull(key, "key"));
    }

    /** The text a client passes back as {@code after}. */
    public String encode() {
        String text = FORMAT + SEPARATOR + sortField + SEPARATOR + (ascending ? 'a' : 'd') + SEPARATOR + id + SEPARATOR + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a client's {@code after} for a list sorted by {@code sortField} in that direction.
     *
     * @throws ApiException 400 naming {@code after} when the text is no cursor or belongs to another order
     */
    static Cursor decode(String text, String sortField, boolean ascending) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), 5);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (parts.length != 5 || !parts[0].equals(FORMAT) || !(parts[2].equals("a") || parts[2].equals("d"))) {
            throw notACursor();
        }
        long id;
        try {
            id = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
        if (!parts[1].equals(sortField) || parts[2].equals("a") != ascending) {
            throw ApiException.badRequest("after", "after was given by this list sorted otherwise: ask again with the sort it was given for ("
                    + parts[1] + (parts[2].equals("a") ? ",asc" : ",desc") + "), or start again without after");
        }
        return new Cursor(sortField, ascending, id, parts[4]);
    }

    private static ApiException notACursor() {
        return ApiException.badRequest("after", "after must be the next value of a page of this list");
    }

    /** The last item's id. */
    public long id() {
        return id;
    }

    /** The last item's sort key as text. */
    public String key() {
        return key;
    }

    /**
     * The last item's sort key read as the list's type, e.g. {@code cursor.key(Instant::parse)}.
     *
     * @throws ApiException 400 naming {@code after} when the key does not read (a cursor edited by hand)
     */
    public <T> T key(Function<String, T> reader) {
        try {
            return reader.apply(key);
        } catch (RuntimeException e) {
            throw notACursor();
        }
    }

    /**
     * The JPQL condition selecting the items after this cursor in its order: the key beyond the cursor's, or the same
     * key and an id beyond (ties are broken by id). Written with a bound that Derby and PostgreSQL use as the start of
     * an index range on {@code (key, id)}. Its parameters, {@code :afterKey} and {@code :afterId}, are bound by
     * {@link #bind}.
     *
     * @param keyPath the sort key's path, e.g. {@code e.occurredAt}
     * @param idPath the id's path, e.g. {@code e.id}
     * @param idAscending whether ties are ordered by ascending id whatever the key's direction (the list's
     *                    {@code ORDER BY ..., e.id}), or in the key's direction ({@code ORDER BY ... DESC, e.id DESC})
     */
    public String condition(String keyPath, String idPath, boolean idAscending) {
        String beyond = ascending ? " > " : " < ";
        String idBeyond = (idAscending || ascending) ? " > " : " < ";
        return "(" + keyPath + (ascending ? " >= " : " <= ") + ":afterKey AND (" + keyPath + beyond + ":afterKey OR " + idPath
                + idBeyond + ":afterId))";
    }

    /** Binds the parameters of {@link #condition}; {@code key} is {@link #key(Function)}'s value. */
    public <Q extends javax.persistence.Query> Q bind(Q query, Object key) {
        query.setParameter("afterKey", key);
        query.setParameter("afterId", id);
        return query;
    }
}
