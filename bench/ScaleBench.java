import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fifteen years of a unit's data (see scale.sh): people imported from CSV, organisations, positions, meetings with
 * participants and documents in three languages, loaded through the REST API by at most four clients (each its own
 * staff user, so the audit log has several actors); then p50/p99 of the main lists and searches, one client.
 *
 * <pre>java ScaleBench port password pid dataDir scale requests</pre>
 */
public class ScaleBench {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern ISO2 = Pattern.compile("\"iso2\":\"([A-Z]{2})\"");
    private static final int CLIENTS = 4;
    private static final String USER_PASSWORD = "second bench password";

    private static final String[] GIVEN = {"Marie", "Jean", "Ana", "Carlos", "John", "Mary", "Sophie", "Pierre", "Lucía", "José", "Emma",
            "Oliver", "Camille", "Hugo", "Elena", "Diego", "Amina", "Kofi", "Yuki", "Ingrid", "Lars", "Fatima", "Omar", "Chloé", "Nadia"};
    private static final String[] SYLLABLES = {"mar", "tin", "ez", "dup", "ont", "gar", "cia", "smi", "th", "ber", "nard", "lo", "pez", "rod",
            "ri", "guez", "mül", "ler", "ros", "si", "ham", "ilt", "on", "fer", "nan", "dez", "bru", "no", "kov", "ač", "sen", "berg", "okō", "ye"};
    private static final String[][] TITLES = {
            {"en", "Report on the implementation of article %d, year %d"},
            {"fr", "Rapport sur la mise en œuvre de l'article %d, année %d"},
            {"es", "Informe sobre la aplicación del artículo %d, año %d"}};

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        String password = args[1];
        String pid = args[2];
        Path dataDir = Path.of(args[3]);
        double scale = Double.parseDouble(args[4]);
        int requests = Integer.parseInt(args[5]);
        BenchSupport.Session admin = new BenchSupport.Session(base, password);
        Path loaded = dataDir.resolve("loaded.properties");
        Properties facts = new Properties();
        if (Files.exists(loaded)) {
            try (var in = Files.newInputStream(loaded)) {
                facts.load(in);
            }
            System.out.println("data loaded before (scale " + facts.getProperty("scale") + "), loading skipped");
        } else {
            load(admin, base, pid, dataDir, scale, facts);
            try (var out = Files.newOutputStream(loaded)) {
                facts.store(out, "what ScaleBench loaded");
            }
        }
        measure(admin, base, pid, facts, requests);
    }

    // ---------------------------------------------------------------------------------------------- loading

    private static void load(BenchSupport.Session admin, String base, String pid, Path dataDir, double scale, Properties facts) throws Exception {
        int people = (int) Math.round(100_000 * scale);
        int organisations = Math.max(10, (int) Math.round(2_000 * scale));
        int meetings = Math.max(3, (int) Math.round(300 * scale));
        int documents = Math.max(10, (int) Math.round(20_000 * scale));
        int participants = Math.max(30, (int) Math.round(30_000 * scale));
        facts.setProperty("scale", Double.toString(scale));
        admin.json("POST", "/api/platform/modules/contacts/install", null);
        admin.json("POST", "/api/platform/modules/meetings/install", null);
        List<BenchSupport.Session> clients = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            BenchSupport.Session user = BenchSupport.newUser(admin, "SPECIALIST");
            clients.add(user);
            users.add(user.username);
        }
        facts.setProperty("users", String.join(",", users));
        List<String> states = new ArrayList<>();
        Matcher iso2 = ISO2.matcher(admin.json("GET", "/api/contacts/states?size=500", null));
        while (iso2.find()) {
            states.add(iso2.group(1));
        }
        long started = System.nanoTime();

        // People: one CSV file, streamed to the import; the heap sampled meanwhile.
        Path csv = dataDir.resolve("people.csv");
        writePeople(csv, people, states);
        HeapSampler sampler = new HeapSampler(pid);
        sampler.start();
        long t = System.nanoTime();
        HttpResponse<byte[]> imported = clients.get(0).send(HttpRequest.newBuilder(URI.create(base + "/api/contacts/people/import"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)));
        double importSeconds = (System.nanoTime() - t) / 1e9;
        sampler.stop();
        String importLine = String.format("import of %,d people (%.1f MB CSV): %.1f s, %,.0f people/s; heap used during it (sampled every 0.25 s): max %s; answer %s",
                people, Files.size(csv) / 1e6, importSeconds, people / importSeconds, sampler.max(), new String(imported.body()));
        System.out.println(importLine);
        facts.setProperty("import", importLine);
        Files.delete(csv);
        if (System.getenv("BENCH_IMPORT_ONLY") != null) {
            System.out.println("heap after full GC after the import: " + BenchSupport.heapAfterFullGc(pid));
            System.exit(0);
        }

        // Organisations.
        String[] types = {"UN_BODY", "INTERNATIONAL_ORGANISATION", "NGO", "DONOR", "GOVERNMENT_MINISTRY", "PERMANENT_MISSION", "ACADEMIC", "OTHER"};
        long[] organisationIds = new long[organisations];
        timed("organisations", organisations, clients, (client, i) -> organisationIds[i] = id(client.json("POST", "/api/contacts/organisations",
                "{\"name\":\"" + familyName(i * 7919L) + " " + (i % 3 == 0 ? "Foundation" : i % 3 == 1 ? "Institut" : "Instituto") + " " + i
                        + "\",\"acronym\":\"O" + i + "\",\"type\":\"" + types[i % types.length] + "\",\"stateIso2\":\"" + states.get(i % states.size()) + "\"}")));

        // Positions: every person one, one in twelve a second (people's ids read back by pages of 500).
        List<Long> personIds = new ArrayList<>();
        for (int page = 0; personIds.size() < people; page++) {
            Matcher ids = ID.matcher(admin.json("GET", "/api/contacts/people?sort=id&size=500&page=" + page, null));
            int before = personIds.size();
            while (ids.find()) {
                personIds.add(Long.parseLong(ids.group(1)));
            }
            if (personIds.size() == before) {
                break;
            }
        }
        int positions = personIds.size() + personIds.size() / 12;
        timed("positions", positions, clients, (client, i) -> client.json("POST", "/api/contacts/people/" + personIds.get(i % personIds.size())
                + "/positions", "{\"title\":\"" + (i < personIds.size() ? "Delegate" : "Adviser") + "\",\"organisationId\":"
                + organisationIds[(i * 31) % organisations] + ",\"startDate\":\"" + (2011 + i % 15) + "-01-01\"}"));
        facts.setProperty("people", Integer.toString(personIds.size()));

        // Meetings over fifteen years, the first type of the profile.
        Matcher firstType = Pattern.compile("\"meetingTypes\":\\{\"([^\"]+)\"").matcher(admin.json("GET", "/api/platform/profile", null));
        if (!firstType.find()) {
            throw new IllegalStateException("the profile names no meeting type");
        }
        String type = firstType.group(1);
        long[] meetingIds = new long[meetings];
        timed("meetings", meetings, clients, (client, i) -> {
            LocalDate start = LocalDate.of(2011 + i * 15 / meetings, 1 + i % 12, 1 + i % 20);
            meetingIds[i] = id(client.json("POST", "/api/meetings", "{\"type\":\"" + type + "\",\"number\":" + (i + 1) + ",\"title\":\""
                    + TITLES[i % 3][1].formatted(i % 20 + 1, start.getYear()) + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(3)
                    + "\",\"city\":\"Geneva\"}"));
        });
        // Participants: a tenth at the largest meeting (the first), the rest spread over the others.
        int largest = participants / 10;
        timed("participants", participants, clients, (client, i) -> {
            long meeting = i < largest ? meetingIds[0] : meetingIds[1 + i % (meetings - 1)];
            client.json("POST", "/api/meetings/" + meeting + "/participants", i % 3 == 0
                    ? "{\"delegationKind\":\"STATE\",\"stateIso2\":\"" + states.get(i % states.size()) + "\",\"givenName\":\"" + GIVEN[i % GIVEN.length]
                            + "\",\"familyName\":\"" + familyName(i) + "\"}"
                    : "{\"delegationKind\":\"ORGANISATION\",\"delegation\":\"Organisation " + (i % 400) + "\",\"givenName\":\"" + GIVEN[i % GIVEN.length]
                            + "\",\"familyName\":\"" + familyName(i) + "\"}");
        });
        facts.setProperty("largestMeeting", Long.toString(meetingIds[0]));
        facts.setProperty("meetingIds", joined(meetingIds));
        // Documents: small files, a title in one of three languages, the file in all three.
        String[] categories = {"OFFICIAL", "WORKING_PAPER", "INFORMATION", "CONFERENCE_ROOM_PAPER", "STATEMENT"};
        timed("documents, each in 3 languages", documents, clients, (client, i) -> {
            long meeting = meetingIds[i % meetings];
            String[] title = TITLES[i % 3];
            long document = id(new String(client.send(multipart(base + "/api/meetings/" + meeting + "/documents", file(i, title[0]),
                    title[1].formatted(i % 20 + 1, 2011 + i % 15) + " (" + i + ")", categories[i % categories.length], title[0])).body()));
            for (String[] other : TITLES) {
                if (other != title) {
                    client.send(multipart(base + "/api/meetings/" + meeting + "/documents/" + document + "/files", file(i, other[0]), null, null, other[0]));
                }
            }
        });
        facts.setProperty("loadSeconds", String.format("%.0f", (System.nanoTime() - started) / 1e9));
        long events = total(admin.json("GET", "/api/platform/audit?size=1", null));
        facts.setProperty("auditEvents", Long.toString(events));
        System.out.printf("loaded in %.0f s; audit events: %,d%n", (System.nanoTime() - started) / 1e9, events);
    }

    private static void writePeople(Path csv, int count, List<String> states) throws IOException {
        String[] languages = {"en", "fr", "es", ""};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("honorific,givenName,familyName,email,phone,stateIso2,language,consent,consentDate,notes\n");
            for (int i = 0; i < count; i++) {
                boolean consent = i % 2 == 0;
                String given = GIVEN[i % GIVEN.length];
                String family = familyName(i);
                out.write((i % 2 == 0 ? "Ms." : "Mr.") + "," + given + "," + family + ","
                        + (consent ? (given + "." + family + "." + i + "@example.org").toLowerCase().replaceAll("[^a-z0-9.@]", "") : "") + ","
                        + (consent && i % 3 == 0 ? "+41 22 000 " + (1000 + i % 9000) : "") + ","
                        + (i % 5 == 0 ? "" : states.get(i % states.size())) + "," + languages[i % 4] + "," + consent + ","
                        + (consent ? LocalDate.of(2011 + i % 15, 1 + i % 12, 1 + i % 28) : "") + ","
                        + (i % 10 == 0 ? "\"Met at the " + (i % 15 + 1) + "th meeting, notes kept\"" : "") + "\n");
            }
        }
    }

    /** A family name made of two or three syllables: about 40 000 different names, so a fragment matches a few percent. */
    private static String familyName(long i) {
        long n = i * 2654435761L & 0x7fffffffL;
        int s = SYLLABLES.length;
        String name = SYLLABLES[(int) (n % s)] + SYLLABLES[(int) (n / s % s)] + (n / s / s % 3 == 0 ? "" : SYLLABLES[(int) (n / s / s / 3 % s)]);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static byte[] file(int i, String language) {
        return ("%PDF-1.4\n% bench document " + i + " " + language + "\n" + "x".repeat(1024 + i % 512) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    interface Task {
        void run(BenchSupport.Session client, int index) throws Exception;
    }

    /** Runs {@code count} tasks on the clients (one thread each), and prints the rate. */
    private static void timed(String what, int count, List<BenchSupport.Session> clients, Task task) throws Exception {
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> done = new ArrayList<>();
        AtomicLong next = new AtomicLong();
        for (BenchSupport.Session client : clients) {
            done.add(threads.submit(() -> {
                for (int i; (i = (int) next.getAndIncrement()) < count; ) {
                    task.run(client, i);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-32s %,8d in %6.1f s (%,.0f/s, %d clients)%n", what, count, seconds, count / seconds, clients.size());
    }

    // ------------------------------------------------------------------------------------------- measuring

    private static void measure(BenchSupport.Session admin, String base, String pid, Properties facts, int requests) throws Exception {
        Random random = new Random(20);
        String firstUser = facts.getProperty("users").split(",")[0];
        long people = total(admin.json("GET", "/api/contacts/people?size=1", null));
        long organisations = total(admin.json("GET", "/api/contacts/organisations?size=1", null));
        long events = total(admin.json("GET", "/api/platform/audit?size=1", null));
        String largest = facts.getProperty("largestMeeting");
        long participants = total(admin.json("GET", "/api/meetings/" + largest + "/participants?size=1", null));
        String[] meetingIds = facts.getProperty("meetingIds").split(",");
        System.out.printf("data: %,d people, %,d organisations, %d meetings, largest with %,d participants, %,d audit events%n", people,
                organisations, meetingIds.length, participants, events);
        System.out.println("heap after full GC before measuring: " + BenchSupport.heapAfterFullGc(pid));
        long lastPage = Math.max(0, (people - 1) / 50);

        BenchSupport.report("people, by name, first page (50)", requests, () -> admin.json("GET", "/api/contacts/people?size=50", null));
        BenchSupport.report("people, by name, any page (50)", requests, () -> admin.json("GET", "/api/contacts/people?size=50&page="
                + random.nextInt((int) lastPage + 1), null));
        BenchSupport.report("people, by name, last page (50)", requests, () -> admin.json("GET", "/api/contacts/people?size=50&page=" + lastPage, null));
        BenchSupport.report("people, by family name desc, any page", requests, () -> admin.json("GET", "/api/contacts/people?size=50&sort=familyName,desc&page="
                + random.nextInt((int) lastPage + 1), null));
        BenchSupport.report("people, of a state, any page", requests, () -> admin.json("GET", "/api/contacts/people?size=50&state=FR&page="
                + random.nextInt(Math.max(1, (int) (people / 200 / 50))), null));
        // By cursor (contacts 1.2.1, platform 1.6): no count, and a page starts in the index where the last ended. The
        // cursors of pages at random depths are taken, untimed, from the numbered pages just before them.
        List<String> peopleCursors = cursors(admin, "/api/contacts/people?size=50", random, lastPage);
        BenchSupport.report("people, by name, by cursor, first page", requests, () -> admin.json("GET", "/api/contacts/people?size=50&after=", null));
        BenchSupport.report("people, by name, by cursor, any page", requests, () -> admin.json("GET", "/api/contacts/people?size=50&after="
                + peopleCursors.get(random.nextInt(peopleCursors.size())), null));
        String peopleLastCursor = field(admin.json("GET", "/api/contacts/people?size=50&page=" + Math.max(0, lastPage - 1), null), "next");
        BenchSupport.report("people, by name, by cursor, last page", requests, () -> admin.json("GET", "/api/contacts/people?size=50&after="
                + peopleLastCursor, null));
        String[] fragments = {"mar", "tin", "dupon", "garcia", "ler", "berg", "kov", "zzq"};
        BenchSupport.report("people search by text (q=fragment)", requests, () -> admin.json("GET", "/api/contacts/people?size=50&q="
                + fragments[random.nextInt(fragments.length)], null));
        BenchSupport.report("people search by text, by cursor, first page", requests, () -> admin.json("GET", "/api/contacts/people?size=50&after=&q="
                + fragments[random.nextInt(fragments.length)], null));
        BenchSupport.report("organisations, by name, any page", requests, () -> admin.json("GET", "/api/contacts/organisations?size=50&page="
                + random.nextInt((int) Math.max(1, organisations / 50)), null));
        BenchSupport.report("directory search (q=fragment), page 0", requests, () -> admin.json("GET", "/api/contacts/search?size=20&q="
                + fragments[random.nextInt(fragments.length)], null));
        BenchSupport.report("directory search, page 20", requests, () -> admin.json("GET", "/api/contacts/search?size=20&page=20&q="
                + fragments[random.nextInt(fragments.length - 1)], null));
        BenchSupport.report("meetings, first page (50)", requests, () -> admin.json("GET", "/api/meetings?size=50", null));
        BenchSupport.report("meetings, any page (20)", requests, () -> admin.json("GET", "/api/meetings?size=20&page="
                + random.nextInt(Math.max(1, meetingIds.length / 20)), null));
        BenchSupport.report("participants of the largest, any page (50)", requests, () -> admin.json("GET", "/api/meetings/" + largest
                + "/participants?size=50&page=" + random.nextInt((int) Math.max(1, participants / 50)), null));
        BenchSupport.report("participants of the largest, list.html (" + participants + ")", Math.max(20, requests / 10), () -> admin.send(
                HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + largest + "/participants/list.html?status=PENDING")).GET()));
        BenchSupport.report("participants of the largest, list.csv (" + participants + ")", Math.max(20, requests / 10), () -> admin.send(
                HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + largest + "/participants/list.csv?status=PENDING")).GET()));
        BenchSupport.report("documents of a meeting (all, ~" + (20000 * Double.parseDouble(facts.getProperty("scale")) / meetingIds.length) + ")",
                requests, () -> admin.json("GET", "/api/meetings/" + meetingIds[random.nextInt(meetingIds.length)] + "/documents", null));
        long auditLast = Math.max(0, (events - 1) / 50);
        BenchSupport.report("audit, newest first, first page (50)", requests, () -> admin.json("GET", "/api/platform/audit?size=50", null));
        BenchSupport.report("audit, any page (50)", requests, () -> admin.json("GET", "/api/platform/audit?size=50&page="
                + random.nextInt((int) auditLast + 1), null));
        BenchSupport.report("audit, last page (50)", requests, () -> admin.json("GET", "/api/platform/audit?size=50&page=" + auditLast, null));
        List<String> auditCursors = cursors(admin, "/api/platform/audit?size=50", random, auditLast);
        BenchSupport.report("audit, by cursor, first page", requests, () -> admin.json("GET", "/api/platform/audit?size=50&after=", null));
        BenchSupport.report("audit, by cursor, any page", requests, () -> admin.json("GET", "/api/platform/audit?size=50&after="
                + auditCursors.get(random.nextInt(auditCursors.size())), null));
        String auditLastCursor = field(admin.json("GET", "/api/platform/audit?size=50&page=" + Math.max(0, auditLast - 1), null), "next");
        BenchSupport.report("audit, by cursor, last page", requests, () -> admin.json("GET", "/api/platform/audit?size=50&after="
                + auditLastCursor, null));
        long userEvents = total(admin.json("GET", "/api/platform/audit?size=1&actor=" + firstUser, null));
        BenchSupport.report("audit by user (" + userEvents + "), any page", requests, () -> admin.json("GET", "/api/platform/audit?size=50&actor="
                + firstUser + "&page=" + random.nextInt((int) Math.max(1, userEvents / 50)), null));
        List<String> userCursors = cursors(admin, "/api/platform/audit?size=50&actor=" + firstUser, random, Math.max(1, userEvents / 50) - 1);
        BenchSupport.report("audit by user, by cursor, any page", requests, () -> admin.json("GET", "/api/platform/audit?size=50&actor="
                + firstUser + "&after=" + userCursors.get(random.nextInt(userCursors.size())), null));
        BenchSupport.report("audit by entity (a person)", requests, () -> admin.json("GET", "/api/platform/audit?size=50&entity="
                + enc("/api/contacts/people/" + (1 + random.nextInt((int) people))), null));
        BenchSupport.report("audit by entity (a meeting, with under it)", requests, () -> admin.json("GET", "/api/platform/audit?size=50&entity="
                + enc("/api/meetings/" + meetingIds[random.nextInt(meetingIds.length)]), null));
        // A time window: the newest and oldest events bound the load; a tenth of that span, anywhere in it.
        Instant newest = Instant.parse(field(admin.json("GET", "/api/platform/audit?size=1", null), "occurredAt"));
        Instant oldest = Instant.parse(field(admin.json("GET", "/api/platform/audit?size=1&sort=occurredAt,asc", null), "occurredAt"));
        long span = Math.max(1000, newest.toEpochMilli() - oldest.toEpochMilli());
        BenchSupport.report("audit by time range (a tenth), first page", requests, () -> {
            Instant from = oldest.plusMillis((long) (random.nextDouble() * span * 0.9));
            admin.json("GET", "/api/platform/audit?size=50&from=" + from + "&to=" + from.plusMillis(span / 10), null);
        });
        BenchSupport.report("audit by time range (a tenth), page 100", requests, () -> {
            Instant from = oldest.plusMillis((long) (random.nextDouble() * span * 0.9));
            admin.json("GET", "/api/platform/audit?size=50&page=100&from=" + from + "&to=" + from.plusMillis(span / 10), null);
        });
        System.out.println("heap after full GC at the end: " + BenchSupport.heapAfterFullGc(pid));
        if (facts.getProperty("import") != null) {
            System.out.println(facts.getProperty("import"));
        }
    }

    /** The next of 20 numbered pages at random depths below {@code lastPage}: cursors into the list, taken untimed. */
    private static List<String> cursors(BenchSupport.Session admin, String list, Random random, long lastPage) throws Exception {
        List<String> cursors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cursors.add(field(admin.json("GET", list + "&page=" + random.nextInt((int) Math.max(1, lastPage)), null), "next"));
        }
        return cursors;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static long total(String json) {
        Matcher matcher = TOTAL.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no total in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    static long id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String joined(long[] values) {
        StringBuilder text = new StringBuilder();
        for (long value : values) {
            text.append(text.length() == 0 ? "" : ",").append(value);
        }
        return text.toString();
    }

    static HttpRequest.Builder multipart(String url, byte[] file, String title, String category, String language) {
        String boundary = "----scale" + System.nanoTime();
        StringBuilder fields = new StringBuilder();
        if (title != null) {
            fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n").append(title).append("\r\n");
            fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n").append(category).append("\r\n");
        }
        fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\n").append(language).append("\r\n");
        fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"document-").append(language)
                .append(".pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        String end = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(fields.toString(), StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofString(end)));
    }

    /** The platform's used heap (young + old) read with jcmd every 0.25 s while something runs; the largest reading. */
    static final class HeapSampler {
        private final String pid;
        private volatile boolean running;
        private Thread thread;
        private long maxKib;

        HeapSampler(String pid) {
            this.pid = pid;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                Pattern used = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");
                while (running) {
                    try {
                        Matcher matcher = used.matcher(BenchSupport.run("jcmd", pid, "GC.heap_info"));
                        long kib = 0;
                        while (matcher.find()) {
                            kib += Long.parseLong(matcher.group(1));
                        }
                        synchronized (this) {
                            maxKib = Math.max(maxKib, kib);
                        }
                        Thread.sleep(250);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        synchronized String max() {
            return String.format("%.1f MiB", maxKib / 1024.0);
        }
    }
}
